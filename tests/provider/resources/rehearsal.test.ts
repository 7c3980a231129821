import * as assert from "node:assert/strict";
import { groupUsageLimitsProvider } from "../../../provider/resources/groupUsageLimits";
import { pilotInvitesProvider } from "../../../provider/resources/pilotInvites";
import { workspaceUsageLimitProvider } from "../../../provider/resources/workspaceUsageLimit";
import { installProviderTestClock } from "../../../provider/resources/testClock";
import { VirtualClock } from "../../clients/shared/virtualClock";
import { Applied, WORKSPACE_ID, Workspace, applyResource, startWorkspace } from "./fixture";

/** What the emulator's 429 and 503 faults ask the client to wait. */
const RETRY_AFTER_SECONDS = 20;

/** One workspace as ChatGptWorkspace declares it: a baseline limit, group limits, pilot invites. */
interface Spec {
    baseline: number;
    limits: { group: string; credits: number }[];
    testers: string[];
}

function district(groupCount: number): Spec {
    const groups = Array.from(
        { length: groupCount },
        (_, i) => `ROLLOUT_SCHOOL_School${String(i + 1).padStart(3, "0")}`,
    );
    return {
        baseline: 1000,
        limits: groups.map((group, i) => ({ group, credits: 2000 + 100 * i })),
        testers: ["it.pilot@lincoln.k12.us", "teacher.pilot@lincoln.k12.us", "office.pilot@staff.lincoln.k12.us"],
    };
}

type State = Record<string, Applied | undefined>;

/**
 * One `pulumi up` of the workspace side, as the engine runs it without refresh: each resource is
 * checked, then created or diffed/updated from its state. A resource that fails keeps the state it
 * had; the first failure is rethrown after the others ran.
 */
async function apply(ws: Workspace, spec: Spec, state: State): Promise<State> {
    const configured = async <P extends { configure?: (r: any) => Promise<void> }>(p: P) => {
        await p.configure!(ws.configureRequest());
        return p;
    };
    const next: State = { ...state };
    const work: [string, any, Record<string, unknown>][] = [
        [
            "baseline",
            await configured(workspaceUsageLimitProvider()),
            { workspaceId: WORKSPACE_ID, credits: spec.baseline },
        ],
        [
            "groups",
            await configured(groupUsageLimitsProvider()),
            { workspaceId: WORKSPACE_ID, limits: spec.limits, groupWaitSeconds: 5, groupPollSeconds: 0.05 },
        ],
        ["invites", await configured(pilotInvitesProvider()), { workspaceId: WORKSPACE_ID, emails: spec.testers }],
    ];
    let failure: unknown;
    for (const [key, provider, inputs] of work) {
        try {
            next[key] = await applyResource(provider, state[key], inputs);
        } catch (err) {
            failure ??= err;
        }
    }
    if (failure) throw Object.assign(failure as Error, { state: next });
    return next;
}

/** Applies again until an apply succeeds, as a person re-running `pulumi up` would; the applies it took. */
async function converge(
    ws: Workspace,
    spec: Spec,
    state: State,
    maxApplies = 6,
): Promise<{ state: State; applies: number; errors: string[] }> {
    const errors: string[] = [];
    for (let applies = 1; ; applies++) {
        try {
            return { state: await apply(ws, spec, state), applies, errors };
        } catch (err) {
            errors.push((err as Error).message);
            if (applies >= maxApplies) throw err;
            state = (err as { state: State }).state;
        }
    }
}

/** The IdP's SCIM push: every group, each with two members, and one tester already provisioned. */
async function scimPush(ws: Workspace, spec: Spec): Promise<void> {
    const tester = await ws.pushUser(spec.testers[0]);
    for (const [i, { group }] of spec.limits.entries()) {
        const a = await ws.pushUser(`staff${i}a@lincoln.k12.us`);
        const b = await ws.pushUser(`staff${i}b@lincoln.k12.us`);
        await ws.pushGroup(group, i === 0 ? [a, b, tester] : [a, b]);
    }
}

/** What the workspace holds now: group limits by name, pending invites by email (with duplicates), baseline. */
async function live(ws: Workspace) {
    const groups = await ws.list("/groups");
    const limits: Record<string, number | null> = {};
    for (const g of groups) {
        const rule = (await ws.call("GET", `/usage_limits/groups/${g.id}`)).body.override_monthly_usage_limit;
        limits[g.name] = rule ? rule.limit_amount.amount : null;
    }
    const invites = (await ws.list("/invites"))
        .filter((i) => i.status === "pending")
        .map((i) => i.email)
        .sort();
    const baseline = (await ws.call("GET", "/usage_limits/workspace")).body.override_monthly_usage_limit?.limit_amount
        .amount;
    return { limits, invites, baseline };
}

describe("provider/resources rehearsal: SCIM push, then apply, against the emulator", function () {
    this.timeout(60000);
    let ws: Workspace;
    let uninstall: (() => void) | undefined;
    afterEach(async () => {
        uninstall?.();
        uninstall = undefined;
        await ws?.stop();
    });

    it("SCIM pushes groups and users; an apply sets the limits and invites the testers not yet members; a second apply makes 0 requests", async () => {
        ws = await startWorkspace();
        const spec = district(12);
        await scimPush(ws, spec);
        const start = ws.emulator.requestLog.length;
        const state = await apply(ws, spec, {});
        const first = ws.requestsSince(start);
        const seen = await live(ws);
        assert.deepEqual(seen.limits, Object.fromEntries(spec.limits.map((l) => [l.group, l.credits])));
        assert.deepEqual(
            seen.invites,
            ["office.pilot@staff.lincoln.k12.us", "teacher.pilot@lincoln.k12.us"],
            "the tester SCIM provisioned is a member: not invited",
        );
        assert.equal(seen.baseline, 1000);
        assert.deepEqual(state.invites!.outs.skipped, ["it.pilot@lincoln.k12.us"]);

        const mid = ws.emulator.requestLog.length;
        const again = await apply(ws, spec, state);
        assert.deepEqual(
            ws.requestsSince(mid),
            [],
            "a no-op re-apply decides everything from state: no request at all",
        );
        assert.deepEqual(again, state);
        const routes = (rs: { method: string; route?: string }[]) =>
            Object.entries(
                rs.reduce(
                    (m, r) => ({ ...m, [`${r.method} ${r.route}`]: (m[`${r.method} ${r.route}`] ?? 0) + 1 }),
                    {} as Record<string, number>,
                ),
            );
        console.log(`      first apply: ${first.length} requests ${JSON.stringify(routes(first))}; second apply: 0`);
    });

    it("faults: 50 seeded runs with 20% of requests answered 429/503 (Retry-After 20 s) plus 5% lost answers all converge at the real 100/min, 0 duplicate invites, 0 lost limits", async () => {
        // The providers' clients and the emulator share one virtual clock (tests/clients/shared/virtualClock.ts):
        // both run at the API's real limit of 100 requests a minute per route, every Retry-After is honoured, and
        // the waits cost virtual, not real, time.
        const clock = new VirtualClock();
        uninstall = installProviderTestClock(clock);
        ws = await startWorkspace({ requestsPerMinute: 100, now: clock.now });
        const spec = district(10);
        let faulted = 0;
        let total = 0;
        let reruns = 0;
        let lostCreates = 0;
        const began = clock.now();
        const seeds = Number(process.env.FAULT_SEEDS ?? 50);
        for (let seed = 1; seed <= seeds; seed++) {
            const t0 = clock.now();
            ws.emulator.reset();
            await scimPush(ws, spec);
            const start = ws.emulator.requestLog.length;
            ws.emulator.setFaults({
                rate429: 0.1,
                rate5xx: 0.1,
                rateLostAnswer: 0.05,
                retryAfterSeconds: RETRY_AFTER_SECONDS,
                seed,
            });
            const { state, applies } = await converge(ws, spec, {});
            ws.emulator.setFaults({ rate429: 0, rate5xx: 0, rateLostAnswer: 0 });
            const window = ws.requestsSince(start);
            total += window.length;
            faulted += window.filter((r) => r.fault !== undefined).length;
            lostCreates += window.filter((r) => r.fault === "lost_answer" && r.method === "POST").length;
            reruns += applies - 1;
            assert.deepEqual(
                window.filter((r) => r.status === 429 && r.fault === undefined),
                [],
                `seed ${seed}: no 429 from the route limit itself`,
            );
            const askedToWait = window.filter((r) => r.fault === "rate_limited" || r.fault === "unavailable").length;
            if (askedToWait > 0) {
                assert.ok(
                    clock.since(t0) >= RETRY_AFTER_SECONDS * 1000,
                    `seed ${seed}: a 429/503 answer's Retry-After was honoured (${clock.since(t0)} virtual ms)`,
                );
            }

            const seen = await live(ws);
            assert.deepEqual(
                seen.limits,
                Object.fromEntries(spec.limits.map((l) => [l.group, l.credits])),
                `seed ${seed}: every limit set, none lost`,
            );
            assert.deepEqual(
                seen.invites,
                ["office.pilot@staff.lincoln.k12.us", "teacher.pilot@lincoln.k12.us"],
                `seed ${seed}: each tester invited exactly once`,
            );
            assert.equal(seen.baseline, 1000, `seed ${seed}`);
            assert.deepEqual(
                Object.keys(state.invites!.outs.createdInvites).sort(),
                ["office.pilot@staff.lincoln.k12.us", "teacher.pilot@lincoln.k12.us"],
                `seed ${seed}: both invites recorded, so destroy revokes them`,
            );
            const mid = ws.emulator.requestLog.length;
            await apply(ws, spec, state);
            assert.deepEqual(ws.requestsSince(mid), [], `seed ${seed}: converged, the next apply makes 0 requests`);
            if (process.env.FAULT_DEBUG) console.log(`seed ${seed}: ${clock.since(t0)} virtual ms, ${applies} applies`);
        }
        assert.ok(faulted / total >= 0.18, `faults were injected (${faulted} of ${total})`);
        assert.ok(lostCreates >= 1, "some invite POSTs lost their answer");
        const busiest = Math.max(
            ...Object.values(clock.busiestWindow((p) => p.replace(/\/(groups|invites|users)\/[^/]+/g, "/$1/{id}"))),
        );
        assert.ok(
            busiest <= 100,
            `the clients never sent more than 100 requests on one route in any 60 s window (${busiest})`,
        );
        const waited = clock.since(began);
        console.log(
            `      ${seeds} seeds: ${faulted} of ${total} requests faulted (${Math.round((100 * faulted) / total)}%), ${lostCreates} invite POST answers lost, ` +
                `${reruns} re-runs of \`pulumi up\` needed; ${(waited / 60000).toFixed(1)} min of virtual time`,
        );
    });
});
