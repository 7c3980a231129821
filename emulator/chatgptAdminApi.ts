import { removeMember } from "./directory";
import {
    ApiError,
    RequestContext,
    badRequest,
    conflict,
    normalizeEmail,
    notFound,
    objectBody,
    rejectUnknownFields,
    requireString,
} from "./http";
import {
    InviteRecord,
    WorkspaceGroupRecord,
    WorkspaceState,
    WorkspaceUserRecord,
    newId,
    nowSeconds,
    objectCount,
} from "./model";
import { pageAfter, pageCursor } from "./pagination";
import { Router } from "./router";
import { StateStore } from "./store";
import { groupLimitJson, parseLimitPatch, userLimitJson, workspaceLimitJson } from "./usageLimits";
import { groupJson, groupMemberIds, groupUserJson, groupsOfUser, inviteJson, userJson } from "./workspaceView";

/** The prefix of every ChatGPT admin API route; the server authenticates the workspace before a handler runs. */
export const WORKSPACE_PREFIX = "/v1/manage/workspaces/:workspaceId";

/** Roles an invite may carry [gap: no public source lists them; these are the console's role names]. */
const INVITE_ROLES = ["standard-user", "account-admin", "account-owner"];

export interface ChatGptAdminDeps {
    store: StateStore;
    now: () => number;
    maxObjectsPerWorkspace: number;
}

/**
 * The ChatGPT admin API ("OpenAI Programmatic Admin Platform", api.chatgpt.com/v1) routes of
 * docs/chatgpt-admin-api.md that this product uses, under /v1/manage/workspaces/{workspace_id}.
 */
export function addChatGptAdminRoutes(router: Router, deps: ChatGptAdminDeps): void {
    const { store, now } = deps;
    const ws = (ctx: RequestContext): WorkspaceState => ctx.workspace!;
    const ok = (body: unknown) => ({ status: 200, body });
    const commit = <T>(value: T): T => {
        store.commit();
        return value;
    };
    const capacity = (w: WorkspaceState) => {
        if (objectCount(w) >= deps.maxObjectsPerWorkspace) {
            throw new ApiError(
                507,
                "object_limit_reached",
                `This emulated workspace holds ${deps.maxObjectsPerWorkspace} objects, its configured maximum.`,
            );
        }
    };
    const p = (suffix: string) => `${WORKSPACE_PREFIX}${suffix}`;

    router
        .add("GET", p("/users"), (ctx) => {
            const email = ctx.query.get("email");
            const active = ws(ctx).users.filter((u) => u.status === "active");
            const users = email === null ? active : active.filter((u) => u.email === email.trim().toLowerCase());
            return ok(pageAfter(users.map(userJson), ctx.query, { defaultLimit: 100, maxLimit: 1000 }));
        })
        .add("GET", p("/users/:userId"), (ctx) => ok(userJson(findUser(ws(ctx), ctx.params.userId))))
        .add("DELETE", p("/users/:userId"), (ctx) => {
            const user = findUser(ws(ctx), ctx.params.userId);
            if (user.scimManaged)
                throw scimManaged(`User '${user.email}' is provisioned by SCIM; deprovision it in the IdP.`);
            removeMember(ws(ctx), user.id);
            return commit(ok({ object: "workspace.user.deleted", id: user.id, deleted: true }));
        })
        .add("GET", p("/users/:userId/groups"), (ctx) => {
            const w = ws(ctx);
            const user = findUser(w, ctx.params.userId);
            const groups = groupsOfUser(w, user.id).map((g) => groupJson(w, g));
            return ok(pageCursor(groups, ctx.query, { defaultLimit: 100, maxLimit: 100 }));
        })

        .add("GET", p("/invites"), (ctx) => {
            const w = ws(ctx);
            return ok(
                pageAfter(
                    w.invites.map((i) => inviteJson(w, i)),
                    ctx.query,
                    { defaultLimit: 100, maxLimit: 1000 },
                ),
            );
        })
        .add("POST", p("/invites"), (ctx) => {
            const w = ws(ctx);
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["email", "role"]);
            const email = normalizeEmail(body.email, "email");
            const role = body.role === undefined ? "standard-user" : requireString(body, "role");
            if (!INVITE_ROLES.includes(role)) {
                throw badRequest(`'role' must be one of ${INVITE_ROLES.join(", ")}, got '${role}'.`, "role");
            }
            const member = w.users.find((u) => u.email === email && u.status === "active");
            if (member)
                throw conflict(
                    "user_already_member",
                    `'${email}' is already a member of this workspace (${member.id}).`,
                    "email",
                );
            capacity(w);
            // A second pending invite for the same email is accepted [gap]: tests count duplicates instead.
            const invite: InviteRecord = {
                id: newId("invite"),
                email,
                role,
                createdAt: nowSeconds(now),
                resentAt: null,
            };
            w.invites.push(invite);
            return commit(ok(inviteJson(w, invite)));
        })
        .add("GET", p("/invites/:inviteId"), (ctx) => ok(inviteJson(ws(ctx), findInvite(ws(ctx), ctx.params.inviteId))))
        .add("DELETE", p("/invites/:inviteId"), (ctx) => {
            const w = ws(ctx);
            const invite = findInvite(w, ctx.params.inviteId);
            w.invites = w.invites.filter((i) => i !== invite);
            return commit(ok({ object: "workspace.invite.deleted", id: invite.id, deleted: true }));
        })
        .add("POST", p("/invites/:inviteId/resend"), (ctx) => {
            const w = ws(ctx);
            const invite = findInvite(w, ctx.params.inviteId);
            invite.resentAt = nowSeconds(now);
            return commit(ok(inviteJson(w, invite)));
        })

        .add("GET", p("/groups"), (ctx) => {
            const w = ws(ctx);
            const groups = w.groups.map((g) => groupJson(w, g));
            return ok(pageCursor(groups, ctx.query, { defaultLimit: 100, maxLimit: 100, acceptAfter: true }));
        })
        .add("GET", p("/groups/:groupId"), (ctx) => ok(groupJson(ws(ctx), findGroup(ws(ctx), ctx.params.groupId))))
        .add("GET", p("/groups/:groupId/users"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.groupId);
            const members = groupMemberIds(w, group).map((id) => groupUserJson(findUser(w, id)));
            return ok(pageCursor(members, ctx.query, { defaultLimit: 100, maxLimit: 100 }));
        })
        .add("POST", p("/groups/:groupId/users"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.groupId);
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["user_id"]);
            const userId = requireString(body, "user_id");
            assertManualGroup(group);
            const user = w.users.find((u) => u.id === userId);
            if (!user) throw new ApiError(404, "not_found", `No user found with id '${userId}'.`, { param: "user_id" });
            if (group.memberIds.includes(user.id)) {
                throw conflict(
                    "already_member",
                    `User '${user.id}' is already a member of group '${group.name}'.`,
                    "user_id",
                );
            }
            group.memberIds.push(user.id);
            return commit(
                ok({
                    object: "directory.workspace.group_user",
                    workspace_id: w.id,
                    group_id: group.id,
                    user_id: user.id,
                }),
            );
        })
        .add("DELETE", p("/groups/:groupId/users/:userId"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.groupId);
            assertManualGroup(group);
            if (!group.memberIds.includes(ctx.params.userId))
                throw notFound(`member of group '${group.id}'`, ctx.params.userId);
            group.memberIds = group.memberIds.filter((m) => m !== ctx.params.userId);
            return commit(
                ok({
                    object: "directory.workspace.group_user.deleted",
                    workspace_id: w.id,
                    group_id: group.id,
                    user_id: ctx.params.userId,
                    deleted: true,
                }),
            );
        })

        .add("GET", p("/usage_limits/workspace"), (ctx) => ok(workspaceLimitJson(ws(ctx), now())))
        .add("PATCH", p("/usage_limits/workspace"), (ctx) => {
            const w = ws(ctx);
            w.limits.workspace = parseLimitPatch(ctx.body, now());
            return commit(ok(workspaceLimitJson(w, now())));
        })
        .add("GET", p("/usage_limits/groups"), (ctx) => {
            const w = ws(ctx);
            const limits = w.groups.map((g) => groupLimitJson(w, g, now()));
            return ok(pageAfter(limits, ctx.query, { defaultLimit: 100, maxLimit: 100 }));
        })
        .add("GET", p("/usage_limits/groups/:groupId"), (ctx) => {
            const w = ws(ctx);
            return ok(groupLimitJson(w, findGroup(w, ctx.params.groupId), now()));
        })
        .add("PATCH", p("/usage_limits/groups/:groupId"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.groupId);
            const rule = parseLimitPatch(ctx.body, now());
            if (rule) w.limits.groups[group.id] = rule;
            else delete w.limits.groups[group.id];
            return commit(ok(groupLimitJson(w, group, now())));
        })
        .add("GET", p("/usage_limits/users/:userId"), (ctx) => {
            const w = ws(ctx);
            return ok(userLimitJson(w, findUser(w, ctx.params.userId).id, now()));
        })
        .add("PATCH", p("/usage_limits/users/:userId"), (ctx) => {
            const w = ws(ctx);
            const user = findUser(w, ctx.params.userId);
            const rule = parseLimitPatch(ctx.body, now());
            if (rule) w.limits.users[user.id] = rule;
            else delete w.limits.users[user.id];
            return commit(ok(userLimitJson(w, user.id, now())));
        });
}

function scimManaged(message: string): ApiError {
    return new ApiError(409, "scim_managed_resource", `${message} (GRP-2: the IdP is the source of truth).`);
}

function assertManualGroup(group: WorkspaceGroupRecord): void {
    if (group.source === "scim") {
        throw scimManaged(`Group '${group.name}' (${group.id}) is SCIM-managed; change its members in the IdP`);
    }
}

function findUser(ws: WorkspaceState, id: string): WorkspaceUserRecord {
    const user = ws.users.find((u) => u.id === id);
    if (!user) throw notFound("user", id);
    return user;
}

function findInvite(ws: WorkspaceState, id: string): InviteRecord {
    const invite = ws.invites.find((i) => i.id === id);
    if (!invite) throw notFound("invite", id);
    return invite;
}

function findGroup(ws: WorkspaceState, id: string): WorkspaceGroupRecord {
    const group = ws.groups.find((g) => g.id === id);
    if (!group) throw notFound("group", id);
    return group;
}
