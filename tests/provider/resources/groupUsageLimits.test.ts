import * as assert from "node:assert/strict";
import { groupUsageLimitsProvider } from "../../../provider/resources/groupUsageLimits";
import { installProviderTestClock } from "../../../provider/resources/testClock";
import { VirtualClock } from "../../clients/shared/virtualClock";
import { WORKSPACE_ID, Workspace, startWorkspace } from "./fixture";

const rule = (amount: number) => ({
    type: "limited",
    limit_amount: { amount, unit: "credit" },
    limit_expires_at: null,
});

describe("provider/resources GroupUsageLimits (emulator over HTTP, ChatGPT admin API)", function () {
    this.timeout(30000);
    let ws: Workspace;
    let clock: VirtualClock;
    let uninstall: () => void;
    // The bounded waits for SCIM (ROLE-2) run on a virtual clock shared with the emulator (no real waiting).
    beforeEach(async () => {
        clock = new VirtualClock();
        uninstall = installProviderTestClock(clock);
        ws = await startWorkspace({ now: clock.now });
    });
    afterEach(async () => {
        uninstall();
        await ws.stop();
    });

    async function provider() {
        const p = groupUsageLimitsProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }
    const override = async (groupId: string) =>
        (await ws.call("GET", `/usage_limits/groups/${groupId}`)).body.override_monthly_usage_limit;
    const groupId = async (name: string) => (await ws.list("/groups")).find((g) => g.name === name).id as string;

    it("check names the field and the fix: workspace UUID, credits ≥ 0, one limit per group", async () => {
        const p = await provider();
        const result = await p.check!(
            {} as any,
            {
                workspaceId: "lincoln",
                limits: [
                    { group: "ROLE_Staff", credits: -1 },
                    { group: "ROLE_Staff", credits: 5 },
                ],
            } as any,
        );
        assert.deepEqual(result.failures, [
            {
                property: "workspaceId",
                reason: "workspaceId must be the workspace's UUID (admin console → Workspace settings)",
            },
            { property: "limits.0.credits", reason: "a credit limit is 0 or more" },
            { property: "limits.1.group", reason: 'group "ROLE_Staff" has two limits; keep one' },
        ]);
        const ok = await p.check!(
            {} as any,
            { workspaceId: WORKSPACE_ID, limits: [{ group: "ROLE_Staff", credits: 5000 }] } as any,
        );
        assert.deepEqual(ok.inputs, {
            workspaceId: WORKSPACE_ID,
            limits: [{ group: "ROLE_Staff", credits: 5000 }],
            groupWaitSeconds: 300,
            groupPollSeconds: 10,
        });
    });

    it("ROLE-2: waits a bounded time for SCIM to push the groups, then fails naming the missing ones (a local group does not count, GRP-3)", async () => {
        const p = await provider();
        await ws.pushGroup("ROLE_Staff");
        ws.emulator.seedLocalGroup(WORKSPACE_ID, "ROLE_Local");
        const mark = ws.emulator.requestLog.length;
        await assert.rejects(
            p.create({
                workspaceId: WORKSPACE_ID,
                limits: [
                    { group: "ROLE_Staff", credits: 5000 },
                    { group: "ROLE_Local", credits: 1 },
                    { group: "ROLE_Teachers", credits: 2 },
                ],
                groupWaitSeconds: 0.3,
                groupPollSeconds: 0.1,
            }),
            (err: Error) => {
                assert.match(
                    err.message,
                    /^GroupUsageLimits: ROLE-2: 2 group\(s\) have not been pushed to the workspace by SCIM after \d+ looks over 0\.3 s: ROLE_Local \(exists only as a local workspace group, GRP-3\), ROLE_Teachers\. Groups appear only after the IdP pushes them \(GRP-2\): check that each is assigned to the workspace's SCIM app and pushed, then run `pulumi up` again$/,
                );
                return true;
            },
        );
        assert.deepEqual(ws.writesSince(mark), [], "nothing half-applied: no limit set while a group is missing");
        assert.ok(ws.requestsSince(mark).length >= 2, "looked more than once");

        // A group SCIM pushes while the apply waits is found, and its limit set.
        const late = p.create({
            workspaceId: WORKSPACE_ID,
            limits: [
                { group: "ROLE_Staff", credits: 5000 },
                { group: "ROLE_Teachers", credits: 2 },
            ],
            groupWaitSeconds: 10,
            groupPollSeconds: 0.05,
        });
        void clock.sleep(150).then(() => clock.hold(() => ws.pushGroup("ROLE_Teachers")));
        const created = await late;
        assert.deepEqual(Object.keys(created.outs!.groupIds).sort(), ["ROLE_Staff", "ROLE_Teachers"]);
        assert.deepEqual(await override(created.outs!.groupIds.ROLE_Teachers), rule(2));
    });

    it("create sets each limit with one PATCH; diff per group; update sends only changed groups; removal and delete restore the inherited limit", async () => {
        const p = await provider();
        await ws.pushGroup("ROLE_Staff");
        await ws.pushGroup("ROLE_Teachers");
        await ws.pushGroup("ROLE_Students");
        const [staff, teachers, students] = [
            await groupId("ROLE_Staff"),
            await groupId("ROLE_Teachers"),
            await groupId("ROLE_Students"),
        ];
        // A limit set by hand on a group the config does not list is never touched.
        await ws.call("PATCH", `/usage_limits/groups/${students}`, { override_monthly_usage_limit: rule(7) });
        const inputs = {
            workspaceId: WORKSPACE_ID,
            limits: [
                { group: "ROLE_Staff", credits: 5000 },
                { group: "ROLE_Teachers", credits: 3000 },
            ],
            groupWaitSeconds: 1,
            groupPollSeconds: 0.05,
        };
        let mark = ws.emulator.requestLog.length;
        const created = await p.create(inputs);
        assert.equal(created.id, WORKSPACE_ID);
        assert.deepEqual(
            ws
                .writesSince(mark)
                .map((r) => `${r.method} ${r.path}`)
                .sort(),
            [
                `PATCH /v1/manage/workspaces/${WORKSPACE_ID}/usage_limits/groups/${staff}`,
                `PATCH /v1/manage/workspaces/${WORKSPACE_ID}/usage_limits/groups/${teachers}`,
            ].sort(),
        );
        assert.deepEqual(created.outs!.groupIds, { ROLE_Staff: staff, ROLE_Teachers: teachers });
        assert.deepEqual(await override(staff), rule(5000));

        assert.deepEqual(
            await p.diff!(created.id, created.outs!, { ...inputs, limits: [inputs.limits[1], inputs.limits[0]] }),
            { changes: false, replaces: [] },
            "order does not matter",
        );
        assert.deepEqual(
            await p.diff!(created.id, created.outs!, {
                ...inputs,
                workspaceId: "7c1e9a20-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
            }),
            { changes: true, replaces: ["workspaceId"], deleteBeforeReplace: true },
        );
        const news = { ...inputs, limits: [{ group: "ROLE_Staff", credits: 6000 }] };
        assert.deepEqual(await p.diff!(created.id, created.outs!, news), { changes: true, replaces: [] });
        mark = ws.emulator.requestLog.length;
        const updated = await p.update!(created.id, created.outs!, news);
        assert.deepEqual(
            ws
                .requestsSince(mark)
                .map((r) => `${r.method} ${r.path}`)
                .sort(),
            [
                `PATCH /v1/manage/workspaces/${WORKSPACE_ID}/usage_limits/groups/${staff}`,
                `PATCH /v1/manage/workspaces/${WORKSPACE_ID}/usage_limits/groups/${teachers}`,
            ].sort(),
            "only the changed group and the removed one; no list needed for known groups",
        );
        assert.deepEqual(await override(staff), rule(6000));
        assert.equal(await override(teachers), null, "removed from the config: back to the inherited limit");
        assert.deepEqual(updated.outs, { ...news, groupIds: { ROLE_Staff: staff } });

        await p.delete!(created.id, updated.outs as any);
        assert.equal(await override(staff), null);
        assert.deepEqual(await override(students), rule(7), "the hand-set limit of an unlisted group is untouched");
    });

    it("read reports drift (a limit changed or cleared by hand, a group gone) and delete treats 404 as success", async () => {
        const p = await provider();
        const scimStaff = await ws.pushGroup("ROLE_Staff");
        await ws.pushGroup("ROLE_Teachers");
        const inputs = {
            workspaceId: WORKSPACE_ID,
            limits: [
                { group: "ROLE_Staff", credits: 5000 },
                { group: "ROLE_Teachers", credits: 3000 },
            ],
            groupWaitSeconds: 1,
            groupPollSeconds: 0.05,
        };
        const created = await p.create(inputs);
        const { ROLE_Staff: staff, ROLE_Teachers: teachers } = created.outs!.groupIds;
        const unchanged = await p.read!(created.id, created.outs as any);
        assert.deepEqual(unchanged.props, created.outs);

        await ws.call("PATCH", `/usage_limits/groups/${teachers}`, { override_monthly_usage_limit: rule(100) });
        let read = await p.read!(created.id, created.outs as any);
        assert.deepEqual(read.props!.limits, [
            { group: "ROLE_Staff", credits: 5000 },
            { group: "ROLE_Teachers", credits: 100 },
        ]);
        assert.equal((await p.diff!(created.id, read.props as any, inputs)).changes, true);

        await ws.call("PATCH", `/usage_limits/groups/${teachers}`, { override_monthly_usage_limit: null });
        // The IdP deletes the Staff group: the workspace group is gone (404).
        const del = await fetch(`${ws.emulator.scimBaseUrl(WORKSPACE_ID)}/Groups/${scimStaff}`, {
            method: "DELETE",
            headers: { Authorization: `Bearer ${ws.workspace.scimToken}` },
        });
        assert.equal(del.status, 204);
        assert.equal((await ws.call("GET", `/usage_limits/groups/${staff}`)).status, 404);
        read = await p.read!(created.id, created.outs as any);
        assert.deepEqual(read.props!.limits, [], "a cleared limit and a deleted group both show as gone");
        assert.deepEqual(read.props!.groupIds, {});
        // The next apply sets it again (and would wait for Staff to be pushed again).
        const again = await p.update!(created.id, read.props as any, { ...inputs, limits: [inputs.limits[1]] });
        assert.deepEqual(await override(teachers), rule(3000));
        assert.deepEqual(again.outs!.groupIds, { ROLE_Teachers: teachers });

        await p.delete!(created.id, created.outs as any); // Staff: 404, success
        assert.equal(await override(teachers), null);
    });

    it("a group deleted and pushed again under a new id is found by name; an apply that stops midway is finished by the next one", async () => {
        const p = await provider();
        await ws.pushGroup("ROLE_Staff");
        const scimTeachers = await ws.pushGroup("ROLE_Teachers");
        const inputs = {
            workspaceId: WORKSPACE_ID,
            limits: [
                { group: "ROLE_Staff", credits: 5000 },
                { group: "ROLE_Teachers", credits: 3000 },
            ],
            groupWaitSeconds: 0.3,
            groupPollSeconds: 0.1,
        };
        const created = await p.create(inputs);
        // The IdP deletes Teachers and has not pushed it again: Staff is raised, Teachers fails ROLE-2 after the
        // bounded wait.
        await fetch(`${ws.emulator.scimBaseUrl(WORKSPACE_ID)}/Groups/${scimTeachers}`, {
            method: "DELETE",
            headers: { Authorization: `Bearer ${ws.workspace.scimToken}` },
        });
        const news = {
            ...inputs,
            limits: [
                { group: "ROLE_Staff", credits: 6000 },
                { group: "ROLE_Teachers", credits: 4000 },
            ],
        };
        await assert.rejects(p.update!(created.id, created.outs!, news), (err: any) => {
            assert.match(
                err.message,
                /^GroupUsageLimits: ROLE-2: 1 group\(s\) have not been pushed to the workspace by SCIM after \d+ looks over 0\.3 s: ROLE_Teachers\. .*; 1 of 2 group limits were already changed and stay so: run `pulumi up` again to finish \(it sends the same PATCHes again, nothing is duplicated\)$/,
            );
            assert.equal(err.id, undefined, "no partial state is handed to the engine");
            return true;
        });
        assert.equal(
            (await ws.call("GET", `/usage_limits/groups/${created.outs!.groupIds.ROLE_Staff}`)).body
                .override_monthly_usage_limit.limit_amount.amount,
            6000,
        );
        // SCIM pushes Teachers again (a new id): the next apply, from the state before the failed one, finishes.
        await ws.pushGroup("ROLE_Teachers");
        const mark = ws.emulator.requestLog.length;
        const finished = await p.update!(created.id, created.outs!, news);
        assert.deepEqual(
            ws
                .writesSince(mark)
                .map((r) => r.status)
                .sort(),
            [200, 200, 404],
            "Staff again (same value), the stale Teachers id (404), the new one",
        );
        const teachers = (await ws.list("/groups")).find((g) => g.name === "ROLE_Teachers").id;
        assert.equal(finished.outs!.groupIds.ROLE_Teachers, teachers);
        assert.equal(
            (await ws.call("GET", `/usage_limits/groups/${teachers}`)).body.override_monthly_usage_limit.limit_amount
                .amount,
            4000,
        );
    });
});
