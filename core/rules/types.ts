import { FactKey, TenantFacts } from "../facts";
import { RuleId } from "../config/problems";
import { IdpKind, TenantConfig, WorkspaceSpec } from "./tenantConfig";

/** `error` blocks the deployment; `warning` needs a decision; `info` explains an effect. */
export type Severity = "error" | "warning" | "info";

/** Rule ids of ../shared/domain-rules.md (defined once, beside the config problems that carry them too). */
export type { RuleId } from "../config/problems";

/** The id of the one finding that lists the rules left unjudged for want of facts (not a domain rule). */
export const MISSING_FACTS_ID = "FACTS";
export type FindingId = RuleId | typeof MISSING_FACTS_ID;

/** One result of one rule, written for the IT administrator who runs the plan. */
export interface Finding {
    /** The rule id, e.g. `SSO-2`, or `FACTS` for the one line about facts that were not given. */
    id: FindingId;
    severity: Severity;
    /**
     * The config path it concerns, in the config loader's format: `workspace.sso.stage`,
     * `tenant.workspaces[1].scim`.
     */
    path: string;
    /** What is wrong (or, for an info, what will happen). */
    message: string;
    /** Why it matters to users. */
    why: string;
    /** How to fix it (or, for an info, what to do about it). */
    fix: string;
    /** The `WorkspaceSpec.key` of the workspace it concerns; absent for tenant-wide findings. */
    workspace?: string;
}

/** What a tenant-level check sees. */
export interface TenantContext {
    config: TenantConfig;
    /**
     * A fact, or undefined when no source gave it. Asking for an absent fact records it, and the engine
     * lists every such fact once, in the single `FACTS` line; the rule itself says nothing about it.
     */
    fact<K extends FactKey>(key: K): TenantFacts[K];
    /** A fact, or undefined, without recording it as missing (for a rule that can judge without it). */
    peekFact<K extends FactKey>(key: K): TenantFacts[K];
    /**
     * A path under the config root: `path("sso", "stage")` is `workspace.sso.stage` or `tenant.sso.stage`.
     */
    path(...parts: (string | number)[]): string;
}

/** What a workspace-level check sees: the tenant, plus the one workspace it runs for. */
export interface WorkspaceContext extends TenantContext {
    workspace: WorkspaceSpec;
    /** A path under the workspace: `wsPath("scim", "enabled")` is `tenant.workspaces[1].scim.enabled`. */
    wsPath(...parts: (string | number)[]): string;
}

/**
 * One rule of ../shared/domain-rules.md that is judged: by the engine (a tenant check, run once; a
 * workspace check, run per workspace), by the config gate (the loader refuses the config with a
 * `ConfigProblem` carrying this rule id), or both for different parts of the rule. Each part is
 * checked in exactly one place.
 */
export interface Rule {
    id: RuleId;
    /** One line saying what the engine checks (or, for a gate-only rule, what the gate refuses). */
    summary: string;
    /**
     * True when this rule's infos explain an effect that holds on every plan while its condition does
     * (whom SSO affects, what claiming a domain means): the text output shows each as one line.
     */
    standingInfo?: true;
    /** What the config gate refuses for this rule, when it refuses anything. */
    enforcedByConfig?: string;
    tenant?(ctx: TenantContext): Finding[];
    workspace?(ctx: WorkspaceContext): Finding[];
}

/**
 * A rule that cannot be judged from the configuration or the facts, with the reason (listed in README.md).
 */
export interface UnjudgeableRule {
    id: RuleId;
    reason: string;
}

export function finding(
    id: RuleId,
    severity: Severity,
    path: string,
    text: { message: string; why: string; fix: string },
): Finding {
    return { id, severity, path, ...text };
}

export const IDP_DISPLAY_NAMES: Record<IdpKind, string> = { entra: "Microsoft Entra ID", okta: "Okta" };

/** `a`, `a and b`, `a, b and c` (or `a, b or c`). */
export function listing(items: readonly string[], conjunction: "and" | "or" = "and"): string {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

export function emailDomain(address: string): string {
    return address.split("@")[1]?.toLowerCase() ?? "";
}

export function domainNames(config: Pick<TenantConfig, "domains">): string[] {
    return config.domains.map((d) => d.name);
}
