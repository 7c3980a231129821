import OpenAI from "openai";
import { errorForStatus, isApiError, redact } from "./errors";
import { Credentials } from "./credentials";
import {
    DEFAULT_RETRY_POLICY,
    RetryPolicy,
    backoffDelay,
    isNotAppliedStatus,
    isRetryableStatus,
    parseRetryAfter,
} from "../shared/retryPolicy";

/**
 * The official `openai` SDK for the documented Admin API (roles, groups, group roles). Build it
 * INSIDE each provider method call: an SDK client captured by a provider would be serialized into
 * the state along with its key.
 */
export function createAdminSdk(
    credentials: Credentials,
    options: { timeoutMs?: number; maxRetries?: number } = {},
): OpenAI {
    return new OpenAI({
        apiKey: null,
        adminAPIKey: credentials.adminKey,
        organization: null,
        project: null,
        baseURL: credentials.apiBaseUrl,
        timeout: options.timeoutMs ?? DEFAULT_RETRY_POLICY.timeoutMs,
        maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxAttempts - 1,
        fetch: fetchWithoutConflictRetry,
    });
}

/**
 * The SDK retries 409 ("lock timeout") like a 5xx; for this API a 409 is a refusal (role_name_exists,
 * role_already_assigned, ...) that answers the same every time. Marking it `x-should-retry: false`
 * keeps the SDK's retries to 408/429/5xx and network failures, as for the identity endpoints.
 */
export async function fetchWithoutConflictRetry(url: string | URL | Request, init?: RequestInit): Promise<Response> {
    const response = await fetch(url, init);
    if (response.status !== 409) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Per-call options for a create POST: the SDK must not retry it blindly (see `createWithLookup`). */
export const NO_SDK_RETRY = { maxRetries: 0 } as const;

interface SdkPage<T> {
    data: T[];
    has_more?: boolean;
    next?: string | null;
}

/** Every item of an Admin API list, page by page (cursor = `next`, else the last item's id). */
export async function listAll<T extends { id: string }>(
    fetchPage: (after: string | undefined) => PromiseLike<SdkPage<T>>,
): Promise<T[]> {
    const items: T[] = [];
    let after: string | undefined;
    for (;;) {
        const page = await fetchPage(after);
        const data = page.data ?? [];
        items.push(...data);
        const next = page.next ?? data[data.length - 1]?.id;
        if (!page.has_more || !next || next === after) return items;
        after = next;
    }
}

/** The SDK's error as one of this project's typed errors, labelled with the request, key redacted. */
export function fromSdkError(label: string, error: unknown, adminKey?: string): Error {
    if (isApiError(error)) return error;
    if (error instanceof OpenAI.APIError) {
        const body = (error.error ?? {}) as { message?: unknown; code?: unknown; type?: unknown; param?: unknown };
        const message = redact(typeof body.message === "string" ? body.message : error.message, [adminKey]);
        const status = typeof error.status === "number" ? error.status : undefined;
        return errorForStatus(label, status, {
            message,
            code: typeof body.code === "string" ? body.code : undefined,
            type: typeof body.type === "string" ? body.type : undefined,
            param: typeof body.param === "string" ? body.param : undefined,
        });
    }
    return errorForStatus(label, undefined, {
        message: redact(String((error as Error)?.message ?? error), [adminKey]),
    });
}

/**
 * Runs a create POST that the SDK must not retry by itself. Retries right away after 429/503 (the
 * service refused before doing anything); after any other retryable failure (timeout, 500, 502,
 * 504, dropped connection) it runs `lookup` first and returns what it finds instead of posting again.
 */
export async function createWithLookup<T>(
    label: string,
    post: () => Promise<T>,
    lookup: () => Promise<T | undefined>,
    policy: Partial<RetryPolicy> = {},
    adminKey?: string,
): Promise<T> {
    const p: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...policy };
    for (let attempt = 1; ; attempt++) {
        try {
            return await post();
        } catch (error) {
            const status =
                error instanceof OpenAI.APIError && typeof error.status === "number" ? error.status : undefined;
            const retryable = isRetryableStatus(status);
            if (!retryable || attempt >= p.maxAttempts) throw fromSdkError(label, error, adminKey);
            const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
            await p.sleep(backoffDelay(p, attempt, parseRetryAfter(headers?.get?.("retry-after"))));
            if (!isNotAppliedStatus(status)) {
                const found = await lookup();
                if (found !== undefined) return found;
            }
        }
    }
}
