import * as assert from "node:assert/strict";
import { apiPlatformRoleProvider } from "../../../provider/resources/apiPlatformRole";
import { Workspace, startWorkspace } from "./fixture";

describe("provider/resources ApiPlatformRole: API Platform organization RBAC (emulator over HTTP, openai SDK)", function () {
    this.timeout(30000);
    let ws: Workspace;
    beforeEach(async () => {
        ws = await startWorkspace();
    });
    afterEach(async () => {
        await ws.stop();
    });

    async function provider() {
        const p = apiPlatformRoleProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }

    it("check: at least one permission, no duplicates, adoptExisting defaults to false", async () => {
        const p = await provider();
        assert.deepEqual((await p.check!({} as any, { name: "GPT Publisher", permissions: [] })).failures, [
            { property: "permissions", reason: "an API Platform role grants at least one permission" },
        ]);
        assert.deepEqual((await p.check!({} as any, { name: "GPT Publisher", permissions: ["gpts.publish"] })).inputs, {
            name: "GPT Publisher",
            description: "",
            permissions: ["gpts.publish"],
            adoptExisting: false,
        });
    });

    it("a same-named role made by hand is refused unless adoptExisting; an adopted role is never deleted", async () => {
        const p = await provider();
        const inputs = {
            name: "GPT Publisher",
            description: "Publishes GPTs",
            permissions: ["gpts.publish"],
            adoptExisting: false,
        };
        const first = await p.create(inputs);
        assert.equal(first.outs!.adopted, false);
        let mark = ws.emulator.requestLog.length;
        await assert.rejects(p.create(inputs), (err: Error) => {
            assert.equal(
                err.message,
                `ApiPlatformRole GPT Publisher: an API Platform role named "GPT Publisher" already exists (${first.id}) and was not made by this stack; ` +
                    "it is never taken over silently. Set adoptExisting: true on this role (config apiPlatform.roles[].adoptExisting) to manage it, or give the declared role another name",
            );
            return true;
        });
        assert.deepEqual(ws.writesSince(mark), [], "refused before any write");
        const adopted = await p.create({ ...inputs, adoptExisting: true });
        assert.equal(adopted.id, first.id);
        assert.equal(adopted.outs!.adopted, true);
        mark = ws.emulator.requestLog.length;
        await p.delete!(adopted.id, adopted.outs as any);
        assert.deepEqual(ws.requestsSince(mark), [], "letting go of an adopted role sends nothing");
        assert.equal((await p.read!(first.id, first.outs as any)).id, first.id, "the hand-made role is still there");
    });

    it("create, read, update of changed fields, delete with 404 as success", async () => {
        const p = await provider();
        const inputs = {
            name: "GPT Publisher",
            description: "Publishes GPTs",
            permissions: ["gpts.publish"],
            adoptExisting: false,
        };
        const first = await p.create(inputs);

        assert.equal(
            (await p.diff!(first.id, first.outs!, { ...inputs, permissions: ["gpts.publish"] })).changes,
            false,
        );
        const news = { ...inputs, permissions: ["gpts.publish", "skills.publish"] };
        assert.deepEqual(await p.diff!(first.id, first.outs!, news), {
            changes: true,
            replaces: [],
            stables: ["roleId"],
        });
        const mark = ws.emulator.requestLog.length;
        const updated = await p.update!(first.id, first.outs!, news);
        assert.deepEqual(updated.outs!.permissions, ["gpts.publish", "skills.publish"]);
        assert.deepEqual(
            ws.writesSince(mark).map((r) => `${r.method} ${r.path}`),
            [`POST /v1/organization/roles/${first.id}`],
        );

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
        await assert.rejects(
            p.update!(other.id, other.outs!, { name: "Codex", description: "", permissions: ["gpts.publish"] }),
            (err: Error) => {
                assert.match(
                    err.message,
                    /^ApiPlatformRole Codex: .*409 role_name_exists: A role named 'Codex' already exists/,
                );
                assert.ok(!err.message.includes(ws.tenant.adminKey));
                return true;
            },
        );
        assert.deepEqual(
            ws.requestsSince(mark).map((r) => `${r.method} ${r.status}`),
            ["POST 409"],
            "one request: the SDK does not retry a 409",
        );
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
        assert.equal(
            (
                await p.diff!(created.id, read.props as any, {
                    name: "Codex",
                    description: "",
                    permissions: ["codex.use"],
                })
            ).changes,
            true,
        );
    });
});
