import * as assert from "node:assert/strict";
import { ChatGptAdminClient } from "../../../clients/chatgptAdmin";
import { KEY, WORKSPACE, fakeClock, user } from "./scriptedServer";

/**
 * The pacing model at scale, on a fake clock and an in-memory fetch (no timing is asserted, only fake time):
 * a district with 10,000 users and 1,000 groups read at the API's 100 requests/min per method and route.
 * Model: n sequential requests on one route take (ceil(n / 100) - 1) windows of 60 s of waiting.
 */

const USERS = 10000;
const GROUPS = 1000;

function modelWaitMs(requests: number, perMinute = 100): number {
    return (Math.ceil(requests / perMinute) - 1) * 60000;
}

function fakeApi(membersPerGroup: number, now: () => number) {
    const sent = new Map<string, number[]>();
    const fetchImpl = async (input: string | URL | Request): Promise<Response> => {
        const url = new URL(String(input));
        const path = url.pathname.replace(`/v1/manage/workspaces/${WORKSPACE}`, "");
        const template = path.replace(/^\/groups\/[^/]+\/users$/, "/groups/{group_id}/users");
        sent.set(template, [...(sent.get(template) ?? []), now()]);
        const limit = Number(url.searchParams.get("limit"));
        let body: unknown;
        if (path === "/users") {
            const start = Number(url.searchParams.get("after")?.slice(1) ?? -1) + 1;
            const ids = Array.from({ length: Math.min(limit, USERS - start) }, (_, i) => `u${start + i}`);
            body = {
                object: "list",
                data: ids.map((id) => user(id)),
                last_id: ids.at(-1) ?? null,
                has_more: start + ids.length < USERS,
            };
        } else if (path === "/groups") {
            const start = Number(url.searchParams.get("after")?.slice(1) ?? -1) + 1;
            const ids = Array.from({ length: Math.min(limit, GROUPS - start) }, (_, i) => `g${start + i}`);
            body = {
                object: "list",
                data: ids.map((id) => ({ id, name: `[USAGE]_X_${id}` })),
                last_id: ids.at(-1) ?? null,
                has_more: start + ids.length < GROUPS,
            };
        } else {
            const start = Number(url.searchParams.get("cursor") ?? 0);
            const count = Math.min(limit, membersPerGroup - start);
            const end = start + count;
            body = {
                object: "list",
                data: Array.from({ length: count }, (_, i) => user(`m${start + i}`)),
                cursor: end < membersPerGroup ? String(end) : null,
                has_more: end < membersPerGroup,
            };
        }
        return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    };
    return { fetchImpl, sent };
}

function busiestWindow(times: number[]): number {
    let most = 0;
    for (let end = 0, start = 0; end < times.length; end++) {
        while (times[end] - times[start] >= 60000) start++;
        most = Math.max(most, end - start + 1);
    }
    return most;
}

async function readDistrict(membersPerGroup: number) {
    const clock = fakeClock(0);
    const api = fakeApi(membersPerGroup, clock.now);
    const client = new ChatGptAdminClient({
        workspaceId: WORKSPACE,
        adminKey: () => KEY,
        fetch: api.fetchImpl as typeof fetch,
        now: clock.now,
        sleep: clock.sleep,
    });
    const users = await client.listUsers();
    const groups = await client.listGroups();
    let members = 0;
    for (const group of groups) members += (await client.listGroupUsers(group.id)).length;
    return { users: users.length, groups: groups.length, members, elapsedMs: clock.now(), sent: api.sent };
}

describe("clients/chatgptAdmin pacing at district scale (fake clock)", () => {
    it("10,000 users + 1,000 groups of 10: 1,020 requests, 9 windows waiting, ≤100 per route+window", async () => {
        const read = await readDistrict(10);
        assert.deepEqual([read.users, read.groups, read.members], [USERS, GROUPS, GROUPS * 10]);
        const counts = Object.fromEntries([...read.sent].map(([route, times]) => [route, times.length]));
        assert.deepEqual(counts, { "/users": 10, "/groups": 10, "/groups/{group_id}/users": 1000 });
        assert.equal(read.elapsedMs, modelWaitMs(10) + modelWaitMs(10) + modelWaitMs(1000));
        assert.equal(read.elapsedMs, 540000);
        for (const times of read.sent.values()) assert.ok(busiestWindow(times) <= 100);
    });

    it("1,000 groups of 250 members take 3 cursor pages each: 3,000 member requests, 29 windows", async () => {
        const read = await readDistrict(250);
        assert.equal(read.members, GROUPS * 250);
        assert.equal(read.sent.get("/groups/{group_id}/users")?.length, 3000);
        assert.equal(read.elapsedMs, modelWaitMs(3000));
        assert.equal(read.elapsedMs, 29 * 60000);
        assert.equal(busiestWindow(read.sent.get("/groups/{group_id}/users")!), 100);
    });
});
