import { DirectoryGroupRecord, DirectoryUserRecord, WorkspaceState, WorkspaceUserRecord, newId } from "./model";

/*
 * What the workspace makes of SCIM pushes (the WorkOS directory behind OpenAI's console), incl. SCIM-4:
 * a directory user whose email already belongs to a member who came through an invite or automatic account
 * creation is accepted by the directory but SKIPPED by the workspace (that member stays is_scim_managed:
 * false) until the directory user is in a synced group; then the member is matched by email and becomes
 * SCIM-managed.
 */

export const DEFAULT_ROLE = "standard-user";
export const DEFAULT_SEAT_TYPE = "default";

export function displayNameOf(d: DirectoryUserRecord): string | null {
    const name = [d.givenName, d.familyName].filter((p) => p && p.trim() !== "").join(" ");
    return name === "" ? null : name;
}

export function memberByEmail(ws: WorkspaceState, email: string): WorkspaceUserRecord | undefined {
    return ws.users.find((u) => u.email === email);
}

/** A new directory user: provision a SCIM-managed member, or skip an existing invite/AAC member (SCIM-4). */
export function provisionDirectoryUser(ws: WorkspaceState, d: DirectoryUserRecord, now: number): void {
    const existing = memberByEmail(ws, d.userName);
    if (!existing) {
        const user: WorkspaceUserRecord = {
            id: newId("user"),
            email: d.userName,
            name: displayNameOf(d),
            role: DEFAULT_ROLE,
            seatType: DEFAULT_SEAT_TYPE,
            source: "scim",
            scimManaged: true,
            status: d.active ? "active" : "deactivated",
            createdAt: now,
        };
        ws.users.push(user);
        d.workspaceUserId = user.id;
    } else if (existing.scimManaged && !ws.directory.users.some((o) => o !== d && o.workspaceUserId === existing.id)) {
        d.workspaceUserId = existing.id;
    }
    // else SCIM-4: skipped; matched later by matchGroupMembers.
}

/** SCIM-4: members of a synced group are matched by email and become SCIM-managed. */
export function matchGroupMembers(ws: WorkspaceState, group: DirectoryGroupRecord, now: number): void {
    for (const id of group.memberIds) {
        const d = ws.directory.users.find((u) => u.id === id);
        if (!d || d.workspaceUserId !== null) continue;
        const existing = memberByEmail(ws, d.userName);
        if (existing && ws.directory.users.some((o) => o.workspaceUserId === existing.id)) continue;
        if (existing) {
            existing.scimManaged = true;
            existing.name = displayNameOf(d) ?? existing.name;
            d.workspaceUserId = existing.id;
        } else {
            provisionDirectoryUser(ws, d, now);
        }
    }
}

/** Pushes a directory user's attributes to its linked member (never to a skipped one). */
export function syncLinkedMember(ws: WorkspaceState, d: DirectoryUserRecord): void {
    const user = ws.users.find((u) => u.id === d.workspaceUserId);
    if (!user) return;
    user.email = d.userName;
    user.name = displayNameOf(d);
    user.status = d.active ? "active" : "deactivated";
}

/** Deprovisioning: a deleted directory user takes its linked member with it; a skipped member stays. */
export function removeDirectoryUser(ws: WorkspaceState, d: DirectoryUserRecord): void {
    ws.directory.users = ws.directory.users.filter((u) => u !== d);
    for (const g of ws.directory.groups) g.memberIds = g.memberIds.filter((m) => m !== d.id);
    if (d.workspaceUserId) removeMember(ws, d.workspaceUserId);
}

export function removeMember(ws: WorkspaceState, userId: string): void {
    ws.users = ws.users.filter((u) => u.id !== userId);
    for (const g of ws.groups) g.memberIds = g.memberIds.filter((m) => m !== userId);
    for (const d of ws.directory.users) if (d.workspaceUserId === userId) d.workspaceUserId = null;
    delete ws.limits.users[userId];
}
