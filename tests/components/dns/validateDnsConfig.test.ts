import * as assert from "assert";
import { loadWorkspaceConfig } from "../../../core/config/load";
import { WorkspaceConfigInput } from "../../../core/config/schema";
import { validateDnsSettings } from "../../../components/dns";

const ZONE = "0123456789abcdef0123456789abcdef";

function config(dns: WorkspaceConfigInput["dns"], domains = ["district.k12.us", "staff.district.k12.us"]) {
    return loadWorkspaceConfig({ name: "Lincoln USD", idp: "entra", domains: domains.map((name) => ({ name })), dns });
}

describe("validateDnsSettings", () => {
    it("accepts the default manual adapter with no settings", () => {
        assert.deepStrictEqual(validateDnsSettings(config(undefined)), []);
    });

    it("accepts cloudflare with a zone id for every domain, the subdomain repeating its parent's zone", () => {
        assert.deepStrictEqual(validateDnsSettings(config({ adapter: "cloudflare", settings: { zoneIds: { "district.k12.us": ZONE, "staff.district.k12.us": ZONE } } })), []);
    });

    it("reports a missing subdomain zone id under workspace.dns.settings.zoneIds (DOM-2)", () => {
        const problems = validateDnsSettings(config({ adapter: "cloudflare", settings: { zoneIds: { "district.k12.us": ZONE } } }));
        assert.deepStrictEqual(problems.map((p) => p.path), ["workspace.dns.settings.zoneIds.staff.district.k12.us"]);
        assert.match(problems[0].message, /^missing: each subdomain is verified and published on its own \(DOM-2\)/);
    });

    it("reports a missing zoneIds and a misspelt key by path", () => {
        assert.deepStrictEqual(validateDnsSettings(config({ adapter: "cloudflare", settings: { zoneId: ZONE } })), [
            { path: "workspace.dns.settings.zoneIds", message: 'is required: a Cloudflare zone id per domain, e.g. { zoneIds: { "district.k12.us": "<zone id>" } }' },
            { path: "workspace.dns.settings.zoneId", message: 'unknown setting "zoneId" for the cloudflare DNS adapter; it takes "zoneIds", "ttl"' },
        ]);
    });

    it("reports an unknown adapter at workspace.dns.adapter", () => {
        assert.deepStrictEqual(validateDnsSettings(config({ adapter: "route53" })), [
            { path: "workspace.dns.adapter", message: 'unknown DNS adapter "route53"; available adapters: manual, cloudflare' },
        ]);
    });

    it("reports settings given to the manual adapter", () => {
        assert.deepStrictEqual(validateDnsSettings(config({ settings: { zoneIds: {} } })), [
            { path: "workspace.dns.settings.zoneIds", message: 'the manual DNS adapter takes no settings; remove "zoneIds"' },
        ]);
    });
});
