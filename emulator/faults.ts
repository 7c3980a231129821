import { EmulatorFaults } from "./types";

export type FaultDecision =
    | { kind: "none" }
    | { kind: "rate_limited"; retryAfterSeconds: number }
    | { kind: "unavailable"; retryAfterSeconds: number }
    | { kind: "lost_answer" };

/**
 * Decides, before a request touches any state, what fault (if any) it gets. One draw of a seeded generator
 * (mulberry32) per API request, so a seed reproduces the same fault sequence for the same request sequence.
 * 429 and 503 change nothing; a lost answer is applied and then its connection is dropped.
 */
export class FaultInjector {
    private faults: Required<EmulatorFaults> = {
        latencyMs: 0,
        rate429: 0,
        rate5xx: 0,
        rateLostAnswer: 0,
        retryAfterSeconds: 1,
        seed: 1,
    };
    private randomState = 1;

    constructor(initial?: EmulatorFaults) {
        this.set(initial ?? {});
        this.randomState = this.faults.seed >>> 0;
    }

    /** Merges `f` into the current faults; a given seed restarts the sequence. Throws on invalid values. */
    set(f: EmulatorFaults): void {
        const known = ["latencyMs", "rate429", "rate5xx", "rateLostAnswer", "retryAfterSeconds", "seed"];
        for (const key of Object.keys(f)) {
            if (!known.includes(key)) throw new Error(`faults.${key} is not a fault setting; use ${known.join(", ")}.`);
        }
        const next = { ...this.faults, ...definedOnly(f) };
        checkNumber("latencyMs", next.latencyMs, 0, 600_000);
        checkNumber("rate429", next.rate429, 0, 1);
        checkNumber("rate5xx", next.rate5xx, 0, 1);
        checkNumber("rateLostAnswer", next.rateLostAnswer, 0, 1);
        checkNumber("retryAfterSeconds", next.retryAfterSeconds, 0, 3600);
        if (!Number.isInteger(next.seed)) throw new Error(`faults.seed must be an integer, got ${next.seed}.`);
        const total = next.rate429 + next.rate5xx + next.rateLostAnswer;
        if (total > 1)
            throw new Error(`faults.rate429 + faults.rate5xx + faults.rateLostAnswer must be at most 1, got ${total}.`);
        this.faults = next;
        if (f.seed !== undefined) this.randomState = f.seed >>> 0;
    }

    get current(): Required<EmulatorFaults> {
        return { ...this.faults };
    }

    get latencyMs(): number {
        return this.faults.latencyMs;
    }

    decide(): FaultDecision {
        const { rate429, rate5xx, rateLostAnswer, retryAfterSeconds } = this.faults;
        if (rate429 === 0 && rate5xx === 0 && rateLostAnswer === 0) return { kind: "none" };
        const r = this.next();
        if (r < rate429) return { kind: "rate_limited", retryAfterSeconds };
        if (r < rate429 + rate5xx) return { kind: "unavailable", retryAfterSeconds };
        if (r < rate429 + rate5xx + rateLostAnswer) return { kind: "lost_answer" };
        return { kind: "none" };
    }

    private next(): number {
        this.randomState = (this.randomState + 0x6d2b79f5) >>> 0;
        let t = this.randomState;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
}

function definedOnly(f: EmulatorFaults): EmulatorFaults {
    return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as EmulatorFaults;
}

function checkNumber(name: string, value: number, min: number, max: number): void {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
        throw new Error(`faults.${name} must be a number between ${min} and ${max}, got ${value}.`);
    }
}
