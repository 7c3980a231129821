/**
 * Typed errors of the workspace admin API. Messages carry the HTTP status, the API's error code and
 * its message, never the admin key (every message goes through `redact`).
 *
 * They are plain `Error`s tagged by `name` (NotFoundError, ConflictError, ...) and recognised with the
 * guards below, not subclasses: Pulumi's closure serialization rewrites classes into functions, and a
 * serialized `class extends Error` loses its message inside the dynamic-provider host.
 */

export interface ApiErrorBody {
    message?: string;
    type?: string;
    code?: string | null;
    param?: string | null;
}

export type ApiErrorName =
    | "NotFoundError" // 404: gone (read reports it gone, delete treats it as success)
    | "ConflictError" // 409: refused because of the current state; `code` says why (domain_claimed, ...)
    | "RateLimitError" // 429 after every retry
    | "AuthenticationError" // 401/403: key missing, wrong or without the scope
    | "InvalidRequestError" // 400/422: understood and refused (e.g. 422 txt_record_not_found, DOM-4)
    | "ServiceUnavailableError" // 5xx, timeout or network failure after every retry
    | "ApiError"; // any other status

export interface ApiError extends Error {
    name: ApiErrorName;
    readonly isApiError: true;
    readonly status: number | undefined;
    readonly code: string | undefined;
    readonly type: string | undefined;
    readonly param: string | undefined;
    /** The API's own message, without the request line. */
    readonly apiMessage: string;
}

export function errorName(status: number | undefined): ApiErrorName {
    if (status === 404) return "NotFoundError";
    if (status === 409) return "ConflictError";
    if (status === 429) return "RateLimitError";
    if (status === 401 || status === 403) return "AuthenticationError";
    if (status === 400 || status === 422) return "InvalidRequestError";
    if (status === undefined || status === 408 || status >= 500) return "ServiceUnavailableError";
    return "ApiError";
}

/** Builds the typed error for an HTTP status (undefined = no answer). */
export function errorForStatus(request: string, status: number | undefined, body: ApiErrorBody = {}): ApiError {
    const apiMessage = body.message ?? "no error message";
    const code = body.code ?? undefined;
    const error = new Error(
        `${request} failed: ${status ?? "no answer"}${code ? ` ${code}` : ""}: ${apiMessage}`,
    ) as Error & Record<string, unknown>;
    error.name = errorName(status);
    error.isApiError = true;
    error.status = status;
    error.code = code;
    error.type = body.type;
    error.param = body.param ?? undefined;
    error.apiMessage = apiMessage;
    return error as unknown as ApiError;
}

export function isApiError(error: unknown): error is ApiError {
    return (error as { isApiError?: unknown } | undefined)?.isApiError === true;
}

export function isNotFound(error: unknown): boolean {
    return (error as { status?: unknown } | undefined)?.status === 404;
}

/** A 409 refusal, optionally with this API code. */
export function isConflict(error: unknown, code?: string): error is ApiError {
    return isApiError(error) && error.status === 409 && (code === undefined || error.code === code);
}

/** Replaces every occurrence of each secret in `text` with `[redacted]`. */
export function redact(text: string, secrets: (string | undefined)[]): string {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
    }
    return out;
}
