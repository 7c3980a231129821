/**
 * The ChatGPT admin API's documented default: 100 requests per minute per workspace, per method and route.
 * A sliding 60 s window per key; a refused request does not count.
 */
export class RateLimiter {
    private readonly windows = new Map<string, number[]>();

    constructor(
        private readonly perMinute: number,
        private readonly now: () => number,
    ) {
        if (!Number.isInteger(perMinute) || perMinute < 1) {
            throw new Error(`requestsPerMinute must be a positive integer, got ${perMinute}.`);
        }
    }

    /** Counts the request, or returns the whole seconds until the window has room (the Retry-After value). */
    take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
        const now = this.now();
        const window = (this.windows.get(key) ?? []).filter((t) => t > now - 60_000);
        if (window.length >= this.perMinute) {
            this.windows.set(key, window);
            return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window[0] + 60_000 - now) / 1000)) };
        }
        window.push(now);
        this.windows.set(key, window);
        return { ok: true };
    }

    reset(): void {
        this.windows.clear();
    }
}
