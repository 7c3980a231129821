import * as assert from "node:assert/strict";
import { workspaceDomainProvider } from "../../../provider/resources/domain";
import { domainVerificationProvider } from "../../../provider/resources/verification";
import { Workspace, startWorkspace } from "./fixture";

describe("provider/resources WorkspaceDomain + DomainVerification (emulator over HTTP)", function () {
    this.timeout(30000);
    let ws: Workspace;
    beforeEach(async () => { ws = await startWorkspace(); });
    afterEach(async () => { await ws.stop(); });

    async function domainProvider(tenant = ws.tenant) {
        const p = workspaceDomainProvider();
        await p.configure!(ws.configureRequest(tenant));
        return p;
    }

    it("check refuses a malformed domain with the field and the fix", async () => {
        const p = await domainProvider();
        const result = await p.check!({} as any, { domain: "https://Lincoln.k12.us/" });
        assert.deepEqual(result.failures, [{ property: "domain", reason: "must be a lower-case DNS name such as staff.district.k12.us (no scheme, no trailing dot)" }]);
        assert.deepEqual((await p.check!({} as any, { domain: "lincoln.k12.us" })).inputs, { domain: "lincoln.k12.us", allowRemoval: false });
    });

    it("create registers the domain and outputs its TXT record; create twice adopts instead of duplicating", async () => {
        const p = await domainProvider();
        const first = await p.create({ domain: "lincoln.k12.us", allowRemoval: false });
        assert.match(first.outs!.txtRecordValue, /^openai-domain-verification=/);
        assert.equal(first.outs!.txtRecordName, "lincoln.k12.us");
        assert.equal(first.outs!.status, "pending");
        assert.equal(first.outs!.adopted, false);
        const mark = ws.emulator.requestLog.length;
        const second = await p.create({ domain: "lincoln.k12.us", allowRemoval: false });
        assert.equal(second.id, first.id);
        assert.equal(second.outs!.adopted, true);
        assert.deepEqual(ws.writesSince(mark), [], "no POST the second time");
        const list = await (await fetch(`${ws.emulator.apiBaseUrl}/organization/identity/domains`, { headers: { Authorization: `Bearer ${ws.tenant.adminKey}` } })).json() as { data: unknown[] };
        assert.equal(list.data.length, 1);
    });

    it("DOM-3: a domain verified by another tenant is a blocking error that says so", async () => {
        ws.dns.setTxt("lincoln.k12.us", []);
        const neighbour = await domainProvider(ws.other);
        const theirs = await neighbour.create({ domain: "lincoln.k12.us" });
        ws.dns.setTxt("lincoln.k12.us", [theirs.outs!.txtRecordValue]);
        const verifier = domainVerificationProvider();
        await verifier.configure!(ws.configureRequest(ws.other));
        await verifier.create({ domainId: theirs.id, domain: "lincoln.k12.us", attempts: 1, intervalSeconds: 0 });

        const mark = ws.emulator.requestLog.length;
        const ours = await domainProvider();
        await assert.rejects(ours.create({ domain: "lincoln.k12.us" }), (err: Error) => {
            assert.match(err.message, /^WorkspaceDomain lincoln\.k12\.us: DOM-3: another OpenAI organization\/tenant has verified this domain; a domain can be verified in only one tenant, so retrying will not help/);
            assert.match(err.message, /409 domain_claimed/);
            assert.ok(!err.message.includes(ws.tenant.adminKey));
            return true;
        });
        assert.equal(ws.writesSince(mark).length, 1, "one POST, no retry of a DOM-3 refusal");
    });

    it("DOM-4: verification retries a bounded number of times and names the record it looked for", async () => {
        const p = await domainProvider();
        const d = await p.create({ domain: "staff.lincoln.k12.us" });
        const verifier = domainVerificationProvider();
        await verifier.configure!(ws.configureRequest());
        const mark = ws.emulator.requestLog.length;
        await assert.rejects(verifier.create({ domainId: d.id, domain: "staff.lincoln.k12.us", attempts: 3, intervalSeconds: 0.05 }), (err: Error) => {
            assert.ok(err.message.startsWith("DomainVerification staff.lincoln.k12.us: DOM-4: the TXT record was not found after 3 tries"), err.message);
            assert.ok(err.message.includes(`Publish TXT record staff.lincoln.k12.us with value "${d.outs!.txtRecordValue}"`));
            assert.match(err.message, /up to 24 hours/);
            return true;
        });
        assert.equal(ws.writesSince(mark).filter((r) => r.path.endsWith("/verify")).length, 3);

        ws.dns.setTxt("staff.lincoln.k12.us", [d.outs!.txtRecordValue]);
        const verified = await verifier.create({ domainId: d.id, domain: "staff.lincoln.k12.us", attempts: 3, intervalSeconds: 0.05 });
        assert.equal(verified.outs!.status, "verified");
        const again = ws.emulator.requestLog.length;
        const noop = await verifier.create({ domainId: d.id, domain: "staff.lincoln.k12.us", attempts: 3, intervalSeconds: 0.05 });
        assert.equal(noop.outs!.status, "verified");
        assert.deepEqual(ws.writesSince(again), [], "already verified: no verify POST");
    });

    it("read reports drift and 404 as gone; delete keeps a verified domain unless allowRemoval (DOM-5), 404 is success", async () => {
        const p = await domainProvider();
        const d = await p.create({ domain: "lincoln.k12.us" });
        ws.dns.setTxt("lincoln.k12.us", [d.outs!.txtRecordValue]);
        const verifier = domainVerificationProvider();
        await verifier.configure!(ws.configureRequest());
        await verifier.create({ domainId: d.id, domain: "lincoln.k12.us", attempts: 1, intervalSeconds: 0 });

        const read = await p.read!(d.id, d.outs as any);
        assert.equal(read.props!.status, "verified", "verification done outside this resource shows on read");

        const mark = ws.emulator.requestLog.length;
        await p.delete!(d.id, { ...(d.outs as any), allowRemoval: false });
        assert.deepEqual(ws.writesSince(mark), [], "verified domain kept");
        assert.equal((await p.read!(d.id, d.outs as any)).id, d.id);

        await p.delete!(d.id, { ...(d.outs as any), allowRemoval: true });
        assert.deepEqual(await p.read!(d.id, d.outs as any), {}, "404 → gone");
        await p.delete!(d.id, { ...(d.outs as any), allowRemoval: true });
    });

    it("DomainVerification: a new domainId replaces it, a verified one has no change, an unverified one verifies again in place; read treats 404 as gone", async () => {
        const verifier = domainVerificationProvider();
        await verifier.configure!(ws.configureRequest());
        const olds = { domainId: "dom_1", domain: "lincoln.k12.us", attempts: 18, intervalSeconds: 10, status: "verified", verifiedAt: 1, txtRecordName: "lincoln.k12.us", txtRecordValue: "v" };
        assert.deepEqual(await verifier.diff!("dom_1", olds, { domainId: "dom_1", domain: "lincoln.k12.us", attempts: 3 }), { changes: false, replaces: [] });
        assert.deepEqual(await verifier.diff!("dom_1", olds, { domainId: "dom_2", domain: "lincoln.k12.us" }), { changes: true, replaces: ["domainId"], deleteBeforeReplace: true });
        assert.deepEqual(await verifier.diff!("dom_1", { ...olds, status: "pending" }, { domainId: "dom_1", domain: "lincoln.k12.us" }), { changes: true, replaces: [] });
        assert.deepEqual(await verifier.read!("dom_missing", olds), {});
    });

    it("diff replaces only on a new domain name; allowRemoval is an in-place change with no API call", async () => {
        const p = await domainProvider();
        const olds = { domain: "lincoln.k12.us", allowRemoval: false, domainId: "dom_1", status: "pending", txtRecordName: "lincoln.k12.us", txtRecordValue: "v", verifiedAt: null, adopted: false };
        assert.deepEqual(await p.diff!("dom_1", olds, { domain: "lincoln.k12.us", allowRemoval: false }), { changes: false, replaces: [], stables: ["domainId", "txtRecordName", "txtRecordValue"] });
        assert.equal((await p.diff!("dom_1", olds, { domain: "lincoln.k12.us", allowRemoval: true })).changes, true);
        const warnings: string[] = [];
        const original = console.warn;
        console.warn = (m: string) => warnings.push(m);
        try {
            assert.deepEqual((await p.diff!("dom_1", olds, { domain: "lincoln.k12.org", allowRemoval: false })).replaces, ["domain"]);
        } finally {
            console.warn = original;
        }
        assert.match(warnings[0], /DOM-5: WorkspaceDomain lincoln\.k12\.us → lincoln\.k12\.org replaces the domain/);
        const mark = ws.emulator.requestLog.length;
        const updated = await p.update!("dom_1", olds, { domain: "lincoln.k12.us", allowRemoval: true });
        assert.equal(updated.outs!.allowRemoval, true);
        assert.equal(ws.requestsSince(mark).length, 0);
    });
});
