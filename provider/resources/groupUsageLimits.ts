import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ChatGptAdminClient } from "../../clients/chatgptAdmin";
import {
    RESOURCE_MODULE,
    checkWith,
    keyNameChanged,
    forEachLimited,
    inContext,
    progressReporter,
    resourceError,
    withConfigure,
} from "./common";
import {
    workspaceTargetShape,
    DEFAULT_GROUP_POLL_SECONDS,
    DEFAULT_GROUP_WAIT_SECONDS,
    chatgptClient,
    creditRule,
    isNotFoundError,
    overrideCredits,
    waitForPushedGroups,
} from "./chatgptWorkspace";

/**
 * The monthly credit limit of every declared access group of ONE workspace (000 §5 "higher credit
 * limits for a specific group", 001 "spend controls"), through
 * `PATCH /manage/workspaces/{id}/usage_limits/groups/{group_id}`.
 *
 * One resource for all groups, not one per group: each group resource would have to list the
 * workspace's groups to find its id, so 1,000 groups would cost 1,000 extra list requests on one
 * route (another 10 minutes at the API's 100 requests a minute per route) and 1,000 separate bounded
 * waits. Here an apply lists the groups once per wait try and sends one PATCH per changed group,
 * which is the floor: 1,000 groups take 10 minutes at 100/min, paced by the client.
 *
 * Groups come from the IdP through SCIM (GRP-2): create and update wait a bounded time for them
 * (ROLE-2), then fail naming what is missing. Delete, and removing a group from the config, set the
 * group back to the inherited limit (`null`). A limit set by hand on a group the config does not
 * list is never touched; a group the config lists gets the config's limit (the config says so).
 */

export interface GroupLimit {
    /** Convention name of a SCIM-pushed group (GRP-1). */
    group: string;
    /** Monthly credit limit of the group's members. */
    credits: number;
}

export interface GroupUsageLimitsInputs {
    /** ChatGPT workspace UUID (the identity of this resource: a change replaces it). */
    workspaceId: string;
    /** Secret config key of this workspace's Admin key (`adminKey` default, `adminKey-<key>` in the tenant form). */
    adminKeyConfigKey?: string;
    limits: GroupLimit[];
    /** Longest wait for SCIM to push the groups (ROLE-2). Default 300 s. */
    groupWaitSeconds?: number;
    /** Seconds between two looks. Default 10. */
    groupPollSeconds?: number;
}

export interface GroupUsageLimitsOutputs extends GroupUsageLimitsInputs {
    /** Workspace group id by group name, for the groups whose limit this stack set. */
    groupIds: Record<string, string>;
}

const LABEL = "GroupUsageLimits";
/** Requests in flight at once; the client paces them under the route limit. */
const PARALLEL = 8;

export function groupUsageLimitsSchema() {
    return z.object({
        ...workspaceTargetShape(),
        limits: z
            .array(
                z.object({
                    group: z.string().min(1),
                    credits: z.number().finite().min(0, { error: "a credit limit is 0 or more" }),
                }),
            )
            .superRefine((limits, ctx) => {
                const seen = new Set<string>();
                limits.forEach((l, i) => {
                    if (seen.has(l.group))
                        ctx.addIssue({
                            code: "custom",
                            path: [i, "group"],
                            message: `group "${l.group}" has two limits; keep one`,
                        });
                    seen.add(l.group);
                });
            }),
        groupWaitSeconds: z.number().min(0).max(3600).default(DEFAULT_GROUP_WAIT_SECONDS),
        groupPollSeconds: z.number().min(0).max(600).default(DEFAULT_GROUP_POLL_SECONDS),
    });
}

function byGroup(limits: GroupLimit[] | undefined): Map<string, number> {
    return new Map((limits ?? []).map((l) => [l.group, l.credits]));
}

/** Groups whose limit must be set (new or changed) and groups whose limit must go back to inherited. */
export function limitChanges(
    before: GroupLimit[] | undefined,
    after: GroupLimit[],
): { set: GroupLimit[]; clear: string[] } {
    const had = byGroup(before);
    const wants = byGroup(after);
    return {
        set: after.filter((l) => had.get(l.group) !== l.credits),
        clear: [...had.keys()].filter((g) => !wants.has(g)),
    };
}

/**
 * Sets `set` and clears `clear`, tracking what was done in `done` (group → credits, removed when
 * cleared) so that a failure midway can hand the engine exactly the state reached. A group whose known
 * id answers 404 was deleted (and perhaps pushed again by SCIM under a new id): it is looked up again
 * by name, within the same bounded wait (ROLE-2), and set once more.
 */
async function apply(
    client: ChatGptAdminClient,
    groupIds: Map<string, string>,
    set: GroupLimit[],
    clear: string[],
    done: Map<string, number>,
    waitFor: (names: string[]) => Promise<Map<string, string>>,
): Promise<void> {
    const tick = progressReporter(`${LABEL} (${set.length + clear.length} groups)`, set.length + clear.length);
    const gone: GroupLimit[] = [];
    const setOne = async ({ group, credits }: GroupLimit) => {
        await client.setGroupUsageLimit(groupIds.get(group)!, creditRule(credits));
        done.set(group, credits);
        tick();
    };
    await forEachLimited(set, PARALLEL, async (limit) => {
        try {
            await setOne(limit);
        } catch (e) {
            if (!isNotFoundError(e)) throw e;
            gone.push(limit);
        }
    });
    if (gone.length > 0) {
        const found = await waitFor(gone.map((l) => l.group));
        for (const l of gone) groupIds.set(l.group, found.get(l.group)!);
        await forEachLimited(gone, PARALLEL, setOne);
    }
    await forEachLimited(clear, PARALLEL, async (group) => {
        const id = groupIds.get(group);
        try {
            if (id) await client.setGroupUsageLimit(id, null);
        } catch (e) {
            if (!isNotFoundError(e)) throw e; // the group is gone: nothing to restore
        }
        done.delete(group);
        groupIds.delete(group);
        tick();
    });
}

/**
 * The failure of an apply that stopped midway. What was set stays set: a limit is a PATCH, so the next
 * `pulumi up` (from the state before this apply) sends the same PATCHes again and duplicates nothing.
 */
function stopped(cause: unknown, done: number, total: number): Error {
    if (done === 0) return cause as Error;
    const message = String((cause as Error)?.message ?? cause).replace(new RegExp(`^${LABEL}: `), "");
    return resourceError(
        `${LABEL}: ${message}; ${done} of ${total} group limits were already changed and stay so: ` +
            "run `pulumi up` again to finish (it sends the same PATCHes again, nothing is duplicated)",
        cause,
    );
}

function outputs(
    inputs: GroupUsageLimitsInputs,
    done: Map<string, number>,
    groupIds: Map<string, string>,
): GroupUsageLimitsOutputs {
    const limits = inputs.limits
        .filter((l) => done.has(l.group))
        .map((l) => ({ group: l.group, credits: done.get(l.group)! }));
    // A group dropped from the config but not yet cleared stays, so the next apply clears it.
    for (const [group, credits] of done) if (!limits.some((l) => l.group === group)) limits.push({ group, credits });
    return {
        ...inputs,
        limits,
        groupIds: Object.fromEntries([...done.keys()].filter((g) => groupIds.has(g)).map((g) => [g, groupIds.get(g)!])),
    };
}

export function groupUsageLimitsProvider(): pulumi.dynamic.ResourceProvider<
    GroupUsageLimitsInputs,
    GroupUsageLimitsOutputs
> {
    return withConfigure((settings) => ({
        async check(_olds: GroupUsageLimitsInputs, news: GroupUsageLimitsInputs) {
            return checkWith(groupUsageLimitsSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: GroupUsageLimitsOutputs, news: GroupUsageLimitsInputs) {
            if (olds.workspaceId !== news.workspaceId)
                return { changes: true, replaces: ["workspaceId"], deleteBeforeReplace: true };
            const { set, clear } = limitChanges(olds.limits, news.limits);
            return { changes: set.length + clear.length > 0 || keyNameChanged(olds, news), replaces: [] };
        },

        async create(inputs: GroupUsageLimitsInputs) {
            return inContext(LABEL, settings, async () => {
                const client = chatgptClient(settings(), inputs, console.error);
                const names = inputs.limits.map((l) => l.group);
                const waitFor = (wanted: string[]) =>
                    waitForPushedGroups(
                        client,
                        LABEL,
                        wanted,
                        inputs.groupWaitSeconds ?? DEFAULT_GROUP_WAIT_SECONDS,
                        inputs.groupPollSeconds ?? DEFAULT_GROUP_POLL_SECONDS,
                    );
                const groupIds = names.length === 0 ? new Map<string, string>() : await waitFor(names);
                const done = new Map<string, number>();
                try {
                    await apply(client, groupIds, inputs.limits, [], done, waitFor);
                } catch (e) {
                    throw stopped(e, done.size, inputs.limits.length);
                }
                return { id: inputs.workspaceId, outs: outputs(inputs, done, groupIds) };
            });
        },

        async read(id: string, props?: GroupUsageLimitsOutputs) {
            return inContext(LABEL, settings, async () => {
                if (!props) return { id, props };
                const client = chatgptClient(settings(), props, console.error);
                const live = new Map<string, number>();
                await forEachLimited(Object.entries(props.groupIds ?? {}), PARALLEL, async ([group, groupId]) => {
                    try {
                        const credits = overrideCredits(await client.getGroupUsageLimit(groupId));
                        // Inherited or unlimited (changed by hand): no longer this stack's limit; the diff shows it.
                        if (typeof credits === "number") live.set(group, credits);
                    } catch (e) {
                        if (!isNotFoundError(e)) throw e; // group gone: its limit is gone with it
                    }
                });
                const limits = (props.limits ?? [])
                    .filter((l) => live.has(l.group))
                    .map((l) => ({ group: l.group, credits: live.get(l.group)! }));
                const groupIds = Object.fromEntries(limits.map((l) => [l.group, props.groupIds[l.group]]));
                return { id, props: { ...props, limits, groupIds } };
            });
        },

        async update(id: string, olds: GroupUsageLimitsOutputs, news: GroupUsageLimitsInputs) {
            return inContext(LABEL, settings, async () => {
                const { set, clear } = limitChanges(olds.limits, news.limits);
                const client = chatgptClient(settings(), news, console.error);
                const groupIds = new Map(Object.entries(olds.groupIds ?? {}));
                const waitFor = (wanted: string[]) =>
                    waitForPushedGroups(
                        client,
                        LABEL,
                        wanted,
                        news.groupWaitSeconds ?? DEFAULT_GROUP_WAIT_SECONDS,
                        news.groupPollSeconds ?? DEFAULT_GROUP_POLL_SECONDS,
                    );
                const unknown = set.map((l) => l.group).filter((g) => !groupIds.has(g));
                if (unknown.length > 0) {
                    const found = await waitFor(unknown);
                    for (const g of unknown) groupIds.set(g, found.get(g)!);
                }
                const done = byGroup(olds.limits);
                const before = new Map(done);
                try {
                    await apply(client, groupIds, set, clear, done, waitFor);
                } catch (e) {
                    const changed = [...new Set([...done.keys(), ...before.keys()])].filter(
                        (g) => done.get(g) !== before.get(g),
                    ).length;
                    throw stopped(e, changed, set.length + clear.length);
                }
                return { outs: outputs(news, done, groupIds) };
            });
        },

        async delete(_id: string, props: GroupUsageLimitsOutputs) {
            await inContext(LABEL, settings, async () => {
                const client = chatgptClient(settings(), props, console.error);
                const groupIds = new Map(Object.entries(props.groupIds ?? {}));
                await apply(client, groupIds, [], [...groupIds.keys()], byGroup(props.limits), async () => new Map());
            });
        },
    }));
}

const provider = groupUsageLimitsProvider();

export interface GroupUsageLimitsArgs {
    /** ChatGPT workspace UUID (config `workspaces[].workspaceId`). Changing it replaces the resource. */
    workspaceId: pulumi.Input<string>;
    /**
     * Secret config key (without namespace) holding this workspace's Admin key: `adminKey` (default; or env
     * CHATGPT_ADMIN_KEY) or `adminKey-<workspace key>` in the tenant form. A name, never the key itself.
     */
    adminKeyConfigKey?: pulumi.Input<string>;
    /**
     * Monthly credit limit per SCIM-pushed group (config `groups[].usageLimit`); groups not listed keep what they
     * have.
     */
    limits: pulumi.Input<pulumi.Input<GroupLimit>[]>;
    /** Longest wait for SCIM to push a group (ROLE-2), in seconds. Default 300. */
    groupWaitSeconds?: pulumi.Input<number>;
    /** Seconds between two looks for the groups. Default 10. */
    groupPollSeconds?: pulumi.Input<number>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:GroupUsageLimits`: every group limit of one workspace. */
export class GroupUsageLimits extends pulumi.dynamic.Resource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly limits: pulumi.Output<GroupLimit[]>;
    declare readonly groupIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: GroupUsageLimitsArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, groupIds: undefined }, opts, RESOURCE_MODULE, "GroupUsageLimits");
    }
}
