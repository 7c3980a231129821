import type { SlidingWindowPacer } from "../../clients/shared/pacer";

/**
 * TEST-ONLY seam: a clock the workspace-side providers use instead of real time, so that a test can prove
 * pacing at the API's real limit (100 requests a minute per route) and retries honouring Retry-After in
 * virtual time. Nothing in the product installs one: without it (every real `pulumi up`) the providers use
 * Date.now, setTimeout, the global fetch and the client's process-wide pacer, exactly as before.
 *
 * Read through `globalThis` at call time, like the client's shared pacers: a provider's serialized text
 * captures no clock.
 */
export interface ProviderTestClock {
    now(): number;
    sleep(ms: number): Promise<void>;
    /** The fetch the ChatGPT admin API client uses (e.g. to hold the virtual time while a request is in flight). */
    fetch?: typeof fetch;
    /** The pacing budget shared by every client of `owner` (base URL + workspace) at `limit` requests a minute. */
    pacer?(owner: string, limit: number): SlidingWindowPacer;
}

const HOOK = "__chatgptIdentityProviderTestClock";

type Holder = Record<string, ProviderTestClock | undefined>;

/** Installs `clock` for every provider call of this process until the returned function is called. Tests only. */
export function installProviderTestClock(clock: ProviderTestClock): () => void {
    const holder = globalThis as unknown as Holder;
    if (holder[HOOK]) throw new Error("a provider test clock is installed already: uninstall it first");
    holder[HOOK] = clock;
    return () => {
        if (holder[HOOK] === clock) delete holder[HOOK];
    };
}

/** The installed test clock; undefined outside tests. */
export function providerTestClock(): ProviderTestClock | undefined {
    return (globalThis as unknown as Holder)[HOOK];
}

/** Now in ms: the test clock's, else Date.now(). */
export function providerNow(): number {
    const clock = providerTestClock();
    return clock ? clock.now() : Date.now();
}

/** Waits `ms`: on the test clock, else with setTimeout. */
export function providerSleep(ms: number): Promise<void> {
    const clock = providerTestClock();
    return clock ? clock.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
}
