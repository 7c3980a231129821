/**
 * The one paginator. It reads `{ data: [...], has_more: boolean, ... }` pages until `has_more` is false and
 * accepts both continuation styles of OpenAI's APIs:
 * - `after`: the next request carries `after=<last id>` (`last_id`, else the last item's `id`);
 * - `cursor`: the next request carries `cursor=<opaque>` from the page's `next_cursor` or `cursor`.
 * A page without a `data` array or a boolean `has_more`, or with `has_more: true` and no way to continue (or a
 * continuation already used), is refused through `invalid`: a partial list reported as complete is the one
 * failure a caller cannot detect.
 */

export type PaginationStyle = "after" | "cursor" | "either";

export interface Continuation {
    /** Query parameter for the next page. */
    param: "after" | "cursor";
    value: string;
}

export interface PaginateOptions<T> {
    /** Which continuation the route uses; "either" follows whichever the page offers. */
    style: PaginationStyle;
    /** Reads one page; `continuation` is undefined for the first. Returns the parsed JSON body. */
    fetchPage: (continuation: Continuation | undefined) => Promise<unknown>;
    /** Checks and converts one item; `index` is its position in the page's `data`. */
    parseItem: (raw: unknown, index: number) => T;
    /** Builds the error for a page that cannot be trusted; `field` names the offending field. */
    invalid: (field: string, detail: string) => Error;
    /** Called after each page. */
    onPage?: (progress: { pages: number; items: number }) => void;
    /** Runaway guard. Default 100000 pages. */
    maxPages?: number;
}

function text(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** The continuation a page offers in `style`, or undefined. */
export function nextContinuation(
    page: Record<string, unknown>,
    data: unknown[],
    style: PaginationStyle,
): Continuation | undefined {
    if (style !== "after") {
        const cursor = text(page.next_cursor) ?? text(page.cursor);
        if (cursor) return { param: "cursor", value: cursor };
    }
    if (style !== "cursor") {
        const lastItem = data[data.length - 1] as { id?: unknown } | undefined;
        const after = text(page.last_id) ?? text(lastItem?.id);
        if (after) return { param: "after", value: after };
    }
    return undefined;
}

export async function paginate<T>(options: PaginateOptions<T>): Promise<T[]> {
    const items: T[] = [];
    const used = new Set<string>();
    const maxPages = options.maxPages ?? 100000;
    let continuation: Continuation | undefined;
    for (let pages = 1; ; pages++) {
        const body = await options.fetchPage(continuation);
        if (body === null || typeof body !== "object" || Array.isArray(body)) {
            throw options.invalid("(body)", "the answer is not a JSON object with a data list");
        }
        const page = body as Record<string, unknown>;
        if (!Array.isArray(page.data)) throw options.invalid("data", "the list page has no data array");
        if (typeof page.has_more !== "boolean") {
            throw options.invalid("has_more", "the list page has no boolean has_more, so its end cannot be known");
        }
        page.data.forEach((raw, index) => items.push(options.parseItem(raw, index)));
        options.onPage?.({ pages, items: items.length });
        if (!page.has_more) return items;
        const next = nextContinuation(page, page.data, options.style);
        const fields =
            options.style === "after"
                ? "last_id"
                : options.style === "cursor"
                  ? "next_cursor/cursor"
                  : "next_cursor/cursor/last_id";
        if (!next) throw options.invalid(fields, "has_more is true but the page gives no way to continue");
        const id = `${next.param}=${next.value}`;
        if (used.has(id)) {
            throw options.invalid(fields, `has_more is true but the page repeats ${next.param} ${next.value}`);
        }
        if (pages >= maxPages) throw options.invalid("has_more", `still has_more after ${maxPages} pages`);
        used.add(id);
        continuation = next;
    }
}
