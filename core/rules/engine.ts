import { formatPath } from "../config/paths";
import { FactKey, TenantFacts, mergeFacts } from "../facts";
import {
    dom1VerifyBeforeSso,
    dom2SubdomainsListed,
    dom3DomainHeldElsewhere,
    dom5VerifiedDomainRemoved,
    dom6EmailChange,
} from "./domainRules";
import { grp1NamingConvention } from "./groupNamingRule";
import {
    grp2GroupsPushedBySCIM,
    grp3LocalGroupDuplicates,
    grp4AnalyticsGroupSize,
    grp5RolloutPhase,
} from "./groupRules";
import { missingFactsFinding } from "./missingFacts";
import { role1BaselineOnlyGrows, role2MapPushedGroupsOnly } from "./roleRules";
import { sso12EmailClaimSource, sso6NoAssertionEncryption, sso7NameClaims } from "./samlAssertionRules";
import {
    scim2ScimWithoutSso,
    scim3NoAacWithScim,
    scim4ExistingUsersSkipped,
    scim5AacExplainsUnexpectedMembers,
    scim7ScimPerWorkspace,
} from "./scimRules";
import {
    sso10OneSsoAppPerTenant,
    sso11ApiPlatformSsoPerDomain,
    sso4ApiPlatformSso,
    sso5OneIdpPerDomain,
} from "./ssoConnectionRules";
import {
    sso1OneStage,
    sso2TestBeforeEnforcing,
    sso3WhoSsoAffects,
    sso8SocialLoginAtEnforcement,
    sso9ProvisioningStillNeeded,
} from "./ssoStageRules";
import { TenantConfig, WorkspaceSpec } from "./tenantConfig";
import { Finding, FindingId, Rule, RuleId, TenantContext, WorkspaceContext } from "./types";
import { ws2ClaimedDomainTraining, ws3PersonalAccountMigration } from "./workspaceRules";

/** Every judged rule, in the order of the domain rules; findings come out in this order. */
export const RULES: readonly Rule[] = [
    dom1VerifyBeforeSso,
    dom2SubdomainsListed,
    dom3DomainHeldElsewhere,
    dom5VerifiedDomainRemoved,
    dom6EmailChange,
    sso1OneStage,
    sso2TestBeforeEnforcing,
    sso3WhoSsoAffects,
    sso4ApiPlatformSso,
    sso5OneIdpPerDomain,
    sso6NoAssertionEncryption,
    sso7NameClaims,
    sso8SocialLoginAtEnforcement,
    sso9ProvisioningStillNeeded,
    sso10OneSsoAppPerTenant,
    sso11ApiPlatformSsoPerDomain,
    sso12EmailClaimSource,
    scim2ScimWithoutSso,
    scim3NoAacWithScim,
    scim4ExistingUsersSkipped,
    scim5AacExplainsUnexpectedMembers,
    scim7ScimPerWorkspace,
    grp1NamingConvention,
    grp2GroupsPushedBySCIM,
    grp3LocalGroupDuplicates,
    grp4AnalyticsGroupSize,
    grp5RolloutPhase,
    role1BaselineOnlyGrows,
    role2MapPushedGroupsOnly,
    ws2ClaimedDomainTraining,
    ws3PersonalAccountMigration,
];

/** Ids of the rules whose infos are standing explanations (one line each in the text output). */
export const STANDING_INFO_IDS: ReadonlySet<FindingId> = new Set(RULES.filter((r) => r.standingInfo).map((r) => r.id));

/**
 * Runs every rule on a validated config: tenant checks once, workspace checks once per workspace (in
 * `workspaces` order, findings carrying the workspace's key and paths under its `path`). Pure.
 *
 * Facts: the config's `facts:` section merged with `facts` (which wins; pass `mergeFacts(live, api)`
 * to combine the live reader and explicit API facts). A rule given a fact judges with it and never
 * says it could not; the facts that were needed but absent are listed once, in the last finding
 * (id `FACTS`). Infos that say the same thing for several workspaces are one finding.
 */
export function evaluateRules(config: TenantConfig, facts?: TenantFacts): Finding[] {
    return evaluate(config, facts);
}

/**
 * A config whose sections did not all parse: every section that parsed (defaults filled in) is
 * present; a section with problems is absent (see `partialTenantConfig`).
 */
export type PartialTenantConfig = Partial<Omit<TenantConfig, "form" | "path" | "workspaces">> & {
    form: TenantConfig["form"];
    path: TenantConfig["path"];
    workspaces?: (Partial<WorkspaceSpec> & Pick<WorkspaceSpec, "key" | "path">)[];
};

/**
 * The rollout checks that can still run on a config the gate refused, to show with its problems. A
 * check runs only when every section it reads parsed; a check that reads a missing section is skipped
 * whole (for that workspace), so nothing is judged on a guess.
 */
export function evaluatePartialConfig(partial: PartialTenantConfig, facts?: TenantFacts): Finding[] {
    const guarded = guard(partial, TENANT_SECTIONS) as TenantConfig;
    const workspaces = partial.workspaces?.map((w) => guard(w, WORKSPACE_SECTIONS) as WorkspaceSpec);
    return evaluate(
        workspaces === undefined
            ? guarded
            : new Proxy(guarded, {
                  get: (target, prop, receiver) =>
                      prop === "workspaces" ? workspaces : Reflect.get(target, prop, receiver),
              }),
        facts,
        partial.facts,
    );
}

/** True when any finding blocks the deployment. */
export function hasErrors(findings: readonly Finding[]): boolean {
    return findings.some((f) => f.severity === "error");
}

const TENANT_SECTIONS: readonly string[] = ["name", "idp", "domains", "dns", "sso", "apiPlatform", "workspaces"];
const WORKSPACE_SECTIONS: readonly string[] = [
    "name",
    "phase",
    "scim",
    "groups",
    "settings",
    "invites",
    "customRoles",
    "manageWorkspace",
];

/** Thrown by a guarded config when a check reads a section that did not parse. */
class SectionUnavailable extends Error {}

function guard<T extends object>(target: T, sections: readonly string[]): T {
    return new Proxy(target, {
        get(obj, prop, receiver) {
            if (
                typeof prop === "string" &&
                sections.includes(prop) &&
                (obj as Record<string, unknown>)[prop] === undefined
            ) {
                throw new SectionUnavailable(prop);
            }
            return Reflect.get(obj, prop, receiver);
        },
    });
}

function evaluate(
    config: TenantConfig,
    given: TenantFacts | undefined,
    configFacts: TenantFacts | undefined = config.facts,
): Finding[] {
    const facts = mergeFacts(configFacts, given);
    const missing: { rule: RuleId; key: FactKey }[] = [];
    const root = config.path;
    const run = (rule: Rule, check: (ctx: TenantContext) => Finding[], workspace?: WorkspaceSpec): Finding[] => {
        const asked: FactKey[] = [];
        const base: TenantContext = {
            config,
            fact: (key) => {
                if (facts[key] === undefined) asked.push(key);
                return facts[key];
            },
            peekFact: (key) => facts[key],
            path: (...parts) => formatPath(parts, root),
        };
        const ctx: TenantContext =
            workspace === undefined
                ? base
                : ({ ...base, workspace, wsPath: (...parts) => formatPath(parts, workspace.path) } as WorkspaceContext);
        let findings: Finding[];
        try {
            findings = check(ctx);
        } catch (e) {
            if (e instanceof SectionUnavailable) return [];
            throw e;
        }
        for (const key of asked) missing.push({ rule: rule.id, key });
        return workspace === undefined
            ? findings
            : findings.map((f) => ({ ...f, workspace: f.workspace ?? workspace.key }));
    };
    const findings: Finding[] = [];
    for (const rule of RULES) {
        const { tenant, workspace } = rule;
        if (tenant) findings.push(...run(rule, tenant));
        if (workspace) {
            let specs: readonly WorkspaceSpec[] = [];
            try {
                specs = config.workspaces;
            } catch (e) {
                if (!(e instanceof SectionUnavailable)) throw e;
            }
            for (const spec of specs) findings.push(...run(rule, (ctx) => workspace(ctx as WorkspaceContext), spec));
        }
    }
    const collapsed = collapseRepeatedInfos(findings);
    const factsLine = missingFactsFinding(missing, formatPath(["facts"], root));
    return factsLine === undefined ? collapsed : [...collapsed, factsLine];
}

/**
 * Infos that say the same thing (same rule, message, why and fix) for several workspaces become one, listing
 * every path.
 */
function collapseRepeatedInfos(findings: readonly Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
        const twin =
            f.severity === "info"
                ? out.find(
                      (o) =>
                          o.severity === "info" &&
                          o.id === f.id &&
                          o.message === f.message &&
                          o.why === f.why &&
                          o.fix === f.fix,
                  )
                : undefined;
        if (twin === undefined) {
            out.push(f);
            continue;
        }
        const merged: Finding = { ...twin, path: `${twin.path}, ${f.path}` };
        if (merged.workspace !== f.workspace) delete merged.workspace;
        out[out.indexOf(twin)] = merged;
    }
    return out;
}
