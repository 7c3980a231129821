import * as assert from "assert";
import { DNS_ADAPTER_MODULES, availableDnsAdapters, loadDnsAdapter } from "../../../components/dns";
import { DnsAdapterName } from "../../../core/config/sections/dns";
import { BLOCK_CLOUDFLARE, CLOUDFLARE_LOADED, runInFreshNode } from "./childNode";

const MISSING = {
    path: "workspace.dns.adapter",
    message:
        "the cloudflare DNS adapter (dns.adapter: cloudflare) needs the optional package @pulumi/cloudflare v6, which is not installed",
    fix: "Run `npm install @pulumi/cloudflare` in your Pulumi project, or set dns.adapter to manual for a hand-off to your DNS team.",
};
const CLOUDFLARE_DNS = `{ adapter: "cloudflare", settings: { zoneIds: { "district.k12.us": "0123456789abcdef0123456789abcdef" } } }`;

describe("DNS adapter registry", function () {
    // Three tests start a fresh Node with ts-node (about 1-3 s each, more on a loaded machine).
    this.timeout(40000);

    it("lists the registered adapters, manual first", () => {
        assert.deepStrictEqual(availableDnsAdapters(), ["manual", "cloudflare"]);
    });

    it("loads every registered module as the adapter of that name", () => {
        for (const name of Object.keys(DNS_ADAPTER_MODULES) as DnsAdapterName[])
            assert.strictEqual(loadDnsAdapter(name).name, name);
    });

    it("loads @pulumi/cloudflare only when the cloudflare adapter publishes a record (fresh process)", () => {
        const seen = runInFreshNode<Record<string, boolean>>(`
            const dns = require("./components/dns");
            const { record } = require("./tests/support/engine");
            (async () => {
                const seen = { atStart: ${CLOUDFLARE_LOADED} };
                await record(() => new dns.DomainTxtRecords("d", { dns: { adapter: "manual" }, records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] }));
                seen.afterManual = ${CLOUDFLARE_LOADED};
                dns.loadDnsAdapter("cloudflare");
                seen.afterLoadingAdapterModule = ${CLOUDFLARE_LOADED};
                await record(() => new dns.DomainTxtRecords("d", { dns: ${CLOUDFLARE_DNS},
                    records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] }));
                seen.afterCloudflarePublish = ${CLOUDFLARE_LOADED};
                console.log(JSON.stringify(seen));
                process.exit(0);
            })().catch((e) => { console.error(e); process.exit(1); });
        `);
        assert.deepStrictEqual(seen, {
            atStart: false,
            afterManual: false,
            afterLoadingAdapterModule: false,
            afterCloudflarePublish: true,
        });
    });

    it("without @pulumi/cloudflare installed: manual still works, cloudflare raises a ConfigError saying `npm install @pulumi/cloudflare` and creates no record", () => {
        const seen = runInFreshNode<Record<string, unknown>>(
            BLOCK_CLOUDFLARE +
                `
            const dns = require("./components/dns");
            const { RecordingEngine, settle } = require("./offline/recordingEngine");
            (async () => {
                const seen = {};
                const manual = new RecordingEngine({ preview: false }).install();
                new dns.DomainTxtRecords("m", { dns: { adapter: "manual" }, records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] });
                await settle();
                seen.manualRegistered = manual.resources.map((r) => r.name);
                const engine = new RecordingEngine({ preview: false }).install();
                try {
                    new dns.DomainTxtRecords("c", { dns: ${CLOUDFLARE_DNS}, path: "workspace.dns",
                        records: [{ domain: "district.k12.us", value: "openai-domain-verification=dv-1" }] });
                } catch (e) { seen.componentError = { name: e.name, problems: e.problems }; }
                await settle();
                seen.cloudflareRecords = engine.resources.filter((r) => r.custom).map((r) => r.name);
                console.log(JSON.stringify(seen));
                process.exit(0);
            })().catch((e) => { console.error(e); process.exit(1); });
        `,
        );
        assert.deepStrictEqual(seen, {
            manualRegistered: ["m"],
            componentError: { name: "ConfigError", problems: [MISSING] },
            cloudflareRecords: [],
        });
    });

    it("refuses an older @pulumi/cloudflare without DnsRecord (v5 and before), asking for v6", () => {
        const seen = runInFreshNode<{ loadError: string }>(`
            const Module = require("module");
            const load = Module._load;
            Module._load = function (request, ...rest) {
                return request === "@pulumi/cloudflare" ? { Record: function Record() {} } : load.call(this, request, ...rest);
            };
            let loadError;
            try { require("./components/dns/adapters/cloudflare").loadCloudflare("workspace.dns"); } catch (e) { loadError = e.problems; }
            console.log(JSON.stringify({ loadError }));
        `);
        assert.deepStrictEqual(seen, {
            loadError: [
                {
                    path: "workspace.dns.adapter",
                    message:
                        "the cloudflare DNS adapter needs @pulumi/cloudflare v6 (cloudflare.DnsRecord); the installed version has no DnsRecord",
                    fix: "Run `npm install @pulumi/cloudflare@^6` in your Pulumi project.",
                },
            ],
        });
    });
});
