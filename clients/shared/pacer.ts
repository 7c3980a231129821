import { realSleep } from "./retryPolicy";

/**
 * Keeps each budget key (e.g. `GET /users`, `PATCH /usage_limits/groups/{group_id}`) under `limit` requests in
 * any sliding window of `windowMs`, waiting before a request instead of provoking a 429. It remembers the send
 * time of the last `limit` requests per key: a request may go when the oldest of them left the window.
 */
export interface PacerOptions {
    /** Requests allowed per key in any window. */
    limit: number;
    /** Window length in ms. Default 60000. */
    windowMs?: number;
    /** Injected for tests; default Date.now. */
    now?: () => number;
    /** Injected for tests; default setTimeout. */
    sleep?: (ms: number) => Promise<void>;
}

export class SlidingWindowPacer {
    readonly limit: number;
    readonly windowMs: number;
    private readonly now: () => number;
    private readonly sleep: (ms: number) => Promise<void>;
    private readonly sent: Map<string, number[]>;
    private readonly pausedUntil: Map<string, number>;

    constructor(options: PacerOptions) {
        if (!Number.isInteger(options.limit) || options.limit < 1) {
            throw new RangeError(`pacer limit must be a whole number ≥ 1, got ${options.limit}`);
        }
        this.limit = options.limit;
        this.windowMs = options.windowMs ?? 60000;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? realSleep;
        // Assigned here, not as a field initializer: closure serialization drops field initializers.
        this.sent = new Map();
        this.pausedUntil = new Map();
    }

    /**
     * Holds every request under `key` until `until` (e.g. after a 429 with Retry-After: the server's own count says
     * the budget is spent, perhaps by another process using the same key).
     */
    pause(key: string, until: number): void {
        this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
    }

    /** Resolves when a request under `key` may be sent, and counts it as sent at that moment. */
    async acquire(key: string): Promise<void> {
        for (;;) {
            const now = this.now();
            const paused = this.pausedUntil.get(key) ?? 0;
            if (paused > now) {
                await this.sleep(paused - now);
                continue;
            }
            const times = this.recent(key, now);
            if (times.length < this.limit) {
                times.push(now);
                return;
            }
            await this.sleep(Math.max(1, times[0] + this.windowMs - now));
        }
    }

    /** How many requests under `key` are in the window ending now. */
    inWindow(key: string): number {
        return this.recent(key, this.now()).length;
    }

    private recent(key: string, now: number): number[] {
        let times = this.sent.get(key);
        if (!times) {
            times = [];
            this.sent.set(key, times);
        }
        while (times.length > 0 && times[0] <= now - this.windowMs) times.shift();
        return times;
    }
}

const REGISTRY = "__chatgptIdentityClientPacers";

/**
 * One pacer per budget owner (e.g. a workspace at a base URL) for the whole process, so that clients built per
 * call (a dynamic provider builds one per operation) share the API's budget. Looked up through `globalThis` at
 * call time: nothing is captured that closure serialization would copy.
 */
export function sharedPacer(owner: string, limit: number): SlidingWindowPacer {
    const holder = globalThis as unknown as Record<string, Map<string, SlidingWindowPacer> | undefined>;
    const pacers = (holder[REGISTRY] ??= new Map<string, SlidingWindowPacer>());
    const id = `${owner}|${limit}`;
    let pacer = pacers.get(id);
    if (!pacer) {
        pacer = new SlidingWindowPacer({ limit });
        pacers.set(id, pacer);
    }
    return pacer;
}
