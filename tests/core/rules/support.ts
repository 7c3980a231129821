import * as fs from "node:fs";
import * as path from "node:path";
import { buildGroupName } from "../../../core/naming/groupName";
import { Finding, FindingId, Severity, TenantFacts, evaluateRules } from "../../../core/rules";
import { WorkspaceFormInput } from "../../../core/config/forms";
import { loadTenantConfig } from "../../../core/config/load";
import { TenantConfig, WorkspaceSpec } from "../../../core/rules/tenantConfig";
import { REPO_ROOT } from "../../support/paths";

type GroupInput = Omit<WorkspaceSpec["groups"][number], "name">;
type WorkspaceInput = Partial<Omit<WorkspaceSpec, "groups" | "scim" | "settings" | "path">> & {
    groups?: GroupInput[];
    scim?: Partial<WorkspaceSpec["scim"]>;
    settings?: Partial<WorkspaceSpec["settings"]>;
};
type TenantInput = Partial<Omit<TenantConfig, "sso" | "apiPlatform" | "workspaces" | "form" | "path">> & {
    sso?: Partial<TenantConfig["sso"]>;
    apiPlatform?: Partial<TenantConfig["apiPlatform"]>;
};

export const DOMAINS = [
    { name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-0001" },
    { name: "staff.lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-staff-0002" },
];

/** The values of the ChatGPT SSO wizard, and two test users. */
export const SSO_WIZARD = {
    entityId: "https://auth.openai.com/saml/entity/lincoln",
    acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
    testUsers: ["it.admin@lincoln.k12.us", "office.manager@staff.lincoln.k12.us"],
};

export const SCIM_ON = { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" };

function workspaceSpec(input: WorkspaceInput, key: string, wsPath: string, tenantName: string): WorkspaceSpec {
    return {
        key,
        name: input.name ?? tenantName,
        path: wsPath,
        workspaceId: input.workspaceId,
        phase: input.phase ?? "pilot",
        scim: {
            enabled: false,
            oktaProvisioningEnabled: false,
            tokenKey: key === "default" ? "scimToken" : `scimToken-${key}`,
            ...input.scim,
        },
        groups: (input.groups ?? []).map((g) => ({ ...g, name: buildGroupName(g) })),
        settings: {
            automaticAccountCreation: false,
            allowAutomaticAccountCreationWithScim: false,
            externalInvites: true,
            ...input.settings,
        },
        usageLimit: input.usageLimit,
        invites: input.invites ?? { testUsers: false },
        customRoles: input.customRoles ?? [],
        manageWorkspace: input.manageWorkspace ?? false,
        adminKeyConfigKey: key === "default" ? "adminKey" : `adminKey-${key}`,
    };
}

function tenantConfig(
    input: TenantInput,
    form: TenantConfig["form"],
    workspaces: (name: string) => WorkspaceSpec[],
): TenantConfig {
    const name = input.name ?? "Lincoln Unified School District";
    return {
        form,
        path: form,
        name,
        idp: input.idp ?? "entra",
        domains: input.domains ?? DOMAINS,
        dns: input.dns ?? { adapter: "manual" },
        sso: {
            stage: "off",
            testUsers: [],
            testedUsers: [],
            acknowledgeUntestedEnforcement: false,
            certificateRotation: "1",
            claims: {},
            assertionEncryption: false,
            ...input.sso,
        },
        apiPlatform: { manage: false, roles: [], roleMappings: [], ...input.apiPlatform },
        facts: input.facts ?? {},
        workspaces: workspaces(name),
    };
}

/** A validated workspace-form config (one workspace, key `default`, paths under `workspace`). */
export function workspaceForm(tenant: TenantInput = {}, workspace: WorkspaceInput = {}): TenantConfig {
    return tenantConfig(tenant, "workspace", (name) => [workspaceSpec(workspace, "default", "workspace", name)]);
}

/** A validated tenant-form config with the given workspaces (paths `tenant.workspaces[i]`). */
export function tenantForm(tenant: TenantInput, workspaces: (WorkspaceInput & { key: string })[]): TenantConfig {
    return tenantConfig(tenant, "tenant", (name) =>
        workspaces.map((w, i) => workspaceSpec(w, w.key, `tenant.workspaces[${i}]`, name)),
    );
}

/** Facts that let every fact-dependent rule judge, with nothing wrong. */
export const CLEAN_FACTS: TenantFacts = {
    verifiedDomains: ["lincoln.k12.us", "staff.lincoln.k12.us"],
    domainsHeldElsewhere: [],
    otherIdpConfigurations: [],
    apiPlatformSsoEnabled: true,
    unmanagedUsers: [],
    localGroups: [],
    groupMemberCounts: {},
};

/** The findings with one id (a rule id or FACTS). */
export function findingsOf(id: FindingId, config: TenantConfig, facts?: TenantFacts, severity?: Severity): Finding[] {
    return evaluateRules(config, facts).filter(
        (f) => f.id === id && (severity === undefined || f.severity === severity),
    );
}

/** `id severity path` lines (with `@workspace` when set), for compact exact assertions. */
export function summary(findings: readonly Finding[]): string[] {
    return findings.map((f) => `${f.id} ${f.severity} ${f.path}${f.workspace ? ` @${f.workspace}` : ""}`);
}

/**
 * ../shared/domain-rules.md beside the checkout (a worktree may sit one level deeper than the main checkout).
 */
export function domainRulesFile(): string {
    for (let dir = path.dirname(REPO_ROOT); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "shared", "domain-rules.md");
        if (fs.existsSync(candidate)) return candidate;
    }
    throw new Error(`shared/domain-rules.md not found beside ${REPO_ROOT} or above it`);
}

/** Every rule id in the rules table of domain-rules.md, in file order. */
export function domainRuleIds(): string[] {
    const text = fs.readFileSync(domainRulesFile(), "utf8");
    return [...text.matchAll(/^\|\s*([A-Z]+-\d+)\s*\|/gm)].map((m) => m[1]);
}

/**
 * The workspace form as a district writes it, through the config gate (defaults, group names, paths):
 * for the runbook tests, which read text that names the fields as written.
 */
export function makeConfig(patch: Partial<WorkspaceFormInput> = {}): TenantConfig {
    return loadTenantConfig(
        { name: "Lincoln Unified School District", idp: "entra", domains: DOMAINS, ...patch },
        "workspace",
    );
}

/** With makeConfig: the SSO wizard values, two test users and API Platform SSO on (the workspace form's spelling). */
export const SSO_BASE = { ...SSO_WIZARD, apiPlatformSsoEnabled: true };
