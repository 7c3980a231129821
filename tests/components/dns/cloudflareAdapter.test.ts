import * as assert from "assert";
import { CLOUDFLARE_DNS_RECORD_TYPE, DomainTxtRecords, DOMAIN_TXT_RECORDS_TYPE, quoteTxtContent } from "../../../components/dns";
import { RecordingEngine, settle } from "../../../offline/recordingEngine";
import { record, valueOf } from "../../support/engine";

const DISTRICT_ZONE = "0123456789abcdef0123456789abcdef";
const OTHER_ZONE = "fedcba9876543210fedcba9876543210";
const PARENT = { domain: "district.k12.us", value: "openai-domain-verification=dv-abc123" };
const SUB = { domain: "staff.district.k12.us", value: "openai-domain-verification=dv-def456" };

/** Constructs with a fresh engine and returns the thrown error and what got registered. */
async function failedBuild(build: () => unknown): Promise<{ error: Error; registered: string[] }> {
    const engine = new RecordingEngine({ preview: false }).install();
    let error: Error | undefined;
    try {
        build();
    } catch (err) {
        error = err as Error;
    }
    await settle();
    assert.ok(error, "expected the constructor to throw");
    return { error, registered: engine.resources.map((r) => r.name) };
}

describe("DomainTxtRecords with the cloudflare adapter", () => {
    it("creates exactly one Cloudflare DnsRecord per domain, at the domain itself, as a child of the component", async () => {
        const { engine, result } = await record(() => new DomainTxtRecords("district-dns", {
            adapter: "cloudflare",
            // The subdomain lives in its parent's zone and says so explicitly (DOM-2).
            settings: { zoneIds: { "district.k12.us": DISTRICT_ZONE, "staff.district.k12.us": DISTRICT_ZONE } },
            records: [PARENT, SUB],
        }));
        const component = engine.find(DOMAIN_TXT_RECORDS_TYPE, "district-dns");
        assert.ok(component);
        assert.deepStrictEqual(engine.customResources().map((r) => ({ type: r.type, name: r.name, parentUrn: r.parentUrn, inputs: r.inputs })), [
            {
                type: CLOUDFLARE_DNS_RECORD_TYPE,
                name: "district-dns-district.k12.us-txt",
                parentUrn: component.urn,
                inputs: { zoneId: DISTRICT_ZONE, name: "district.k12.us", type: "TXT", content: '"openai-domain-verification=dv-abc123"', ttl: 3600, comment: "ChatGPT domain verification (managed by chatgpt-identity)" },
            },
            {
                type: CLOUDFLARE_DNS_RECORD_TYPE,
                name: "district-dns-staff.district.k12.us-txt",
                parentUrn: component.urn,
                inputs: { zoneId: DISTRICT_ZONE, name: "staff.district.k12.us", type: "TXT", content: '"openai-domain-verification=dv-def456"', ttl: 3600, comment: "ChatGPT domain verification (managed by chatgpt-identity)" },
            },
        ]);
        assert.deepStrictEqual((await valueOf(result.records))?.map((r) => [r.name, r.status, r.value]), [
            ["district.k12.us", "published", "openai-domain-verification=dv-abc123"],
            ["staff.district.k12.us", "published", "openai-domain-verification=dv-def456"],
        ]);
        assert.strictEqual(await valueOf(result.handoff), [
            "ChatGPT domain verification: DNS TXT records (DOM-1: verification comes before SSO)",
            "",
            "Nothing for the DNS team to add now.",
            "",
            "Already published by this stack's DNS adapter, nothing to add:",
            "- district.k12.us TXT openai-domain-verification=dv-abc123",
            "- staff.district.k12.us TXT openai-domain-verification=dv-def456",
        ].join("\n"));
    });

    it("uses each domain's own zone id and the ttl setting", async () => {
        const { engine } = await record(() => new DomainTxtRecords("d", {
            adapter: "cloudflare",
            settings: { zoneIds: { "district.k12.us": DISTRICT_ZONE, "staff.district.k12.us": OTHER_ZONE }, ttl: 1 },
            records: [PARENT, SUB],
        }));
        assert.deepStrictEqual(engine.byType(CLOUDFLARE_DNS_RECORD_TYPE).map((r) => [r.inputs.name, r.inputs.zoneId, r.inputs.ttl]), [
            ["district.k12.us", DISTRICT_ZONE, 1],
            ["staff.district.k12.us", OTHER_ZONE, 1],
        ]);
    });

    it("creates nothing for a record without a value and reports it pending", async () => {
        const { engine, result } = await record(() => new DomainTxtRecords("d", {
            adapter: "cloudflare",
            settings: { zoneIds: { "district.k12.us": DISTRICT_ZONE, "staff.district.k12.us": DISTRICT_ZONE } },
            records: [PARENT, { domain: "staff.district.k12.us", value: undefined }],
        }));
        assert.deepStrictEqual(engine.byType(CLOUDFLARE_DNS_RECORD_TYPE).map((r) => r.inputs.name), ["district.k12.us"]);
        assert.deepStrictEqual((await valueOf(result.records))?.map((r) => [r.name, r.status]), [
            ["district.k12.us", "published"],
            ["staff.district.k12.us", "pending"],
        ]);
        assert.match((await valueOf(result.handoff)) ?? "", /^- staff\.district\.k12\.us: the value comes from ChatGPT Workspace Settings → Identity & Access → Domains/m);
    });

    it("quotes TXT content as Cloudflare asks (RFC 1035 character string), escaping quotes and backslashes", () => {
        assert.strictEqual(quoteTxtContent("openai-domain-verification=dv-abc"), '"openai-domain-verification=dv-abc"');
        assert.strictEqual(quoteTxtContent('a "b" c\\d'), '"a \\"b\\" c\\\\d"');
        assert.strictEqual(quoteTxtContent('"already quoted"'), '"already quoted"');
    });

    it("refuses a subdomain without its own zone id entry (DOM-2), naming the path, and creates nothing", async () => {
        const { error, registered } = await failedBuild(() => new DomainTxtRecords("d", {
            adapter: "cloudflare",
            settings: { zoneIds: { "district.k12.us": DISTRICT_ZONE } },
            records: [PARENT, SUB],
        }));
        assert.strictEqual(error.message, [
            'DomainTxtRecords "d" has 1 problem; nothing was created:',
            `  - settings.zoneIds.staff.district.k12.us: missing: each subdomain is verified and published on its own (DOM-2), so "staff.district.k12.us" needs its own entry; if its records live in the district.k12.us zone, repeat that zone id ("${DISTRICT_ZONE}"), otherwise give the 32-character Zone ID shown on the zone's Overview page in the Cloudflare dashboard (API section)`,
        ].join("\n"));
        assert.deepStrictEqual(registered, []);
    });

    it("reports every settings problem at once, each by path", async () => {
        const { error, registered } = await failedBuild(() => new DomainTxtRecords("d", {
            adapter: "cloudflare",
            settings: { zoneIds: { "district.k12.us": "not-a-zone", "old.k12.us": DISTRICT_ZONE }, ttl: 10, proxied: true },
            records: [PARENT],
        }));
        assert.strictEqual(error.message, [
            'DomainTxtRecords "d" has 3 problems; nothing was created:',
            "  - settings.zoneIds.district.k12.us: must be the 32-character Zone ID shown on the zone's Overview page in the Cloudflare dashboard (API section)",
            "  - settings.ttl: must be 1 (automatic) or a whole number of seconds from 60 to 86400",
            '  - settings.proxied: unknown setting "proxied" for the cloudflare DNS adapter; it takes "zoneIds", "ttl"',
        ].join("\n"));
        assert.deepStrictEqual(registered, []);
    });

    it("names a zone id for a domain that is not listed", async () => {
        const { error } = await failedBuild(() => new DomainTxtRecords("d", {
            adapter: "cloudflare",
            settings: { zoneIds: { "district.k12.us": DISTRICT_ZONE, "old.k12.us": DISTRICT_ZONE } },
            records: [PARENT],
        }));
        assert.strictEqual(error.message.split("\n")[1], '  - settings.zoneIds.old.k12.us: "old.k12.us" is not one of the listed domains (district.k12.us); remove it or add the domain');
    });

    it("requires zoneIds, with an example", async () => {
        const { error } = await failedBuild(() => new DomainTxtRecords("d", { adapter: "cloudflare", records: [PARENT] }));
        assert.strictEqual(error.message.split("\n")[1], '  - settings.zoneIds: is required: a Cloudflare zone id per domain, e.g. { zoneIds: { "district.k12.us": "<zone id>" } }');
    });
});
