import * as assert from "node:assert/strict";
import { workspaceUsageLimitProvider } from "../../../provider/resources/workspaceUsageLimit";
import { OTHER_WORKSPACE_ID, WORKSPACE_ID, Workspace, startWorkspace } from "./fixture";

const rule = (amount: number) => ({
    type: "limited",
    limit_amount: { amount, unit: "credit" },
    limit_expires_at: null,
});

describe("provider/resources WorkspaceUsageLimit (emulator over HTTP, ChatGPT admin API)", function () {
    this.timeout(30000);
    let ws: Workspace;
    beforeEach(async () => {
        ws = await startWorkspace();
    });
    afterEach(async () => {
        await ws.stop();
    });

    async function provider() {
        const p = workspaceUsageLimitProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }
    const override = async () => (await ws.call("GET", "/usage_limits/workspace")).body.override_monthly_usage_limit;

    it("create sets the baseline (ROLE-1) and records a hand-set value it replaced; a second create sends no write", async () => {
        const p = await provider();
        await ws.call("PATCH", "/usage_limits/workspace", { override_monthly_usage_limit: rule(50) });
        const created = await p.create({ workspaceId: WORKSPACE_ID, credits: 1000 });
        assert.deepEqual(created, {
            id: WORKSPACE_ID,
            outs: { workspaceId: WORKSPACE_ID, credits: 1000, replacedCredits: 50 },
        });
        assert.deepEqual(await override(), rule(1000));
        const mark = ws.emulator.requestLog.length;
        await p.create({ workspaceId: WORKSPACE_ID, credits: 1000 });
        assert.deepEqual(ws.writesSince(mark), [], "already at the declared value: nothing sent");
    });

    it("diff, update of the changed value, read reports drift, delete clears the override; 404 reads as gone", async () => {
        const p = await provider();
        const created = await p.create({ workspaceId: WORKSPACE_ID, credits: 1000 });
        assert.deepEqual(await p.diff!(created.id, created.outs!, { workspaceId: WORKSPACE_ID, credits: 1000 }), {
            changes: false,
            replaces: [],
        });
        assert.deepEqual(await p.diff!(created.id, created.outs!, { workspaceId: OTHER_WORKSPACE_ID, credits: 1000 }), {
            changes: true,
            replaces: ["workspaceId"],
            deleteBeforeReplace: true,
        });
        let mark = ws.emulator.requestLog.length;
        const updated = await p.update!(created.id, created.outs!, { workspaceId: WORKSPACE_ID, credits: 2000 });
        assert.deepEqual(
            ws.requestsSince(mark).map((r) => `${r.method} ${r.path}`),
            [`PATCH /v1/manage/workspaces/${WORKSPACE_ID}/usage_limits/workspace`],
        );
        assert.equal(updated.outs!.credits, 2000);

        await ws.call("PATCH", "/usage_limits/workspace", { override_monthly_usage_limit: rule(10) });
        assert.equal((await p.read!(created.id, updated.outs as any)).props!.credits, 10, "changed by hand: drift");
        await ws.call("PATCH", "/usage_limits/workspace", { override_monthly_usage_limit: null });
        const cleared = await p.read!(created.id, updated.outs as any);
        assert.equal(
            cleared.props!.credits,
            -1,
            "cleared by hand: never equal to a declared limit, so the diff shows it",
        );
        assert.equal(
            (await p.diff!(created.id, cleared.props as any, { workspaceId: WORKSPACE_ID, credits: 2000 })).changes,
            true,
        );

        mark = ws.emulator.requestLog.length;
        await p.delete!(created.id, updated.outs as any);
        const afterDelete = ws.requestsSince(mark);
        assert.equal(await override(), null);
        mark = ws.emulator.requestLog.length;
        // A workspace the key cannot see any more (404): read reports it gone, delete succeeds.
        const gone = { workspaceId: "11111111-2222-4333-8444-555555555555", credits: 5, replacedCredits: null };
        assert.deepEqual(await p.read!(gone.workspaceId, gone as any), {});
        await p.delete!(gone.workspaceId, gone as any);
        assert.deepEqual(
            [...afterDelete, ...ws.requestsSince(mark)].map((r) => `${r.method} ${r.status}`),
            ["PATCH 200", "GET 404", "PATCH 404"],
        );
    });

    it("reads a tenant-form workspace's own Admin key from chatgpt-identity:adminKey-<key>, and says how to set it when missing", async () => {
        const values: Record<string, string> = {
            ...ws.configValues(),
            "chatgpt-identity:adminKey": "not-this-workspace-key-0123456789",
            "chatgpt-identity:adminKey-staff": ws.workspace.adminKey,
        };
        const p = workspaceUsageLimitProvider();
        await p.configure!({ config: { get: (k: string) => values[k], require: (k: string) => values[k] } });
        const created = await p.create({
            workspaceId: WORKSPACE_ID,
            adminKeyConfigKey: "adminKey-staff",
            credits: 300,
        });
        assert.equal(created.outs!.adminKeyConfigKey, "adminKey-staff");
        assert.deepEqual(await override(), rule(300));
        await assert.rejects(
            p.create({ workspaceId: WORKSPACE_ID, adminKeyConfigKey: "adminKey-students", credits: 300 }),
            (err: Error) => {
                assert.equal(
                    err.message,
                    "WorkspaceUsageLimit: no ChatGPT workspace Admin key: run `pulumi config set --secret chatgpt-identity:adminKey-students <key>` " +
                        "(OpenAI Admin Console → Credentials → Admin keys; scopes in docs/chatgpt-admin-api.md)",
                );
                return true;
            },
        );
        assert.deepEqual(
            (await p.check!({} as any, { workspaceId: WORKSPACE_ID, adminKeyConfigKey: "sk-live-123", credits: 1 }))
                .failures,
            [
                {
                    property: "adminKeyConfigKey",
                    reason: "adminKeyConfigKey is a config key name: adminKey or adminKey-<workspace key>",
                },
            ],
        );
    });
});
