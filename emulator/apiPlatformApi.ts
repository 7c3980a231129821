import { StateStore } from "./store";
import { ApiPlatformOrgState, OrgGroupRecord, RoleRecord, newId, nowSeconds } from "./model";
import {
    RequestContext,
    conflict,
    notFound,
    objectBody,
    rejectUnknownFields,
    requireString,
    stringArray,
    badRequest,
    ApiError,
} from "./http";
import { pageSdk } from "./pagination";
import { Router } from "./router";

/**
 * API PLATFORM (api.openai.com) Admin API subset, NOT the ChatGPT admin API: organization roles, groups and
 * group role assignments, in the shapes of node_modules/openai/resources/admin/organization/{roles,groups/*}.d.ts.
 * These are API Platform org RBAC roles (resource_type api.organization), not ChatGPT custom roles.
 */
export function addApiPlatformRoutes(router: Router, store: StateStore, maxObjects: number): void {
    const t = (ctx: RequestContext): ApiPlatformOrgState => ctx.org!;
    const capacity = (org: ApiPlatformOrgState) => {
        if (org.roles.length + org.groups.length >= maxObjects) {
            throw new ApiError(
                507,
                "object_limit_reached",
                `This emulated organization holds ${maxObjects} objects, its configured maximum.`,
            );
        }
    };

    router
        .add("GET", "/v1/organization/roles", (ctx) => ok(pageSdk(t(ctx).roles.map(roleJson), ctx.query)))
        .add("POST", "/v1/organization/roles", (ctx) => {
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["role_name", "permissions", "description"]);
            const name = requireString(body, "role_name");
            if (body.permissions === undefined)
                throw badRequest(
                    "'permissions' is required (an array of permission strings).",
                    "permissions",
                    "missing_required_parameter",
                );
            const permissions = stringArray(body.permissions, "permissions");
            const description = optionalDescription(body);
            assertRoleNameFree(t(ctx), name);
            capacity(t(ctx));
            const now = nowSeconds();
            const role: RoleRecord = {
                id: newId("role", "_"),
                name,
                description: description ?? null,
                permissions,
                createdAt: now,
                updatedAt: now,
            };
            t(ctx).roles.push(role);
            store.commit();
            return ok(roleJson(role));
        })
        .add("GET", "/v1/organization/roles/:roleId", (ctx) => ok(roleJson(findRole(t(ctx), ctx.params.roleId))))
        .add("POST", "/v1/organization/roles/:roleId", (ctx) => {
            const role = findRole(t(ctx), ctx.params.roleId);
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["role_name", "permissions", "description"]);
            const name =
                body.role_name === undefined || body.role_name === null ? undefined : requireString(body, "role_name");
            const permissions =
                body.permissions === undefined || body.permissions === null
                    ? undefined
                    : stringArray(body.permissions, "permissions");
            const description = optionalDescription(body);
            if (name !== undefined && name !== role.name) assertRoleNameFree(t(ctx), name);
            if (name !== undefined) role.name = name;
            if (permissions !== undefined) role.permissions = permissions;
            if (description !== undefined) role.description = description;
            role.updatedAt = nowSeconds();
            store.commit();
            return ok(roleJson(role));
        })
        .add("DELETE", "/v1/organization/roles/:roleId", (ctx) => {
            const org = t(ctx);
            const role = findRole(org, ctx.params.roleId);
            org.roles = org.roles.filter((r) => r !== role);
            for (const group of org.groups) group.roles = group.roles.filter((a) => a.roleId !== role.id);
            store.commit();
            return ok({ object: "role.deleted", id: role.id, deleted: true });
        })

        .add("GET", "/v1/organization/groups", (ctx) => ok(pageSdk(t(ctx).groups.map(groupJson), ctx.query)))
        .add("POST", "/v1/organization/groups", (ctx) => {
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["name"]);
            const name = requireString(body, "name");
            assertLocalGroupNameFree(t(ctx), name);
            capacity(t(ctx));
            const group: OrgGroupRecord = {
                id: newId("group", "_"),
                name,
                createdAt: nowSeconds(),
                scimManaged: false,
                roles: [],
            };
            t(ctx).groups.push(group);
            store.commit();
            return ok(groupJson(group));
        })
        .add("GET", "/v1/organization/groups/:groupId", (ctx) => ok(groupJson(findGroup(t(ctx), ctx.params.groupId))))
        .add("POST", "/v1/organization/groups/:groupId", (ctx) => {
            const group = findGroup(t(ctx), ctx.params.groupId);
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["name"]);
            const name = requireString(body, "name");
            assertLocalGroup(group, "renamed");
            if (name !== group.name) assertLocalGroupNameFree(t(ctx), name);
            group.name = name;
            store.commit();
            return ok({
                id: group.id,
                name: group.name,
                created_at: group.createdAt,
                is_scim_managed: group.scimManaged,
            });
        })
        .add("DELETE", "/v1/organization/groups/:groupId", (ctx) => {
            const org = t(ctx);
            const group = findGroup(org, ctx.params.groupId);
            assertLocalGroup(group, "deleted");
            org.groups = org.groups.filter((g) => g !== group);
            store.commit();
            return ok({ object: "group.deleted", id: group.id, deleted: true });
        })

        .add("GET", "/v1/organization/groups/:groupId/roles", (ctx) => {
            const org = t(ctx);
            const group = findGroup(org, ctx.params.groupId);
            return ok(
                pageSdk(
                    group.roles.map((a) => assignedRoleJson(findRole(org, a.roleId), a.createdAt)),
                    ctx.query,
                ),
            );
        })
        .add("POST", "/v1/organization/groups/:groupId/roles", (ctx) => {
            const org = t(ctx);
            const group = findGroup(org, ctx.params.groupId);
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["role_id"]);
            const roleId = requireString(body, "role_id");
            const role = org.roles.find((r) => r.id === roleId);
            if (!role) throw new ApiError(404, "not_found", `No role found with id '${roleId}'.`, { param: "role_id" });
            if (group.roles.some((a) => a.roleId === roleId)) {
                throw conflict(
                    "role_already_assigned",
                    `Role '${role.name}' (${role.id}) is already assigned to group '${group.name}' (${group.id}).`,
                    "role_id",
                );
            }
            group.roles.push({ roleId, createdAt: nowSeconds() });
            store.commit();
            return ok({
                object: "group.role",
                group: {
                    object: "group",
                    id: group.id,
                    name: group.name,
                    created_at: group.createdAt,
                    scim_managed: group.scimManaged,
                },
                role: roleJson(role),
            });
        })
        .add("GET", "/v1/organization/groups/:groupId/roles/:roleId", (ctx) => {
            const org = t(ctx);
            const group = findGroup(org, ctx.params.groupId);
            const assignment = group.roles.find((a) => a.roleId === ctx.params.roleId);
            if (!assignment) throw notFound(`role assignment on group '${group.id}'`, ctx.params.roleId);
            return ok(assignedRoleJson(findRole(org, assignment.roleId), assignment.createdAt));
        })
        .add("DELETE", "/v1/organization/groups/:groupId/roles/:roleId", (ctx) => {
            const group = findGroup(t(ctx), ctx.params.groupId);
            if (!group.roles.some((a) => a.roleId === ctx.params.roleId))
                throw notFound(`role assignment on group '${group.id}'`, ctx.params.roleId);
            group.roles = group.roles.filter((a) => a.roleId !== ctx.params.roleId);
            store.commit();
            return ok({ object: "group.role.deleted", deleted: true });
        });
}

function ok(body: unknown) {
    return { status: 200, body };
}

function optionalDescription(body: Record<string, unknown>): string | null | undefined {
    const value = body.description;
    if (value === undefined || value === null || typeof value === "string") return value;
    throw badRequest("'description' must be a string or null.", "description");
}

function findRole(org: ApiPlatformOrgState, id: string): RoleRecord {
    const role = org.roles.find((r) => r.id === id);
    if (!role) throw notFound("role", id);
    return role;
}

function findGroup(org: ApiPlatformOrgState, id: string): OrgGroupRecord {
    const group = org.groups.find((g) => g.id === id);
    if (!group) throw notFound("group", id);
    return group;
}

function assertRoleNameFree(org: ApiPlatformOrgState, name: string): void {
    const existing = org.roles.find((r) => r.name === name);
    if (existing)
        throw conflict(
            "role_name_exists",
            `A role named '${name}' already exists (${existing.id}); role names are unique.`,
            "role_name",
        );
}

function assertLocalGroupNameFree(org: ApiPlatformOrgState, name: string): void {
    const existing = org.groups.find((g) => !g.scimManaged && g.name === name);
    if (existing)
        throw conflict("group_name_exists", `A local group named '${name}' already exists (${existing.id}).`, "name");
}

function assertLocalGroup(group: OrgGroupRecord, action: string): void {
    if (group.scimManaged) {
        throw conflict(
            "group_scim_managed",
            `Group '${group.name}' (${group.id}) is managed through SCIM by your identity provider and cannot be ${action} here; change it in the IdP (GRP-2).`,
        );
    }
}

export function roleJson(role: RoleRecord) {
    return {
        object: "role" as const,
        id: role.id,
        name: role.name,
        description: role.description,
        permissions: [...role.permissions],
        predefined_role: false,
        resource_type: "api.organization",
    };
}

function assignedRoleJson(role: RoleRecord, assignedAt: number) {
    return {
        id: role.id,
        name: role.name,
        description: role.description,
        permissions: [...role.permissions],
        predefined_role: false,
        resource_type: "api.organization",
        assignment_sources: null,
        created_at: assignedAt,
        created_by: null,
        created_by_user_obj: null,
        metadata: null,
        updated_at: role.updatedAt,
    };
}

export function groupJson(group: OrgGroupRecord) {
    return {
        object: "group" as const,
        id: group.id,
        name: group.name,
        created_at: group.createdAt,
        group_type: "group" as const,
        is_scim_managed: group.scimManaged,
    };
}
