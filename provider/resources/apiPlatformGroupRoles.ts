import * as pulumi from "@pulumi/pulumi";
import OpenAI from "openai";
import { z } from "zod";
import { isConflict, isNotFound } from "../../clients/apiPlatform/errors";
import { NO_SDK_RETRY, createWithLookup, fromSdkError, listAll } from "../../clients/apiPlatform/sdk";
import {
    API_PLATFORM_MODULE,
    resourceError,
    checkWith,
    forEachLimited,
    inContext,
    sameSet,
    sleep,
    withConfigure,
} from "./common";
import { apiPlatformSdk } from "./apiPlatformConnection";
import { ProviderSettings } from "./providerSettings";

/**
 * API Platform ORGANIZATION RBAC for groups pushed to the API Platform organization: every group →
 * API Platform role mapping in ONE resource (`client.admin.organization.groups.roles`, `openai` SDK).
 * Not ChatGPT workspace custom roles: those have no API and are runbook steps. A district maps hundreds of
 * groups: one resource per mapping would mean hundreds of resources, each listing groups and roles
 * on its own. Here one apply lists the groups once, the roles once, and each group's roles once,
 * then adds or removes only the assignments that changed.
 *
 * Groups are IdP groups pushed through SCIM (GRP-2), so they appear in the API Platform organization only after
 * the push (ROLE-2): create waits for them, a bounded number of times. A group is matched by name
 * among the SCIM-managed groups; a local group of that name is not used (GRP-3). Only
 * (non-predefined) roles are managed on the listed groups; such a role added to one of them
 * outside this stack shows as drift on refresh and is removed by the next update.
 */

export interface RoleMapping {
    /** Convention name of a SCIM-pushed group (GRP-1). */
    group: string;
    /** Names of API Platform roles (non-predefined) for that group. */
    roles: string[];
}

export interface ApiPlatformGroupRolesInputs {
    mappings: RoleMapping[];
    /** Tries to find every group before failing (ROLE-2). Default 30. */
    groupWaitAttempts?: number;
    /** Seconds between tries. Default 10 (5 minutes in all). */
    groupWaitIntervalSeconds?: number;
}

export interface ApiPlatformGroupRolesOutputs extends ApiPlatformGroupRolesInputs {
    /** Workspace group id by group name. */
    groupIds: Record<string, string>;
    /**
     * Role id by role name as of the last apply, so that a mapping removed in the same apply as its
     * role is renamed can still be found and removed.
     */
    roleIds?: Record<string, string>;
}

export const DEFAULT_GROUP_WAIT_ATTEMPTS = 30;
export const DEFAULT_GROUP_WAIT_INTERVAL_SECONDS = 10;
const LABEL = "ApiPlatformGroupRoles";
const PARALLEL = 8;

export function apiPlatformGroupRolesSchema() {
    return z.object({
        mappings: z
            .array(
                z.object({
                    group: z.string().min(1),
                    roles: z
                        .array(z.string().min(1))
                        .min(1, { error: "map a group to at least one role, or remove the mapping" }),
                }),
            )
            .superRefine((mappings, ctx) => {
                const seen = new Set<string>();
                mappings.forEach((m, i) => {
                    if (seen.has(m.group))
                        ctx.addIssue({
                            code: "custom",
                            path: [i, "group"],
                            message: `group "${m.group}" is mapped twice; list all its roles in one mapping`,
                        });
                    seen.add(m.group);
                });
            })
            .transform((mappings) => mappings.map((m) => ({ group: m.group, roles: [...new Set(m.roles)].sort() }))),
        groupWaitAttempts: z.number().int().min(1).max(360).default(DEFAULT_GROUP_WAIT_ATTEMPTS),
        groupWaitIntervalSeconds: z.number().min(0).max(600).default(DEFAULT_GROUP_WAIT_INTERVAL_SECONDS),
    });
}

interface Named {
    id: string;
    name: string;
}

function byGroup(mappings: RoleMapping[] | undefined): Map<string, string[]> {
    return new Map((mappings ?? []).map((m) => [m.group, m.roles]));
}

/** The Admin API calls this resource makes, on one SDK client built for this call. */
class Organization {
    constructor(
        private readonly client: OpenAI,
        private readonly adminKey: string,
    ) {}

    private fail(label: string, e: unknown): never {
        throw fromSdkError(label, e, this.adminKey);
    }

    /** Custom role id by name. */
    async roleIds(): Promise<Map<string, string>> {
        const roles = await listAll<Named & { predefined_role?: boolean }>((after) =>
            this.client.admin.organization.roles.list({ limit: 100, ...(after ? { after } : {}) }),
        ).catch((e) => this.fail("GET /organization/roles", e));
        return new Map(roles.filter((r) => !r.predefined_role).map((r) => [r.name, r.id]));
    }

    async groups(): Promise<(Named & { is_scim_managed: boolean })[]> {
        return listAll<Named & { is_scim_managed: boolean }>((after) =>
            this.client.admin.organization.groups.list({ limit: 100, ...(after ? { after } : {}) }),
        ).catch((e) => this.fail("GET /organization/groups", e));
    }

    /** Custom roles assigned to a group (empty when the group is gone). */
    async assigned(groupId: string): Promise<Named[]> {
        try {
            const roles = await listAll<Named & { predefined_role?: boolean }>((after) =>
                this.client.admin.organization.groups.roles.list(groupId, { limit: 100, ...(after ? { after } : {}) }),
            );
            return roles.filter((r) => !r.predefined_role);
        } catch (e) {
            if (isNotFound(e)) return [];
            return this.fail(`GET /organization/groups/${groupId}/roles`, e);
        }
    }

    /** Assigns a role; a create POST, so after an ambiguous failure it looks again before re-posting. */
    async assign(groupId: string, roleId: string): Promise<void> {
        try {
            await createWithLookup<true>(
                `POST /organization/groups/${groupId}/roles`,
                async () => {
                    await this.client.admin.organization.groups.roles.create(
                        groupId,
                        { role_id: roleId },
                        NO_SDK_RETRY,
                    );
                    return true;
                },
                async () => ((await this.assigned(groupId)).some((r) => r.id === roleId) ? true : undefined),
                {},
                this.adminKey,
            );
        } catch (e) {
            if (isConflict(e, "role_already_assigned")) return;
            throw e;
        }
    }

    async unassign(groupId: string, roleId: string): Promise<void> {
        try {
            await this.client.admin.organization.groups.roles.delete(roleId, { group_id: groupId });
        } catch (e) {
            if (!isNotFound(e)) this.fail(`DELETE /organization/groups/${groupId}/roles/${roleId}`, e);
        }
    }

    /** Waits until every named group has been pushed by SCIM (ROLE-2); group id by name. */
    async waitForGroups(names: string[], attempts: number, intervalSeconds: number): Promise<Map<string, string>> {
        for (let attempt = 1; ; attempt++) {
            const groups = await this.groups();
            const pushed = new Map(groups.filter((g) => g.is_scim_managed).map((g) => [g.name, g.id]));
            const missing = names.filter((n) => !pushed.has(n));
            if (missing.length === 0) return pushed;
            if (attempt >= attempts) {
                const local = new Set(groups.filter((g) => !g.is_scim_managed).map((g) => g.name));
                const detail = missing
                    .map((n) => (local.has(n) ? `${n} (exists only as a local organization group, GRP-3)` : n))
                    .join(", ");
                throw resourceError(
                    `${LABEL}: ROLE-2: ${missing.length} group(s) have not been pushed to the API Platform organization by SCIM after ${attempts} tries over ${Math.round((attempts - 1) * intervalSeconds)} s: ${detail}. ` +
                        "Groups appear only after the IdP pushes them (GRP-2): check that each is assigned to the SCIM app and pushed, then run pulumi up again",
                );
            }
            await sleep(intervalSeconds * 1000);
        }
    }
}

function workspaceFor(settings: ProviderSettings | undefined): Organization {
    const { client, adminKey } = apiPlatformSdk(settings);
    return new Organization(client, adminKey);
}

function requireRoles(roleIds: Map<string, string>, mappings: RoleMapping[]): void {
    const missing = [...new Set(mappings.flatMap((m) => m.roles))].filter((r) => !roleIds.has(r));
    if (missing.length > 0) {
        throw resourceError(
            `${LABEL}: API Platform role(s) not found in the organization: ${missing.join(", ")}; declare them in apiPlatform.roles (ApiPlatformRole) so they are created first`,
        );
    }
}

/** Live role ids by name, completed with the ones remembered from the last apply (renamed roles). */
function withRemembered(
    live: Map<string, string>,
    remembered: Record<string, string> | undefined,
): Map<string, string> {
    return new Map([...Object.entries(remembered ?? {}), ...live]);
}

function usedRoleIds(roleIds: Map<string, string>, mappings: RoleMapping[]): Record<string, string> {
    const names = [...new Set(mappings.flatMap((m) => m.roles))].filter((r) => roleIds.has(r)).sort();
    return Object.fromEntries(names.map((r) => [r, roleIds.get(r)!]));
}

interface GroupWork {
    group: string;
    add: string[];
    remove: string[];
    /** Every role the group should end with: a removed name whose id is one of these stays. */
    keep: string[];
    look: boolean;
}

/** Brings each listed group to exactly its desired roles, touching only the differences. */
async function converge(
    ws: Organization,
    roleIds: Map<string, string>,
    groupIds: Map<string, string>,
    work: GroupWork[],
): Promise<void> {
    await forEachLimited(work, PARALLEL, async ({ group, add, remove, keep, look }) => {
        const groupId = groupIds.get(group)!;
        // Look before POST: skip roles the group already has.
        const present =
            look && add.length > 0 ? new Set((await ws.assigned(groupId)).map((r) => r.id)) : new Set<string>();
        for (const role of add) {
            const roleId = roleIds.get(role)!;
            if (!present.has(roleId)) await ws.assign(groupId, roleId);
        }
        const kept = new Set(keep.map((r) => roleIds.get(r)));
        for (const role of remove) {
            const roleId = roleIds.get(role);
            if (roleId && !kept.has(roleId)) await ws.unassign(groupId, roleId);
        }
    });
}

export function apiPlatformGroupRolesProvider(): pulumi.dynamic.ResourceProvider<
    ApiPlatformGroupRolesInputs,
    ApiPlatformGroupRolesOutputs
> {
    return withConfigure((settings) => ({
        async check(_olds: ApiPlatformGroupRolesInputs, news: ApiPlatformGroupRolesInputs) {
            return checkWith(apiPlatformGroupRolesSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: ApiPlatformGroupRolesOutputs, news: ApiPlatformGroupRolesInputs) {
            const before = byGroup(olds.mappings);
            const after = byGroup(news.mappings);
            const groups = new Set([...before.keys(), ...after.keys()]);
            const changes = [...groups].some((g) => !sameSet(before.get(g), after.get(g)));
            return { changes, replaces: [] };
        },

        async create(inputs: ApiPlatformGroupRolesInputs) {
            return inContext(LABEL, settings, async () => {
                const ws = workspaceFor(settings());
                const roleIds = await ws.roleIds();
                requireRoles(roleIds, inputs.mappings);
                const names = inputs.mappings.map((m) => m.group);
                const groupIds = await ws.waitForGroups(
                    names,
                    inputs.groupWaitAttempts ?? DEFAULT_GROUP_WAIT_ATTEMPTS,
                    inputs.groupWaitIntervalSeconds ?? DEFAULT_GROUP_WAIT_INTERVAL_SECONDS,
                );
                await converge(
                    ws,
                    roleIds,
                    groupIds,
                    inputs.mappings.map((m) => ({
                        group: m.group,
                        add: m.roles,
                        remove: [],
                        keep: m.roles,
                        look: true,
                    })),
                );
                return {
                    id: "group-role-mappings",
                    outs: {
                        ...inputs,
                        groupIds: Object.fromEntries(names.map((n) => [n, groupIds.get(n)!])),
                        roleIds: usedRoleIds(roleIds, inputs.mappings),
                    },
                };
            });
        },

        async read(id: string, props?: ApiPlatformGroupRolesOutputs) {
            return inContext(LABEL, settings, async () => {
                if (!props) return { id, props };
                const ws = workspaceFor(settings());
                const present = new Set((await ws.groups()).map((g) => g.id));
                const mappings: RoleMapping[] = [];
                const groupIds: Record<string, string> = {};
                for (const m of props.mappings ?? []) {
                    const groupId = props.groupIds?.[m.group];
                    if (!groupId || !present.has(groupId)) continue;
                    groupIds[m.group] = groupId;
                    mappings.push({ group: m.group, roles: (await ws.assigned(groupId)).map((r) => r.name).sort() });
                }
                return { id, props: { ...props, mappings, groupIds } };
            });
        },

        async update(_id: string, olds: ApiPlatformGroupRolesOutputs, news: ApiPlatformGroupRolesInputs) {
            return inContext(LABEL, settings, async () => {
                const before = byGroup(olds.mappings);
                const after = byGroup(news.mappings);
                const work = [...new Set([...before.keys(), ...after.keys()])]
                    .map((group) => {
                        const had = new Set(before.get(group) ?? []);
                        const wants = new Set(after.get(group) ?? []);
                        return {
                            group,
                            add: [...wants].filter((r) => !had.has(r)),
                            remove: [...had].filter((r) => !wants.has(r)),
                            keep: [...wants],
                            look: true,
                        };
                    })
                    .filter((w) => w.add.length + w.remove.length > 0);
                const known = new Map(Object.entries(olds.groupIds ?? {}));
                const ws = workspaceFor(settings());
                const live = await ws.roleIds();
                requireRoles(live, news.mappings);
                const roleIds = withRemembered(live, olds.roleIds);
                const unknownGroups = work.filter((w) => !known.has(w.group) && w.add.length > 0).map((w) => w.group);
                if (unknownGroups.length > 0) {
                    const found = await ws.waitForGroups(
                        unknownGroups,
                        news.groupWaitAttempts ?? DEFAULT_GROUP_WAIT_ATTEMPTS,
                        news.groupWaitIntervalSeconds ?? DEFAULT_GROUP_WAIT_INTERVAL_SECONDS,
                    );
                    for (const g of unknownGroups) known.set(g, found.get(g)!);
                }
                await converge(
                    ws,
                    roleIds,
                    known,
                    work.filter((w) => known.has(w.group)),
                );
                const groupIds = Object.fromEntries(news.mappings.map((m) => [m.group, known.get(m.group)!]));
                return { outs: { ...news, groupIds, roleIds: usedRoleIds(live, news.mappings) } };
            });
        },

        async delete(_id: string, props: ApiPlatformGroupRolesOutputs) {
            await inContext(LABEL, settings, async () => {
                const ws = workspaceFor(settings());
                const roleIds = withRemembered(await ws.roleIds(), props.roleIds);
                const known = new Map(Object.entries(props.groupIds ?? {}));
                const work = (props.mappings ?? [])
                    .filter((m) => known.has(m.group))
                    .map((m) => ({ group: m.group, add: [], remove: m.roles, keep: [], look: false }));
                await converge(ws, roleIds, known, work);
            });
        },
    }));
}

const provider = apiPlatformGroupRolesProvider();

export interface ApiPlatformGroupRolesArgs {
    /**
     * Every group → API Platform roles mapping (config `apiPlatform.roleMappings`); groups must be SCIM-pushed to the
     * organization.
     */
    mappings: pulumi.Input<pulumi.Input<RoleMapping>[]>;
    /** Tries to find every group before failing (ROLE-2). Default 30. */
    groupWaitAttempts?: pulumi.Input<number>;
    /** Seconds between tries. Default 10. */
    groupWaitIntervalSeconds?: pulumi.Input<number>;
}

/** Old type of this resource (it was misnamed as ChatGPT role mappings); an alias keeps existing stacks' state. */
export const LEGACY_GROUP_ROLE_MAPPINGS_TYPE = "pulumi-nodejs:dynamic/chatgpt-identity/workspace:GroupRoleMappings";

/**
 * `pulumi-nodejs:dynamic/chatgpt-identity/apiPlatform:ApiPlatformGroupRoles`: all group → API Platform role mappings.
 */
export class ApiPlatformGroupRoles extends pulumi.dynamic.Resource {
    declare readonly mappings: pulumi.Output<RoleMapping[]>;
    declare readonly groupIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: ApiPlatformGroupRolesArgs, opts?: pulumi.CustomResourceOptions) {
        const aliases = [...(opts?.aliases ?? []), { type: LEGACY_GROUP_ROLE_MAPPINGS_TYPE }];
        super(
            provider,
            name,
            { ...args, groupIds: undefined },
            { ...opts, aliases },
            API_PLATFORM_MODULE,
            "ApiPlatformGroupRoles",
        );
    }
}
