import * as assert from "assert";
import { DNS_ADAPTER_MODULES, UnknownDnsAdapterError, availableDnsAdapters, loadDnsAdapter } from "../../../components/dns";
import { BLOCK_CLOUDFLARE, CLOUDFLARE_LOADED, runInFreshNode } from "./childNode";

const MISSING = "the cloudflare DNS adapter (dns.adapter: cloudflare) needs the optional package @pulumi/cloudflare v6: run `npm install @pulumi/cloudflare` in your Pulumi project, or set dns.adapter to manual for a hand-off to your DNS team";

const CLOUDFLARE_CONFIG = `{
    name: "Lincoln USD", idp: "entra",
    domains: [{ name: "district.k12.us", verificationToken: "openai-domain-verification=dv-abc123" }],
    dns: { adapter: "cloudflare", settings: { zoneIds: { "district.k12.us": "0123456789abcdef0123456789abcdef" } } },
}`;

describe("DNS adapter registry", function () {
    // Three tests start a fresh Node with ts-node (about 1-3 s each, more on a loaded machine).
    this.timeout(40000);

    it("lists the registered adapters, manual first", () => {
        assert.deepStrictEqual(availableDnsAdapters(), ["manual", "cloudflare"]);
    });

    it("loads every registered module as the adapter of that name", () => {
        for (const name of Object.keys(DNS_ADAPTER_MODULES)) assert.strictEqual(loadDnsAdapter(name).name, name);
    });

    it("refuses an unknown adapter name, listing the available ones", () => {
        assert.throws(() => loadDnsAdapter("route53"), (err: unknown) => {
            assert.ok(err instanceof UnknownDnsAdapterError);
            assert.strictEqual(err.message, 'unknown DNS adapter "route53"; available adapters: manual, cloudflare');
            return true;
        });
        // Registry keys are looked up as own properties only.
        assert.throws(() => loadDnsAdapter("toString"), UnknownDnsAdapterError);
    });

    it("loads @pulumi/cloudflare only when the cloudflare adapter publishes a record (fresh process)", () => {
        const seen = runInFreshNode<Record<string, boolean>>(`
            const dns = require("./components/dns");
            const { loadWorkspaceConfig } = require("./core/config/load");
            const { record } = require("./tests/support/engine");
            (async () => {
                const seen = { atStart: ${CLOUDFLARE_LOADED} };
                await record(() => new dns.DomainTxtRecords("d", { records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] }));
                seen.afterManual = ${CLOUDFLARE_LOADED};
                seen.validateProblems = dns.validateDnsSettings(loadWorkspaceConfig(${CLOUDFLARE_CONFIG})).length > 0;
                seen.afterValidatingCloudflare = ${CLOUDFLARE_LOADED};
                dns.loadDnsAdapter("cloudflare");
                seen.afterLoadingAdapterModule = ${CLOUDFLARE_LOADED};
                await record(() => new dns.DomainTxtRecords("d", { adapter: "cloudflare",
                    settings: { zoneIds: { "district.k12.us": "0123456789abcdef0123456789abcdef" } },
                    records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] }));
                seen.afterCloudflarePublish = ${CLOUDFLARE_LOADED};
                console.log(JSON.stringify(seen));
                process.exit(0);
            })().catch((e) => { console.error(e); process.exit(1); });
        `);
        assert.deepStrictEqual(seen, {
            atStart: false,
            afterManual: false,
            validateProblems: false,
            afterValidatingCloudflare: false,
            afterLoadingAdapterModule: false,
            afterCloudflarePublish: true,
        });
    });

    it("without @pulumi/cloudflare installed: manual still works, cloudflare says `npm install @pulumi/cloudflare` before creating anything", () => {
        const seen = runInFreshNode<Record<string, unknown>>(BLOCK_CLOUDFLARE + `
            const dns = require("./components/dns");
            const { loadWorkspaceConfig } = require("./core/config/load");
            const { RecordingEngine, settle } = require("./offline/recordingEngine");
            (async () => {
                const seen = {};
                const manual = new RecordingEngine({ preview: false }).install();
                new dns.DomainTxtRecords("m", { records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] });
                await settle();
                seen.manualRegistered = manual.resources.map((r) => r.name);
                seen.validate = dns.validateDnsSettings(loadWorkspaceConfig(${CLOUDFLARE_CONFIG}));
                const engine = new RecordingEngine({ preview: false }).install();
                try {
                    new dns.DomainTxtRecords("c", { adapter: "cloudflare",
                        settings: { zoneIds: { "district.k12.us": "0123456789abcdef0123456789abcdef" } },
                        records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] });
                } catch (e) { seen.componentError = e.message; }
                await settle();
                seen.cloudflareRegistered = engine.resources.map((r) => r.name);
                try { require("./components/dns/adapters/cloudflare").loadCloudflare(); } catch (e) { seen.loadError = e.message; }
                console.log(JSON.stringify(seen));
                process.exit(0);
            })().catch((e) => { console.error(e); process.exit(1); });
        `);
        assert.deepStrictEqual(seen, {
            manualRegistered: ["m"],
            validate: [{ path: "workspace.dns.adapter", message: MISSING }],
            componentError: `DomainTxtRecords "c" has 1 problem; nothing was created:\n  - adapter: ${MISSING}`,
            cloudflareRegistered: [],
            loadError: MISSING,
        });
    });

    it("refuses an older @pulumi/cloudflare without DnsRecord (v5 and before), asking for v6", () => {
        const seen = runInFreshNode<{ loadError: string }>(`
            const Module = require("module");
            const load = Module._load;
            Module._load = function (request, ...rest) {
                return request === "@pulumi/cloudflare" ? { Record: function Record() {} } : load.call(this, request, ...rest);
            };
            let loadError = "";
            try { require("./components/dns/adapters/cloudflare").loadCloudflare(); } catch (e) { loadError = e.message; }
            console.log(JSON.stringify({ loadError }));
        `);
        assert.deepStrictEqual(seen, {
            loadError: "the cloudflare DNS adapter needs @pulumi/cloudflare v6 (cloudflare.DnsRecord); the installed version has no DnsRecord: run `npm install @pulumi/cloudflare@^6`",
        });
    });
});
