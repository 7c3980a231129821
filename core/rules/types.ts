import { formatPath } from "../config/load";
import { IdpKind, WorkspaceConfig } from "../config/schema";

/** `error` blocks the deployment; `warning` needs a decision; `info` explains an effect. */
export type Severity = "error" | "warning" | "info";

/** Rule ids of ../shared/domain-rules.md. */
export type RuleId =
    | "DOM-1" | "DOM-2" | "DOM-3" | "DOM-4" | "DOM-5"
    | "SSO-1" | "SSO-2" | "SSO-3" | "SSO-4" | "SSO-5" | "SSO-6" | "SSO-7" | "SSO-8" | "SSO-9"
    | "SCIM-1" | "SCIM-2" | "SCIM-3" | "SCIM-4" | "SCIM-5" | "SCIM-6"
    | "GRP-1" | "GRP-2" | "GRP-3" | "GRP-4" | "GRP-5"
    | "ROLE-1" | "ROLE-2"
    | "WS-1" | "WS-2" | "WS-3";

/** One result of one rule, written for the IT administrator who runs the plan. */
export interface Finding {
    /** The rule id, e.g. `SSO-2`. */
    id: RuleId;
    severity: Severity;
    /** The config path it concerns, in the config loader's format, e.g. `workspace.sso.stage`. */
    path: string;
    /** What is wrong (or, for an info, what will happen). */
    message: string;
    /** Why it matters to users. */
    why: string;
    /** How to fix it (or, for an info, what to do about it). */
    fix: string;
}

/**
 * Facts read back from the workspace or the IdP that the config itself cannot carry. Every field is
 * optional: a rule that needs a missing fact reports an info saying what it could not judge.
 */
export interface WorkspaceFacts {
    /** DOM-5: domains verified in the workspace today (lower case). */
    verifiedDomains?: string[];
    /** DOM-3: domains another OpenAI organization/tenant has already verified. */
    domainsClaimedElsewhere?: string[];
    /** SSO-4: whether SSO is enabled for the tenant's API Platform organizations, as read back. Used when `sso.apiPlatformSsoEnabled` is not set. */
    apiPlatformSsoEnabled?: boolean;
    /** SSO-5: the email domains each other IdP configuration (another stack, another connection) claims. */
    otherIdpConfigurations?: { name: string; domains: string[] }[];
    /** SCIM-4: members that exist through automatic account creation or a manual invite. */
    unmanagedUsers?: { email: string; source: "aac" | "invite" }[];
    /** GRP-3: names of local (workspace-only, not SCIM-managed) groups. */
    localGroups?: string[];
    /** GRP-4: actual member counts by convention group name. */
    groupMemberCounts?: Record<string, number>;
}

/** One check of one rule. Pure: reads the config and the facts, returns findings in config order. */
export interface Rule {
    id: RuleId;
    /** One line saying what the rule checks. */
    summary: string;
    check(config: WorkspaceConfig, facts: WorkspaceFacts): Finding[];
}

/** A rule that cannot be judged from the configuration, with the reason (listed in README.md). */
export interface UnjudgeableRule {
    id: RuleId;
    reason: string;
}

/** `workspace.sso.stage` from `["sso", "stage"]`. */
export function configPath(...path: (string | number)[]): string {
    return formatPath(path);
}

export function finding(id: RuleId, severity: Severity, path: string, text: { message: string; why: string; fix: string }): Finding {
    return { id, severity, path, ...text };
}

export const IDP_DISPLAY_NAMES: Record<IdpKind, string> = { entra: "Microsoft Entra ID", okta: "Okta" };

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

export function emailDomain(address: string): string {
    return address.split("@")[1]?.toLowerCase() ?? "";
}
