import * as assert from "node:assert/strict";
import { ChatGptAdminClient } from "../../../clients/chatgptAdmin";
import { SlidingWindowPacer, sharedPacer } from "../../../clients/shared/pacer";
import { fakeClock, virtualClock } from "../chatgptAdmin/scriptedServer";

/** The most requests any window of `windowMs` holds, over sorted send times. */
function busiestWindow(times: number[], windowMs: number): number {
    let most = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
        while (times[end] - times[start] >= windowMs) start++;
        most = Math.max(most, end - start + 1);
    }
    return most;
}

describe("clients/shared pacer", () => {
    it("250 requests at 100/min take two windows of fake time, never over 100 in any 60 s window", async () => {
        const clock = fakeClock(0);
        const pacer = new SlidingWindowPacer({ limit: 100, now: clock.now, sleep: clock.sleep });
        const sent: number[] = [];
        for (let i = 0; i < 250; i++) {
            await pacer.acquire("GET /users");
            sent.push(clock.now());
        }
        assert.equal(sent.length, 250);
        assert.equal(clock.now(), 120000);
        assert.equal(busiestWindow(sent, 60000), 100);
        assert.deepEqual([sent[99], sent[100], sent[199], sent[200], sent[249]], [0, 60000, 60000, 120000, 120000]);
    });

    it("concurrent callers share one budget and still stay under it", async () => {
        const clock = virtualClock(0);
        const pacer = new SlidingWindowPacer({ limit: 10, now: clock.now, sleep: clock.sleep });
        const sent: number[] = [];
        await Promise.all(
            Array.from({ length: 35 }, () =>
                pacer.acquire("PATCH /usage_limits/groups/{group_id}").then(() => sent.push(clock.now())),
            ),
        );
        sent.sort((a, b) => a - b);
        assert.equal(sent.length, 35);
        assert.equal(busiestWindow(sent, 60000), 10);
        assert.equal(sent[34], 180000);
    });

    it("different routes do not share a budget", async () => {
        const clock = fakeClock(0);
        const pacer = new SlidingWindowPacer({ limit: 100, now: clock.now, sleep: clock.sleep });
        for (let i = 0; i < 100; i++) await pacer.acquire("GET /users");
        for (let i = 0; i < 100; i++) await pacer.acquire("GET /groups");
        for (let i = 0; i < 100; i++) await pacer.acquire("GET /groups/{group_id}/users");
        assert.equal(clock.now(), 0);
        assert.deepEqual(clock.sleeps, []);
        assert.equal(pacer.inWindow("GET /users"), 100);
        await pacer.acquire("GET /users");
        assert.equal(clock.now(), 60000);
    });

    it("pause holds one key until the given time and leaves other keys alone", async () => {
        const clock = fakeClock(0);
        const pacer = new SlidingWindowPacer({ limit: 100, now: clock.now, sleep: clock.sleep });
        pacer.pause("GET /users", 7000);
        await pacer.acquire("GET /groups");
        assert.equal(clock.now(), 0);
        await pacer.acquire("GET /users");
        assert.equal(clock.now(), 7000);
        pacer.pause("GET /users", 3000);
        await pacer.acquire("GET /users");
        assert.equal(clock.now(), 7000, "an earlier pause does not shorten or extend anything");
    });

    it("clients built per call (one per provider method) for the same workspace share one budget", async () => {
        const workspaceId = "7d1f0c2e-5b7a-4c3e-9f10-2a4b6c8d0e1f";
        const baseUrl = "https://pacer-sharing.invalid/v1";
        const fetchStub = (async () =>
            new Response(JSON.stringify({ data: [], has_more: false }), { status: 200 })) as typeof fetch;
        const client = () => new ChatGptAdminClient({ workspaceId, baseUrl, adminKey: () => "k", fetch: fetchStub });
        await Promise.all([client().listUsers(), client().listUsers(), client().listGroups()]);
        const budget = sharedPacer(`${baseUrl}|${workspaceId}`, 100);
        assert.equal(budget.inWindow("GET /users"), 2);
        assert.equal(budget.inWindow("GET /groups"), 1);
    });

    it("refuses a limit below one", () => {
        assert.throws(() => new SlidingWindowPacer({ limit: 0 }), /pacer limit must be a whole number ≥ 1, got 0/);
    });
});
