import { badRequest } from "./http";

interface PageOptions {
    defaultLimit: number;
    maxLimit: number;
}

function readLimit(query: URLSearchParams, options: PageOptions): number {
    const text = query.get("limit");
    const limit = text === null ? options.defaultLimit : Number(text);
    if (!Number.isInteger(limit) || limit < 1 || limit > options.maxLimit) {
        throw badRequest(`'limit' must be an integer between 1 and ${options.maxLimit}, got '${text}'.`, "limit");
    }
    return limit;
}

function startAfter<T extends { id: string }>(items: T[], id: string, param: string): number {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw badRequest(`'${param}' does not name a position in this list.`, param);
    return index + 1;
}

/**
 * ChatGPT admin API "after" pagination (`/users`, `/invites`, `/usage_limits/groups`): `limit`, `after` = the
 * last id of the previous page; answers `{ object: "list", data, first_id, last_id, has_more }`.
 */
export function pageAfter<T extends { id: string }>(items: T[], query: URLSearchParams, options: PageOptions) {
    const limit = readLimit(query, options);
    const after = query.get("after");
    const start = after ? startAfter(items, after, "after") : 0;
    const data = items.slice(start, start + limit);
    return {
        object: "list" as const,
        data,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
        has_more: start + limit < items.length,
    };
}

/**
 * ChatGPT admin API cursor pagination (`/groups/{id}/users`, `/users/{id}/groups`, `/groups`): `limit`, an opaque
 * `cursor` from the previous answer; answers `{ object: "list", data, first_id, last_id, has_more, cursor }`.
 * `acceptAfter` also takes `after` = last id (for lists whose style no public source shows).
 */
export function pageCursor<T extends { id: string }>(
    items: T[],
    query: URLSearchParams,
    options: PageOptions & { acceptAfter?: boolean },
) {
    const limit = readLimit(query, options);
    const cursor = query.get("cursor");
    const after = options.acceptAfter ? query.get("after") : null;
    let start = 0;
    if (cursor) start = startAfter(items, decodeCursor(cursor), "cursor");
    else if (after) start = startAfter(items, after, "after");
    const data = items.slice(start, start + limit);
    const hasMore = start + limit < items.length;
    const lastId = data.at(-1)?.id ?? null;
    return {
        object: "list" as const,
        data,
        first_id: data[0]?.id ?? null,
        last_id: lastId,
        has_more: hasMore,
        cursor: hasMore && lastId ? encodeCursor(lastId) : null,
    };
}

function encodeCursor(lastId: string): string {
    return Buffer.from(`emu1:${lastId}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string {
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    if (!text.startsWith("emu1:")) throw badRequest("'cursor' is not a cursor this API issued.", "cursor");
    return text.slice(5);
}

/**
 * API Platform Admin API pagination (openai SDK): `limit` (1..100, default 20), `after`, `order` (asc|desc).
 * Answers `first_id`/`last_id`/`has_more` and `next`, which the SDK's NextCursorPage follows.
 */
export function pageSdk<T extends { id: string }>(items: T[], query: URLSearchParams) {
    const order = query.get("order") ?? "asc";
    if (order !== "asc" && order !== "desc") throw badRequest(`'order' must be asc or desc, got '${order}'.`, "order");
    const ordered = order === "asc" ? items : [...items].reverse();
    const page = pageAfter(ordered, query, { defaultLimit: 20, maxLimit: 100 });
    return { ...page, next: page.has_more ? page.last_id : null };
}
