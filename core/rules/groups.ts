import { GroupSpec, TenantConfig, WorkspaceSpec } from "./tenantConfig";

/** The convention name of a declared group (the gate has built it from the validated parts). */
export function groupName(group: GroupSpec): string {
    return group.name;
}

/** The convention names of one workspace's groups, in config order. */
export function declaredGroupNames(workspace: Pick<WorkspaceSpec, "groups">): string[] {
    return workspace.groups.map(groupName);
}

/** Every declared group of the tenant, with its workspace and index. */
export function tenantGroups(
    config: Pick<TenantConfig, "workspaces">,
): { workspace: WorkspaceSpec; group: GroupSpec; index: number; name: string }[] {
    return config.workspaces.flatMap((workspace) =>
        workspace.groups.map((group, index) => ({ workspace, group, index, name: groupName(group) })),
    );
}
