import { badRequest } from "./http";

/**
 * Cursor pagination of the Admin API: `limit` (1..100, default 20), `after` (an id of the previous
 * page), `order` (asc|desc by creation). Answers both the documented `first_id`/`last_id` fields and
 * `next`, which the openai SDK's NextCursorPage follows.
 */
export function paginate<T extends { id: string }>(items: T[], query: URLSearchParams) {
    const order = query.get("order") ?? "asc";
    if (order !== "asc" && order !== "desc") throw badRequest(`'order' must be asc or desc, got '${order}'.`, "order");
    const limitText = query.get("limit");
    const limit = limitText === null ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw badRequest(`'limit' must be an integer between 1 and 100, got '${limitText}'.`, "limit");
    }
    const ordered = order === "asc" ? items : [...items].reverse();
    let start = 0;
    const after = query.get("after");
    if (after !== null && after !== "") {
        const index = ordered.findIndex((item) => item.id === after);
        if (index < 0) throw badRequest(`'after' cursor '${after}' does not name an item of this list.`, "after");
        start = index + 1;
    }
    const data = ordered.slice(start, start + limit);
    const hasMore = start + limit < ordered.length;
    const lastId = data.length > 0 ? data[data.length - 1].id : null;
    return {
        object: "list" as const,
        data,
        first_id: data.length > 0 ? data[0].id : null,
        last_id: lastId,
        has_more: hasMore,
        next: hasMore ? lastId : null,
    };
}
