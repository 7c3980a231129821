/**
 * The one retry timing of every client (ChatGPT admin API, API Platform through the openai SDK): exponential
 * backoff with full jitter, never shorter than the server's `Retry-After` (seconds or an HTTP date).
 */

export interface RetryPolicy {
    /** Total tries of one request, the first included. Default 6 (5 retries). */
    maxAttempts: number;
    /** First backoff ceiling in ms; doubles per retry. Default 250. */
    baseDelayMs: number;
    /** Largest backoff in ms (a larger Retry-After still wins, up to maxRetryAfterMs). Default 8000. */
    maxDelayMs: number;
    /** Largest Retry-After honoured, in ms. Default 60000. */
    maxRetryAfterMs: number;
    /** Per-attempt timeout in ms. Default 30000. */
    timeoutMs: number;
    /** Injected for tests; default setTimeout. */
    sleep: (ms: number) => Promise<void>;
    /** Injected for tests; default Math.random. */
    random: () => number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    maxAttempts: 6,
    baseDelayMs: 250,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60000,
    timeoutMs: 30000,
    sleep: realSleep,
    random: () => Math.random(),
};

// Functions over literal arrays rather than module-level Sets: closure serialization turns a
// captured Set into a plain object inside the dynamic-provider host.

/** Statuses worth another try (undefined = no answer): the server may answer differently next time. */
export function isRetryableStatus(status: number | undefined): boolean {
    return status === undefined || [408, 429, 500, 502, 503, 504].includes(status);
}

/**
 * Statuses that prove the request was refused before it was processed, so even a create POST may be
 * sent again without looking first. With `requireRetryAfterOn503`, a 503 counts only when it carries
 * `Retry-After` (the ChatGPT admin API client's stricter reading: a bare 503 may come from a proxy after
 * the request was handled).
 */
export function isNotAppliedStatus(
    status: number | undefined,
    options: { retryAfterPresent?: boolean; requireRetryAfterOn503?: boolean } = {},
): boolean {
    if (status === 429) return true;
    if (status !== 503) return false;
    return !options.requireRetryAfterOn503 || options.retryAfterPresent === true;
}

/** Parses `Retry-After` (seconds or an HTTP date) into ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
    if (header === null || header === undefined || header.trim() === "") return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Delay before retry number `retry` (1 = first retry). */
export function backoffDelay(policy: RetryPolicy, retry: number, retryAfterMs?: number): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
    const jittered = Math.floor(policy.random() * ceiling);
    if (retryAfterMs === undefined) return jittered;
    return Math.max(Math.min(retryAfterMs, policy.maxRetryAfterMs), jittered);
}
