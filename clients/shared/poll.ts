import { realSleep } from "./retryPolicy";

/**
 * Bounded polling: calls `check` every `intervalMs` until it returns a value (anything but undefined, null or
 * false) or `timeoutMs` has passed. Used e.g. to wait until the IdP's SCIM push made the declared groups appear in
 * the workspace (ROLE-2). Errors thrown by `check` end the wait at once.
 */
export interface PollOptions {
    /** Longest wait in ms, the first check included. */
    timeoutMs: number;
    /** Pause between checks in ms. */
    intervalMs: number;
    /** What is awaited, for the timeout message, e.g. `SCIM group "[USAGE]_STAFF_ALL" in workspace 1234…`. */
    describe: string;
    /** Injected for tests; default Date.now. */
    now?: () => number;
    /** Injected for tests; default setTimeout. */
    sleep?: (ms: number) => Promise<void>;
}

export interface PollTimeoutError extends Error {
    readonly isPollTimeout: true;
    readonly waitedFor: string;
    readonly checks: number;
}

export function isPollTimeout(error: unknown): error is PollTimeoutError {
    return (error as { isPollTimeout?: unknown } | undefined)?.isPollTimeout === true;
}

export async function pollUntil<T>(
    check: () => Promise<T | undefined | null | false>,
    options: PollOptions,
): Promise<T> {
    if (!(options.timeoutMs >= 0) || !(options.intervalMs > 0)) {
        throw new RangeError(`pollUntil needs timeoutMs ≥ 0 and intervalMs > 0 (waiting for ${options.describe})`);
    }
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? realSleep;
    const deadline = now() + options.timeoutMs;
    for (let checks = 1; ; checks++) {
        const value = await check();
        if (value !== undefined && value !== null && value !== false) return value;
        const left = deadline - now();
        if (left <= 0) {
            const seconds = Math.round(options.timeoutMs / 100) / 10;
            const error = new Error(
                `timed out after ${seconds} s waiting for ${options.describe} (${checks} checks, every ` +
                    `${options.intervalMs} ms)`,
            ) as Error & Record<string, unknown>;
            error.name = "PollTimeoutError";
            error.isPollTimeout = true;
            error.waitedFor = options.describe;
            error.checks = checks;
            throw error as unknown as PollTimeoutError;
        }
        await sleep(Math.min(options.intervalMs, left));
    }
}
