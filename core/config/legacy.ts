/**
 * Today's single-workspace API, kept so that code not yet moved to TenantConfig keeps working. Every
 * function here goes through the one gate (parseTenantConfig); nothing validates twice.
 * @deprecated Use loadStackConfig / loadTenantConfig and TenantConfig + WorkspaceSpec.
 */
import { z } from "zod";
import { WorkspaceFormInput } from "./forms";
import { parseTenantConfig } from "./load";
import { SsoConfig, TenantConfig, WorkspaceSpec } from "./model";
import { formatPath as formatPathFrom } from "./paths";
import { ConfigError, ConfigProblem } from "./problems";

/** The old name of the workspace form's key. */
export const CONFIG_KEY = "workspace";

/**
 * One workspace seen with its tenant, in today's shape: the workspace form's fields, defaults filled.
 * `roles`/`roleAssignments` are always empty (refused by the gate: they moved to apiPlatform / customRoles).
 * @deprecated Use TenantConfig and WorkspaceSpec.
 */
export interface WorkspaceConfig {
    name: string;
    idp: TenantConfig["idp"];
    phase: WorkspaceSpec["phase"];
    domains: TenantConfig["domains"];
    dns: { adapter: string; settings: Record<string, unknown> };
    sso: SsoConfig & { apiPlatformSsoEnabled?: boolean };
    scim: WorkspaceSpec["scim"];
    groups: WorkspaceSpec["groups"];
    settings: WorkspaceSpec["settings"];
    /** @deprecated Always empty. */
    roles: { name: string; description: string; permissions: string[] }[];
    /** @deprecated Always empty. */
    roleAssignments: { group: string; roles: string[] }[];
    manageWorkspace: boolean;
    /** The whole tenant and this workspace, for code moving to the new model. */
    tenant: TenantConfig;
    workspace: WorkspaceSpec;
}

/**
 * @deprecated The workspace form as written; use WorkspaceFormInput. Looser than the schema (any adapter
 * name, the moved `roles`/`roleAssignments`) so that old tests of refused input still compile.
 */
export type WorkspaceConfigInput = Omit<WorkspaceFormInput, "dns"> & {
    dns?: { adapter?: string; settings?: Record<string, unknown> };
    roles?: unknown[];
    roleAssignments?: unknown[];
};

/** The single workspace+tenant view of one workspace of a validated tenant. */
export function workspaceView(tenant: TenantConfig, workspace: WorkspaceSpec = tenant.workspaces[0]): WorkspaceConfig {
    return {
        name: tenant.name,
        idp: tenant.idp,
        phase: workspace.phase,
        domains: tenant.domains,
        dns:
            tenant.dns.adapter === "cloudflare"
                ? { adapter: "cloudflare", settings: { ...tenant.dns.settings } }
                : { adapter: "manual", settings: {} },
        sso: {
            ...tenant.sso,
            ...(tenant.apiPlatform.ssoEnabled !== undefined
                ? { apiPlatformSsoEnabled: tenant.apiPlatform.ssoEnabled }
                : {}),
        },
        scim: workspace.scim,
        groups: workspace.groups,
        settings: workspace.settings,
        roles: [],
        roleAssignments: [],
        manageWorkspace: workspace.manageWorkspace,
        tenant,
        workspace,
    };
}

export type ConfigResult = { ok: true; config: WorkspaceConfig } | { ok: false; problems: ConfigProblem[] };

/** @deprecated `workspace.sso.stage` from `["sso", "stage"]`; use paths.formatPath with a root, or a spec's path. */
export function formatPath(path: readonly PropertyKey[], root = CONFIG_KEY): string {
    return formatPathFrom(path, root);
}

/** @deprecated The workspace form through the one gate, as today's view. Use parseTenantConfig. */
export function parseWorkspaceConfig(raw: unknown): ConfigResult {
    const result = parseTenantConfig(raw, "workspace");
    return result.ok ? { ok: true, config: workspaceView(result.config) } : result;
}

/** @deprecated Use loadTenantConfig(raw, "workspace"). */
export function loadWorkspaceConfig(raw: unknown): WorkspaceConfig {
    const result = parseWorkspaceConfig(raw);
    if (!result.ok) throw new ConfigError(result.problems);
    return result.config;
}

/** @deprecated A zod schema of the workspace form producing today's view, through the one gate. */
export const workspaceConfigSchema = z.unknown().transform((raw, ctx): WorkspaceConfig => {
    const result = parseWorkspaceConfig(raw);
    if (result.ok) return result.config;
    for (const p of result.problems) ctx.addIssue({ code: "custom", message: `${p.path}: ${p.message}` });
    return z.NEVER;
});
