import { Finding } from "../../core/rules/types";
import { VerifyConfig } from "../config";
import { DomainRecordCheck } from "../dnsRecords";
import { CheckResult } from "../types";

/** Where a workspace owner finds a domain's TXT value (the same place the DNS hand-off names). */
export const TXT_VALUE_SOURCE = "ChatGPT Workspace Settings → Identity & Access → Domains";

export function foundText(found: readonly string[]): string {
    return found.length === 0 ? "no TXT record at that name" : `only ${found.map((v) => `"${v}"`).join(", ")}`;
}

function listedParent(domain: string, domains: readonly string[]): string | undefined {
    return domains.filter((d) => d !== domain && domain.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0];
}

/**
 * DOM-1, DOM-2, DOM-4 from the TXT records as DNS answers them now. A missing record is an error once SSO is
 * past `off` (SSO needs the verified domain, DOM-1), a warning before.
 */
export function domainRecordFindings(
    config: VerifyConfig,
    records: readonly DomainRecordCheck[],
    server: string,
): {
    checks: CheckResult[];
    findings: Finding[];
} {
    const checks: CheckResult[] = [];
    const findings: Finding[] = [];
    const names = config.domains.map((d) => d.name);
    const ssoOn = config.sso.stage !== "off";
    for (const r of records) {
        const parent = listedParent(r.domain, names);
        const covered =
            r.status === "missing" &&
            parent !== undefined &&
            records.find((p) => p.domain === parent)?.status === "present";
        const rule = r.status === "lookup-failed" ? "DOM-4" : covered ? "DOM-2" : "DOM-1";
        const check = (status: CheckResult["status"], detail: string) =>
            checks.push({ rule, kind: "domain TXT record", subject: r.domain, status, detail });
        if (r.status === "present") {
            check("pass", `TXT ${r.name} has "${r.expected}"`);
        } else if (r.status === "lookup-failed") {
            check("fail", `TXT lookup of ${r.name} failed (${r.error}) through ${server}`);
            findings.push({
                id: "DOM-4",
                severity: "warning",
                path: r.path,
                message:
                    `The TXT lookup of ${r.name} failed (${r.error}) through ${server}; the verification record ` +
                    `could not be checked.`,
                why:
                    "A failed lookup says nothing about the record: the domain may or may not be ready for " +
                    "verification (DOM-4).",
                fix:
                    `Check that the DNS server answers (dig TXT ${r.name}), or ask another one with --dns-server, ` +
                    `then run verify again.`,
            });
        } else if (r.status === "no-token") {
            check("skipped", `no verificationToken in the config; TXT ${r.name}: ${foundText(r.found)}`);
            findings.push({
                id: "DOM-1",
                severity: "info",
                path: `${r.path}.verificationToken`,
                message:
                    `${r.domain} has no verificationToken, so the TXT record at ${r.name} cannot be checked (found ` +
                    `${foundText(r.found).replace(/^only /, "")}).`,
                why:
                    "A domain is verified by the exact TXT value the workspace issued for it, and SSO needs a " +
                    "verified domain (DOM-1).",
                fix:
                    `Add the domain in ${TXT_VALUE_SOURCE}, copy its TXT value into ${r.path}.verificationToken, ` +
                    `then run verify again.`,
            });
        } else {
            check("fail", `TXT ${r.name}: ${foundText(r.found)} (looked for "${r.expected}")`);
            findings.push(
                covered
                    ? {
                          id: "DOM-2",
                          severity: ssoOn ? "error" : "warning",
                          path: r.path,
                          message:
                              `No TXT record at ${r.name} has the value "${r.expected}" (found ` +
                              `${foundText(r.found)}); the record at ${parent} does not cover this subdomain.`,
                          why:
                              "Each subdomain is verified on its own (DOM-2): users on it are outside SSO until it " +
                              "has its own record.",
                          fix:
                              `Publish TXT ${r.name} "${r.expected}" as well (pulumi up with a DNS adapter, or the ` +
                              `plan's DNS hand-off); propagation can take up to 24 hours (DOM-4).`,
                      }
                    : {
                          id: "DOM-1",
                          severity: ssoOn ? "error" : "warning",
                          path: r.path,
                          message:
                              `No TXT record at ${r.name} has the value "${r.expected}" (found ` +
                              `${foundText(r.found)}).`,
                          why:
                              "Without the record the domain cannot be verified, and SSO cannot be configured for " +
                              "an unverified domain (DOM-1).",
                          fix:
                              `Publish TXT ${r.name} "${r.expected}" (pulumi up with a DNS adapter, or the plan's ` +
                              `DNS hand-off); propagation can take up to 24 hours (DOM-4), then run verify again.`,
                      },
            );
        }
    }
    return { checks, findings };
}
