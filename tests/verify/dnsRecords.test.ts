import * as assert from "node:assert/strict";
import * as dgram from "node:dgram";
import { AddressInfo } from "node:net";
import { checkDomainRecords, dnsServerProblem, dnsTxtResolver } from "../../verify/dnsRecords";
import { domainRecordFindings } from "../../verify/checks/domainChecks";
import { RunningDnsServer, startDnsServer } from "../support/dnsServer";
import { STAFF_TOKEN, TOKEN, tenantConfig } from "./support";

describe("verify: domain TXT records through a real DNS server on loopback", () => {
    let dns: RunningDnsServer;
    beforeEach(async () => {
        dns = await startDnsServer();
    });
    afterEach(() => dns.stop());

    const check = async (stage: "off" | "testing" = "testing") => {
        const config = tenantConfig({ sso: { stage, testUsers: [] } });
        const records = await checkDomainRecords(config.domains, "workspace", dnsTxtResolver(dns.address));
        return { records, ...domainRecordFindings(config, records, dns.address) };
    };

    it("passes when each domain has its own record with the expected value, beside other TXT records", async () => {
        dns.setTxt("lincoln.k12.us", ["v=spf1 -all", TOKEN]);
        dns.setTxt("staff.lincoln.k12.us", [STAFF_TOKEN]);
        const { records, checks, findings } = await check();
        assert.deepEqual(
            records.map((r) => [r.name, r.status, r.found]),
            [
                ["lincoln.k12.us", "present", ["v=spf1 -all", TOKEN]],
                ["staff.lincoln.k12.us", "present", [STAFF_TOKEN]],
            ],
        );
        assert.deepEqual(
            checks.map((c) => c.detail),
            [`TXT lincoln.k12.us has "${TOKEN}"`, `TXT staff.lincoln.k12.us has "${STAFF_TOKEN}"`],
        );
        assert.deepEqual(findings, []);
    });

    it("DOM-1: a missing or different value names the record looked for and what was found", async () => {
        dns.setTxt("lincoln.k12.us", ["v=spf1 -all", "openai-domain-verification=dv-old"]);
        const { findings } = await check();
        assert.deepEqual(findings[0], {
            id: "DOM-1",
            severity: "error",
            path: "workspace.domains[0]",
            message:
                `No TXT record at lincoln.k12.us has the value "${TOKEN}" (found only "v=spf1 -all", ` +
                `"openai-domain-verification=dv-old").`,
            why:
                "Without the record the domain cannot be verified, and SSO cannot be configured for an unverified " +
                "domain (DOM-1).",
            fix:
                `Publish TXT lincoln.k12.us "${TOKEN}" (pulumi up with a DNS adapter, or the plan's DNS hand-off); ` +
                `propagation can take up to 24 hours (DOM-4), then run verify again.`,
        });
        assert.equal(
            findings[1].message,
            `No TXT record at staff.lincoln.k12.us has the value "${STAFF_TOKEN}" (found no TXT record at that name).`,
        );
        assert.deepEqual(
            findings.map((f) => `${f.id} ${f.severity}`),
            ["DOM-1 error", "DOM-1 error"],
        );
    });

    it("DOM-1 is a warning while SSO is off (nothing depends on the verification yet)", async () => {
        const { findings } = await check("off");
        assert.deepEqual(
            findings.map((f) => `${f.id} ${f.severity} ${f.path}`),
            ["DOM-1 warning workspace.domains[0]", "DOM-1 warning workspace.domains[1]"],
        );
    });

    it("DOM-2: a subdomain without its own record is not covered by its parent's", async () => {
        dns.setTxt("lincoln.k12.us", [TOKEN]);
        dns.setTxt("staff.lincoln.k12.us", []);
        const { findings, checks } = await check();
        assert.deepEqual(findings, [
            {
                id: "DOM-2",
                severity: "error",
                path: "workspace.domains[1]",
                message:
                    `No TXT record at staff.lincoln.k12.us has the value "${STAFF_TOKEN}" (found no TXT record at ` +
                    `that name); the record at lincoln.k12.us does not cover this subdomain.`,
                why:
                    "Each subdomain is verified on its own (DOM-2): users on it are outside SSO until it has its " +
                    "own record.",
                fix:
                    `Publish TXT staff.lincoln.k12.us "${STAFF_TOKEN}" as well (pulumi up with a DNS adapter, or ` +
                    `the plan's DNS hand-off); propagation can take up to 24 hours (DOM-4).`,
            },
        ]);
        assert.deepEqual(
            checks.map((c) => `${c.rule} ${c.subject} ${c.status}`),
            ["DOM-1 lincoln.k12.us pass", "DOM-2 staff.lincoln.k12.us fail"],
        );
    });

    it("DOM-1 info: without a verificationToken there is nothing to compare, and what was found is shown", async () => {
        dns.setTxt("district.org", ["openai-domain-verification=dv-x"]);
        const config = tenantConfig({ domains: [{ name: "district.org" }] });
        const records = await checkDomainRecords(config.domains, "workspace", dnsTxtResolver(dns.address));
        const { findings } = domainRecordFindings(config, records, dns.address);
        assert.deepEqual(
            findings.map((f) => [f.id, f.severity, f.path, f.message]),
            [
                [
                    "DOM-1",
                    "info",
                    "workspace.domains[0].verificationToken",
                    "district.org has no verificationToken, so the TXT record at district.org cannot be checked " +
                        '(found "openai-domain-verification=dv-x").',
                ],
            ],
        );
    });

    it("DOM-4: a lookup that fails is a warning naming the server, never a pass or a missing record", async () => {
        const config = tenantConfig();
        const failing = async () => {
            throw Object.assign(new Error("queryTxt ESERVFAIL"), { code: "ESERVFAIL" });
        };
        const records = await checkDomainRecords(config.domains.slice(0, 1), "workspace", failing);
        assert.deepEqual(records, [
            {
                domain: "lincoln.k12.us",
                path: "workspace.domains[0]",
                name: "lincoln.k12.us",
                expected: TOKEN,
                found: [],
                status: "lookup-failed",
                error: "ESERVFAIL",
            },
        ]);
        const { findings } = domainRecordFindings(config, records, "192.0.2.53");
        assert.deepEqual(
            findings.map((f) => [f.id, f.severity, f.message]),
            [
                [
                    "DOM-4",
                    "warning",
                    "The TXT lookup of lincoln.k12.us failed (ESERVFAIL) through 192.0.2.53; the verification " +
                        "record could not be checked.",
                ],
            ],
        );
    });

    it("DOM-4 through the real resolver: a DNS server that does not answer gives a failed lookup with its code", async () => {
        const closed = dgram.createSocket("udp4");
        await new Promise<void>((resolve) => closed.bind(0, "127.0.0.1", () => resolve()));
        const port = (closed.address() as AddressInfo).port;
        await new Promise<void>((resolve) => closed.close(() => resolve()));
        const config = tenantConfig();
        const records = await checkDomainRecords(
            config.domains.slice(0, 1),
            "workspace",
            dnsTxtResolver(`127.0.0.1:${port}`),
        );
        assert.equal(records[0].status, "lookup-failed");
        assert.ok(["ECONNREFUSED", "ETIMEOUT"].includes(records[0].error!), records[0].error);
    });

    it("--dns-server takes an IP address with an optional port", () => {
        assert.equal(dnsServerProblem("127.0.0.1:5353"), undefined);
        assert.equal(dnsServerProblem("192.0.2.53"), undefined);
        assert.equal(dnsServerProblem("[::1]:53"), undefined);
        assert.equal(
            dnsServerProblem("ns1.example.org"),
            '"ns1.example.org" is not an IP address (with an optional :port), e.g. 192.0.2.53 or 127.0.0.1:5353',
        );
        assert.equal(dnsServerProblem("127.0.0.1:99999"), '"127.0.0.1:99999" has a port outside 1-65535');
    });
});
