import { DEFAULT_ROLE, DEFAULT_SEAT_TYPE, memberByEmail } from "./directory";
import { ApiError, MAX_NAME_LENGTH, badRequest, checkLength, conflict, normalizeEmail, notFound } from "./http";
import { WorkspaceGroupRecord, WorkspaceState, WorkspaceUserRecord, newId, nowSeconds } from "./model";
import { SeedUserInput } from "./types";

/*
 * Test and rehearsal seeding (control API and RunningEmulator): members who came through an invite or
 * automatic account creation (SCIM-4), local groups (GRP-3), and accepting a pending invite.
 */

export function seedUser(ws: WorkspaceState, input: SeedUserInput, now: () => number): WorkspaceUserRecord {
    if (input.source !== "invite" && input.source !== "aac") {
        throw badRequest(`'source' must be "invite" or "aac", got ${JSON.stringify(input.source)}.`, "source");
    }
    const email = normalizeEmail(input.email, "email");
    if (input.name !== undefined) checkLength(input.name, "name", MAX_NAME_LENGTH);
    if (memberByEmail(ws, email))
        throw conflict("user_exists", `'${email}' is already a member of workspace ${ws.id}.`, "email");
    const user: WorkspaceUserRecord = {
        id: newId("user"),
        email,
        name: input.name ?? null,
        role: input.role ?? DEFAULT_ROLE,
        seatType: DEFAULT_SEAT_TYPE,
        source: input.source,
        scimManaged: false,
        status: "active",
        createdAt: nowSeconds(now),
    };
    ws.users.push(user);
    return user;
}

export function seedLocalGroup(
    ws: WorkspaceState,
    name: string,
    memberIds: string[],
    now: () => number,
): WorkspaceGroupRecord {
    if (typeof name !== "string" || name.trim() === "") throw badRequest("'name' is required.", "name");
    checkLength(name, "name", MAX_NAME_LENGTH);
    for (const id of memberIds) if (!ws.users.some((u) => u.id === id)) throw notFound("user", id);
    const group: WorkspaceGroupRecord = {
        id: newId("group"),
        name,
        source: "manual",
        createdAt: nowSeconds(now),
        memberIds: [...new Set(memberIds)],
        directoryGroupId: null,
    };
    ws.groups.push(group);
    return group;
}

/** The invited person accepted: the invite becomes a member with is_scim_managed false (SCIM-4). */
export function acceptInvite(ws: WorkspaceState, inviteId: string, now: () => number): WorkspaceUserRecord {
    const invite = ws.invites.find((i) => i.id === inviteId);
    if (!invite) throw notFound("invite", inviteId);
    if (memberByEmail(ws, invite.email)) {
        throw new ApiError(
            409,
            "user_exists",
            `'${invite.email}' is already a member; the invite cannot be accepted twice.`,
        );
    }
    ws.invites = ws.invites.filter((i) => i.email !== invite.email);
    return seedUser(ws, { email: invite.email, role: invite.role, source: "invite" }, now);
}
