import * as assert from "node:assert/strict";
import { workspaceSettingsProvider } from "../../../provider/resources/settings";
import { workspaceDomainProvider } from "../../../provider/resources/domain";
import { domainVerificationProvider } from "../../../provider/resources/verification";
import { Workspace, startWorkspace } from "./fixture";

describe("provider/resources WorkspaceSettings (emulator over HTTP)", function () {
    this.timeout(30000);
    let ws: Workspace;
    beforeEach(async () => { ws = await startWorkspace(); });
    afterEach(async () => { await ws.stop(); });

    async function provider() {
        const p = workspaceSettingsProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }

    async function verifyDomain(name: string) {
        const d = workspaceDomainProvider();
        await d.configure!(ws.configureRequest());
        const created = await d.create({ domain: name });
        ws.dns.setTxt(name, [created.outs!.txtRecordValue]);
        const v = domainVerificationProvider();
        await v.configure!(ws.configureRequest());
        await v.create({ domainId: created.id, domain: name, attempts: 1, intervalSeconds: 0 });
    }

    it("check: SSO-2 refuses enforced without tested users, SCIM-3 refuses AAC with directory sync, SSO-4 refuses SSO without API Platform SSO", async () => {
        const p = await provider();
        assert.deepEqual((await p.check!({}, { ssoStage: "enforced", apiPlatformSso: true })).failures, [
            { property: "ssoStage", reason: "SSO-2: \"enforced\" needs testedUsers (test users who signed in successfully through SSO) or acknowledgeUntestedEnforcement: true; test first, then enforce" },
        ]);
        assert.equal((await p.check!({}, { ssoStage: "enforced", apiPlatformSso: true, testedUsers: ["t1@lincoln.k12.us"] })).failures, undefined);
        assert.equal((await p.check!({}, { ssoStage: "enforced", apiPlatformSso: true, acknowledgeUntestedEnforcement: true })).failures, undefined);
        assert.deepEqual((await p.check!({}, { automaticAccountCreation: true, directorySync: true })).failures?.map((f) => f.property), ["automaticAccountCreation"]);
        assert.match((await p.check!({}, { automaticAccountCreation: true, directorySync: true })).failures![0].reason, /^SCIM-3: /);
        assert.equal((await p.check!({}, { automaticAccountCreation: true, directorySync: true, allowAutomaticAccountCreationWithScim: true })).failures, undefined);
        assert.deepEqual((await p.check!({}, { ssoStage: "enabled", apiPlatformSso: false })).failures?.map((f) => f.property), ["apiPlatformSso"]);
        assert.deepEqual((await p.check!({}, { ssoStage: "testing" as any })).failures, [{ property: "ssoStage", reason: "must be off, enabled or enforced (SSO-1: one stage value)" }]);
    });

    it("create adopts the live settings and PATCHes only differing fields; a second create writes nothing", async () => {
        const p = await provider();
        let mark = ws.emulator.requestLog.length;
        const first = await p.create({ externalInvites: false, directorySync: true, automaticAccountCreation: false });
        assert.deepEqual(ws.writesSince(mark).map((r) => `${r.method} ${r.status}`), ["PATCH 200"]);
        assert.equal(first.outs!.settingsAtAdoption.external_invites, true, "records what it found");
        mark = ws.emulator.requestLog.length;
        await p.create({ externalInvites: false, directorySync: true, automaticAccountCreation: false });
        assert.deepEqual(ws.writesSince(mark), []);
    });

    it("DOM-1: enabling SSO before any domain is verified fails with the API's reason and the rule; after verification it applies", async () => {
        const p = await provider();
        const state = await p.create({ externalInvites: true });
        await assert.rejects(p.update!(state.id, state.outs!, { ssoStage: "enabled", apiPlatformSso: true, externalInvites: true }), (err: Error) => {
            assert.match(err.message, /^WorkspaceSettings: DOM-1: SSO needs a verified domain first/);
            assert.match(err.message, /409 domain_not_verified/);
            return true;
        });
        await verifyDomain("lincoln.k12.us");
        const updated = await p.update!(state.id, state.outs!, { ssoStage: "enabled", apiPlatformSso: true, externalInvites: true });
        assert.equal(updated.outs!.ssoStage, "enabled");
        const live = await p.read!(state.id, updated.outs as any);
        assert.equal(live.props!.ssoStage, "enabled");
    });

    it("diff compares field by field and never replaces; update sends only the changed field; read reports drift", async () => {
        const p = await provider();
        const state = await p.create({ externalInvites: true, directorySync: false });
        assert.deepEqual(await p.diff!(state.id, state.outs!, { externalInvites: true, directorySync: false }), { changes: false, replaces: [], stables: ["settingsAtAdoption"] });
        assert.equal((await p.diff!(state.id, state.outs!, { externalInvites: false, directorySync: false })).changes, true);

        // Out-of-band change in the console:
        await fetch(`${ws.emulator.apiBaseUrl}/organization/identity/settings`, {
            method: "PATCH",
            headers: { Authorization: `Bearer ${ws.tenant.adminKey}`, "Content-Type": "application/json" },
            body: JSON.stringify({ external_invites: false }),
        });
        const refreshed = await p.read!(state.id, state.outs as any);
        assert.equal(refreshed.props!.externalInvites, false);
        assert.equal(refreshed.props!.ssoStage, undefined, "an unmanaged field stays unmanaged");
        const diff = await p.diff!(state.id, refreshed.props as any, { externalInvites: true, directorySync: false });
        assert.equal(diff.changes, true);
        const mark = ws.emulator.requestLog.length;
        await p.update!(state.id, refreshed.props as any, { externalInvites: true, directorySync: false });
        assert.deepEqual(ws.writesSince(mark).map((r) => r.method), ["PATCH"]);

        const mark2 = ws.emulator.requestLog.length;
        await p.delete!(state.id, state.outs as any);
        assert.equal(ws.requestsSince(mark2).length, 0, "delete leaves the settings alone");
    });

    it("fails with a clear message and no key when no admin key is configured", async () => {
        const p = workspaceSettingsProvider();
        const saved = process.env.OPENAI_ADMIN_KEY;
        delete process.env.OPENAI_ADMIN_KEY;
        try {
            await assert.rejects(p.create({ externalInvites: true }), /^ResourceError: WorkspaceSettings: no workspace admin key: run `pulumi config set --secret chatgpt-identity:adminKey <key>` or set OPENAI_ADMIN_KEY$/);
        } finally {
            if (saved !== undefined) process.env.OPENAI_ADMIN_KEY = saved;
        }
    });
});
