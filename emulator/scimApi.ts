import { matchGroupMembers, provisionDirectoryUser, removeDirectoryUser, syncLinkedMember } from "./directory";
import { ApiError, RequestContext, conflict, objectBody } from "./http";
import { DirectoryGroupRecord, DirectoryUserRecord, WorkspaceState, newId, nowSeconds, objectCount } from "./model";
import { Router } from "./router";
import {
    applyGroupPatch,
    displayName,
    listResponse,
    optionalText,
    parseFilter,
    parseUser,
    parseUserPatch,
} from "./scimParse";
import { StateStore } from "./store";

const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** The prefix of the SCIM routes: one directory (base URL and token) per workspace (SCIM-7). */
export const SCIM_PREFIX = "/scim/v2/:workspaceId";

export interface ScimDeps {
    store: StateStore;
    now: () => number;
    baseUrl: () => string;
    maxObjectsPerWorkspace: number;
}

/**
 * SCIM 2.0 inbound as the WorkOS directory behind OpenAI's console receives it from Entra ID or Okta: Users
 * and Groups. The directory accepts every push; what the WORKSPACE makes of it (SCIM-managed members and
 * groups, the SCIM-4 skip and later match) is in directory.ts.
 */
export function addScimRoutes(router: Router, deps: ScimDeps): void {
    const { store, now } = deps;
    const ws = (ctx: RequestContext): WorkspaceState => ctx.workspace!;
    const scim = (status: number, body: unknown) => ({
        status,
        body,
        headers: { "content-type": "application/scim+json" },
    });
    const base = (w: WorkspaceState) => `${deps.baseUrl()}/scim/v2/${w.id}`;
    const p = (suffix: string) => `${SCIM_PREFIX}${suffix}`;
    const capacity = (w: WorkspaceState) => {
        if (objectCount(w) >= deps.maxObjectsPerWorkspace) {
            throw new ApiError(
                507,
                "object_limit_reached",
                `This emulated directory holds its maximum of ${deps.maxObjectsPerWorkspace} objects.`,
            );
        }
    };
    const commit = <T>(value: T): T => {
        store.commit();
        return value;
    };

    router
        .add("GET", p("/ServiceProviderConfig"), () =>
            scim(200, {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                patch: { supported: true },
                bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
                filter: { supported: true, maxResults: 200 },
                changePassword: { supported: false },
                sort: { supported: false },
                etag: { supported: false },
                authenticationSchemes: [
                    {
                        type: "oauthbearertoken",
                        name: "OAuth Bearer Token",
                        primary: true,
                        description: "The SCIM token the workspace's Directory Sync wizard shows once.",
                    },
                ],
            }),
        )

        .add("GET", p("/Users"), (ctx) => {
            const filter = parseFilter(ctx.query.get("filter"), { username: "userName", externalid: "externalId" });
            const users = ws(ctx).directory.users.filter((u) => {
                if (!filter) return true;
                return filter.attribute === "userName"
                    ? u.userName === filter.value.toLowerCase()
                    : u.externalId === filter.value;
            });
            return scim(
                200,
                listResponse(
                    users.map((u) => userJson(u, base(ws(ctx)))),
                    ctx.query,
                ),
            );
        })
        .add("POST", p("/Users"), (ctx) => {
            const w = ws(ctx);
            const input = parseUser(objectBody(ctx.body));
            const clash = w.directory.users.find((u) => u.userName === input.userName);
            if (clash)
                throw conflict(
                    "user_exists",
                    `A directory user with userName '${input.userName}' already exists (${clash.id}).`,
                );
            capacity(w);
            const t = nowSeconds(now);
            const user: DirectoryUserRecord = {
                id: newId("directory_user", "_"),
                ...input,
                workspaceUserId: null,
                createdAt: t,
                updatedAt: t,
            };
            w.directory.users.push(user);
            provisionDirectoryUser(w, user, t);
            return commit(scim(201, userJson(user, base(w))));
        })
        .add("GET", p("/Users/:id"), (ctx) => scim(200, userJson(findUser(ws(ctx), ctx.params.id), base(ws(ctx)))))
        .add("PUT", p("/Users/:id"), (ctx) => {
            const w = ws(ctx);
            const user = findUser(w, ctx.params.id);
            const input = parseUser(objectBody(ctx.body));
            assertUserNameFree(w, user, input.userName);
            Object.assign(user, input, { updatedAt: nowSeconds(now) });
            syncLinkedMember(w, user);
            return commit(scim(200, userJson(user, base(w))));
        })
        .add("PATCH", p("/Users/:id"), (ctx) => {
            const w = ws(ctx);
            const user = findUser(w, ctx.params.id);
            const changes = parseUserPatch(objectBody(ctx.body));
            if (changes.userName !== undefined) assertUserNameFree(w, user, changes.userName);
            Object.assign(user, changes, { updatedAt: nowSeconds(now) });
            syncLinkedMember(w, user);
            return commit(scim(200, userJson(user, base(w))));
        })
        .add("DELETE", p("/Users/:id"), (ctx) => {
            const w = ws(ctx);
            removeDirectoryUser(w, findUser(w, ctx.params.id));
            return commit({ status: 204 });
        })

        .add("GET", p("/Groups"), (ctx) => {
            const w = ws(ctx);
            const filter = parseFilter(ctx.query.get("filter"), {
                displayname: "displayName",
                externalid: "externalId",
            });
            const groups = w.directory.groups.filter((g) => {
                if (!filter) return true;
                return filter.attribute === "displayName"
                    ? g.displayName === filter.value
                    : g.externalId === filter.value;
            });
            const withMembers = !(ctx.query.get("excludedAttributes") ?? "").split(",").includes("members");
            return scim(
                200,
                listResponse(
                    groups.map((g) => groupJson(w, g, base(w), withMembers)),
                    ctx.query,
                ),
            );
        })
        .add("POST", p("/Groups"), (ctx) => {
            const w = ws(ctx);
            const body = objectBody(ctx.body);
            const name = displayName(body.displayName);
            assertGroupNameFree(w, name, undefined);
            const members =
                body.members === undefined
                    ? []
                    : applyGroupPatch(w, emptyGroup(), {
                          Operations: [{ op: "add", path: "members", value: body.members }],
                      }).memberIds;
            capacity(w);
            const t = nowSeconds(now);
            const workspaceGroupId = newId("group");
            const group: DirectoryGroupRecord = {
                id: newId("directory_group", "_"),
                displayName: name,
                externalId: optionalText(body.externalId, "externalId"),
                memberIds: members,
                workspaceGroupId,
                createdAt: t,
                updatedAt: t,
            };
            w.directory.groups.push(group);
            // A SCIM group may share its name with a local group: that duplication is what GRP-3 warns about.
            w.groups.push({
                id: workspaceGroupId,
                name,
                source: "scim",
                createdAt: t,
                memberIds: [],
                directoryGroupId: group.id,
            });
            matchGroupMembers(w, group, t);
            return commit(scim(201, groupJson(w, group, base(w), true)));
        })
        .add("GET", p("/Groups/:id"), (ctx) =>
            scim(200, groupJson(ws(ctx), findGroup(ws(ctx), ctx.params.id), base(ws(ctx)), true)),
        )
        .add("PATCH", p("/Groups/:id"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.id);
            const result = applyGroupPatch(w, group, objectBody(ctx.body));
            assertGroupNameFree(w, result.name, group);
            updateGroup(w, group, result.name, result.memberIds, nowSeconds(now));
            return commit(scim(200, groupJson(w, group, base(w), true)));
        })
        .add("PUT", p("/Groups/:id"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.id);
            const body = objectBody(ctx.body);
            const name = displayName(body.displayName);
            assertGroupNameFree(w, name, group);
            const members =
                body.members === undefined
                    ? []
                    : applyGroupPatch(w, emptyGroup(), {
                          Operations: [{ op: "replace", path: "members", value: body.members }],
                      }).memberIds;
            updateGroup(w, group, name, members, nowSeconds(now));
            return commit(scim(200, groupJson(w, group, base(w), true)));
        })
        .add("DELETE", p("/Groups/:id"), (ctx) => {
            const w = ws(ctx);
            const group = findGroup(w, ctx.params.id);
            w.directory.groups = w.directory.groups.filter((g) => g !== group);
            w.groups = w.groups.filter((g) => g.id !== group.workspaceGroupId);
            delete w.limits.groups[group.workspaceGroupId];
            return commit({ status: 204 });
        });
}

function updateGroup(
    w: WorkspaceState,
    group: DirectoryGroupRecord,
    name: string,
    memberIds: string[],
    t: number,
): void {
    group.displayName = name;
    group.memberIds = memberIds;
    group.updatedAt = t;
    const workspaceGroup = w.groups.find((g) => g.id === group.workspaceGroupId);
    if (workspaceGroup) workspaceGroup.name = name;
    matchGroupMembers(w, group, t);
}

function emptyGroup(): DirectoryGroupRecord {
    return {
        id: "",
        displayName: "",
        externalId: null,
        memberIds: [],
        workspaceGroupId: "",
        createdAt: 0,
        updatedAt: 0,
    };
}

function userJson(user: DirectoryUserRecord, base: string) {
    const formatted = [user.givenName, user.familyName].filter(Boolean).join(" ");
    return {
        schemas: [userSchema],
        id: user.id,
        externalId: user.externalId ?? undefined,
        userName: user.userName,
        name: {
            givenName: user.givenName ?? undefined,
            familyName: user.familyName ?? undefined,
            formatted: formatted || undefined,
        },
        // SSO-7 / SCIM-6: without given and family names the workspace shows the email as the name.
        displayName: formatted || user.userName,
        emails: [{ value: user.userName, type: "work", primary: true }],
        active: user.active,
        meta: {
            resourceType: "User",
            created: iso(user.createdAt),
            lastModified: iso(user.updatedAt),
            location: `${base}/Users/${user.id}`,
        },
    };
}

function groupJson(w: WorkspaceState, group: DirectoryGroupRecord, base: string, withMembers: boolean) {
    return {
        schemas: [groupSchema],
        id: group.id,
        externalId: group.externalId ?? undefined,
        displayName: group.displayName,
        members: withMembers
            ? group.memberIds.map((id) => ({
                  value: id,
                  display: w.directory.users.find((u) => u.id === id)?.userName,
                  $ref: `${base}/Users/${id}`,
              }))
            : undefined,
        meta: {
            resourceType: "Group",
            created: iso(group.createdAt),
            lastModified: iso(group.updatedAt),
            location: `${base}/Groups/${group.id}`,
        },
    };
}

function findUser(w: WorkspaceState, id: string): DirectoryUserRecord {
    const user = w.directory.users.find((u) => u.id === id);
    if (!user) throw new ApiError(404, "not_found", `User ${id} not found.`);
    return user;
}

function findGroup(w: WorkspaceState, id: string): DirectoryGroupRecord {
    const group = w.directory.groups.find((g) => g.id === id);
    if (!group) throw new ApiError(404, "not_found", `Group ${id} not found.`);
    return group;
}

function assertUserNameFree(w: WorkspaceState, self: DirectoryUserRecord, userName: string): void {
    const clash = w.directory.users.find((u) => u !== self && u.userName === userName);
    if (clash) throw conflict("user_exists", `userName '${userName}' belongs to another directory user (${clash.id}).`);
}

function assertGroupNameFree(w: WorkspaceState, name: string, self: DirectoryGroupRecord | undefined): void {
    const clash = w.directory.groups.find((g) => g !== self && g.displayName === name);
    if (clash)
        throw conflict("group_exists", `A SCIM group named '${name}' already exists (${clash.id}).`, "displayName");
}

function iso(seconds: number): string {
    return new Date(seconds * 1000).toISOString();
}
