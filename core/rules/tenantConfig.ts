/** The config types the rules read: the config gate's validated, normalized model (core/config). */
export type { TenantConfig, WorkspaceSpec, GroupSpec } from "../config/model";
export type { IdpKind } from "../config/forms";
