import * as assert from "node:assert/strict";
import { ChatGptAdminApiError, ChatGptAdminClient, isChatGptAdminApiError } from "../../../clients/chatgptAdmin";
import { AUTHENTICATION_HINT } from "../../../clients/chatgptAdmin/hints";
import { RunningEmulator, startEmulator } from "../../../emulator";
import { VirtualClock } from "../shared/virtualClock";

/**
 * The real client against the real emulator over HTTP on 127.0.0.1: every route the client has, the pages each
 * list takes, and the errors a person sees for a wrong key, a wrong workspace and a gone object.
 */

const WS = "3f6b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const OTHER = "8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d";
const UNKNOWN = "00000000-1111-4222-8333-444444444444";
const KEY = "test-admin-key-against-emulator-0123456789";
const OTHER_KEY = "test-admin-key-other-workspace-0123456789";
const rule = (amount: number) => ({ type: "limited" as const, limit_amount: { amount, unit: "credit" as const } });

/** fetch that records each request's method, path under the workspace and query. */
function recordingFetch() {
    const seen: { method: string; path: string; query: Record<string, string> }[] = [];
    const fetchImpl = (input: string | URL | Request, init?: RequestInit) => {
        const url = new URL(String(input));
        seen.push({
            method: init?.method ?? "GET",
            path: url.pathname.replace(/^\/v1\/manage\/workspaces\/[^/]+/, ""),
            query: Object.fromEntries(url.searchParams),
        });
        return fetch(input, init);
    };
    return { seen, fetchImpl };
}

async function failure(promise: Promise<unknown>): Promise<ChatGptAdminApiError> {
    try {
        await promise;
    } catch (error) {
        assert.ok(isChatGptAdminApiError(error), `not a ChatGptAdminApiError: ${error}`);
        return error;
    }
    assert.fail("expected a failure");
}

describe("clients/chatgptAdmin against the emulator (real client, real HTTP)", function () {
    this.timeout(30000);
    let emulator: RunningEmulator | undefined;
    afterEach(async () => {
        await emulator?.stop();
        emulator = undefined;
    });

    async function start(options: { now?: () => number } = {}) {
        emulator = await startEmulator({
            workspaces: [
                { id: WS, adminKey: KEY, scimToken: "scim-token-against-emulator-1" },
                { id: OTHER, adminKey: OTHER_KEY, scimToken: "scim-token-against-emulator-2" },
            ],
            ...options,
        });
        return emulator;
    }

    function client(extra: Partial<ConstructorParameters<typeof ChatGptAdminClient>[0]> = {}) {
        const recording = recordingFetch();
        const c = new ChatGptAdminClient({
            workspaceId: WS,
            adminKey: () => KEY,
            baseUrl: emulator!.apiBaseUrl,
            fetch: recording.fetchImpl,
            ...extra,
        });
        return { c, seen: recording.seen };
    }

    it("lists 2,500 users in three pages of 1,000 (`after` = the last id), each user once, with progress per page", async () => {
        await start();
        const seeded = Array.from({ length: 2500 }, (_, i) =>
            emulator!.seedUser(WS, {
                email: `staff${String(i).padStart(4, "0")}@lincoln.k12.us`,
                source: i % 2 ? "aac" : "invite",
            }),
        );
        const progress: number[] = [];
        const { c, seen } = client({ onProgress: (p) => progress.push(p.items) });
        const users = await c.listUsers();
        assert.deepEqual(
            users.map((u) => u.id),
            seeded.map((u) => u.id),
        );
        assert.deepEqual(
            users.map((u) => u.email),
            seeded.map((u) => u.email),
        );
        assert.equal(users[0].is_scim_managed, false, "a seeded (invited) member is not SCIM-managed");
        assert.deepEqual(seen, [
            { method: "GET", path: "/users", query: { limit: "1000" } },
            { method: "GET", path: "/users", query: { limit: "1000", after: seeded[999].id } },
            { method: "GET", path: "/users", query: { limit: "1000", after: seeded[1999].id } },
        ]);
        assert.deepEqual(progress, [1000, 2000, 2500]);
    });

    it("lists 150 groups in two pages of 100 and a group's 250 members in three cursor pages of 100", async () => {
        await start();
        const members = Array.from({ length: 250 }, (_, i) =>
            emulator!.seedUser(WS, { email: `teacher${i}@lincoln.k12.us`, source: "aac" }),
        );
        const groups = Array.from({ length: 150 }, (_, i) =>
            emulator!.seedLocalGroup(
                WS,
                `ROLLOUT_SCHOOL_School${String(i).padStart(3, "0")}`,
                i === 7 ? members.map((m) => m.id) : [],
            ),
        );
        const { c, seen } = client();
        const listed = await c.listGroups();
        assert.deepEqual(
            listed.map((g) => [g.id, g.name]),
            groups.map((g) => [g.id, g.name]),
        );
        assert.equal(listed[7].is_scim_managed, false, "a group made in the console is not SCIM-managed (GRP-3)");
        assert.equal(seen.length, 2);
        assert.deepEqual(seen[0].query, { limit: "100" });
        assert.ok(seen[1].query.cursor ?? seen[1].query.after, "the second page continues where the first stopped");

        seen.length = 0;
        const inGroup = await c.listGroupUsers(groups[7].id);
        assert.deepEqual(
            inGroup.map((u) => u.id),
            members.map((m) => m.id),
        );
        assert.deepEqual(
            seen.map((r) => [r.path, r.query.limit, r.query.cursor === undefined ? "first" : "cursor"]),
            [
                [`/groups/${groups[7].id}/users`, "100", "first"],
                [`/groups/${groups[7].id}/users`, "100", "cursor"],
                [`/groups/${groups[7].id}/users`, "100", "cursor"],
            ],
        );
        assert.deepEqual(await c.listGroupUsers(groups[0].id), [], "an empty group is one page, no members");
    });

    it("creates, lists and deletes an invite; deleting it again is not_found naming the invite; inviting a member is a conflict", async () => {
        await start();
        const member = emulator!.seedUser(WS, { email: "it.pilot@lincoln.k12.us", source: "invite" });
        const { c, seen } = client();
        const invite = await c.createInvite({ email: "teacher.pilot@lincoln.k12.us" });
        assert.equal(invite.email, "teacher.pilot@lincoln.k12.us");
        assert.equal(invite.status, "pending");
        assert.deepEqual(
            (await c.listInvites()).map((i) => [i.id, i.email]),
            [[invite.id, "teacher.pilot@lincoln.k12.us"]],
        );
        await c.deleteInvite(invite.id);
        assert.deepEqual(await c.listInvites(), []);
        assert.deepEqual(
            seen.map((r) => `${r.method} ${r.path}`),
            ["POST /invites", "GET /invites", `DELETE /invites/${invite.id}`, "GET /invites"],
        );

        const gone = await failure(c.deleteInvite(invite.id));
        assert.equal(gone.kind, "not_found");
        assert.equal(gone.status, 404);
        assert.equal(gone.route, `DELETE /manage/workspaces/${WS}/invites/${invite.id}`);
        assert.equal(gone.hint, `no invite ${invite.id} in workspace ${WS}: it was deleted or the id is wrong`);

        const taken = await failure(c.createInvite({ email: member.email }));
        assert.equal(taken.kind, "conflict");
        assert.equal(taken.status, 409);
        assert.equal(taken.code, "user_already_member");
        assert.equal(taken.maybeApplied, false, "a 409 is an answer: nothing to look for");
    });

    it("sets, reads and clears the workspace's monthly limit (null restores the inherited one)", async () => {
        await start();
        const { c, seen } = client();
        assert.equal((await c.getWorkspaceUsageLimit()).override_monthly_usage_limit, null);
        const set = await c.setWorkspaceUsageLimit(rule(1000));
        assert.deepEqual(
            set.override_monthly_usage_limit && {
                type: set.override_monthly_usage_limit.type,
                limit_amount: (set.override_monthly_usage_limit as ReturnType<typeof rule>).limit_amount,
            },
            rule(1000),
        );
        const read = await c.getWorkspaceUsageLimit();
        assert.equal((read.override_monthly_usage_limit as ReturnType<typeof rule>).limit_amount.amount, 1000);
        const cleared = await c.setWorkspaceUsageLimit(null);
        assert.equal(cleared.override_monthly_usage_limit, null);
        assert.equal((await c.getWorkspaceUsageLimit()).override_monthly_usage_limit, null);
        assert.deepEqual(
            seen.map((r) => `${r.method} ${r.path}`),
            [
                "GET /usage_limits/workspace",
                "PATCH /usage_limits/workspace",
                "GET /usage_limits/workspace",
                "PATCH /usage_limits/workspace",
                "GET /usage_limits/workspace",
            ],
        );
    });

    it("sets and clears a group's limit; an unknown group is not_found naming the group, and nothing is sent for a bad id", async () => {
        await start();
        const group = emulator!.seedLocalGroup(WS, "ROLLOUT_STAFF_Lincoln");
        const { c, seen } = client();
        const set = await c.setGroupUsageLimit(group.id, rule(5000));
        assert.equal((set.override_monthly_usage_limit as ReturnType<typeof rule>).limit_amount.amount, 5000);
        assert.equal(
            ((await c.getGroupUsageLimit(group.id)).override_monthly_usage_limit as ReturnType<typeof rule>)
                .limit_amount.amount,
            5000,
        );
        assert.deepEqual(
            (await c.listGroupUsageLimits()).map(
                (l) => (l.override_monthly_usage_limit as ReturnType<typeof rule> | null)?.limit_amount.amount,
            ),
            [5000],
        );
        assert.equal((await c.setGroupUsageLimit(group.id, null)).override_monthly_usage_limit, null);
        assert.equal((await c.getGroupUsageLimit(group.id)).override_monthly_usage_limit, null);

        const missing = await failure(c.getGroupUsageLimit("group-0123456789abcdef"));
        assert.equal(missing.kind, "not_found");
        assert.equal(missing.status, 404);
        assert.equal(
            missing.hint,
            `no group group-0123456789abcdef in workspace ${WS}: it was deleted or the id is wrong`,
        );
        const before = seen.length;
        const bad = await failure(c.setGroupUsageLimit("../users", rule(1)));
        assert.equal(bad.kind, "invalid_request");
        assert.equal(seen.length, before, "an id that is not one path segment is refused before sending");
    });

    it("401: a wrong key is kind authentication with the key hint, and no key appears in the error", async () => {
        await start();
        const wrong = "test-admin-key-revoked-000000000000000000";
        const { c } = client({ adminKey: () => wrong });
        const error = await failure(c.listUsers());
        assert.equal(error.kind, "authentication");
        assert.equal(error.status, 401);
        assert.equal(error.hint, AUTHENTICATION_HINT);
        assert.equal(error.route, `GET /manage/workspaces/${WS}/users`);
        for (const text of [error.message, JSON.stringify(error)]) {
            assert.ok(!text.includes(wrong) && !text.includes(KEY), "no key in the error");
        }
    });

    it("404: a workspace the API does not know is not_found with the workspace and plan hint; 403: another workspace's key names the permission", async () => {
        await start();
        const unknown = await failure(client({ workspaceId: UNKNOWN }).c.listGroups());
        assert.equal(unknown.kind, "not_found");
        assert.equal(unknown.status, 404);
        assert.equal(
            unknown.hint,
            `workspace ${UNKNOWN} was not found, or its plan has no admin API (ChatGPT Enterprise and Edu only): ` +
                "check workspaceId against the OpenAI Admin Console and the workspace's plan",
        );
        const foreign = await failure(client({ workspaceId: OTHER }).c.getWorkspaceUsageLimit());
        assert.equal(foreign.kind, "permission");
        assert.equal(foreign.status, 403);
        assert.match(
            foreign.hint,
            new RegExp(
                `^the admin key lacks the "read usage limits" permission for workspace ${OTHER} \\(or was made in another workspace\\)`,
            ),
        );
    });

    it("150 member reads at the real 100/min: no 429 from the emulator, one full window waited (virtual time shared with the emulator)", async () => {
        const clock = new VirtualClock();
        const running = await start({ now: clock.now });
        const groups = Array.from({ length: 150 }, (_, i) => running.seedLocalGroup(WS, `ROLLOUT_SCHOOL_School${i}`));
        const c = new ChatGptAdminClient({
            workspaceId: WS,
            adminKey: () => KEY,
            baseUrl: running.apiBaseUrl,
            now: clock.now,
            sleep: clock.sleep,
            fetch: clock.fetch,
        });
        const began = clock.now();
        for (const g of groups) await c.listGroupUsers(g.id);
        const log = running.requestLog.filter(
            (r) => r.route === "/v1/manage/workspaces/:workspaceId/groups/:groupId/users",
        );
        assert.equal(log.length, 150);
        assert.deepEqual(
            log.filter((r) => r.status !== 200),
            [],
            "the client paced itself: the emulator refused nothing",
        );
        assert.equal(
            clock.since(began),
            60000,
            "the 101st read waited for the first one to leave the window, no longer",
        );
        assert.deepEqual(
            clock.busiestWindow((p) => p.replace(/\/groups\/[^/]+\/users$/, "/groups/{id}/users")),
            { [`GET /v1/manage/workspaces/${WS}/groups/{id}/users`]: 100 },
        );
    });
});
