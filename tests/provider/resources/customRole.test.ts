import * as assert from "node:assert/strict";
import { customRoleProvider } from "../../../provider/resources/customRole";
import { Workspace, startWorkspace } from "./fixture";

describe("provider/resources CustomRole (emulator over HTTP, openai SDK)", function () {
    this.timeout(30000);
    let ws: Workspace;
    beforeEach(async () => { ws = await startWorkspace(); });
    afterEach(async () => { await ws.stop(); });

    async function provider() {
        const p = customRoleProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }

    it("check: at least one permission (ROLE-1), no duplicates", async () => {
        const p = await provider();
        assert.deepEqual((await p.check!({} as any, { name: "GPT Publisher", permissions: [] })).failures, [{ property: "permissions", reason: "a custom role grants at least one extra permission (ROLE-1)" }]);
        assert.deepEqual((await p.check!({} as any, { name: "GPT Publisher", permissions: ["gpts.publish"] })).inputs, { name: "GPT Publisher", description: "", permissions: ["gpts.publish"] });
    });

    it("create looks up the name first: twice never duplicates; read, update of changed fields, delete with 404 as success", async () => {
        const p = await provider();
        const inputs = { name: "GPT Publisher", description: "Publishes GPTs", permissions: ["gpts.publish"] };
        const first = await p.create(inputs);
        assert.equal(first.outs!.adopted, false);
        let mark = ws.emulator.requestLog.length;
        const second = await p.create(inputs);
        assert.equal(second.id, first.id);
        assert.equal(second.outs!.adopted, true);
        assert.deepEqual(ws.writesSince(mark), []);

        assert.equal((await p.diff!(first.id, first.outs!, { ...inputs, permissions: ["gpts.publish"] })).changes, false);
        const news = { ...inputs, permissions: ["gpts.publish", "skills.publish"] };
        assert.deepEqual(await p.diff!(first.id, first.outs!, news), { changes: true, replaces: [], stables: ["roleId"] });
        mark = ws.emulator.requestLog.length;
        const updated = await p.update!(first.id, first.outs!, news);
        assert.deepEqual(updated.outs!.permissions, ["gpts.publish", "skills.publish"]);
        assert.deepEqual(ws.writesSince(mark).map((r) => `${r.method} ${r.path}`), [`POST /v1/organization/roles/${first.id}`]);

        const read = await p.read!(first.id, updated.outs as any);
        assert.deepEqual(read.props!.permissions, ["gpts.publish", "skills.publish"]);

        await p.delete!(first.id, updated.outs as any);
        assert.deepEqual(await p.read!(first.id, updated.outs as any), {});
        await p.delete!(first.id, updated.outs as any);
    });

    it("a rename onto another role's name fails at once (409 is a refusal, not retried) and names the resource", async () => {
        const p = await provider();
        await p.create({ name: "Codex", description: "", permissions: ["codex.use"] });
        const other = await p.create({ name: "GPT Publisher", description: "", permissions: ["gpts.publish"] });
        const mark = ws.emulator.requestLog.length;
        await assert.rejects(p.update!(other.id, other.outs!, { name: "Codex", description: "", permissions: ["gpts.publish"] }), (err: Error) => {
            assert.match(err.message, /^CustomRole Codex: .*409 role_name_exists: A role named 'Codex' already exists/);
            assert.ok(!err.message.includes(ws.tenant.adminKey));
            return true;
        });
        assert.deepEqual(ws.requestsSince(mark).map((r) => `${r.method} ${r.status}`), ["POST 409"], "one request: the SDK does not retry a 409");
    });

    it("read reports a change made in the console as drift", async () => {
        const p = await provider();
        const created = await p.create({ name: "Codex", description: "", permissions: ["codex.use"] });
        await fetch(`${ws.emulator.apiBaseUrl}/organization/roles/${created.id}`, {
            method: "POST",
            headers: { Authorization: `Bearer ${ws.tenant.adminKey}`, "Content-Type": "application/json" },
            body: JSON.stringify({ permissions: ["codex.use", "credits.high"] }),
        });
        const read = await p.read!(created.id, created.outs as any);
        assert.deepEqual(read.props!.permissions, ["codex.use", "credits.high"]);
        assert.equal((await p.diff!(created.id, read.props as any, { name: "Codex", description: "", permissions: ["codex.use"] })).changes, true);
    });
});
