/**
 * Config paths and values as they are shown to a person. Every value a person typed is quoted with
 * `quote`, which escapes control characters, so a terminal never receives escape codes from config.
 */

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/**
 * `workspace.groups[2].dimension` from `["groups", 2, "dimension"]` under the root `workspace`. Keys
 * that are not plain words (a domain key stays dotted: `zoneIds.staff.district.k12.us`) are quoted
 * and escaped: `groupMemberCounts["ROLE Staff"]`.
 */
export function formatPath(path: readonly PropertyKey[], root = ""): string {
    return path.reduce<string>((acc, key) => {
        if (typeof key === "number") return `${acc}[${key}]`;
        const text = String(key);
        if (PLAIN_KEY.test(text)) return acc ? `${acc}.${text}` : text;
        return `${acc}[${JSON.stringify(text)}]`;
    }, root);
}

const MAX_QUOTED = 80;

/** A typed value, quoted and escaped for a message: `"a@b"`, `"\u001b[31m"`; long text is cut. */
export function quote(value: unknown): string {
    const text = typeof value === "string" ? value : String(value);
    const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
    return JSON.stringify(cut).replace(
        /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/** What a wrong value is, for "expected X, got Y": `a string ("a@b")`, `a list`, `null`. */
export function describeValue(value: unknown): string {
    if (value === null) return "null (an empty value)";
    if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
    switch (typeof value) {
        case "string":
            return `a string (${quote(value)})`;
        case "number":
            return `a number (${value})`;
        case "boolean":
            return `${value}`;
        case "object":
            return "a mapping";
        default:
            return typeof value;
    }
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` (quoted). */
export function choices(items: readonly string[], last = "or"): string {
    const quoted = items.map((i) => quote(i));
    if (quoted.length <= 1) return quoted.join("");
    return `${quoted.slice(0, -1).join(", ")} ${last} ${quoted[quoted.length - 1]}`;
}

function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

/** The known word closest to `word` (case-insensitive edit distance), if it is close enough. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
    const lower = word.toLowerCase();
    let best: { name: string; d: number } | undefined;
    for (const name of known) {
        const d = distance(lower, name.toLowerCase());
        if (best === undefined || d < best.d) best = { name, d };
    }
    if (best === undefined) return undefined;
    return best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}
