import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DomainTxtRecords, DOMAIN_TXT_RECORDS_TYPE, TxtRecordResult } from "../../../components/dns";
import { record, valueOf } from "../../support/engine";

const MANUAL = { adapter: "manual" } as const;
const PARENT = { domain: "district.k12.us", value: "openai-domain-verification=dv-abc123" };
const SUB = { domain: "staff.district.k12.us", value: "openai-domain-verification=dv-def456" };

describe("DomainTxtRecords with the manual adapter (default)", () => {
    it("registers the component only: no custom (cloud) resource", async () => {
        const { engine } = await record(
            () => new DomainTxtRecords("district-dns", { dns: MANUAL, records: [PARENT, SUB] }),
        );
        assert.deepStrictEqual(engine.customResources(), []);
        assert.deepStrictEqual(
            engine.resources.map((r) => [r.type, r.name]),
            [[DOMAIN_TXT_RECORDS_TYPE, "district-dns"]],
        );
    });

    it("reports each domain and each subdomain as its own hand-off record at the domain itself (DOM-2)", async () => {
        const { result } = await record(
            () => new DomainTxtRecords("district-dns", { dns: MANUAL, records: [PARENT, SUB] }),
        );
        assert.deepStrictEqual(await valueOf(result.records), [
            {
                domain: "district.k12.us",
                name: "district.k12.us",
                type: "TXT",
                value: "openai-domain-verification=dv-abc123",
                status: "handoff",
            },
            {
                domain: "staff.district.k12.us",
                name: "staff.district.k12.us",
                type: "TXT",
                value: "openai-domain-verification=dv-def456",
                status: "handoff",
            },
        ] satisfies TxtRecordResult[]);
    });

    it("writes the exact hand-off text for a domain and its subdomain, with DOM-2 and DOM-4", async () => {
        const { result } = await record(
            () => new DomainTxtRecords("district-dns", { dns: MANUAL, records: [PARENT, SUB] }),
        );
        assert.strictEqual(
            await valueOf(result.handoff),
            [
                "ChatGPT domain verification: DNS TXT records (DOM-1: verification comes before SSO)",
                "",
                "Please add these 2 TXT records. Each domain and each subdomain is verified on its own (DOM-2):",
                "a record on a parent domain does not cover its subdomains, so every record below is needed.",
                "Keep any TXT records already at these names (such as SPF) and add these alongside them.",
                'Host is relative to the DNS zone ("@" is the zone\'s own name); do not type the full name into a',
                "console that appends the zone name.",
                "",
                "1. district.k12.us",
                "   Name:  district.k12.us",
                '   Host:  "@" in the district.k12.us zone',
                "   Type:  TXT",
                "   Value: openai-domain-verification=dv-abc123",
                "   TTL:   3600 seconds (1 hour), or your provider's default",
                "",
                "2. staff.district.k12.us",
                "   Name:  staff.district.k12.us",
                '   Host:  "@" in the staff.district.k12.us zone, or "staff" in the district.k12.us zone',
                "   Type:  TXT",
                "   Value: openai-domain-verification=dv-def456",
                "   TTL:   3600 seconds (1 hour), or your provider's default",
                "   Note:  the district.k12.us record does not cover this subdomain (DOM-2); both are needed",
                "",
                "Propagation can take up to 24 hours (DOM-4); verification is retried, so reply as soon as the records are saved.",
                "Check a record with: dig +short TXT district.k12.us   (Windows: nslookup -type=TXT district.k12.us)",
                'When done, reply: "Added the ChatGPT verification TXT records for district.k12.us, staff.district.k12.us."',
            ].join("\n"),
        );
    });

    it("lists a record without a value as pending, with where the value comes from", async () => {
        const { engine, result } = await record(
            () =>
                new DomainTxtRecords("district-dns", {
                    dns: MANUAL,
                    records: [{ domain: "students.district.k12.us", value: undefined }],
                }),
        );
        assert.deepStrictEqual(engine.customResources(), []);
        assert.deepStrictEqual(await valueOf(result.records), [
            {
                domain: "students.district.k12.us",
                name: "students.district.k12.us",
                type: "TXT",
                value: undefined,
                status: "pending",
            },
        ]);
        assert.strictEqual(
            await valueOf(result.handoff),
            [
                "ChatGPT domain verification: DNS TXT records (DOM-1: verification comes before SSO)",
                "",
                "Nothing for the DNS team to add now.",
                "",
                "Pending, nothing to add yet (the workspace has not issued a value; a follow-up will include it):",
                "- students.district.k12.us: the value comes from ChatGPT Workspace Settings → Identity & Access → Domains (add the domain there, then copy its TXT value).",
            ].join("\n"),
        );
    });

    it("resolves values that arrive as outputs (workspace side) and treats an empty or undefined one as pending", async () => {
        const { result } = await record(
            () =>
                new DomainTxtRecords("district-dns", {
                    dns: MANUAL,
                    records: [
                        { domain: "district.k12.us", value: pulumi.output("openai-domain-verification=dv-late") },
                        { domain: "staff.district.k12.us", value: pulumi.output<string | undefined>(undefined) },
                        { domain: "students.district.k12.us", value: "" },
                    ],
                }),
        );
        const records = await valueOf(result.records);
        assert.deepStrictEqual(
            records?.map((r) => [r.domain, r.status, r.value]),
            [
                ["district.k12.us", "handoff", "openai-domain-verification=dv-late"],
                ["staff.district.k12.us", "pending", undefined],
                ["students.district.k12.us", "pending", undefined],
            ],
        );
        const handoff = (await valueOf(result.handoff)) ?? "";
        assert.match(handoff, /^Please add this TXT record\. /m);
        assert.match(handoff, /^1\. district\.k12\.us$/m);
        assert.doesNotMatch(handoff, /^2\. /m);
        assert.match(
            handoff,
            /^- staff\.district\.k12\.us: the value comes from ChatGPT Workspace Settings → Identity & Access → Domains/m,
        );
        assert.match(handoff, /^- students\.district\.k12\.us: the value comes from/m);
    });
});
