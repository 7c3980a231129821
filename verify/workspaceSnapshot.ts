import { ChatGptAdminClient } from "../clients/chatgptAdmin";
import { WorkspaceSnapshot } from "./types";

/** The read-only part of the admin client that verification uses: list routes only, never a write. */
export type WorkspaceReader = Pick<ChatGptAdminClient, "listUsers" | "listGroups" | "listGroupUsers" | "listInvites">;

/**
 * Reads one workspace: every member and group (largest pages the API allows), pending invites, and the member
 * count of each declared group present. A group's `member_count`, when the list carries it, saves the
 * `GET /groups/{id}/users` pages; otherwise only declared groups are paged (never every group of the workspace).
 */
export async function readWorkspaceSnapshot(
    reader: WorkspaceReader,
    declaredGroupNames: readonly string[],
): Promise<WorkspaceSnapshot> {
    const users = await reader.listUsers();
    const groups = await reader.listGroups();
    const invites = await reader.listInvites();
    const declared = new Set(declaredGroupNames);
    const memberCounts: Record<string, number> = {};
    for (const group of groups.filter((g) => declared.has(g.name))) {
        memberCounts[group.id] =
            typeof group.member_count === "number"
                ? group.member_count
                : (await reader.listGroupUsers(group.id)).length;
    }
    return { users, groups, invites, memberCounts };
}
