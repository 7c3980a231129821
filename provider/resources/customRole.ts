import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isConflict, isNotFound } from "../../clients/errors";
import { NO_SDK_RETRY, createWithLookup, fromSdkError, listAll } from "../../clients/sdk";
import { RESOURCE_MODULE, checkWith, connect, inContext, sameSet, withConfigure } from "./common";

/**
 * A custom workspace role: extra permissions on top of the default baseline (ROLE-1), through the
 * documented Admin API (`client.admin.organization.roles`). Create looks the name up first and
 * adopts a role of that name; a rename is an in-place update (the role id is the identity).
 */

export interface CustomRoleInputs {
    /** Role name as shown in the workspace; unique in the tenant. */
    name: string;
    /** Default "". */
    description?: string;
    /** Extra permissions granted (ROLE-1); order does not matter. */
    permissions: string[];
}

export interface CustomRoleOutputs extends CustomRoleInputs {
    roleId: string;
    /** True when a role of this name existed and this stack adopted it. */
    adopted: boolean;
}

interface LiveRole {
    id: string;
    name: string;
    description: string | null;
    permissions: string[];
    predefined_role?: boolean;
}

export function customRoleSchema() {
    return z.object({
        name: z.string().min(1, { error: "a custom role needs a name" }).max(100),
        description: z.string().max(500).default(""),
        permissions: z.array(z.string().min(1)).min(1, { error: "a custom role grants at least one extra permission (ROLE-1)" })
            .refine((p) => new Set(p).size === p.length, { error: "lists a permission twice" }),
    });
}

function outputsOf(live: LiveRole, adopted: boolean): CustomRoleOutputs {
    return { name: live.name, description: live.description ?? "", permissions: [...live.permissions], roleId: live.id, adopted };
}

/** The changed fields as a roles.update body (built field by field). */
export function roleUpdateBody(desired: CustomRoleInputs, current: { name: string; description?: string | null; permissions: string[] }) {
    const body: { role_name?: string; description?: string; permissions?: string[] } = {};
    if (desired.name !== current.name) body.role_name = desired.name;
    if ((desired.description ?? "") !== (current.description ?? "")) body.description = desired.description ?? "";
    if (!sameSet(desired.permissions, current.permissions)) body.permissions = [...desired.permissions];
    return body;
}

export function customRoleProvider(): pulumi.dynamic.ResourceProvider<CustomRoleInputs, CustomRoleOutputs> {
    return withConfigure((settings) => ({
        async check(_olds: CustomRoleInputs, news: CustomRoleInputs) {
            return checkWith(customRoleSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: CustomRoleOutputs, news: CustomRoleInputs) {
            const changes = Object.keys(roleUpdateBody(news, olds)).length > 0;
            return { changes, replaces: [], stables: ["roleId"] };
        },

        async create(inputs: CustomRoleInputs) {
            const label = `CustomRole ${inputs.name}`;
            return inContext(label, settings, async () => {
                const { sdk, credentials } = connect(settings());
                const client = sdk();
                const findByName = async (): Promise<LiveRole | undefined> => {
                    const roles = await listAll<LiveRole>((after) => client.admin.organization.roles.list({ limit: 100, ...(after ? { after } : {}) }));
                    return roles.find((r) => r.name === inputs.name && !r.predefined_role);
                };
                const existing = await findByName().catch((e) => { throw fromSdkError("GET /organization/roles", e, credentials.adminKey); });
                if (existing) {
                    const body = roleUpdateBody(inputs, existing);
                    if (Object.keys(body).length === 0) return { id: existing.id, outs: outputsOf(existing, true) };
                    const updated = await client.admin.organization.roles.update(existing.id, body)
                        .catch((e) => { throw fromSdkError(`POST /organization/roles/${existing.id}`, e, credentials.adminKey); });
                    return { id: updated.id, outs: outputsOf(updated, true) };
                }
                try {
                    const created = await createWithLookup<LiveRole>(
                        "POST /organization/roles",
                        () => client.admin.organization.roles.create({ role_name: inputs.name, permissions: [...inputs.permissions], description: inputs.description ?? "" }, NO_SDK_RETRY),
                        findByName,
                        {},
                        credentials.adminKey,
                    );
                    return { id: created.id, outs: outputsOf(created, false) };
                } catch (err) {
                    // Created meanwhile by someone else: adopt rather than fail or duplicate.
                    if (!isConflict(err, "role_name_exists")) throw err;
                    const raced = await findByName();
                    if (!raced) throw err;
                    return { id: raced.id, outs: outputsOf(raced, true) };
                }
            });
        },

        async read(id: string, props?: CustomRoleOutputs) {
            return inContext(`CustomRole ${props?.name ?? id}`, settings, async () => {
                const { sdk, credentials } = connect(settings());
                try {
                    const live = await sdk().admin.organization.roles.retrieve(id);
                    return { id: live.id, props: outputsOf(live, props?.adopted ?? true) };
                } catch (e) {
                    if (isNotFound(e)) return {};
                    throw fromSdkError(`GET /organization/roles/${id}`, e, credentials.adminKey);
                }
            });
        },

        async update(id: string, olds: CustomRoleOutputs, news: CustomRoleInputs) {
            return inContext(`CustomRole ${news.name}`, settings, async () => {
                const { sdk, credentials } = connect(settings());
                const body = roleUpdateBody(news, olds);
                if (Object.keys(body).length === 0) return { outs: { ...olds, ...news } };
                const updated = await sdk().admin.organization.roles.update(id, body)
                    .catch((e) => { throw fromSdkError(`POST /organization/roles/${id}`, e, credentials.adminKey); });
                return { outs: outputsOf(updated, olds.adopted) };
            });
        },

        async delete(id: string, props: CustomRoleOutputs) {
            await inContext(`CustomRole ${props.name}`, settings, async () => {
                const { sdk, credentials } = connect(settings());
                try {
                    await sdk().admin.organization.roles.delete(id);
                } catch (e) {
                    if (!isNotFound(e)) throw fromSdkError(`DELETE /organization/roles/${id}`, e, credentials.adminKey);
                }
            });
        },
    }));
}

const provider = customRoleProvider();

export interface CustomRoleArgs {
    /** Role name as shown in the workspace (unique). Renaming updates the role in place. */
    name: pulumi.Input<string>;
    /** Description. Default "". */
    description?: pulumi.Input<string>;
    /** Extra permissions on top of the workspace baseline (ROLE-1), at least one. */
    permissions: pulumi.Input<pulumi.Input<string>[]>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:CustomRole`. */
export class CustomRole extends pulumi.dynamic.Resource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string>;
    declare readonly permissions: pulumi.Output<string[]>;
    declare readonly roleId: pulumi.Output<string>;
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: CustomRoleArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, description: args.description ?? "", roleId: undefined, adopted: undefined }, opts, RESOURCE_MODULE, "CustomRole");
    }
}
