import * as assert from "node:assert/strict";
import { ChatGptAdminApiError, ChatGptAdminClient, LimitRule } from "../../../clients/chatgptAdmin";
import { KEY, PREFIX, ScriptedServer, WORKSPACE, fakeClock, json, startScriptedServer } from "./scriptedServer";

function client(url: string) {
    const clock = fakeClock(Date.parse("2026-11-25T12:00:00Z"));
    return new ChatGptAdminClient({
        workspaceId: WORKSPACE,
        adminKey: () => KEY,
        baseUrl: url,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
    });
}

const invite = {
    object: "workspace.invite",
    id: "inv_1",
    email: "pilot@district.example",
    role: "standard-user",
    status: "pending",
};
const rule = (amount: number | string): LimitRule => ({
    type: "limited",
    limit_amount: { amount: amount as number, unit: "credit" },
});
const limit = (override: unknown) => ({
    object: "workspace.usage_limit",
    override_monthly_usage_limit: override,
    effective_monthly_usage_limit: { limit: rule(500), source: { kind: "workspace_default" } },
    inherited_monthly_usage_limit: { limit: rule(500), source: { kind: "workspace_default" } },
});

describe("clients/chatgptAdmin writes", () => {
    let server: ScriptedServer | undefined;
    afterEach(async () => {
        await server?.stop();
        server = undefined;
    });

    it("createInvite POSTs { email, role } and returns the invite", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, invite));
        const created = await client(server.url).createInvite({
            email: "pilot@district.example",
            role: "standard-user",
        });
        assert.equal(created.id, "inv_1");
        assert.deepEqual(
            server.seen.map((r) => [r.method, r.path, JSON.parse(r.body)]),
            [["POST", `${PREFIX}/invites`, { email: "pilot@district.example", role: "standard-user" }]],
        );
    });

    it("createInvite is not re-sent after a lost answer: kind connection, maybeApplied", async () => {
        server = await startScriptedServer((_req, _res, raw) => raw.socket.destroy());
        await assert.rejects(
            client(server.url).createInvite({ email: "pilot@district.example" }),
            (error: ChatGptAdminApiError) => {
                assert.equal(error.kind, "connection");
                assert.equal(error.maybeApplied, true);
                assert.match(error.message, /it may have been applied: look before sending it again/);
                return true;
            },
        );
        assert.equal(server.seen.length, 1);
    });

    it("createInvite is not re-sent after a 500 or a 503 without Retry-After", async () => {
        for (const [status, headers] of [
            [500, {}],
            [503, {}],
            [504, {}],
        ] as const) {
            server = await startScriptedServer((_req, res) =>
                json(res, status, { error: { message: "oops" } }, headers),
            );
            await assert.rejects(client(server.url).createInvite({ email: "pilot@district.example" }), {
                kind: "server",
                status,
                maybeApplied: true,
            });
            assert.equal(server.seen.length, 1, `re-sent after ${status}`);
            await server.stop();
            server = undefined;
        }
    });

    it("createInvite is re-sent after 429 and 503 with Retry-After (nothing was applied)", async () => {
        let calls = 0;
        server = await startScriptedServer((_req, res) => {
            calls++;
            if (calls === 1) return json(res, 429, { error: { message: "slow" } }, { "retry-after": "1" });
            if (calls === 2) return json(res, 503, { error: { message: "busy" } }, { "retry-after": "2" });
            json(res, 200, invite);
        });
        assert.equal((await client(server.url).createInvite({ email: "pilot@district.example" })).id, "inv_1");
        assert.equal(server.seen.length, 3);
    });

    it("createInvite refuses a value that is not an email address without sending", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, invite));
        await assert.rejects(client(server.url).createInvite({ email: "not an email" }), {
            kind: "invalid_request",
            message: /email must be an email address/,
        });
        assert.equal(server.seen.length, 0);
    });

    it("PATCH and DELETE are retried after a 5xx (sending them again is harmless)", async () => {
        let calls = 0;
        server = await startScriptedServer((req, res) => {
            calls++;
            if (calls % 2 === 1) return json(res, 500, { error: { message: "flaky" } });
            if (req.method === "DELETE")
                return json(res, 200, { object: "workspace.invite.deleted", id: "inv_1", deleted: true });
            json(res, 200, limit(null));
        });
        const c = client(server.url);
        await c.deleteInvite("inv_1");
        await c.setWorkspaceUsageLimit(null);
        assert.deepEqual(
            server.seen.map((r) => r.method),
            ["DELETE", "DELETE", "PATCH", "PATCH"],
        );
    });

    it("setGroupUsageLimit PATCHes { override_monthly_usage_limit: rule } and null clears it", async () => {
        server = await startScriptedServer((req, res) => {
            const body = JSON.parse(req.body);
            json(res, 200, {
                ...limit(body.override_monthly_usage_limit ? [body.override_monthly_usage_limit] : []),
                group_id: "grp_1",
            });
        });
        const c = client(server.url);
        const set = await c.setGroupUsageLimit("grp_1", rule(2000));
        assert.deepEqual(set.override_monthly_usage_limit, rule(2000), "the array form becomes the rule");
        assert.equal(set.group_id, "grp_1");
        const cleared = await c.setGroupUsageLimit("grp_1", null);
        assert.equal(cleared.override_monthly_usage_limit, null, "[] becomes null");
        assert.deepEqual(
            server.seen.map((r) => [r.method, r.path, JSON.parse(r.body)]),
            [
                ["PATCH", `${PREFIX}/usage_limits/groups/grp_1`, { override_monthly_usage_limit: rule(2000) }],
                ["PATCH", `${PREFIX}/usage_limits/groups/grp_1`, { override_monthly_usage_limit: null }],
            ],
        );
    });

    it("usage limits read amounts sent as decimal strings and keep unknown fields", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, { ...limit([rule("750")]), id: WORKSPACE }));
        const got = await client(server.url).getWorkspaceUsageLimit();
        assert.deepEqual(got.override_monthly_usage_limit, rule(750));
        assert.equal(got.id, WORKSPACE);
        assert.deepEqual(got.effective_monthly_usage_limit?.source, { kind: "workspace_default" });
    });

    it("a usage limit answer without override_monthly_usage_limit fails naming the field", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, { effective_monthly_usage_limit: null }));
        await assert.rejects(client(server.url).getGroupUsageLimit("grp_1"), {
            kind: "invalid_response",
            message: new RegExp(
                `GET /manage/workspaces/${WORKSPACE}/usage_limits/groups/grp_1 failed \\(invalid_response\\): ` +
                    "the answer's field override_monthly_usage_limit is missing",
            ),
        });
    });

    it("refuses a malformed rule without sending", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, limit(null)));
        const bad = { type: "limited", limit_amount: { amount: -5, unit: "credit" } } as LimitRule;
        await assert.rejects(client(server.url).setWorkspaceUsageLimit(bad), {
            kind: "invalid_request",
            message: /rule must be null/,
        });
        assert.equal(server.seen.length, 0);
    });
});
