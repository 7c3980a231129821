import * as assert from "node:assert/strict";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LINCOLN, chatgpt, readAllAfter, readAllCursor, scim, scimUser, twoWorkspaces } from "./helpers";

describe("emulator: ChatGPT admin API (/v1/manage/workspaces/{workspace_id})", () => {
    let emulator: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces });
    });
    afterEach(() => emulator.stop());

    function seedMembers(count: number): string[] {
        return Array.from(
            { length: count },
            (_, i) =>
                emulator.seedUser(LINCOLN.id, {
                    email: `member${i}@lincoln.k12.us`,
                    name: `Member ${i}`,
                    source: i % 2 ? "aac" : "invite",
                }).id,
        );
    }

    it("lists users with after pagination to the end, reads one and filters by email", async () => {
        const ids = seedMembers(7);
        const first = await chatgpt(emulator, "GET", "/users?limit=3");
        assert.equal(first.status, 200);
        assert.deepEqual(Object.keys(first.body).sort(), ["data", "first_id", "has_more", "last_id", "object"]);
        assert.deepEqual(
            [first.body.object, first.body.first_id, first.body.last_id, first.body.has_more],
            ["list", ids[0], ids[2], true],
        );
        assert.deepEqual(first.body.data[0], {
            object: "workspace.user",
            id: ids[0],
            email: "member0@lincoln.k12.us",
            name: "Member 0",
            role: "standard-user",
            seat_type: "default",
            is_scim_managed: false,
            status: "active",
            created_at: first.body.data[0].created_at,
        });
        const all = await readAllAfter(emulator, "/users", 3);
        assert.deepEqual(
            all.items.map((u) => u.id),
            ids,
        );
        assert.equal(all.pages, 3);
        const big = await chatgpt(emulator, "GET", "/users?limit=1000");
        assert.deepEqual([big.body.data.length, big.body.has_more], [7, false]);
        const tooBig = await chatgpt(emulator, "GET", "/users?limit=1001");
        assert.deepEqual([tooBig.status, tooBig.body.error.param], [400, "limit"]);
        const badAfter = await chatgpt(emulator, "GET", "/users?after=user-missing");
        assert.deepEqual([badAfter.status, badAfter.body.error.param], [400, "after"]);

        const one = await chatgpt(emulator, "GET", `/users/${ids[4]}`);
        assert.equal(one.body.email, "member4@lincoln.k12.us");
        const byEmail = await chatgpt(emulator, "GET", "/users?email=MEMBER5%40lincoln.k12.us");
        assert.deepEqual(
            byEmail.body.data.map((u: any) => u.id),
            [ids[5]],
        );
        assert.equal((await chatgpt(emulator, "GET", "/users/user-missing")).status, 404);
    });

    it("deletes an invited or AAC member but refuses a SCIM-managed one (409 scim_managed_resource)", async () => {
        const [id] = seedMembers(1);
        const deleted = await chatgpt(emulator, "DELETE", `/users/${id}`);
        assert.deepEqual(deleted.body, { object: "workspace.user.deleted", id, deleted: true });
        assert.equal((await chatgpt(emulator, "GET", `/users/${id}`)).status, 404);
        assert.equal((await chatgpt(emulator, "DELETE", `/users/${id}`)).status, 404);

        await scim(emulator, "POST", "/Users", scimUser("ada@lincoln.k12.us"));
        const managed = (await chatgpt(emulator, "GET", "/users?email=ada%40lincoln.k12.us")).body.data[0];
        const refused = await chatgpt(emulator, "DELETE", `/users/${managed.id}`);
        assert.deepEqual([refused.status, refused.body.error.code], [409, "scim_managed_resource"]);
    });

    it("creates, lists, reads, resends and deletes invites; an accepted invite becomes an unmanaged member", async () => {
        const created = await chatgpt(emulator, "POST", "/invites", { email: "Pilot@Lincoln.k12.us" });
        assert.equal(created.status, 200);
        assert.deepEqual(created.body, {
            object: "workspace.invite",
            id: created.body.id,
            workspace_id: LINCOLN.id,
            email: "pilot@lincoln.k12.us",
            role: "standard-user",
            status: "pending",
            created_at: created.body.created_at,
            resent_at: null,
        });
        assert.match(created.body.id, /^invite-[0-9a-f]{24}$/);
        const second = await chatgpt(emulator, "POST", "/invites", {
            email: "admin@lincoln.k12.us",
            role: "account-admin",
        });
        const listed = await readAllAfter(emulator, "/invites", 1);
        assert.deepEqual(
            listed.items.map((i) => i.email),
            ["pilot@lincoln.k12.us", "admin@lincoln.k12.us"],
        );
        assert.equal(listed.pages, 2);
        assert.equal((await chatgpt(emulator, "GET", `/invites/${second.body.id}`)).body.role, "account-admin");
        const resent = await chatgpt(emulator, "POST", `/invites/${created.body.id}/resend`);
        assert.equal(typeof resent.body.resent_at, "number");
        assert.deepEqual((await chatgpt(emulator, "DELETE", `/invites/${second.body.id}`)).body, {
            object: "workspace.invite.deleted",
            id: second.body.id,
            deleted: true,
        });
        assert.equal((await chatgpt(emulator, "GET", `/invites/${second.body.id}`)).status, 404);

        const member = emulator.acceptInvite(LINCOLN.id, created.body.id);
        const user = await chatgpt(emulator, "GET", `/users/${member.id}`);
        assert.deepEqual([user.body.email, user.body.is_scim_managed], ["pilot@lincoln.k12.us", false]);
        assert.equal(
            (await chatgpt(emulator, "GET", "/invites")).body.data.length,
            0,
            "the accepted invite is no longer pending",
        );
        const again = await chatgpt(emulator, "POST", "/invites", { email: "pilot@lincoln.k12.us" });
        assert.deepEqual([again.status, again.body.error.code], [409, "user_already_member"]);
    });

    it("answers 400 with { error: { message, type, param, code } } for bad invite bodies", async () => {
        const missing = await chatgpt(emulator, "POST", "/invites", {});
        assert.deepEqual(missing.body, {
            error: {
                message: "'email' is required and must be an email address.",
                type: "invalid_request_error",
                param: "email",
                code: "missing_required_parameter",
            },
        });
        const notEmail = await chatgpt(emulator, "POST", "/invites", { email: "pilot" });
        assert.deepEqual([notEmail.status, notEmail.body.error.param], [400, "email"]);
        const longEmail = await chatgpt(emulator, "POST", "/invites", { email: `${"a".repeat(250)}@x.org` });
        assert.deepEqual([longEmail.status, longEmail.body.error.code], [400, "string_above_max_length"]);
        const badRole = await chatgpt(emulator, "POST", "/invites", { email: "a@x.org", role: "owner" });
        assert.deepEqual([badRole.status, badRole.body.error.param], [400, "role"]);
        const unknown = await chatgpt(emulator, "POST", "/invites", { email: "a@x.org", emails: [] });
        assert.deepEqual(
            [unknown.status, unknown.body.error.param, unknown.body.error.code],
            [400, "emails", "unknown_parameter"],
        );
        const notJson = await fetch(`${emulator.url}/v1/manage/workspaces/${LINCOLN.id}/invites`, {
            method: "POST",
            headers: { authorization: `Bearer ${LINCOLN.adminKey}`, "content-type": "application/json" },
            body: "{",
        });
        assert.equal(notJson.status, 400);
    });

    it("lists groups (SCIM and local) and pages a group's members with an opaque cursor to the end", async () => {
        const ids = seedMembers(5);
        const local = emulator.seedLocalGroup(LINCOLN.id, "TESTING_CODEX_LOCAL", ids);
        await scim(emulator, "POST", "/Groups", { displayName: "FUNCTION_Support" });
        const groups = await readAllCursor(emulator, "/groups", 1);
        assert.deepEqual(
            groups.items.map((g) => [g.name, g.source, g.is_scim_managed, g.member_count]),
            [
                ["TESTING_CODEX_LOCAL", "manual", false, 5],
                ["FUNCTION_Support", "scim", true, 0],
            ],
        );
        assert.equal(groups.pages, 2);
        const viaAfter = await chatgpt(emulator, "GET", `/groups?limit=1&after=${local.id}`);
        assert.equal(viaAfter.body.data[0].name, "FUNCTION_Support");
        const one = await chatgpt(emulator, "GET", `/groups/${local.id}`);
        assert.deepEqual(one.body, {
            object: "directory.workspace.group",
            id: local.id,
            workspace_id: LINCOLN.id,
            name: "TESTING_CODEX_LOCAL",
            created_at: one.body.created_at,
            member_count: 5,
            source: "manual",
            is_scim_managed: false,
        });

        const first = await chatgpt(emulator, "GET", `/groups/${local.id}/users?limit=2`);
        assert.equal(first.body.has_more, true);
        assert.equal(typeof first.body.cursor, "string");
        assert.ok(!first.body.cursor.includes(ids[1]), "the cursor is opaque");
        assert.equal(first.body.data[0].object, "compliance.workspace.user");
        const members = await readAllCursor(emulator, `/groups/${local.id}/users`, 2);
        assert.deepEqual(
            members.items.map((u) => u.id),
            ids,
        );
        assert.equal(members.pages, 3);
        const last = await chatgpt(emulator, "GET", `/groups/${local.id}/users?limit=100`);
        assert.equal(last.body.cursor, null);
        assert.deepEqual([(await chatgpt(emulator, "GET", `/groups/${local.id}/users?limit=101`)).status], [400]);
        assert.equal((await chatgpt(emulator, "GET", `/groups/${local.id}/users?cursor=bm9wZQ`)).status, 400);
        assert.equal((await chatgpt(emulator, "GET", "/groups/group-missing")).status, 404);
        assert.equal(
            (await chatgpt(emulator, "POST", "/groups", { name: "X" })).status,
            405,
            "groups are not created here",
        );
    });

    it("adds and removes members of a local group, refuses SCIM groups, and lists a user's groups", async () => {
        const [a, b] = seedMembers(2);
        const local = emulator.seedLocalGroup(LINCOLN.id, "ROLLOUT_PILOT", [a]);
        const added = await chatgpt(emulator, "POST", `/groups/${local.id}/users`, { user_id: b });
        assert.deepEqual(added.body, {
            object: "directory.workspace.group_user",
            workspace_id: LINCOLN.id,
            group_id: local.id,
            user_id: b,
        });
        assert.equal((await chatgpt(emulator, "POST", `/groups/${local.id}/users`, { user_id: b })).status, 409);
        assert.equal(
            (await chatgpt(emulator, "POST", `/groups/${local.id}/users`, { user_id: "user-missing" })).status,
            404,
        );
        const userGroups = await chatgpt(emulator, "GET", `/users/${b}/groups`);
        assert.deepEqual(
            userGroups.body.data.map((g: any) => g.id),
            [local.id],
        );
        const removed = await chatgpt(emulator, "DELETE", `/groups/${local.id}/users/${b}`);
        assert.equal(removed.body.deleted, true);
        assert.equal((await chatgpt(emulator, "DELETE", `/groups/${local.id}/users/${b}`)).status, 404);
        assert.equal((await chatgpt(emulator, "GET", `/users/${b}/groups`)).body.data.length, 0);

        const pushed = await scim(emulator, "POST", "/Groups", { displayName: "FUNCTION_Support" });
        const scimGroup = (await chatgpt(emulator, "GET", "/groups")).body.data.find(
            (g: any) => g.name === "FUNCTION_Support",
        );
        assert.ok(pushed.body.id !== scimGroup.id, "SCIM ids (WorkOS) and workspace ids differ");
        const refused = await chatgpt(emulator, "POST", `/groups/${scimGroup.id}/users`, { user_id: a });
        assert.deepEqual([refused.status, refused.body.error.code], [409, "scim_managed_resource"]);
        assert.equal((await chatgpt(emulator, "DELETE", `/groups/${scimGroup.id}/users/${a}`)).status, 409);
    });

    it("sets, inherits and clears usage limits for the workspace, groups and users", async () => {
        const [a] = seedMembers(1);
        const group = emulator.seedLocalGroup(LINCOLN.id, "FUNCTION_Engineering", [a]);
        const empty = await chatgpt(emulator, "GET", "/usage_limits/workspace");
        assert.deepEqual(empty.body, {
            object: "workspace.usage_limit",
            id: LINCOLN.id,
            workspace_id: LINCOLN.id,
            override_monthly_usage_limit: null,
            effective_monthly_usage_limit: null,
            inherited_monthly_usage_limit: null,
        });
        const rule = (amount: number) => ({
            type: "limited",
            limit_amount: { amount, unit: "credit" },
            limit_expires_at: null,
        });
        const wsSet = await chatgpt(emulator, "PATCH", "/usage_limits/workspace", {
            override_monthly_usage_limit: rule(500),
        });
        assert.deepEqual(wsSet.body.override_monthly_usage_limit, rule(500));
        assert.deepEqual(wsSet.body.effective_monthly_usage_limit, {
            limit: rule(500),
            source: { kind: "workspace_default" },
        });

        const inherits = await chatgpt(emulator, "GET", `/usage_limits/groups/${group.id}`);
        assert.deepEqual(inherits.body, {
            object: "workspace.group.usage_limit",
            id: group.id,
            group_id: group.id,
            workspace_id: LINCOLN.id,
            override_monthly_usage_limit: null,
            effective_monthly_usage_limit: { limit: rule(500), source: { kind: "workspace_default" } },
            inherited_monthly_usage_limit: { limit: rule(500), source: { kind: "workspace_default" } },
        });
        const groupSet = await chatgpt(emulator, "PATCH", `/usage_limits/groups/${group.id}`, {
            override_monthly_usage_limit: { type: "limited", limit_amount: { amount: "2000", unit: "credit" } },
        });
        assert.deepEqual(groupSet.body.effective_monthly_usage_limit, {
            limit: rule(2000),
            source: { kind: "group_default", group_id: group.id },
        });
        const listed = await readAllAfter(emulator, "/usage_limits/groups", 10);
        assert.deepEqual(
            listed.items.map((l) => [l.group_id, l.override_monthly_usage_limit]),
            [[group.id, rule(2000)]],
        );

        const user = await chatgpt(emulator, "GET", `/usage_limits/users/${a}`);
        assert.deepEqual(
            [user.body.object, user.body.account_user_id],
            ["workspace.user.usage_limit", `${a}__${LINCOLN.id}`],
        );
        assert.deepEqual(user.body.effective_monthly_usage_limit.source, { kind: "group_default", group_id: group.id });
        const temporary = await chatgpt(emulator, "PATCH", `/usage_limits/users/${a}`, {
            override_monthly_usage_limit: {
                type: "limited",
                limit_amount: { amount: 50, unit: "credit" },
                temporary: true,
            },
        });
        assert.equal(temporary.body.effective_monthly_usage_limit.source.kind, "individual_override");
        assert.match(temporary.body.override_monthly_usage_limit.limit_expires_at, /^\d{4}-\d{2}-01T00:00:00\.000Z$/);
        assert.deepEqual(temporary.body.inherited_monthly_usage_limit.limit, rule(2000));

        const cleared = await chatgpt(emulator, "PATCH", `/usage_limits/groups/${group.id}`, {
            override_monthly_usage_limit: null,
        });
        assert.equal(cleared.body.override_monthly_usage_limit, null);
        assert.deepEqual(
            cleared.body.effective_monthly_usage_limit,
            { limit: rule(500), source: { kind: "workspace_default" } },
            "null inherits: the group's effective limit is the workspace's again",
        );
        const unlimited = await chatgpt(emulator, "PATCH", "/usage_limits/workspace", {
            override_monthly_usage_limit: { type: "unlimited" },
        });
        assert.deepEqual(unlimited.body.override_monthly_usage_limit, { type: "unlimited" });
        assert.equal((await chatgpt(emulator, "GET", "/usage_limits/users/user-missing")).status, 404);
        assert.equal((await chatgpt(emulator, "GET", "/usage_limits/groups/group-missing")).status, 404);
    });

    it("refuses bad usage-limit bodies with a 400 naming the field, and applies none of them", async () => {
        const bad: [unknown, string][] = [
            [{}, "override_monthly_usage_limit"],
            [{ override_monthly_usage_limit: { type: "limited" } }, "override_monthly_usage_limit.limit_amount"],
            [{ override_monthly_usage_limit: { type: "capped" } }, "override_monthly_usage_limit.type"],
            [
                { override_monthly_usage_limit: { type: "limited", limit_amount: { amount: -1, unit: "credit" } } },
                "override_monthly_usage_limit.limit_amount.amount",
            ],
            [
                { override_monthly_usage_limit: { type: "limited", limit_amount: { amount: 1.5, unit: "credit" } } },
                "override_monthly_usage_limit.limit_amount.amount",
            ],
            [
                { override_monthly_usage_limit: { type: "limited", limit_amount: { amount: 5, unit: "usd" } } },
                "override_monthly_usage_limit.limit_amount.unit",
            ],
            [
                {
                    override_monthly_usage_limit: {
                        type: "limited",
                        limit_amount: { amount: 5, unit: "credit" },
                        limit_expires_at: "2030-01-01T00:00:00Z",
                    },
                },
                "override_monthly_usage_limit.limit_expires_at",
            ],
            [{ override_monthly_usage_limit: [] }, "override_monthly_usage_limit"],
            [{ override_monthly_usage_limit: null, extra: 1 }, "extra"],
        ];
        for (const [body, param] of bad) {
            const answer = await chatgpt(emulator, "PATCH", "/usage_limits/workspace", body);
            assert.equal(answer.status, 400, JSON.stringify(body));
            assert.equal(answer.body.error.param, param, JSON.stringify(body));
            assert.equal(answer.body.error.type, "invalid_request_error");
        }
        assert.equal(
            (await chatgpt(emulator, "GET", "/usage_limits/workspace")).body.override_monthly_usage_limit,
            null,
        );
    });
});
