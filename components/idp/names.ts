import { TenantConfig, WorkspaceSpec } from "../../core/config/model";
import { DEFAULT_WORKSPACE_KEY } from "../../core/config/normalize";

/**
 * The names both IdP sides give their apps and children, from one place so Entra and Okta agree.
 *
 * Logical names: the workspace form (`chatgpt-identity:workspace`) keeps the names of the release
 * before tenants exactly (`${name}-scim`, `${name}-groups`), so an existing stack replaces nothing.
 * The tenant form adds the workspace key (`${name}-scim-${key}`, `${name}-groups-${key}`). The SSO
 * app is the tenant's one (SSO-10): `${name}-sso` in both forms.
 */

/** Display name of the tenant's one SSO app, e.g. `ChatGPT SSO (Lincoln USD)`. */
export function ssoAppDisplayName(tenant: Pick<TenantConfig, "name">): string {
    return `ChatGPT SSO (${tenant.name})`;
}

/**
 * Display name of a workspace's SCIM app: `ChatGPT SCIM provisioning (Lincoln USD)` in the workspace
 * form (as before), `ChatGPT SCIM provisioning (Lincoln USD: Staff)` in the tenant form.
 */
export function scimAppDisplayName(
    tenant: Pick<TenantConfig, "name" | "form">,
    workspace: Pick<WorkspaceSpec, "name">,
): string {
    return tenant.form === "workspace"
        ? `ChatGPT SCIM provisioning (${tenant.name})`
        : `ChatGPT SCIM provisioning (${tenant.name}: ${workspace.name})`;
}

/** Logical name of the SSO app component of IdP side `name`. */
export function ssoChildName(name: string): string {
    return `${name}-sso`;
}

/** Logical name of a workspace's SCIM app component: `${name}-scim` (workspace form) or `${name}-scim-${key}`. */
export function scimChildName(
    name: string,
    tenant: Pick<TenantConfig, "form">,
    workspace: Pick<WorkspaceSpec, "key">,
): string {
    return perWorkspaceName(`${name}-scim`, tenant, workspace);
}

/**
 * Logical name of a workspace's access-groups component: `${name}-groups` (workspace form) or `${name}-groups-${key}`.
 */
export function groupsChildName(
    name: string,
    tenant: Pick<TenantConfig, "form">,
    workspace: Pick<WorkspaceSpec, "key">,
): string {
    return perWorkspaceName(`${name}-groups`, tenant, workspace);
}

function perWorkspaceName(
    base: string,
    tenant: Pick<TenantConfig, "form">,
    workspace: Pick<WorkspaceSpec, "key">,
): string {
    return tenant.form === "workspace" ? base : `${base}-${workspace.key}`;
}

/**
 * Aliases of a per-workspace component in the tenant form: the workspace keyed `default` answers to
 * its workspace-form name too, so moving a stack from `chatgpt-identity:workspace` to
 * `chatgpt-identity:tenant` (keeping the workspace as `default`) replaces nothing. Children follow
 * their parent's alias (their names start with the parent's).
 */
export function perWorkspaceAliases(
    base: string,
    tenant: Pick<TenantConfig, "form">,
    workspace: Pick<WorkspaceSpec, "key">,
): { name: string }[] {
    return tenant.form === "tenant" && workspace.key === DEFAULT_WORKSPACE_KEY ? [{ name: base }] : [];
}
