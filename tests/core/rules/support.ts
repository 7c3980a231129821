import { parseWorkspaceConfig } from "../../../core/config/load";
import { WorkspaceConfig, WorkspaceConfigInput } from "../../../core/config/schema";
import { Finding, RuleId, Severity, WorkspaceFacts, evaluateRules } from "../../../core/rules";

/** A valid base config (SSO off, SCIM off, no groups); `patch` replaces top-level sections. */
export function makeConfig(patch: Partial<WorkspaceConfigInput> = {}): WorkspaceConfig {
    const result = parseWorkspaceConfig({
        name: "Lincoln Unified School District",
        idp: "entra",
        domains: [
            { name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-0001" },
            { name: "staff.lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-staff-0002" },
        ],
        ...patch,
    });
    if (!result.ok) throw new Error(`test config invalid: ${JSON.stringify(result.problems)}`);
    return result.config;
}

export const SSO_BASE = {
    entityId: "https://auth.openai.com/saml/entity/lincoln",
    acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
    testUsers: ["it.admin@lincoln.k12.us", "office.manager@staff.lincoln.k12.us"],
    apiPlatformSsoEnabled: true,
};

export const SCIM_ON = { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" };

/** Facts that let every fact-dependent rule judge, with nothing wrong. */
export const CLEAN_FACTS: WorkspaceFacts = {
    verifiedDomains: ["lincoln.k12.us", "staff.lincoln.k12.us"],
    domainsClaimedElsewhere: [],
    otherIdpConfigurations: [],
    unmanagedUsers: [],
    localGroups: [],
    groupMemberCounts: {},
};

/** The findings of one rule. */
export function findingsOf(id: RuleId, config: WorkspaceConfig, facts?: WorkspaceFacts, severity?: Severity): Finding[] {
    return evaluateRules(config, facts).filter((f) => f.id === id && (severity === undefined || f.severity === severity));
}

/** `id severity path` lines, for compact exact assertions. */
export function summary(findings: Finding[]): string[] {
    return findings.map((f) => `${f.id} ${f.severity} ${f.path}`);
}
