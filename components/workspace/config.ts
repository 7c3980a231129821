/**
 * The parts of the validated config (`TenantConfig` / `WorkspaceSpec`, core/config, BRIEF contract)
 * that the workspace side reads. Structural subsets with the contract's field names, so a
 * `TenantConfig` and its `WorkspaceSpec`s are passed as they are.
 */

export interface WorkspaceSideGroup {
    usage?: string;
    dimension: string;
    group: string;
    /** Monthly credit limit of the group (ChatGPT `usage_limits/groups`). */
    usageLimit?: { credits: number };
}

export interface WorkspaceSideSpec {
    /** Slug used in logical names ("default" in the one-workspace form). */
    key: string;
    name: string;
    /** Config path prefix for messages, e.g. "workspace" or "tenant.workspaces[1]". */
    path: string;
    workspaceId?: string;
    groups: WorkspaceSideGroup[];
    /** Workspace default monthly limit (ROLE-1 baseline). */
    usageLimit?: { credits: number };
    invites: { testUsers: boolean };
    /** Apply usage limits and invites through the ChatGPT admin API. */
    manageWorkspace: boolean;
}

export interface ApiPlatformRoleSpec {
    name: string;
    description?: string;
    permissions: string[];
    adoptExisting: boolean;
}

export interface ApiPlatformSpec {
    /** Manage API Platform organization RBAC through the `openai` SDK. */
    manage: boolean;
    roles: ApiPlatformRoleSpec[];
    roleMappings: { group: string; roles: string[] }[];
}

export interface WorkspaceSideTenant {
    sso: { testUsers: string[] };
    apiPlatform: ApiPlatformSpec;
}
