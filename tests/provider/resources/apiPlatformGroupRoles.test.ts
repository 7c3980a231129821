import * as assert from "node:assert/strict";
import { apiPlatformRoleProvider } from "../../../provider/resources/apiPlatformRole";
import { apiPlatformGroupRolesProvider } from "../../../provider/resources/apiPlatformGroupRoles";
import { Workspace, startWorkspace } from "./fixture";

describe("provider/resources ApiPlatformGroupRoles: API Platform organization RBAC (emulator over HTTP, openai SDK)", function () {
    this.timeout(30000);
    let ws: Workspace;
    beforeEach(async () => {
        ws = await startWorkspace({ orgScimGroups: ["ROLLOUT_ROLE_Teachers", "ROLLOUT_ROLE_Staff", "FUNCTION_IT"] });
    });
    afterEach(async () => {
        await ws.stop();
    });

    async function setup() {
        const roles = apiPlatformRoleProvider();
        await roles.configure!(ws.configureRequest());
        await roles.create({ name: "GPT Publisher", description: "", permissions: ["gpts.publish"] });
        await roles.create({ name: "Codex", description: "", permissions: ["codex.use"] });
        const p = apiPlatformGroupRolesProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }

    const get = async (path: string) =>
        (
            await fetch(`${ws.emulator.apiBaseUrl}${path}`, {
                headers: { Authorization: `Bearer ${ws.tenant.adminKey}` },
            })
        ).json() as Promise<any>;

    it("ROLE-2: waits a bounded number of looks for groups pushed by SCIM and names the ones that never came", async () => {
        const p = await setup();
        await fetch(`${ws.emulator.apiBaseUrl}/organization/groups`, {
            method: "POST",
            headers: { Authorization: `Bearer ${ws.tenant.adminKey}`, "Content-Type": "application/json" },
            body: JSON.stringify({ name: "FUNCTION_Local" }),
        });
        await assert.rejects(
            p.create({
                mappings: [
                    { group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] },
                    { group: "FUNCTION_Local", roles: ["Codex"] },
                    { group: "FUNCTION_Support", roles: ["Codex"] },
                ],
                groupWaitAttempts: 2,
                groupWaitIntervalSeconds: 0.05,
            }),
            (err: Error) => {
                assert.equal(
                    err.message,
                    "ApiPlatformGroupRoles: ROLE-2: 2 group(s) have not been pushed to the API Platform organization by SCIM after 2 tries over 0 s: FUNCTION_Local (exists only as a local organization group, GRP-3), FUNCTION_Support. Groups appear only after the IdP pushes them (GRP-2): check that each is assigned to the SCIM app and pushed, then run pulumi up again",
                );
                return true;
            },
        );
    });

    it("create assigns once (twice never duplicates); diff by set; update adds/removes only what changed; read shows drift; delete removes", async () => {
        const p = await setup();
        const teachers = ws.orgGroupId("ROLLOUT_ROLE_Teachers");
        const it = ws.orgGroupId("FUNCTION_IT");
        const inputs = (
            await p.check!({} as any, {
                mappings: [
                    { group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] },
                    { group: "FUNCTION_IT", roles: ["Codex", "GPT Publisher"] },
                ],
            })
        ).inputs as any;
        const first = await p.create(inputs);
        assert.deepEqual(first.outs!.groupIds, { ROLLOUT_ROLE_Teachers: teachers, FUNCTION_IT: it });
        let mark = ws.emulator.requestLog.length;
        await p.create(inputs);
        assert.deepEqual(ws.writesSince(mark), [], "second create finds every assignment and posts nothing");
        assert.deepEqual((await get(`/organization/groups/${it}/roles`)).data.map((r: any) => r.name).sort(), [
            "Codex",
            "GPT Publisher",
        ]);

        assert.equal(
            (
                await p.diff!(first.id, first.outs!, {
                    mappings: [
                        { group: "FUNCTION_IT", roles: ["GPT Publisher", "Codex"] },
                        { group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] },
                    ],
                })
            ).changes,
            false,
            "order does not matter",
        );
        const news = {
            ...inputs,
            mappings: [
                { group: "ROLLOUT_ROLE_Teachers", roles: ["Codex", "GPT Publisher"] },
                { group: "FUNCTION_IT", roles: ["Codex"] },
            ],
        };
        assert.equal((await p.diff!(first.id, first.outs!, news)).changes, true);
        mark = ws.emulator.requestLog.length;
        const updated = await p.update!(first.id, first.outs!, news);
        assert.deepEqual(
            ws
                .writesSince(mark)
                .map((r) => `${r.method} ${r.path.replace(/role_\w+$/, "role")}`)
                .sort(),
            [`DELETE /v1/organization/groups/${it}/roles/role`, `POST /v1/organization/groups/${teachers}/roles`],
        );

        // Out-of-band: someone removes Codex from Teachers in the console.
        const codexId = (await get(`/organization/groups/${teachers}/roles`)).data.find(
            (r: any) => r.name === "Codex",
        ).id;
        await fetch(`${ws.emulator.apiBaseUrl}/organization/groups/${teachers}/roles/${codexId}`, {
            method: "DELETE",
            headers: { Authorization: `Bearer ${ws.tenant.adminKey}` },
        });
        const read = await p.read!(first.id, updated.outs as any);
        assert.deepEqual(read.props!.mappings, [
            { group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] },
            { group: "FUNCTION_IT", roles: ["Codex"] },
        ]);
        assert.equal((await p.diff!(first.id, read.props as any, news)).changes, true);

        await p.delete!(first.id, read.props as any);
        assert.deepEqual((await get(`/organization/groups/${teachers}/roles`)).data, []);
        assert.deepEqual((await get(`/organization/groups/${it}/roles`)).data, []);
        await p.delete!(first.id, read.props as any);
    });

    it("a role renamed in the same apply: removing its mapping still removes it, following the rename keeps it", async () => {
        const p = await setup();
        const roles = apiPlatformRoleProvider();
        await roles.configure!(ws.configureRequest());
        const teachers = ws.orgGroupId("ROLLOUT_ROLE_Teachers");
        const staff = ws.orgGroupId("ROLLOUT_ROLE_Staff");
        const first = await p.create({
            mappings: [
                { group: "ROLLOUT_ROLE_Teachers", roles: ["Codex", "GPT Publisher"] },
                { group: "ROLLOUT_ROLE_Staff", roles: ["Codex"] },
            ],
        });
        const codex = (await get("/organization/roles")).data.find((r: any) => r.name === "Codex");
        // The ApiPlatformRole update runs first in the same apply: Codex becomes "Codex users".
        await roles.update!(
            codex.id,
            { name: "Codex", description: "", permissions: ["codex.use"], roleId: codex.id, adopted: false } as any,
            { name: "Codex users", description: "", permissions: ["codex.use"], adoptExisting: false },
        );
        await p.update!(first.id, first.outs!, {
            mappings: [
                { group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] },
                { group: "ROLLOUT_ROLE_Staff", roles: ["Codex users"] },
            ],
        });
        assert.deepEqual(
            (await get(`/organization/groups/${teachers}/roles`)).data.map((r: any) => r.name),
            ["GPT Publisher"],
            "the dropped mapping is removed through the remembered id",
        );
        assert.deepEqual(
            (await get(`/organization/groups/${staff}/roles`)).data.map((r: any) => r.name),
            ["Codex users"],
            "the renamed role the group still wants is kept",
        );
    });

    it("check refuses a group mapped twice and a mapping without roles", async () => {
        const p = apiPlatformGroupRolesProvider();
        const result = await p.check!({} as any, {
            mappings: [
                { group: "FUNCTION_IT", roles: ["Codex"] },
                { group: "FUNCTION_IT", roles: [] },
            ],
        });
        assert.deepEqual(result.failures, [
            { property: "mappings.1.roles", reason: "map a group to at least one role, or remove the mapping" },
            {
                property: "mappings.1.group",
                reason: 'group "FUNCTION_IT" is mapped twice; list all its roles in one mapping',
            },
        ]);
    });
});
