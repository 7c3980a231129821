import * as assert from "node:assert/strict";
import { groupUsageLimitsProvider } from "../../../provider/resources/groupUsageLimits";
import { WORKSPACE_ID, Workspace, startWorkspace } from "./fixture";

const GROUPS = Number(process.env.SCALE_GROUPS ?? 1000);
/** Route limit of the emulator and pacing budget of the client; the real API's is 100. */
const LIMIT = Number(process.env.SCALE_LIMIT ?? 500);

describe("provider/resources scale: 1,000 group limits paced under the route limit", function () {
    this.timeout(600000);
    let ws: Workspace;
    const original = console.error;
    afterEach(async () => {
        console.error = original;
        await ws?.stop();
    });

    it(`sets ${GROUPS} group limits without one 429 from a ${LIMIT}/min route limit, showing progress`, async () => {
        ws = await startWorkspace({ requestsPerMinute: LIMIT, clientRequestsPerMinute: LIMIT });
        const names = Array.from({ length: GROUPS }, (_, i) => `ROLLOUT_SCHOOL_School${String(i + 1).padStart(4, "0")}`);
        for (const name of names) await ws.pushGroup(name);
        const p = groupUsageLimitsProvider();
        await p.configure!(ws.configureRequest());
        const progress: string[] = [];
        console.error = (line: unknown) => { progress.push(String(line)); };
        const start = ws.emulator.requestLog.length;
        const began = Date.now();
        const created = await p.create({ workspaceId: WORKSPACE_ID, limits: names.map((group, i) => ({ group, credits: 1000 + i })), groupWaitSeconds: 5, groupPollSeconds: 1 });
        const seconds = (Date.now() - began) / 1000;
        console.error = original;

        const requests = ws.requestsSince(start);
        assert.deepEqual(requests.filter((r) => r.status === 429), [], "the client never went over the route limit");
        const patches = requests.filter((r) => r.method === "PATCH");
        assert.equal(patches.length, GROUPS, "one PATCH per group, no more");
        assert.equal(Object.keys(created.outs!.groupIds).length, GROUPS);
        const sample = [0, Math.floor(GROUPS / 2), GROUPS - 1].map((i) => created.outs!.groupIds[names[i]]);
        for (const [k, id] of sample.entries()) {
            const i = [0, Math.floor(GROUPS / 2), GROUPS - 1][k];
            assert.equal((await ws.call("GET", `/usage_limits/groups/${id}`)).body.override_monthly_usage_limit.limit_amount.amount, 1000 + i);
        }
        const expected = Array.from({ length: Math.floor(GROUPS / 50) }, (_, i) => `progress: GroupUsageLimits (${GROUPS} groups): ${(i + 1) * 50}/${GROUPS} done after `);
        assert.deepEqual(progress.filter((l) => l.startsWith("progress: GroupUsageLimits")).map((l) => l.replace(/\d+ s$/, "")), expected);
        const lists = requests.filter((r) => r.method === "GET").length;
        console.log(`      ${GROUPS} group limits at ${LIMIT}/min: ${seconds.toFixed(1)} s, ${patches.length} PATCH + ${lists} GET, 0 answered 429; ` +
            `at the real 100/min the ${GROUPS} PATCHes need at least ${((GROUPS - 100) / 100).toFixed(0)} min (Node ${process.version})`);
    });
});
