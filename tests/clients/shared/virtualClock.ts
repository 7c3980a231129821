import { SlidingWindowPacer } from "../../../clients/shared/pacer";

/**
 * A discrete-event clock shared by a client (its pacer, retries and polls) and the emulator (its rate limiter
 * and timestamps), for tests that talk real HTTP to the emulator on 127.0.0.1.
 *
 * Virtual time stands still while anything is under way: a request sent through `fetch` (until its whole answer
 * is read) or code that has not yet gone back to sleep. Only when every actor is asleep and no request is in
 * flight does time jump to the earliest wake-up. So a request reaches the emulator at the same virtual instant
 * its pacer let it go, and "at most N requests in any 60 s window" means the same on both sides, at the API's
 * real limit, however slow the machine is.
 */
export class VirtualClock {
    /** Every request sent through `fetch`: virtual send time, method and URL path. */
    readonly sent: { at: number; method: string; path: string }[] = [];
    private t: number;
    private seq = 0;
    private inFlight = 0;
    private scheduled = false;
    private readonly timers: { at: number; seq: number; resolve: () => void }[] = [];
    private readonly pacers = new Map<string, SlidingWindowPacer>();

    constructor(start = Date.UTC(2026, 0, 5, 8, 0, 0)) {
        this.t = start;
    }

    readonly now = (): number => this.t;

    readonly sleep = (ms: number): Promise<void> =>
        new Promise<void>((resolve) => {
            this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
            this.schedule();
        });

    /** The global fetch, holding the clock from the call until the answer's body is read (or the request fails). */
    readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        this.inFlight++;
        const url = new URL(input instanceof Request ? input.url : String(input));
        this.sent.push({ at: this.t, method: init?.method ?? "GET", path: url.pathname });
        try {
            const response = await fetch(input, init);
            const body = await response.arrayBuffer();
            const empty = body.byteLength === 0 || response.status === 204 || response.status === 304;
            return new Response(empty ? null : body, {
                status: response.status,
                statusText: response.statusText,
                headers: response.headers,
            });
        } finally {
            this.inFlight--;
            this.schedule();
        }
    };

    /** Holds the clock until `work` settles (e.g. a SCIM push the test sends while a provider waits). */
    async hold<T>(work: () => Promise<T>): Promise<T> {
        this.inFlight++;
        try {
            return await work();
        } finally {
            this.inFlight--;
            this.schedule();
        }
    }

    /** One pacer per owner and limit on this clock, shared by every client of the owner (as the real ones are). */
    readonly pacer = (owner: string, limit: number): SlidingWindowPacer => {
        const id = `${owner}|${limit}`;
        let pacer = this.pacers.get(id);
        if (!pacer) {
            pacer = new SlidingWindowPacer({ limit, now: this.now, sleep: this.sleep });
            this.pacers.set(id, pacer);
        }
        return pacer;
    };

    /** Virtual ms since `from`. */
    since(from: number): number {
        return this.t - from;
    }

    /**
     * The most requests of one method+path template sent in any window of `windowMs` (half-open, as the
     * emulator counts: a request `windowMs` after another is in a new window).
     */
    busiestWindow(template: (path: string) => string | undefined, windowMs = 60000): Record<string, number> {
        const byRoute = new Map<string, number[]>();
        for (const r of this.sent) {
            const route = template(r.path);
            if (route === undefined) continue;
            const key = `${r.method} ${route}`;
            byRoute.set(key, [...(byRoute.get(key) ?? []), r.at]);
        }
        const most: Record<string, number> = {};
        for (const [key, times] of byRoute) {
            let start = 0;
            let best = 0;
            for (let end = 0; end < times.length; end++) {
                while (times[end] - times[start] >= windowMs) start++;
                best = Math.max(best, end - start + 1);
            }
            most[key] = best;
        }
        return most;
    }

    private schedule(): void {
        if (this.scheduled) return;
        this.scheduled = true;
        // Two turns of the event loop: code woken by a timer or an answer runs its microtasks and any
        // immediate follow-up before the clock decides that everyone is asleep.
        setImmediate(() => setImmediate(() => this.advance()));
    }

    private advance(): void {
        this.scheduled = false;
        if (this.inFlight > 0 || this.timers.length === 0) return; // the request's end schedules again
        this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        this.t = Math.max(this.t, this.timers[0].at);
        const due = this.timers.filter((timer) => timer.at <= this.t);
        this.timers.splice(0, due.length);
        for (const timer of due) timer.resolve();
        this.schedule();
    }
}
