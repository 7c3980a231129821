import { ClaimSources, SsoConfig, TenantConfig, WorkspaceSpec } from "./model";
import { GroupConfig } from "./sections/groups";
import { formatPath, PathSegment } from "./paths";

/**
 * A parsed config before the cross-field checks: the shape is right, but values the checks refuse
 * with a rule's explanation (an emptied claim, assertion encryption, a malformed group name) are still
 * in it. `finalize` turns a draft that passed every check into a TenantConfig.
 */
export interface SsoDraft extends Omit<SsoConfig, "claims" | "assertionEncryption"> {
    claims: { [K in keyof ClaimSources]?: string | null };
    assertionEncryption: boolean;
}

export interface WorkspaceDraft extends Omit<WorkspaceSpec, "groups"> {
    groups: GroupConfig[];
}

export interface TenantDraft extends Omit<TenantConfig, "sso" | "workspaces"> {
    sso: SsoDraft;
    workspaces: WorkspaceDraft[];
}

/** `tenant.sso.stage` from the root `tenant` and `["sso", "stage"]`; also for a workspace's `path`. */
export function at(root: string, ...segments: PathSegment[]): string {
    return formatPath(segments, root);
}
