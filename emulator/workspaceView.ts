import { InviteRecord, WorkspaceGroupRecord, WorkspaceState, WorkspaceUserRecord } from "./model";

/*
 * The JSON shapes of the ChatGPT admin API objects. Sources (see emulator/README.md): user and list shapes
 * from chatgpt-admin-api.md [seen]; group, group-user and delete shapes from public clients of reference
 * v2.5.x [seen]; invite shape [gap] modelled on the API Platform invite.
 */

export function userJson(user: WorkspaceUserRecord) {
    return {
        object: "workspace.user" as const,
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        seat_type: user.seatType,
        is_scim_managed: user.scimManaged,
        status: user.status,
        created_at: user.createdAt,
    };
}

/** A row of `GET /groups/{id}/users` (public clients see `compliance.workspace.user` here). */
export function groupUserJson(user: WorkspaceUserRecord) {
    return { ...userJson(user), object: "compliance.workspace.user" as const };
}

export function groupJson(ws: WorkspaceState, group: WorkspaceGroupRecord) {
    return {
        object: "directory.workspace.group" as const,
        id: group.id,
        workspace_id: ws.id,
        name: group.name,
        created_at: group.createdAt,
        member_count: groupMemberIds(ws, group).length,
        source: group.source,
        is_scim_managed: group.source === "scim",
    };
}

export function inviteJson(ws: WorkspaceState, invite: InviteRecord) {
    return {
        object: "workspace.invite" as const,
        id: invite.id,
        workspace_id: ws.id,
        email: invite.email,
        role: invite.role,
        status: "pending" as const,
        created_at: invite.createdAt,
        resent_at: invite.resentAt,
    };
}

/** Members of a group: a manual group's own list; a SCIM group's linked directory members. */
export function groupMemberIds(ws: WorkspaceState, group: WorkspaceGroupRecord): string[] {
    if (group.source === "manual") return group.memberIds;
    const directoryGroup = ws.directory.groups.find((g) => g.id === group.directoryGroupId);
    if (!directoryGroup) return [];
    const ids = directoryGroup.memberIds
        .map((id) => ws.directory.users.find((u) => u.id === id)?.workspaceUserId ?? null)
        .filter((id): id is string => id !== null && ws.users.some((u) => u.id === id));
    return [...new Set(ids)];
}

export function groupsOfUser(ws: WorkspaceState, userId: string): WorkspaceGroupRecord[] {
    return ws.groups.filter((g) => groupMemberIds(ws, g).includes(userId));
}
