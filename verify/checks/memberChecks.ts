import { Finding } from "../../core/rules/types";
import { WorkspaceUser } from "../../clients/chatgptAdmin";
import { IDP_NAMES, VerifyConfig, VerifyWorkspaceSpec } from "../config";
import { CheckResult, MemberSource, WorkspaceSnapshot } from "../types";

export function emailDomain(address: string): string {
    return address.split("@")[1]?.toLowerCase() ?? "";
}

/**
 * Where a member who is not SCIM-managed most likely came from (SCIM-4); the admin API does not say. Automatic
 * account creation only adds addresses on verified domains, so anyone else was invited; on a listed domain it is an
 * invite when the config has AAC off, else either.
 */
export function memberSource(
    user: WorkspaceUser,
    listedDomains: ReadonlySet<string>,
    aacInConfig: boolean,
): MemberSource {
    if (!listedDomains.has(emailDomain(user.email))) return "invite";
    return aacInConfig ? "unknown" : "invite";
}

const SOURCE_TEXT: Record<MemberSource, string> = {
    invite: "invited by hand",
    aac: "by automatic account creation",
    unknown: "invited or by automatic account creation",
};

const s = (n: number) => (n === 1 ? "" : "s");

/** Unmanaged members of a workspace with their likely source, in the API's order. */
export function unmanagedMembers(config: VerifyConfig, ws: VerifyWorkspaceSpec, snapshot: WorkspaceSnapshot) {
    const listed = new Set(config.domains.map((d) => d.name));
    return snapshot.users
        .filter((u) => u.is_scim_managed === false)
        .map((u) => ({ email: u.email, source: memberSource(u, listed, ws.settings.automaticAccountCreation) }));
}

/**
 * SCIM-4 (members SCIM does not manage while SCIM is on, counted by source), DOM-2 (members on domains the config
 * does not list) and SCIM-5 (members on listed domains that neither SCIM nor the test-user list explains).
 * `details` names the addresses; otherwise only counts are shown.
 */
export function memberFindings(
    config: VerifyConfig,
    ws: VerifyWorkspaceSpec,
    snapshot: WorkspaceSnapshot,
    details: boolean,
): {
    checks: CheckResult[];
    findings: Finding[];
} {
    const checks: CheckResult[] = [];
    const findings: Finding[] = [];
    const idp = IDP_NAMES[config.idp];
    const where = `workspace "${ws.name}"`;
    const listed = new Set(config.domains.map((d) => d.name));
    const total = snapshot.users.length;
    const check = (rule: CheckResult["rule"], status: CheckResult["status"], detail: string) =>
        checks.push({ rule, kind: "members", subject: ws.key, workspace: ws.key, status, detail });
    const names = (emails: readonly string[]) => (details ? ` ${emails.join(", ")}.` : "");
    const detailsHint = details ? "" : " Run verify with --details to list them.";

    const unmanaged = unmanagedMembers(config, ws, snapshot);
    if (!ws.scim.enabled) {
        check("SCIM-4", "skipped", `SCIM is off; ${total} member${s(total)}, none SCIM-managed expected`);
    } else if (unmanaged.length === 0) {
        check("SCIM-4", "pass", `all ${total} member${s(total)} SCIM-managed`);
    } else {
        const bySource = (["invite", "aac", "unknown"] as const)
            .map((src) => ({ src, n: unmanaged.filter((u) => u.source === src).length }))
            .filter((c) => c.n > 0)
            .map((c) => `${c.n} ${SOURCE_TEXT[c.src]}`);
        check("SCIM-4", "fail", `${unmanaged.length} of ${total} not SCIM-managed (${bySource.join(", ")})`);
        findings.push({
            id: "SCIM-4",
            severity: "warning",
            path: `${ws.path}.scim.enabled`,
            message:
                `${unmanaged.length} of ${total} member${s(total)} of ${where} ` +
                `${unmanaged.length === 1 ? "is" : "are"} not SCIM-managed: ` +
                `${bySource.join(", ")}.${names(unmanaged.map((u) => `${u.email} (${u.source})`))}`,
            why:
                "SCIM skips users who already exist through an invite or automatic account creation; they become " +
                "SCIM-managed only once matched by email and assigned to a synced group (SCIM-4), and until then " +
                "leaving the IdP does not remove them.",
            fix:
                `In ${idp}, assign each of them (same email address) to a group synced to this workspace's SCIM ` +
                `app, then run verify again.${detailsHint}`,
        });
    }

    const offDomain = snapshot.users.filter((u) => !listed.has(emailDomain(u.email)));
    if (offDomain.length === 0) {
        check("DOM-2", "pass", `every member on a listed domain (${[...listed].join(", ")})`);
    } else {
        const byDomain = new Map<string, number>();
        for (const u of offDomain) byDomain.set(emailDomain(u.email), (byDomain.get(emailDomain(u.email)) ?? 0) + 1);
        const domains = [...byDomain].map(([d, n]) => {
            const parent = [...listed].find((l) => d.endsWith(`.${l}`));
            return `${d} (${n}${parent ? `, a subdomain of ${parent}` : ""})`;
        });
        check(
            "DOM-2",
            "fail",
            `${offDomain.length} member${s(offDomain.length)} on unlisted domains: ${domains.join(", ")}`,
        );
        findings.push({
            id: "DOM-2",
            severity: "warning",
            path: `${config.form === "tenant" ? "tenant" : "workspace"}.domains`,
            message:
                `${offDomain.length} member${s(offDomain.length)} of ${where} ` +
                `${offDomain.length === 1 ? "has an address" : "have addresses"} on domains the config does not ` +
                `list: ${domains.join(", ")}.${names(offDomain.map((u) => u.email))}`,
            why:
                "Each domain and subdomain is verified on its own (DOM-2); members on an unlisted domain are " +
                "outside SSO and the domain's controls.",
            fix:
                `List each such domain (a subdomain on its own) under domains and verify it, or remove these ` +
                `members if they should not be here.${detailsHint}`,
        });
    }

    if (ws.scim.enabled) {
        const testUsers = new Set(config.sso.testUsers.map((u) => u.toLowerCase()));
        const unexpected = unmanaged.filter(
            (u) => listed.has(emailDomain(u.email)) && !testUsers.has(u.email.toLowerCase()),
        );
        if (unexpected.length === 0) {
            check("SCIM-5", "pass", "no member on a listed domain arrived outside SCIM unexpectedly");
        } else {
            const aac = ws.settings.automaticAccountCreation;
            check(
                "SCIM-5",
                "fail",
                `${unexpected.length} member${s(unexpected.length)} on listed domains arrived outside SCIM`,
            );
            findings.push({
                id: "SCIM-5",
                severity: aac ? "warning" : "info",
                path: `${ws.path}.settings.automaticAccountCreation`,
                message:
                    `${unexpected.length} member${s(unexpected.length)} of ${where} on listed domains arrived ` +
                    `outside SCIM and ` +
                    (unexpected.length === 1 ? "is not a test user" : "are not test users") +
                    (aac
                        ? "; automatic account creation is on in the config and is the likely source"
                        : "; if nobody invited them, automatic account creation is on in the console") +
                    `.${names(unexpected.map((u) => u.email))}`,
                why:
                    "Automatic account creation adds anyone who signs in with an address on a verified domain and " +
                    "never removes them (SCIM-5); with SCIM on, it competes with the IdP (SCIM-3).",
                fix:
                    `Turn automatic account creation off in the console (and keep ` +
                    `${ws.path}.settings.automaticAccountCreation false), then bring these members under SCIM ` +
                    `(SCIM-4) or remove them.${detailsHint}`,
            });
        }
    }
    return { checks, findings };
}
