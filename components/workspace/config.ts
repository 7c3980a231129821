import { TenantConfig, WorkspaceSpec } from "../../core/config/model";

/**
 * The parts of the validated config (`TenantConfig` / `WorkspaceSpec`, core/config) that the
 * workspace side reads, as Picks of the contract types: a `TenantConfig` and its `WorkspaceSpec`s
 * are passed as they are, and tests may build just these fields.
 */
export type WorkspaceSideSpec = Pick<
    WorkspaceSpec,
    "key" | "name" | "path" | "workspaceId" | "groups" | "usageLimit" | "invites" | "manageWorkspace"
> &
    Partial<Pick<WorkspaceSpec, "adminKeyConfigKey">>;
export type WorkspaceSideGroup = WorkspaceSideSpec["groups"][number];
export type WorkspaceSideTenant = { sso: Pick<TenantConfig["sso"], "testUsers"> } & Pick<TenantConfig, "apiPlatform">;
export type ApiPlatformSpec = TenantConfig["apiPlatform"];
export type ApiPlatformRoleSpec = ApiPlatformSpec["roles"][number];
