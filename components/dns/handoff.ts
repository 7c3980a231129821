import { TxtRecordResult } from "./adapter";
import { listedParent } from "./domains";

/** TTL suggested to the DNS team for a hand-off record: one hour, short enough to fix a typo quickly. */
export const SUGGESTED_TTL_SECONDS = 3600;

/** Where a workspace owner finds the TXT value of a domain. */
export const TXT_VALUE_SOURCE = "ChatGPT Workspace Settings → Identity & Access → Domains";

/**
 * The plain-text message an administrator sends to whoever runs DNS: every record a person must add
 * (name, host, type, value, TTL), the DOM-2 and DOM-4 facts they need, how to check and what to reply;
 * then the records still waiting for a value and the records a DNS adapter already publishes.
 */
export function formatHandoff(results: readonly TxtRecordResult[]): string {
    const domains = results.map((r) => r.domain);
    const toAdd = results.filter((r) => r.status === "handoff");
    const pending = results.filter((r) => r.status === "pending");
    const published = results.filter((r) => r.status === "published");
    const lines: string[] = ["ChatGPT domain verification: DNS TXT records (DOM-1: verification comes before SSO)", ""];

    if (toAdd.length === 0) {
        lines.push("Nothing for the DNS team to add now.");
    } else {
        lines.push(
            `Please add ${toAdd.length === 1 ? "this TXT record" : `these ${toAdd.length} TXT records`}. Each domain and each subdomain is verified on its own (DOM-2):`,
            "a record on a parent domain does not cover its subdomains, so every record below is needed.",
            "Keep any TXT records already at these names (such as SPF) and add these alongside them.",
            'Host is relative to the DNS zone ("@" is the zone\'s own name); do not type the full name into a',
            "console that appends the zone name.",
        );
        toAdd.forEach((r, i) => lines.push("", ...recordLines(i + 1, r, domains)));
        lines.push(
            "",
            "Propagation can take up to 24 hours (DOM-4); verification is retried, so reply as soon as the records are saved.",
            `Check a record with: dig +short TXT ${toAdd[0].name}   (Windows: nslookup -type=TXT ${toAdd[0].name})`,
            `When done, reply: "Added the ChatGPT verification TXT records for ${toAdd.map((r) => r.domain).join(", ")}."`,
        );
    }
    if (pending.length > 0) {
        lines.push(
            "",
            "Pending, nothing to add yet (the workspace has not issued a value; a follow-up will include it):",
        );
        for (const r of pending) {
            lines.push(
                `- ${r.domain}: the value comes from ${TXT_VALUE_SOURCE} (add the domain there, then copy its TXT value).`,
            );
        }
    }
    if (published.length > 0) {
        lines.push("", "Already published by this stack's DNS adapter, nothing to add:");
        for (const r of published) lines.push(`- ${r.name} TXT ${r.value}`);
    }
    return lines.join("\n");
}

function recordLines(n: number, r: TxtRecordResult, domains: readonly string[]): string[] {
    const parent = listedParent(r.domain, domains);
    const host = parent
        ? `"@" in the ${r.domain} zone, or "${r.domain.slice(0, -(parent.length + 1))}" in the ${parent} zone`
        : `"@" in the ${r.domain} zone`;
    const lines = [
        `${n}. ${r.domain}`,
        `   Name:  ${r.name}`,
        `   Host:  ${host}`,
        `   Type:  ${r.type}`,
        `   Value: ${r.value}`,
        `   TTL:   ${SUGGESTED_TTL_SECONDS} seconds (1 hour), or your provider's default`,
    ];
    if (parent) lines.push(`   Note:  the ${parent} record does not cover this subdomain (DOM-2); both are needed`);
    return lines;
}
