import { Finding } from "../core/rules/types";
import { VerifyConfig } from "./config";
import { domainRecordFindings } from "./checks/domainChecks";
import { groupFindings, groupStates } from "./checks/groupChecks";
import { memberFindings } from "./checks/memberChecks";
import { checklistFinding, phaseChecklist } from "./checks/phaseChecklist";
import { ReadWorkspace, testUserFindings } from "./checks/testUserChecks";
import { LiveReadOptions, LiveState, readLiveState } from "./liveState";
import { CheckResult, VerifyReport, WorkspaceVerification } from "./types";

export interface VerifyOptions extends LiveReadOptions {
    /** Name the members behind SCIM-4, SCIM-5 and DOM-2 counts. Default false (counts only). */
    details?: boolean;
}

/**
 * Holds the live state against the config: DNS TXT records, then per workspace its groups, members and the phase's
 * validation list, then the test users. Pure: the same state gives the same report.
 */
export function judgeLiveState(
    config: VerifyConfig,
    live: LiveState,
    options: { details?: boolean; dnsServer?: string } = {},
): VerifyReport {
    const server = options.dnsServer ?? "the system resolver";
    const dns = domainRecordFindings(config, live.domains, server);
    const checks: CheckResult[] = [...dns.checks];
    const findings: Finding[] = [...dns.findings];
    const workspaces: WorkspaceVerification[] = [];
    const read: ReadWorkspace[] = [];
    for (const w of live.workspaces) {
        const base = {
            key: w.spec.key,
            name: w.spec.name,
            path: w.spec.path,
            workspaceId: w.spec.workspaceId,
            phase: w.spec.phase,
        };
        if (w.unreadable) {
            workspaces.push({ ...base, unreadable: w.unreadable, checklist: [] });
            continue;
        }
        const { spec, snapshot } = w;
        read.push({ spec, snapshot });
        const states = groupStates(spec, snapshot);
        const groups = groupFindings(config, spec, states);
        const members = memberFindings(config, spec, snapshot, options.details ?? false);
        const checklist = phaseChecklist(config, spec, snapshot, states);
        checks.push(...groups.checks, ...members.checks);
        findings.push(...groups.findings, ...members.findings, ...checklistFinding(spec, checklist));
        const notScim = snapshot.users.filter((u) => u.is_scim_managed === false).length;
        workspaces.push({
            ...base,
            counts: {
                members: snapshot.users.length,
                scimManaged: snapshot.users.length - notScim,
                notScimManaged: notScim,
                pendingInvites: snapshot.invites.length,
                groups: snapshot.groups.length,
            },
            checklist,
        });
    }
    const unread = config.workspaces.filter((w) => !read.some((r) => r.spec.key === w.key)).map((w) => w.key);
    const testUsers = testUserFindings(config, read, unread);
    checks.push(...testUsers.checks);
    findings.push(...testUsers.findings);
    return {
        tenant: config.name,
        dnsServer: options.dnsServer,
        domains: live.domains,
        workspaces,
        checks,
        findings,
        unreadable: workspaces.flatMap((w) => (w.unreadable ? [w.unreadable] : [])),
    };
}

/** `chatgpt-identity verify` as a library call: reads DNS and the workspaces (GET only), then judges them. */
export async function verifyTenant(config: VerifyConfig, options: VerifyOptions): Promise<VerifyReport> {
    const live = await readLiveState(config, options);
    return judgeLiveState(config, live, { details: options.details, dnsServer: options.dnsServer });
}
