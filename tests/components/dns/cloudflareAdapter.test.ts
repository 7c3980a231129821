import * as assert from "assert";
import {
    CLOUDFLARE_DNS_RECORD_TYPE,
    DomainTxtRecords,
    DOMAIN_TXT_RECORDS_TYPE,
    quoteTxtContent,
} from "../../../components/dns";
import { issuedValue } from "../../../components/dns/adapters/cloudflare";
import { ConfigError } from "../../../core/config/load";
import { record, valueOf } from "../../support/engine";

const DISTRICT_ZONE = "0123456789abcdef0123456789abcdef";
const OTHER_ZONE = "fedcba9876543210fedcba9876543210";
const PARENT = { domain: "district.k12.us", value: "openai-domain-verification=dv-abc123" };
const SUB = { domain: "staff.district.k12.us", value: "openai-domain-verification=dv-def456" };

describe("DomainTxtRecords with the cloudflare adapter", () => {
    it("creates exactly one Cloudflare DnsRecord per domain, at the domain itself, as a child of the component", async () => {
        const { engine, result } = await record(
            () =>
                new DomainTxtRecords("district-dns", {
                    // The subdomain lives in its parent's zone and says so explicitly (DOM-2).
                    dns: {
                        adapter: "cloudflare",
                        settings: {
                            zoneIds: { "district.k12.us": DISTRICT_ZONE, "staff.district.k12.us": DISTRICT_ZONE },
                        },
                    },
                    records: [PARENT, SUB],
                }),
        );
        const component = engine.find(DOMAIN_TXT_RECORDS_TYPE, "district-dns");
        assert.ok(component);
        assert.deepStrictEqual(
            engine
                .customResources()
                .map((r) => ({ type: r.type, name: r.name, parentUrn: r.parentUrn, inputs: r.inputs })),
            [
                {
                    type: CLOUDFLARE_DNS_RECORD_TYPE,
                    name: "district-dns-district.k12.us-txt",
                    parentUrn: component.urn,
                    inputs: {
                        zoneId: DISTRICT_ZONE,
                        name: "district.k12.us",
                        type: "TXT",
                        content: '"openai-domain-verification=dv-abc123"',
                        ttl: 3600,
                        comment: "ChatGPT domain verification (managed by chatgpt-identity)",
                    },
                },
                {
                    type: CLOUDFLARE_DNS_RECORD_TYPE,
                    name: "district-dns-staff.district.k12.us-txt",
                    parentUrn: component.urn,
                    inputs: {
                        zoneId: DISTRICT_ZONE,
                        name: "staff.district.k12.us",
                        type: "TXT",
                        content: '"openai-domain-verification=dv-def456"',
                        ttl: 3600,
                        comment: "ChatGPT domain verification (managed by chatgpt-identity)",
                    },
                },
            ],
        );
        assert.deepStrictEqual(
            (await valueOf(result.records))?.map((r) => [r.name, r.status, r.value]),
            [
                ["district.k12.us", "published", "openai-domain-verification=dv-abc123"],
                ["staff.district.k12.us", "published", "openai-domain-verification=dv-def456"],
            ],
        );
        assert.strictEqual(
            await valueOf(result.handoff),
            [
                "ChatGPT domain verification: DNS TXT records (DOM-1: verification comes before SSO)",
                "",
                "Nothing for the DNS team to add now.",
                "",
                "Already published by this stack's DNS adapter, nothing to add:",
                "- district.k12.us TXT openai-domain-verification=dv-abc123",
                "- staff.district.k12.us TXT openai-domain-verification=dv-def456",
            ].join("\n"),
        );
    });

    it("uses each domain's own zone id and the ttl setting", async () => {
        const { engine } = await record(
            () =>
                new DomainTxtRecords("d", {
                    dns: {
                        adapter: "cloudflare",
                        settings: {
                            zoneIds: { "district.k12.us": DISTRICT_ZONE, "staff.district.k12.us": OTHER_ZONE },
                            ttl: 1,
                        },
                    },
                    records: [PARENT, SUB],
                }),
        );
        assert.deepStrictEqual(
            engine.byType(CLOUDFLARE_DNS_RECORD_TYPE).map((r) => [r.inputs.name, r.inputs.zoneId, r.inputs.ttl]),
            [
                ["district.k12.us", DISTRICT_ZONE, 1],
                ["staff.district.k12.us", OTHER_ZONE, 1],
            ],
        );
    });

    it("creates nothing for a record without a value and reports it pending", async () => {
        const { engine, result } = await record(
            () =>
                new DomainTxtRecords("d", {
                    dns: {
                        adapter: "cloudflare",
                        settings: {
                            zoneIds: { "district.k12.us": DISTRICT_ZONE, "staff.district.k12.us": DISTRICT_ZONE },
                        },
                    },
                    records: [PARENT, { domain: "staff.district.k12.us", value: undefined }],
                }),
        );
        assert.deepStrictEqual(
            engine.byType(CLOUDFLARE_DNS_RECORD_TYPE).map((r) => r.inputs.name),
            ["district.k12.us"],
        );
        assert.deepStrictEqual(
            (await valueOf(result.records))?.map((r) => [r.name, r.status]),
            [
                ["district.k12.us", "published"],
                ["staff.district.k12.us", "pending"],
            ],
        );
        assert.match(
            (await valueOf(result.handoff)) ?? "",
            /^- staff\.district\.k12\.us: the value comes from ChatGPT Workspace Settings → Identity & Access → Domains/m,
        );
    });

    it("quotes TXT content as Cloudflare asks (RFC 1035 character string), escaping quotes and backslashes", () => {
        assert.strictEqual(quoteTxtContent("openai-domain-verification=dv-abc"), '"openai-domain-verification=dv-abc"');
        assert.strictEqual(quoteTxtContent('a "b" c\\d'), '"a \\"b\\" c\\\\d"');
        assert.strictEqual(quoteTxtContent('"already quoted"'), '"already quoted"');
    });

    it("a value still missing at deployment is a ConfigError at the domain's path (DOM-1)", () => {
        assert.strictEqual(
            issuedValue(
                { domain: "district.k12.us", value: "v", path: "workspace.domains[0]" },
                "openai-domain-verification=dv-1",
            ),
            "openai-domain-verification=dv-1",
        );
        assert.throws(
            () => issuedValue({ domain: "district.k12.us", value: "", path: "workspace.domains[0]" }, ""),
            (e: unknown) => {
                assert.ok(e instanceof ConfigError);
                assert.deepStrictEqual(e.problems, [
                    {
                        path: "workspace.domains[0]",
                        rule: "DOM-1",
                        message:
                            'no TXT value for "district.k12.us" to publish in Cloudflare: the workspace has not issued one yet',
                        fix: "Add the domain in ChatGPT Workspace Settings → Identity & Access → Domains and set its verificationToken, then run again.",
                    },
                ]);
                return true;
            },
        );
    });
});
