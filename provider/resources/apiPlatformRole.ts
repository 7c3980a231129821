import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isConflict, isNotFound } from "../../clients/apiPlatform/errors";
import { NO_SDK_RETRY, createWithLookup, fromSdkError, listAll } from "../../clients/apiPlatform/sdk";
import { API_PLATFORM_MODULE, checkWith, inContext, resourceError, sameSet, withConfigure } from "./common";
import { apiPlatformSdk } from "./apiPlatformConnection";

/**
 * An API Platform ORGANIZATION role (RBAC of the API Platform organization, `resource_type`
 * `api.organization`), through the documented Admin API (`client.admin.organization.roles`, `openai`
 * SDK). It is NOT a ChatGPT workspace custom role: those (publish GPTs, publish skills) have no API and
 * are runbook steps. A rename is an in-place update (the role id is the identity).
 *
 * A role of the same name made by hand is never taken over unless `adoptExisting` is true; an adopted
 * role is never deleted when the stack lets go of it (delete leaves it as it is).
 */

export interface ApiPlatformRoleInputs {
    /** Role name in the API Platform organization; unique there. */
    name: string;
    /** Default "". */
    description?: string;
    /** API Platform permissions granted; order does not matter. */
    permissions: string[];
    /** Manage a same-named role that already exists (made by hand). Default false: create refuses. */
    adoptExisting?: boolean;
}

export interface ApiPlatformRoleOutputs extends ApiPlatformRoleInputs {
    roleId: string;
    /** True when a role of this name existed and this stack adopted it (then never deleted by it). */
    adopted: boolean;
}

interface LiveRole {
    id: string;
    name: string;
    description: string | null;
    permissions: string[];
    predefined_role?: boolean;
}

export function apiPlatformRoleSchema() {
    return z.object({
        name: z.string().min(1, { error: "an API Platform role needs a name" }).max(100),
        description: z.string().max(500).default(""),
        permissions: z
            .array(z.string().min(1))
            .min(1, { error: "an API Platform role grants at least one permission" })
            .refine((p) => new Set(p).size === p.length, { error: "lists a permission twice" }),
        adoptExisting: z.boolean().default(false),
    });
}

const LABEL = "ApiPlatformRole";

function refuseTakeover(name: string, id: string) {
    return resourceError(
        `${LABEL} ${name}: an API Platform role named "${name}" already exists (${id}) and was not made by this stack; ` +
            "it is never taken over silently. Set adoptExisting: true on this role (config apiPlatform.roles[].adoptExisting) to manage it, " +
            "or give the declared role another name",
    );
}

function outputsOf(live: LiveRole, adopted: boolean, adoptExisting: boolean): ApiPlatformRoleOutputs {
    return {
        name: live.name,
        description: live.description ?? "",
        permissions: [...live.permissions],
        adoptExisting,
        roleId: live.id,
        adopted,
    };
}

/** The changed fields as a roles.update body (built field by field). */
export function roleUpdateBody(
    desired: ApiPlatformRoleInputs,
    current: { name: string; description?: string | null; permissions: string[] },
) {
    const body: { role_name?: string; description?: string; permissions?: string[] } = {};
    if (desired.name !== current.name) body.role_name = desired.name;
    if ((desired.description ?? "") !== (current.description ?? "")) body.description = desired.description ?? "";
    if (!sameSet(desired.permissions, current.permissions)) body.permissions = [...desired.permissions];
    return body;
}

export function apiPlatformRoleProvider(): pulumi.dynamic.ResourceProvider<
    ApiPlatformRoleInputs,
    ApiPlatformRoleOutputs
> {
    return withConfigure((settings) => ({
        async check(_olds: ApiPlatformRoleInputs, news: ApiPlatformRoleInputs) {
            return checkWith(apiPlatformRoleSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: ApiPlatformRoleOutputs, news: ApiPlatformRoleInputs) {
            const changes =
                Object.keys(roleUpdateBody(news, olds)).length > 0 ||
                Boolean(olds.adoptExisting) !== Boolean(news.adoptExisting);
            return { changes, replaces: [], stables: ["roleId"] };
        },

        async create(inputs: ApiPlatformRoleInputs) {
            const label = `${LABEL} ${inputs.name}`;
            const adoptExisting = inputs.adoptExisting ?? false;
            return inContext(label, settings, async () => {
                const { client, adminKey } = apiPlatformSdk(settings());
                const credentials = { adminKey };
                const findByName = async (): Promise<LiveRole | undefined> => {
                    const roles = await listAll<LiveRole>((after) =>
                        client.admin.organization.roles.list({ limit: 100, ...(after ? { after } : {}) }),
                    );
                    return roles.find((r) => r.name === inputs.name && !r.predefined_role);
                };
                const existing = await findByName().catch((e) => {
                    throw fromSdkError("GET /organization/roles", e, credentials.adminKey);
                });
                if (existing) {
                    if (!adoptExisting) throw refuseTakeover(inputs.name, existing.id);
                    const body = roleUpdateBody(inputs, existing);
                    if (Object.keys(body).length === 0)
                        return { id: existing.id, outs: outputsOf(existing, true, adoptExisting) };
                    const updated = await client.admin.organization.roles.update(existing.id, body).catch((e) => {
                        throw fromSdkError(`POST /organization/roles/${existing.id}`, e, credentials.adminKey);
                    });
                    return { id: updated.id, outs: outputsOf(updated, true, adoptExisting) };
                }
                try {
                    const created = await createWithLookup<LiveRole>(
                        "POST /organization/roles",
                        () =>
                            client.admin.organization.roles.create(
                                {
                                    role_name: inputs.name,
                                    permissions: [...inputs.permissions],
                                    description: inputs.description ?? "",
                                },
                                NO_SDK_RETRY,
                            ),
                        findByName,
                        {},
                        credentials.adminKey,
                    );
                    return { id: created.id, outs: outputsOf(created, false, adoptExisting) };
                } catch (err) {
                    // Created meanwhile by someone else: adopt only when the config says so.
                    if (!isConflict(err, "role_name_exists")) throw err;
                    const raced = await findByName();
                    if (!raced) throw err;
                    if (!adoptExisting) throw refuseTakeover(inputs.name, raced.id);
                    return { id: raced.id, outs: outputsOf(raced, true, adoptExisting) };
                }
            });
        },

        async read(id: string, props?: ApiPlatformRoleOutputs) {
            return inContext(`${LABEL} ${props?.name ?? id}`, settings, async () => {
                const { client, adminKey } = apiPlatformSdk(settings());
                const credentials = { adminKey };
                try {
                    const live = await client.admin.organization.roles.retrieve(id);
                    return {
                        id: live.id,
                        props: outputsOf(live, props?.adopted ?? true, props?.adoptExisting ?? false),
                    };
                } catch (e) {
                    if (isNotFound(e)) return {};
                    throw fromSdkError(`GET /organization/roles/${id}`, e, credentials.adminKey);
                }
            });
        },

        async update(id: string, olds: ApiPlatformRoleOutputs, news: ApiPlatformRoleInputs) {
            return inContext(`${LABEL} ${news.name}`, settings, async () => {
                const body = roleUpdateBody(news, olds);
                if (Object.keys(body).length === 0) return { outs: { ...olds, ...news } };
                const { client, adminKey } = apiPlatformSdk(settings());
                const updated = await client.admin.organization.roles.update(id, body).catch((e) => {
                    throw fromSdkError(`POST /organization/roles/${id}`, e, adminKey);
                });
                return { outs: outputsOf(updated, olds.adopted, news.adoptExisting ?? false) };
            });
        },

        async delete(id: string, props: ApiPlatformRoleOutputs) {
            await inContext(`${LABEL} ${props.name}`, settings, async () => {
                // An adopted role was made by hand: letting go of it leaves it as it is.
                if (props.adopted) return;
                const { client, adminKey } = apiPlatformSdk(settings());
                try {
                    await client.admin.organization.roles.delete(id);
                } catch (e) {
                    if (!isNotFound(e)) throw fromSdkError(`DELETE /organization/roles/${id}`, e, adminKey);
                }
            });
        },
    }));
}

const provider = apiPlatformRoleProvider();

export interface ApiPlatformRoleArgs {
    /** Role name in the API Platform organization (unique). Renaming updates the role in place. */
    name: pulumi.Input<string>;
    /** Description. Default "". */
    description?: pulumi.Input<string>;
    /** API Platform permissions, at least one. */
    permissions: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Take over a same-named role made by hand (config `apiPlatform.roles[].adoptExisting`). Default
     * false: create fails naming the role. An adopted role is never deleted by this stack.
     */
    adoptExisting?: pulumi.Input<boolean>;
}

/** Old type of this resource (it was misnamed a ChatGPT custom role); an alias keeps existing stacks' roles. */
export const LEGACY_CUSTOM_ROLE_TYPE = "pulumi-nodejs:dynamic/chatgpt-identity/workspace:CustomRole";

/** `pulumi-nodejs:dynamic/chatgpt-identity/apiPlatform:ApiPlatformRole`: API Platform organization RBAC. */
export class ApiPlatformRole extends pulumi.dynamic.Resource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string>;
    declare readonly permissions: pulumi.Output<string[]>;
    declare readonly roleId: pulumi.Output<string>;
    declare readonly adopted: pulumi.Output<boolean>;

    declare readonly adoptExisting: pulumi.Output<boolean>;

    constructor(name: string, args: ApiPlatformRoleArgs, opts?: pulumi.CustomResourceOptions) {
        const aliases = [...(opts?.aliases ?? []), { type: LEGACY_CUSTOM_ROLE_TYPE }];
        super(
            provider,
            name,
            {
                ...args,
                description: args.description ?? "",
                adoptExisting: args.adoptExisting ?? false,
                roleId: undefined,
                adopted: undefined,
            },
            { ...opts, aliases },
            API_PLATFORM_MODULE,
            "ApiPlatformRole",
        );
    }
}
