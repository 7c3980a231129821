import { StateStore } from "./store";
import { GroupRecord, TenantState, UserRecord, newId, nowSeconds } from "./model";
import { ApiError, RequestContext, badRequest, conflict, objectBody } from "./http";
import { Router } from "./router";

const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
const listSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const patchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/** Emulator-only extension showing where a user came from (SCIM-4). */
export const emulatorUserExtension = "urn:chatgpt-identity:emulator:2.0:User";

/**
 * SCIM 2.0 (RFC 7643/7644) subset used by Entra ID and Okta provisioning: Users and Groups.
 *
 * SCIM-4, as emulated: a user who already exists through automatic account creation (source "aac")
 * or a manual invite ("invite") is not created again. POST /Users for that email answers 409
 * (scimType uniqueness) and creates nothing. The user is still visible to GET /Users (list, filter,
 * by id) so the IdP can match it by email; it becomes SCIM-managed only when a SCIM group adds it as
 * a member. Until then PUT/PATCH/DELETE of that user answer 409: SCIM does not own it.
 */
export function addScimRoutes(router: Router, store: StateStore, baseUrl: () => string): void {
    const t = (ctx: RequestContext): TenantState => ctx.tenant!;
    const scim = (status: number, body: unknown) => ({ status, body, headers: { "content-type": "application/scim+json" } });

    router
        .add("GET", "/scim/v2/ServiceProviderConfig", () =>
            scim(200, {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
                patch: { supported: true },
                bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
                filter: { supported: true, maxResults: 200 },
                changePassword: { supported: false },
                sort: { supported: false },
                etag: { supported: false },
                authenticationSchemes: [{ type: "oauthbearertoken", name: "OAuth Bearer Token", description: "The SCIM token shown once by the Directory Sync wizard.", primary: true }],
            }),
        )

        .add("GET", "/scim/v2/Users", (ctx) => {
            const filter = parseFilter(ctx.query.get("filter"), { username: "userName", externalid: "externalId" });
            const users = t(ctx).users.filter((u) => {
                if (!filter) return true;
                return filter.attribute === "userName" ? u.userName === filter.value.toLowerCase() : u.externalId === filter.value;
            });
            return scim(200, listResponse(users.map((u) => userJson(u, baseUrl())), ctx.query));
        })
        .add("POST", "/scim/v2/Users", (ctx) => {
            const tenant = t(ctx);
            const input = parseUser(objectBody(ctx.body));
            const existing = tenant.users.find((u) => u.userName === input.userName);
            if (existing) throw existingUserConflict(existing);
            const now = nowSeconds();
            const user: UserRecord = { id: newId("user"), ...input, source: "scim", scimManaged: true, createdAt: now, updatedAt: now };
            tenant.users.push(user);
            store.commit();
            return scim(201, userJson(user, baseUrl()));
        })
        .add("GET", "/scim/v2/Users/:id", (ctx) => scim(200, userJson(findUser(t(ctx), ctx.params.id), baseUrl())))
        .add("PUT", "/scim/v2/Users/:id", (ctx) => {
            const tenant = t(ctx);
            const user = findManagedUser(tenant, ctx.params.id);
            const input = parseUser(objectBody(ctx.body));
            const clash = tenant.users.find((u) => u !== user && u.userName === input.userName);
            if (clash) throw conflict("user_exists", `userName '${input.userName}' belongs to another user (${clash.id}).`);
            Object.assign(user, input, { updatedAt: nowSeconds() });
            store.commit();
            return scim(200, userJson(user, baseUrl()));
        })
        .add("PATCH", "/scim/v2/Users/:id", (ctx) => {
            const tenant = t(ctx);
            const user = findManagedUser(tenant, ctx.params.id);
            const changes = parseUserPatch(objectBody(ctx.body));
            if (changes.userName !== undefined) {
                const clash = tenant.users.find((u) => u !== user && u.userName === changes.userName);
                if (clash) throw conflict("user_exists", `userName '${changes.userName}' belongs to another user (${clash.id}).`);
            }
            Object.assign(user, changes, { updatedAt: nowSeconds() });
            store.commit();
            return scim(200, userJson(user, baseUrl()));
        })
        .add("DELETE", "/scim/v2/Users/:id", (ctx) => {
            const tenant = t(ctx);
            const user = findManagedUser(tenant, ctx.params.id);
            tenant.users = tenant.users.filter((u) => u !== user);
            for (const group of tenant.groups) group.memberIds = group.memberIds.filter((m) => m !== user.id);
            store.commit();
            return { status: 204 };
        })

        .add("GET", "/scim/v2/Groups", (ctx) => {
            const filter = parseFilter(ctx.query.get("filter"), { displayname: "displayName", externalid: "externalId" });
            const groups = scimGroups(t(ctx)).filter((g) => {
                if (!filter) return true;
                return filter.attribute === "displayName" ? g.name === filter.value : g.externalId === filter.value;
            });
            const excludeMembers = (ctx.query.get("excludedAttributes") ?? "").split(",").includes("members");
            return scim(200, listResponse(groups.map((g) => groupJson(t(ctx), g, baseUrl(), !excludeMembers)), ctx.query));
        })
        .add("POST", "/scim/v2/Groups", (ctx) => {
            const tenant = t(ctx);
            const body = objectBody(ctx.body);
            const name = displayName(body.displayName);
            assertScimGroupNameFree(tenant, name, undefined);
            const memberIds = body.members === undefined ? [] : memberValues(tenant, body.members);
            // A SCIM group may share its name with a local group: that duplication is what GRP-3 warns about.
            const group: GroupRecord = { id: newId("group"), name, createdAt: nowSeconds(), scimManaged: true, externalId: optionalText(body.externalId, "externalId"), memberIds, roles: [] };
            tenant.groups.push(group);
            markManaged(tenant, memberIds);
            store.commit();
            return scim(201, groupJson(tenant, group, baseUrl(), true));
        })
        .add("GET", "/scim/v2/Groups/:id", (ctx) => scim(200, groupJson(t(ctx), findScimGroup(t(ctx), ctx.params.id), baseUrl(), true)))
        .add("PATCH", "/scim/v2/Groups/:id", (ctx) => {
            const tenant = t(ctx);
            const group = findScimGroup(tenant, ctx.params.id);
            const result = applyGroupPatch(tenant, group, objectBody(ctx.body));
            assertScimGroupNameFree(tenant, result.name, group);
            group.name = result.name;
            group.memberIds = result.memberIds;
            markManaged(tenant, result.memberIds);
            store.commit();
            return scim(200, groupJson(tenant, group, baseUrl(), true));
        })
        .add("PUT", "/scim/v2/Groups/:id", (ctx) => {
            const tenant = t(ctx);
            const group = findScimGroup(tenant, ctx.params.id);
            const body = objectBody(ctx.body);
            const name = displayName(body.displayName);
            assertScimGroupNameFree(tenant, name, group);
            const memberIds = body.members === undefined ? [] : memberValues(tenant, body.members);
            group.name = name;
            group.memberIds = memberIds;
            markManaged(tenant, memberIds);
            store.commit();
            return scim(200, groupJson(tenant, group, baseUrl(), true));
        })
        .add("DELETE", "/scim/v2/Groups/:id", (ctx) => {
            const tenant = t(ctx);
            const group = findScimGroup(tenant, ctx.params.id);
            tenant.groups = tenant.groups.filter((g) => g !== group);
            store.commit();
            return { status: 204 };
        });
}

/** Seeds a user who exists through automatic account creation or a manual invite (SCIM-4). */
export function seedExistingUser(store: StateStore, tenantId: string, email: string, source: "aac" | "invite"): UserRecord {
    const tenant = store.tenant(tenantId);
    if (!tenant) throw new Error(`Unknown emulator tenant '${tenantId}'.`);
    if (source !== "aac" && source !== "invite") throw new Error(`source must be "aac" or "invite", got ${JSON.stringify(source)}.`);
    const userName = normalizeEmail(email);
    if (tenant.users.some((u) => u.userName === userName)) throw new Error(`User '${userName}' already exists in tenant '${tenantId}'.`);
    const now = nowSeconds();
    const user: UserRecord = { id: newId("user"), userName, givenName: null, familyName: null, externalId: null, active: true, source, scimManaged: false, createdAt: now, updatedAt: now };
    tenant.users.push(user);
    store.commit();
    return user;
}

function existingUserConflict(existing: UserRecord): ApiError {
    if (existing.scimManaged) return conflict("user_exists", `User '${existing.userName}' already exists (${existing.id}).`);
    const how = existing.source === "aac" ? "automatic account creation" : "a manual invite";
    return conflict(
        "user_exists_not_scim_managed",
        `User '${existing.userName}' already exists through ${how} and was skipped (SCIM-4): it becomes SCIM-managed only once matched by email and assigned to a synced group.`,
    );
}

interface UserInput {
    userName: string;
    givenName: string | null;
    familyName: string | null;
    externalId: string | null;
    active: boolean;
}

function parseUser(body: Record<string, unknown>): UserInput {
    if (typeof body.userName !== "string" || body.userName.trim() === "") throw badRequest("'userName' is required: the user's email (SCIM-6).", "userName");
    const name = body.name === undefined || body.name === null ? {} : body.name;
    if (typeof name !== "object" || Array.isArray(name)) throw badRequest("'name' must be an object with givenName and familyName.", "name");
    const n = name as Record<string, unknown>;
    return {
        userName: normalizeEmail(body.userName),
        givenName: optionalText(n.givenName, "name.givenName"),
        familyName: optionalText(n.familyName, "name.familyName"),
        externalId: optionalText(body.externalId, "externalId"),
        active: body.active === undefined ? true : scimBoolean(body.active, "active"),
    };
}

/** Entra sends `Replace` with string booleans; Okta sends lower-case ops and sometimes no path. */
function parseUserPatch(body: Record<string, unknown>): Partial<UserInput> {
    const changes: Partial<UserInput> = {};
    const apply = (path: string, value: unknown) => {
        switch (path.toLowerCase()) {
            case "active": changes.active = scimBoolean(value, "active"); break;
            case "username": changes.userName = normalizeEmail(String(value)); break;
            case "externalid": changes.externalId = optionalText(value, "externalId"); break;
            case "name.givenname": changes.givenName = optionalText(value, "name.givenName"); break;
            case "name.familyname": changes.familyName = optionalText(value, "name.familyName"); break;
            case "name": {
                const n = (value ?? {}) as Record<string, unknown>;
                if ("givenName" in n) changes.givenName = optionalText(n.givenName, "name.givenName");
                if ("familyName" in n) changes.familyName = optionalText(n.familyName, "name.familyName");
                break;
            }
            case "displayname": case "emails": case "emails[type eq \"work\"].value": case "title": case "schemas": break;
            default: throw badRequest(`Unsupported PATCH path '${path}' for a User.`, path);
        }
    };
    for (const op of operations(body)) {
        const kind = op.op;
        if (kind === "remove") throw badRequest("Removing User attributes is not supported; send replace.", op.path ?? null);
        if (op.path) apply(op.path, op.value);
        else if (op.value && typeof op.value === "object") for (const [k, v] of Object.entries(op.value)) apply(k, v);
        else throw badRequest("A PATCH operation without path needs an object value.");
    }
    return changes;
}

function applyGroupPatch(tenant: TenantState, group: GroupRecord, body: Record<string, unknown>): { name: string; memberIds: string[] } {
    let name = group.name;
    let memberIds = [...group.memberIds];
    for (const op of operations(body)) {
        const path = op.path ?? "";
        const memberFilter = /^members\[value eq "([^"]+)"\]$/i.exec(path);
        if (path === "" && op.value && typeof op.value === "object" && !Array.isArray(op.value)) {
            const value = op.value as Record<string, unknown>;
            if (value.displayName !== undefined) name = displayName(value.displayName);
            if (value.members !== undefined) memberIds = op.op === "add" ? union(memberIds, memberValues(tenant, value.members)) : memberValues(tenant, value.members);
        } else if (path.toLowerCase() === "displayname") {
            if (op.op === "remove") throw badRequest("displayName cannot be removed.", "displayName");
            name = displayName(op.value);
        } else if (path.toLowerCase() === "members") {
            if (op.op === "add") memberIds = union(memberIds, memberValues(tenant, op.value));
            else if (op.op === "replace") memberIds = memberValues(tenant, op.value);
            else {
                const removed = op.value === undefined ? memberIds : memberValues(tenant, op.value, false);
                memberIds = memberIds.filter((m) => !removed.includes(m));
            }
        } else if (memberFilter && op.op === "remove") {
            memberIds = memberIds.filter((m) => m !== memberFilter[1]);
        } else {
            throw badRequest(`Unsupported PATCH operation '${op.op}' on path '${path}' for a Group.`, path || null);
        }
    }
    return { name, memberIds };
}

interface PatchOperation {
    op: "add" | "remove" | "replace";
    path?: string;
    value?: unknown;
}

function operations(body: Record<string, unknown>): PatchOperation[] {
    const schemas = body.schemas;
    if (Array.isArray(schemas) && !schemas.includes(patchSchema)) throw badRequest(`PATCH bodies must use the schema ${patchSchema}.`, "schemas");
    if (!Array.isArray(body.Operations) || body.Operations.length === 0) throw badRequest("'Operations' must be a non-empty array.", "Operations");
    return body.Operations.map((raw, i) => {
        const o = raw as Record<string, unknown>;
        const op = typeof o?.op === "string" ? o.op.toLowerCase() : "";
        if (op !== "add" && op !== "remove" && op !== "replace") throw badRequest(`Operations[${i}].op must be add, remove or replace.`, `Operations[${i}].op`);
        if (o.path !== undefined && typeof o.path !== "string") throw badRequest(`Operations[${i}].path must be a string.`, `Operations[${i}].path`);
        return { op, path: o.path as string | undefined, value: o.value };
    });
}

function memberValues(tenant: TenantState, raw: unknown, mustExist = true): string[] {
    const list = Array.isArray(raw) ? raw : [raw];
    const ids = list.map((m, i) => {
        const value = (m as Record<string, unknown>)?.value;
        if (typeof value !== "string") throw badRequest(`members[${i}].value must be a user id.`, "members");
        if (mustExist && !tenant.users.some((u) => u.id === value)) throw badRequest(`members[${i}].value '${value}' is not a user of this workspace.`, "members");
        return value;
    });
    return [...new Set(ids)];
}

/** SCIM-4: an aac/invite user assigned to a synced group is now matched and SCIM-managed. */
function markManaged(tenant: TenantState, memberIds: string[]): void {
    for (const user of tenant.users) if (memberIds.includes(user.id)) user.scimManaged = true;
}

function union(a: string[], b: string[]): string[] {
    return [...new Set([...a, ...b])];
}

/** `attr eq "value"`, the only filter IdPs send for matching. */
function parseFilter(filter: string | null, attributes: Record<string, string>): { attribute: string; value: string } | undefined {
    if (filter === null || filter.trim() === "") return undefined;
    const m = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
    const attribute = m ? attributes[m[1].toLowerCase()] : undefined;
    if (!m || !attribute) {
        throw new ApiError(400, "invalid_filter", `Unsupported filter '${filter}': use ${Object.values(attributes).map((a) => `${a} eq "..."`).join(" or ")}.`, { scimType: "invalidFilter" });
    }
    return { attribute, value: m[2].replace(/\\(.)/g, "$1") };
}

function listResponse(resources: unknown[], query: URLSearchParams) {
    const startIndex = Math.max(1, Number(query.get("startIndex") ?? "1") || 1);
    const count = query.get("count") === null ? resources.length : Math.max(0, Number(query.get("count")) || 0);
    const page = resources.slice(startIndex - 1, startIndex - 1 + count);
    return { schemas: [listSchema], totalResults: resources.length, startIndex, itemsPerPage: page.length, Resources: page };
}

function userJson(user: UserRecord, base: string) {
    const formatted = [user.givenName, user.familyName].filter(Boolean).join(" ");
    return {
        schemas: [userSchema, emulatorUserExtension],
        id: user.id,
        externalId: user.externalId ?? undefined,
        userName: user.userName,
        name: { givenName: user.givenName ?? undefined, familyName: user.familyName ?? undefined, formatted: formatted || undefined },
        // SSO-7 / SCIM-6: without given and family names the workspace shows the email as the name.
        displayName: formatted || user.userName,
        emails: [{ value: user.userName, type: "work", primary: true }],
        active: user.active,
        meta: { resourceType: "User", created: iso(user.createdAt), lastModified: iso(user.updatedAt), location: `${base}/scim/v2/Users/${user.id}` },
        [emulatorUserExtension]: { source: user.source, scimManaged: user.scimManaged },
    };
}

function groupJson(tenant: TenantState, group: GroupRecord, base: string, withMembers: boolean) {
    return {
        schemas: [groupSchema],
        id: group.id,
        externalId: group.externalId ?? undefined,
        displayName: group.name,
        members: withMembers
            ? group.memberIds.map((id) => ({ value: id, display: tenant.users.find((u) => u.id === id)?.userName, $ref: `${base}/scim/v2/Users/${id}` }))
            : undefined,
        meta: { resourceType: "Group", created: iso(group.createdAt), lastModified: iso(group.createdAt), location: `${base}/scim/v2/Groups/${group.id}` },
    };
}

function scimGroups(tenant: TenantState): GroupRecord[] {
    return tenant.groups.filter((g) => g.scimManaged);
}

function findUser(tenant: TenantState, id: string): UserRecord {
    const user = tenant.users.find((u) => u.id === id);
    if (!user) throw new ApiError(404, "not_found", `User ${id} not found.`);
    return user;
}

function findManagedUser(tenant: TenantState, id: string): UserRecord {
    const user = findUser(tenant, id);
    if (!user.scimManaged) {
        throw conflict(
            "user_not_scim_managed",
            `User '${user.userName}' exists through ${user.source === "aac" ? "automatic account creation" : "a manual invite"} and is not SCIM-managed yet (SCIM-4): assign it to a synced group first.`,
        );
    }
    return user;
}

function findScimGroup(tenant: TenantState, id: string): GroupRecord {
    const group = scimGroups(tenant).find((g) => g.id === id);
    if (!group) throw new ApiError(404, "not_found", `Group ${id} not found.`);
    return group;
}

function assertScimGroupNameFree(tenant: TenantState, name: string, self: GroupRecord | undefined): void {
    const clash = scimGroups(tenant).find((g) => g !== self && g.name === name);
    if (clash) throw conflict("group_exists", `A SCIM group named '${name}' already exists (${clash.id}).`, "displayName");
}

function displayName(value: unknown): string {
    if (typeof value !== "string" || value.trim() === "") throw badRequest("'displayName' is required and must be a non-empty string.", "displayName");
    return value;
}

function optionalText(value: unknown, field: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") throw badRequest(`'${field}' must be a string.`, field);
    return value;
}

function scimBoolean(value: unknown, field: string): boolean {
    if (typeof value === "boolean") return value;
    if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
    throw badRequest(`'${field}' must be a boolean.`, field);
}

function normalizeEmail(raw: string): string {
    const email = raw.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw badRequest(`'userName' must be an email address, got '${raw}'.`, "userName");
    return email;
}

function iso(seconds: number): string {
    return new Date(seconds * 1000).toISOString();
}
