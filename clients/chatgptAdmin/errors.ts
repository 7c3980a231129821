import { ChatGptAdminErrorKind } from "./types";

/**
 * The one error of the ChatGPT admin API client, typed by `kind`. Its message names the request (method and path
 * with ids, never the key), the status, the API's own message and a hint that says what to fix.
 *
 * Every field, `message` and `name` included, is assigned in the constructor: Pulumi's closure serialization turns
 * classes into functions, where `super(message)` on Error does not set them and field initializers are dropped.
 * Recognise it with `isChatGptAdminApiError` (a brand, not `instanceof`, for the same reason).
 */
export class ChatGptAdminApiError extends Error {
    readonly isChatGptAdminApiError: true;
    readonly kind: ChatGptAdminErrorKind;
    readonly status?: number;
    /** The request: method and path with ids, without query and never the key. */
    readonly route: string;
    /** What to fix: which key scope, workspace id or plan is missing (401/403/404); "" when nothing useful. */
    readonly hint: string;
    /** True when a write may have been applied although no success answer arrived: look before retrying. */
    readonly maybeApplied: boolean;
    /** The API's error code, when it sent one. */
    readonly code?: string;

    constructor(init: {
        kind: ChatGptAdminErrorKind;
        route: string;
        detail: string;
        status?: number;
        hint?: string;
        maybeApplied?: boolean;
        code?: string;
    }) {
        const hint = init.hint ?? "";
        const status = init.status === undefined ? "" : ` ${init.status}`;
        const detail = init.detail.replace(/[.\s]+$/, "");
        const message = `${init.route} failed (${init.kind}${status}): ${detail}${hint ? `. ${hint}` : ""}`;
        super(message);
        this.name = "ChatGptAdminApiError";
        this.message = message;
        this.isChatGptAdminApiError = true;
        if (typeof Error.captureStackTrace === "function") Error.captureStackTrace(this, this.constructor);
        this.kind = init.kind;
        this.status = init.status;
        this.route = init.route;
        this.hint = hint;
        this.maybeApplied = init.maybeApplied ?? false;
        this.code = init.code;
    }
}

export function isChatGptAdminApiError(error: unknown): error is ChatGptAdminApiError {
    return (error as { isChatGptAdminApiError?: unknown } | undefined)?.isChatGptAdminApiError === true;
}

/** The error kind for an HTTP status. */
export function kindForStatus(status: number): ChatGptAdminErrorKind {
    if (status === 401) return "authentication";
    if (status === 403) return "permission";
    if (status === 404) return "not_found";
    if (status === 408) return "timeout";
    if (status === 409) return "conflict";
    if (status === 429) return "rate_limited";
    if (status >= 500) return "server";
    return "invalid_request";
}

/** Replaces every occurrence of the secret in `text` with `[redacted]`. */
export function redactSecret(text: string, secret: string | undefined): string {
    if (!secret || secret.length < 4) return text;
    return text.split(secret).join("[redacted]");
}
