import * as assert from "node:assert/strict";
import OpenAI from "openai";
import { RunningEmulator, startEmulator } from "../../emulator";
import { call, platform, twoOrgs } from "./helpers";

describe("emulator: API Platform org RBAC (/v1/organization) through the official openai SDK", () => {
    let emulator: RunningEmulator;
    let client: OpenAI;

    beforeEach(async () => {
        emulator = await startEmulator({ apiPlatformOrgs: twoOrgs });
        client = new OpenAI({
            adminAPIKey: emulator.apiPlatformOrgs[0].adminKey,
            apiKey: null as unknown as string,
            baseURL: emulator.apiBaseUrl,
            maxRetries: 0,
        });
    });
    afterEach(() => emulator.stop());

    it("creates, lists with pagination, updates and deletes custom roles", async () => {
        const roles = client.admin.organization.roles;
        const created = [];
        for (let i = 0; i < 5; i++) {
            created.push(
                await roles.create({
                    role_name: `Publisher ${i}`,
                    permissions: ["gpts.publish"],
                    description: i === 0 ? "Can publish GPTs" : undefined,
                }),
            );
        }
        assert.deepEqual(created[0], {
            object: "role",
            id: created[0].id,
            name: "Publisher 0",
            description: "Can publish GPTs",
            permissions: ["gpts.publish"],
            predefined_role: false,
            resource_type: "api.organization",
        });
        assert.match(created[0].id, /^role_/);

        const firstPage = await roles.list({ limit: 2 });
        assert.deepEqual(
            firstPage.data.map((r) => r.name),
            ["Publisher 0", "Publisher 1"],
        );
        assert.equal(firstPage.has_more, true);
        const all = [];
        for await (const role of roles.list({ limit: 2 })) all.push(role.name);
        assert.deepEqual(all, ["Publisher 0", "Publisher 1", "Publisher 2", "Publisher 3", "Publisher 4"]);
        const pagesFetched = emulator.requestLog.filter(
            (e) => e.method === "GET" && e.path === "/v1/organization/roles",
        ).length;
        assert.equal(pagesFetched, 1 + 3, "one page of 2, then the auto-paginated 3 pages of 2, 2, 1");
        const desc = await roles.list({ order: "desc", limit: 1 });
        assert.equal(desc.data[0].name, "Publisher 4");

        const updated = await roles.update(created[1].id, {
            permissions: ["gpts.publish", "skills.publish"],
            description: "more",
        });
        assert.equal(updated.name, "Publisher 1");
        assert.deepEqual(updated.permissions, ["gpts.publish", "skills.publish"]);
        assert.equal((await roles.retrieve(created[1].id)).description, "more");

        await assert.rejects(
            roles.create({ role_name: "Publisher 2", permissions: [] }),
            (err: any) => err.status === 409 && err.code === "role_name_exists",
        );
        await assert.rejects(
            roles.create({ role_name: "", permissions: [] }),
            (err: any) => err.status === 400 && err.param === "role_name",
        );

        assert.deepEqual(await roles.delete(created[1].id), {
            object: "role.deleted",
            id: created[1].id,
            deleted: true,
        });
        await assert.rejects(roles.retrieve(created[1].id), (err: any) => err instanceof OpenAI.NotFoundError);
        await assert.rejects(roles.delete(created[1].id), (err: any) => err.status === 404);
    });

    it("creates local groups (GRP-3), renames, lists and deletes them", async () => {
        const groups = client.admin.organization.groups;
        const group = await groups.create({ name: "TESTING_CODEX_LOCAL" });
        assert.deepEqual(group, {
            object: "group",
            id: group.id,
            name: "TESTING_CODEX_LOCAL",
            created_at: group.created_at,
            group_type: "group",
            is_scim_managed: false,
        });
        await assert.rejects(
            groups.create({ name: "TESTING_CODEX_LOCAL" }),
            (err: any) => err.status === 409 && err.code === "group_name_exists",
        );
        const renamed = await groups.update(group.id, { name: "TESTING_CODEX_PILOT" });
        assert.deepEqual(renamed, {
            id: group.id,
            name: "TESTING_CODEX_PILOT",
            created_at: group.created_at,
            is_scim_managed: false,
        });
        const names = [];
        for await (const g of groups.list()) names.push(g.name);
        assert.deepEqual(names, ["TESTING_CODEX_PILOT"]);
        assert.deepEqual(await groups.delete(group.id), { object: "group.deleted", id: group.id, deleted: true });
        assert.equal((await groups.list()).data.length, 0);
    });

    it("assigns, lists, retrieves and unassigns group roles", async () => {
        const role = await client.admin.organization.roles.create({ role_name: "Codex", permissions: ["codex.use"] });
        const group = await client.admin.organization.groups.create({ name: "ROLLOUT_REGION_EMEA" });
        const assigned = await client.admin.organization.groups.roles.create(group.id, { role_id: role.id });
        assert.deepEqual(assigned, {
            object: "group.role",
            group: {
                object: "group",
                id: group.id,
                name: "ROLLOUT_REGION_EMEA",
                created_at: group.created_at,
                scim_managed: false,
            },
            role,
        });
        await assert.rejects(
            client.admin.organization.groups.roles.create(group.id, { role_id: role.id }),
            (err: any) => err.status === 409 && err.code === "role_already_assigned",
        );
        await assert.rejects(
            client.admin.organization.groups.roles.create(group.id, { role_id: "role_missing" }),
            (err: any) => err.status === 404 && err.param === "role_id",
        );

        const listed = await client.admin.organization.groups.roles.list(group.id);
        assert.deepEqual(
            listed.data.map((r) => [r.id, r.name, r.permissions]),
            [[role.id, "Codex", ["codex.use"]]],
        );
        const one = await client.admin.organization.groups.roles.retrieve(role.id, { group_id: group.id });
        assert.equal(one.name, "Codex");

        assert.deepEqual(await client.admin.organization.groups.roles.delete(role.id, { group_id: group.id }), {
            object: "group.role.deleted",
            deleted: true,
        });
        assert.equal((await client.admin.organization.groups.roles.list(group.id)).data.length, 0);
        await assert.rejects(
            client.admin.organization.groups.roles.delete(role.id, { group_id: group.id }),
            (err: any) => err.status === 404,
        );

        await client.admin.organization.groups.roles.create(group.id, { role_id: role.id });
        await client.admin.organization.roles.delete(role.id);
        assert.equal(
            (await client.admin.organization.groups.roles.list(group.id)).data.length,
            0,
            "deleting a role removes its assignments",
        );
    });

    it("answers 401 with an OpenAI-style error for a missing, wrong or SCIM key, and never echoes the key", async () => {
        const wrong = new OpenAI({
            adminAPIKey: "test-admin-key-wrong-123456",
            apiKey: null as unknown as string,
            baseURL: emulator.apiBaseUrl,
            maxRetries: 0,
        });
        await assert.rejects(
            wrong.admin.organization.roles.list(),
            (err: any) => err instanceof OpenAI.AuthenticationError && err.code === "invalid_api_key",
        );

        const missing = await call(emulator, undefined, "GET", "/v1/organization/roles");
        assert.equal(missing.status, 401);
        assert.equal(missing.body.error.type, "invalid_request_error");

        const workspaceKey = await call(emulator, emulator.workspaces[0].adminKey, "GET", "/v1/organization/roles");
        assert.equal(workspaceKey.status, 401, "a ChatGPT workspace key is not an API Platform org key");
        assert.ok(!JSON.stringify(workspaceKey.body).includes(emulator.workspaces[0].adminKey));
        assert.equal(emulator.requestLog.filter((e) => e.status === 401).length, 2 + 1);
    });

    it("keeps orgs apart: one org's key never sees another org's objects", async () => {
        const role = await client.admin.organization.roles.create({ role_name: "Only lincoln", permissions: [] });
        const other = await platform(emulator, "GET", `/organization/roles/${role.id}`, undefined, twoOrgs[1].adminKey);
        assert.equal(other.status, 404);
        assert.deepEqual(
            emulator.requestLog.map((e) => [e.method, e.status, e.org]),
            [
                ["POST", 200, "org-lincoln"],
                ["GET", 404, "org-jefferson"],
            ],
        );
    });

    it("rejects unknown fields and bad pagination with a 400 naming the parameter", async () => {
        const unknownField = await platform(emulator, "POST", "/organization/groups", { name: "X", color: "red" });
        assert.equal(unknownField.status, 400);
        assert.equal(unknownField.body.error.param, "color");
        const badLimit = await platform(emulator, "GET", "/organization/groups?limit=500");
        assert.equal(badLimit.status, 400);
        assert.equal(badLimit.body.error.param, "limit");
        const unknownUrl = await platform(emulator, "GET", "/organization/nothing");
        assert.equal(unknownUrl.status, 404);
    });
});
