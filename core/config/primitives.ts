import { z } from "zod";
import { choices, describeValue, didYouMean, quote } from "./paths";

/**
 * The building blocks of the config schema. Every one names what it expected and what it was given
 * ("expected a list of email addresses, got a string ("a@b")"); "is required" is said only of a
 * field that is absent.
 */

type IssueInput = { code?: string; input?: unknown; keys?: string[]; values?: readonly unknown[] };

/** Error map of a field: a wrong type says what was expected and what was given. */
export function expected(what: string) {
    return (issue: IssueInput): string | undefined => {
        if (issue.code !== "invalid_type") return undefined;
        return issue.input === undefined
            ? `is required (expected ${what})`
            : `expected ${what}, got ${describeValue(issue.input)}`;
    };
}

/** `unknown setting "scimm": did you mean "scim"?` for keys a section does not take. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
    return keys
        .map((key) => {
            const guess = didYouMean(key, known);
            return (
                `unknown setting ${quote(key)}: ` +
                `${guess ? `did you mean ${quote(guess)}?` : `expected one of ${choices(known)}`}`
            );
        })
        .join("; ");
}

/** A mapping with exactly the given settings; an unknown key is named with a did-you-mean. */
export function section<T extends z.core.$ZodLooseShape>(what: string, shape: T) {
    const known = Object.keys(shape);
    const typeError = expected(`a mapping of ${what}`);
    return z.strictObject(shape, {
        error: (issue) =>
            issue.code === "unrecognized_keys" ? unknownKeysMessage(issue.keys, known) : typeError(issue),
    });
}

/** A list of `what`; a single value where a list belongs is answered as such. */
export function listOf<T extends z.core.SomeType>(item: T, what: string) {
    return z.array(item, { error: expected(`a list of ${what}`) });
}

/** One of a fixed set of words, with a did-you-mean. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
    return z.enum(values, {
        error: (issue: IssueInput) => {
            if (issue.input === undefined) return `is required (expected ${what}: ${choices(values)})`;
            if (typeof issue.input !== "string")
                return `expected ${what} (${choices(values)}), got ${describeValue(issue.input)}`;
            const guess = didYouMean(issue.input, values);
            return (
                `expected ${what} (${choices(values)}), got ` +
                `${quote(issue.input)}${guess ? `: did you mean ${quote(guess)}?` : ""}`
            );
        },
    });
}

export const bool = (what = "true or false") => z.boolean({ error: expected(what) });

/**
 * Characters that must never reach a terminal, an IdP display name or a runbook: C0/C1 controls
 * (escape codes, newlines), line/paragraph separators and bidirectional overrides.
 */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_CHARACTER_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function unsafeCharacterMessage(value: string, pattern: RegExp): string {
    const found = value.match(pattern)?.[0] ?? "";
    const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    const kind = found === "\n" || found === "\r" ? "a line break" : `a control character (${code})`;
    return `must be one line of plain text, but it contains ${kind}: ${quote(value)}`;
}

/** One line of printable text, trimmed of nothing: names, ids, attribute names. */
export function plainText(what: string, options: { max?: number; multiLine?: boolean } = {}) {
    const max = options.max ?? 200;
    const pattern = options.multiLine ? UNSAFE_CHARACTER_EXCEPT_LINES : UNSAFE_CHARACTER;
    return z
        .string({ error: expected(what) })
        .refine((v) => !pattern.test(v), {
            error: (issue) => unsafeCharacterMessage(String(issue.input), pattern),
            abort: true,
        })
        .refine((v) => v.trim().length > 0, { error: `must not be empty (expected ${what})`, abort: true })
        .refine((v) => v.length <= max, {
            error: (issue) => `is ${String(issue.input).length} characters long; the limit is ${max}`,
            abort: true,
        });
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A DNS name such as `staff.district.k12.us`; upper case is accepted and lowered. */
export const hostname = plainText("a DNS name such as district.k12.us", { max: 253 })
    .refine((v) => HOSTNAME.test(v.toLowerCase()), {
        error: (issue) =>
            `must be a DNS name such as district.k12.us (no scheme, no trailing dot), got ${quote(issue.input)}`,
    })
    .transform((v) => v.toLowerCase());

export function isHostname(value: string): boolean {
    return HOSTNAME.test(value.toLowerCase());
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,63}$/;

/** An email address; compared case-insensitively everywhere (collisions, DOM-2). */
export const email = plainText("an email address such as teacher@district.k12.us", { max: 254 }).refine(
    (v) => EMAIL.test(v) && isHostname(v.split("@")[1] ?? ""),
    {
        error: (issue) => `must be an email address such as teacher@district.k12.us, got ${quote(issue.input)}`,
    },
);

export const emailList = (what = "email addresses") => listOf(email, what);

/** An https URL copied from the ChatGPT admin console: parses, https, no credentials, no spaces. */
export function httpsUrl(from: string) {
    return plainText(`an https:// URL copied from ${from}`, { max: 2048 }).refine(
        (v) => httpsUrlProblem(v) === undefined,
        {
            error: (issue) => `${httpsUrlProblem(String(issue.input))}; copy the URL from ${from}`,
        },
    );
}

export function httpsUrlProblem(value: string): string | undefined {
    if (/\s/.test(value)) return `must be a URL without spaces, got ${quote(value)}`;
    const nonAscii = value.match(/[^\x21-\x7e]/u)?.[0];
    if (nonAscii !== undefined) {
        const code = `U+${(nonAscii.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
        return (
            `must be plain ASCII as the console shows it, but it contains ${quote(nonAscii)} (${code}), got ` +
            quote(value)
        );
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return `must be an https:// URL, got ${quote(value)}, which is not a URL`;
    }
    if (url.protocol !== "https:")
        return `must be an https:// URL, got ${quote(value)} (${quote(url.protocol.replace(/:$/, ""))})`;
    if (url.username || url.password)
        return `must not carry a user name or password, got ${quote(`${url.protocol}//…@${url.host}`)}`;
    if (!url.hostname) return `must name a host, got ${quote(value)}`;
    return undefined;
}

/** `openai-domain-verification=dv-...`, one line, as the workspace shows it. */
const VERIFICATION_TOKEN = /^openai-domain-verification=[A-Za-z0-9._~+/=-]{1,200}$/;

export const verificationToken = plainText("the TXT value shown by the workspace (openai-domain-verification=...)", {
    max: 260,
}).refine((v) => VERIFICATION_TOKEN.test(v), {
    error: (issue) =>
        `must be the one-line TXT value shown by the workspace, of the form ` +
        `openai-domain-verification=<value>, got ${quote(issue.input)}`,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ChatGPT workspace id (UUID, from the admin console); lowered. */
export const workspaceId = plainText("the workspace id (a UUID from the admin console)", { max: 36 })
    .refine((v) => UUID.test(v), {
        error: (issue) =>
            `must be the workspace id shown in the ChatGPT admin console, a UUID such as ` +
            `3f2b1c9e-8a4d-4e7f-9b1a-2c3d4e5f6a7b, got ${quote(issue.input)}`,
    })
    .transform((v) => v.toLowerCase());

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A workspace key: lower-case words joined by hyphens; it names resources and secrets. */
export const workspaceKey = plainText("a workspace key such as staff or high-school", { max: 40 }).refine(
    (v) => KEY.test(v),
    {
        error: (issue) =>
            `must be lower-case letters and digits joined by single hyphens, such as staff or ` +
            `high-school (it names resources and the secret scimToken-<key>), got ${quote(issue.input)}`,
    },
);

const CONFIG_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** A Pulumi config key (without the namespace) that holds a secret. */
export const secretConfigKey = plainText("a config key such as scimToken-staff", { max: 100 }).refine(
    (v) => CONFIG_KEY.test(v),
    {
        error: (issue) =>
            `must be a config key of letters, digits, "_" or "-" starting with a letter, got ${quote(issue.input)}`,
    },
);

/** A monthly credit amount: a whole, non-negative number. */
export const credits = z
    .number({ error: expected("a whole number of credits") })
    .refine((v) => Number.isInteger(v) && v >= 0, {
        error: (issue) => `must be a whole number of credits, 0 or more, got ${String(issue.input)}`,
    });

export const creditLimit = section("usage limit settings", {
    /** Monthly limit in credits (the admin API's unit). */
    credits,
});

/** A SAML entity ID: an https URL or a `urn:` name, as the ChatGPT SSO wizard shows it. */
export const entityId = plainText("the Entity ID from the ChatGPT SSO wizard", { max: 2048 }).refine(
    (v) => (/^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/i.test(v) ? true : httpsUrlProblem(v) === undefined),
    {
        error: (issue) =>
            `must be the Entity ID from the ChatGPT SSO wizard, an https:// URL or a urn: name, got ` +
            `${quote(issue.input)}`,
    },
);
