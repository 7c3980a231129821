import * as assert from "node:assert/strict";
import { RunningEmulator, startEmulator } from "../../emulator";
import { RunningDnsServer, startDnsServer } from "../support/dnsServer";
import { admin, twoTenants } from "./helpers";

describe("emulator: identity settings and domains (docs/workspace-api.md)", () => {
    let dns: RunningDnsServer;
    let emulator: RunningEmulator;
    const [lincoln, jefferson] = twoTenants;

    beforeEach(async () => {
        dns = await startDnsServer();
        emulator = await startEmulator({ tenants: twoTenants, dnsServers: [dns.address] });
    });
    afterEach(async () => {
        await emulator.stop();
        await dns.stop();
    });

    async function registerAndVerify(domain: string, key = lincoln.adminKey) {
        const created = await admin(emulator, "POST", "/organization/identity/domains", { domain }, key);
        assert.equal(created.status, 201);
        dns.setTxt(domain, [created.body.txt_record.value]);
        const verified = await admin(emulator, "POST", `/organization/identity/domains/${created.body.id}/verify`, undefined, key);
        assert.equal(verified.status, 200);
        return verified.body;
    }

    it("starts with the documented default settings", async () => {
        const settings = await admin(emulator, "GET", "/organization/identity/settings");
        assert.deepEqual(settings.body, {
            object: "organization.identity_settings", sso_stage: "off", api_platform_sso: false,
            automatic_account_creation: false, external_invites: true, directory_sync: false,
        });
    });

    it("verifies a domain only once its exact TXT value resolves through the DNS server (DOM-4)", async () => {
        const created = await admin(emulator, "POST", "/organization/identity/domains", { domain: "Staff.Lincoln.k12.us" });
        assert.equal(created.status, 201);
        const domain = created.body;
        assert.equal(domain.domain, "staff.lincoln.k12.us");
        assert.equal(domain.status, "pending");
        assert.equal(domain.verified_at, null);
        assert.match(domain.txt_record.value, /^openai-domain-verification=dv-[0-9a-f]{32}$/);
        assert.deepEqual({ name: domain.txt_record.name, type: domain.txt_record.type }, { name: "staff.lincoln.k12.us", type: "TXT" });

        const before = await admin(emulator, "POST", `/organization/identity/domains/${domain.id}/verify`);
        assert.equal(before.status, 422);
        assert.equal(before.body.error.code, "txt_record_not_found");
        assert.ok(before.body.error.message.includes(`'staff.lincoln.k12.us' with the value '${domain.txt_record.value}'`), before.body.error.message);
        assert.ok(before.body.error.message.includes("DOM-4"));

        dns.setTxt("staff.lincoln.k12.us", ["v=spf1 -all", `${domain.txt_record.value}x`]);
        const wrongValue = await admin(emulator, "POST", `/organization/identity/domains/${domain.id}/verify`);
        assert.equal(wrongValue.status, 422, "a value that only starts with the expected one does not verify");
        assert.ok(wrongValue.body.error.message.includes('found "v=spf1 -all"'), wrongValue.body.error.message);

        dns.setTxt("staff.lincoln.k12.us", ["v=spf1 -all", domain.txt_record.value]);
        const after = await admin(emulator, "POST", `/organization/identity/domains/${domain.id}/verify`);
        assert.equal(after.status, 200);
        assert.equal(after.body.status, "verified");
        assert.equal(typeof after.body.verified_at, "number");
        const again = await admin(emulator, "POST", `/organization/identity/domains/${domain.id}/verify`);
        assert.deepEqual(again.body, after.body, "verifying a verified domain is a no-op");
        assert.equal((await admin(emulator, "GET", `/organization/identity/domains/${domain.id}`)).body.status, "verified");
    });

    it("DOM-2: a verified parent domain does not cover a subdomain", async () => {
        await registerAndVerify("lincoln.k12.us");
        const sub = await admin(emulator, "POST", "/organization/identity/domains", { domain: "staff.lincoln.k12.us" });
        assert.equal(sub.status, 201);
        assert.equal(sub.body.status, "pending");
        assert.notEqual(sub.body.txt_record.value, (await admin(emulator, "GET", "/organization/identity/domains")).body.data[0].txt_record.value);
        const verify = await admin(emulator, "POST", `/organization/identity/domains/${sub.body.id}/verify`);
        assert.equal(verify.status, 422, "the parent's TXT record does not verify the subdomain");
        const list = await admin(emulator, "GET", "/organization/identity/domains");
        assert.deepEqual(list.body.data.map((d: any) => [d.domain, d.status]), [["lincoln.k12.us", "verified"], ["staff.lincoln.k12.us", "pending"]]);
    });

    it("DOM-3: a domain verified by one tenant cannot be registered or verified by another", async () => {
        const theirs = await admin(emulator, "POST", "/organization/identity/domains", { domain: "shared.k12.us" }, jefferson.adminKey);
        assert.equal(theirs.status, 201);
        await registerAndVerify("shared.k12.us", lincoln.adminKey);
        dns.setTxt("shared.k12.us", [theirs.body.txt_record.value]);

        const verify = await admin(emulator, "POST", `/organization/identity/domains/${theirs.body.id}/verify`, undefined, jefferson.adminKey);
        assert.equal(verify.status, 409);
        assert.equal(verify.body.error.code, "domain_claimed");
        assert.ok(verify.body.error.message.includes("DOM-3"));

        const again = await admin(emulator, "POST", "/organization/identity/domains", { domain: "shared.k12.us" }, jefferson.adminKey);
        assert.equal(again.status, 409);
        assert.equal(again.body.error.code, "domain_exists");
        await admin(emulator, "DELETE", `/organization/identity/domains/${theirs.body.id}`, undefined, jefferson.adminKey);
        const register = await admin(emulator, "POST", "/organization/identity/domains", { domain: "shared.k12.us" }, jefferson.adminKey);
        assert.equal(register.status, 409);
        assert.equal(register.body.error.code, "domain_claimed");
    });

    it("DOM-1: SSO cannot be enabled before a domain is verified, and nothing of the PATCH is applied", async () => {
        const refused = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enabled", api_platform_sso: true, external_invites: false });
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, "domain_not_verified");
        assert.ok(refused.body.error.message.includes("DOM-1"));
        const unchanged = await admin(emulator, "GET", "/organization/identity/settings");
        assert.equal(unchanged.body.api_platform_sso, false);
        assert.equal(unchanged.body.external_invites, true);

        await registerAndVerify("lincoln.k12.us");
        const enabled = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enabled", api_platform_sso: true });
        assert.equal(enabled.status, 200);
        assert.equal(enabled.body.sso_stage, "enabled");
    });

    it("SSO-1: enforced requires enabled first; SSO-4: ChatGPT SSO with API Platform SSO off is refused", async () => {
        await registerAndVerify("lincoln.k12.us");
        const skip = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enforced", api_platform_sso: true });
        assert.equal(skip.status, 409);
        assert.equal(skip.body.error.code, "sso_not_enabled");

        const noPlatform = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enabled" });
        assert.equal(noPlatform.status, 409);
        assert.equal(noPlatform.body.error.code, "api_platform_sso_disabled");
        assert.ok(noPlatform.body.error.message.includes("SSO-4"));

        assert.equal((await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enabled", api_platform_sso: true })).status, 200);
        const disablePlatform = await admin(emulator, "PATCH", "/organization/identity/settings", { api_platform_sso: false });
        assert.equal(disablePlatform.body.error.code, "api_platform_sso_disabled", "turning API Platform SSO off under enabled SSO is SSO-4 too");
        const enforced = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enforced" });
        assert.equal(enforced.status, 200);
        assert.equal(enforced.body.sso_stage, "enforced");
        assert.equal((await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "off" })).body.sso_stage, "off");
    });

    it("refuses to delete the last verified domain while SSO is on, deletes otherwise", async () => {
        const verified = await registerAndVerify("lincoln.k12.us");
        await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "enabled", api_platform_sso: true });
        const refused = await admin(emulator, "DELETE", `/organization/identity/domains/${verified.id}`);
        assert.equal(refused.status, 409);
        assert.equal(refused.body.error.code, "domain_in_use_by_sso");
        await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "off" });
        const deleted = await admin(emulator, "DELETE", `/organization/identity/domains/${verified.id}`);
        assert.deepEqual(deleted.body, { object: "organization.domain.deleted", id: verified.id, deleted: true });
        assert.equal((await admin(emulator, "GET", `/organization/identity/domains/${verified.id}`)).status, 404);
    });

    it("validates input: bad sso_stage, non-boolean flags, unknown fields, bad domain names", async () => {
        const stage = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_stage: "on" });
        assert.deepEqual([stage.status, stage.body.error.param], [400, "sso_stage"]);
        const flag = await admin(emulator, "PATCH", "/organization/identity/settings", { directory_sync: "yes" });
        assert.deepEqual([flag.status, flag.body.error.param], [400, "directory_sync"]);
        const unknown = await admin(emulator, "PATCH", "/organization/identity/settings", { sso_enabled: true });
        assert.deepEqual([unknown.status, unknown.body.error.param], [400, "sso_enabled"]);
        const domain = await admin(emulator, "POST", "/organization/identity/domains", { domain: "not a domain" });
        assert.deepEqual([domain.status, domain.body.error.param], [400, "domain"]);
    });
});
