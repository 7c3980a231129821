import * as assert from "node:assert/strict";
import { groupUsageLimitsProvider } from "../../../provider/resources/groupUsageLimits";
import { installProviderTestClock } from "../../../provider/resources/testClock";
import { VirtualClock } from "../../clients/shared/virtualClock";
import { WORKSPACE_ID, Workspace, startWorkspace } from "./fixture";

const GROUPS = Number(process.env.SCALE_GROUPS ?? 1000);
/** Route limit of the emulator and the client's pacing budget: the real API's 100 requests a minute per route. */
const LIMIT = Number(process.env.SCALE_LIMIT ?? 100);
const PATCH_ROUTE = "PATCH /usage_limits/groups/{group_id}";

/** The route template of a ChatGPT admin API path of the workspace. */
function template(path: string): string | undefined {
    const prefix = `/v1/manage/workspaces/${WORKSPACE_ID}`;
    if (!path.startsWith(prefix)) return undefined;
    return path.slice(prefix.length).replace(/^\/usage_limits\/groups\/[^/]+$/, "/usage_limits/groups/{group_id}");
}

/**
 * The provider's client and the emulator share one virtual clock (tests/clients/shared/virtualClock.ts): the
 * provider runs at the API's real limit, over real HTTP, and waits minutes of virtual time in well under a
 * second of real time.
 */
describe("provider/resources scale: 1,000 group limits paced under the route limit", function () {
    this.timeout(60000);
    let ws: Workspace | undefined;
    let uninstall: (() => void) | undefined;
    const original = console.error;
    afterEach(async () => {
        console.error = original;
        uninstall?.();
        await ws?.stop();
    });

    it(`sets ${GROUPS} group limits at the real ${LIMIT}/min route limit without one 429, showing progress (virtual time)`, async () => {
        const clock = new VirtualClock();
        uninstall = installProviderTestClock(clock);
        ws = await startWorkspace({ requestsPerMinute: LIMIT, clientRequestsPerMinute: LIMIT, now: clock.now });
        const names = Array.from(
            { length: GROUPS },
            (_, i) => `ROLLOUT_SCHOOL_School${String(i + 1).padStart(4, "0")}`,
        );
        for (const name of names) await ws.pushGroup(name);
        const p = groupUsageLimitsProvider();
        await p.configure!(ws.configureRequest());
        const progress: string[] = [];
        console.error = (line: unknown) => {
            progress.push(String(line));
        };
        const start = ws.emulator.requestLog.length;
        const began = clock.now();
        const created = await p.create({
            workspaceId: WORKSPACE_ID,
            limits: names.map((group, i) => ({ group, credits: 1000 + i })),
            groupWaitSeconds: 5,
            groupPollSeconds: 1,
        });
        const virtualMs = clock.since(began);
        console.error = original;

        const requests = ws.requestsSince(start);
        assert.deepEqual(
            requests.filter((r) => r.status === 429),
            [],
            "the emulator answered no 429: the client never went over the route limit",
        );
        const patches = requests.filter((r) => r.method === "PATCH");
        assert.equal(patches.length, GROUPS, "one PATCH per group, no more");
        assert.equal(
            clock.busiestWindow(template)[PATCH_ROUTE],
            Math.min(GROUPS, LIMIT),
            `never more than ${LIMIT} PATCHes in any 60 s window, and the client used the whole budget`,
        );
        const windows = Math.ceil(GROUPS / LIMIT) - 1;
        assert.equal(
            virtualMs,
            windows * 60000,
            `${GROUPS} PATCHes at ${LIMIT}/min wait ${windows} full windows, no more`,
        );
        assert.equal(Object.keys(created.outs!.groupIds).length, GROUPS);
        const sample = [0, Math.floor(GROUPS / 2), GROUPS - 1];
        for (const i of sample) {
            const id = created.outs!.groupIds[names[i]];
            assert.equal(
                (await ws.call("GET", `/usage_limits/groups/${id}`)).body.override_monthly_usage_limit.limit_amount
                    .amount,
                1000 + i,
            );
        }
        const lines = progress.filter((l) => l.startsWith("progress: GroupUsageLimits"));
        const expected = Array.from(
            { length: Math.floor(GROUPS / 50) },
            (_, i) => `progress: GroupUsageLimits (${GROUPS} groups): ${(i + 1) * 50}/${GROUPS} done after `,
        );
        assert.deepEqual(
            lines.map((l) => l.replace(/\d+ s$/, "")),
            expected,
        );
        assert.equal(
            lines.at(-1),
            `progress: GroupUsageLimits (${GROUPS} groups): ${GROUPS}/${GROUPS} done after ${windows * 60} s`,
            "progress counts the time the apply waited",
        );
        const lists = requests.filter((r) => r.method === "GET").length;
        console.log(
            `      ${GROUPS} group limits at ${LIMIT}/min: ${(virtualMs / 60000).toFixed(1)} min of virtual time, ${patches.length} PATCH + ${lists} GET, ` +
                `0 answered 429, busiest 60 s window ${clock.busiestWindow(template)[PATCH_ROUTE]} PATCHes (Node ${process.version})`,
        );
    });
});
