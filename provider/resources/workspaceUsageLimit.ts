import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { RESOURCE_MODULE, checkWith, keyNameChanged, inContext, warn, withConfigure } from "./common";
import { workspaceTargetShape, chatgptClient, creditRule, isNotFoundError, overrideCredits } from "./chatgptWorkspace";

/**
 * The workspace's default monthly credit limit, the baseline every member has unless a group grants
 * more (ROLE-1), through `GET/PATCH /manage/workspaces/{id}/usage_limits/workspace`. Delete clears the
 * override (`null`). Create reads the current override first and keeps it in `replacedCredits`, so
 * the plan output and state show what a hand-set value was before this stack took it over.
 */

export interface WorkspaceUsageLimitInputs {
    /** ChatGPT workspace UUID (identity: a change replaces the resource). */
    workspaceId: string;
    /** Secret config key of this workspace's Admin key (`adminKey` default, `adminKey-<key>` in the tenant form). */
    adminKeyConfigKey?: string;
    /** Monthly credits of every member (ROLE-1 baseline). */
    credits: number;
}

export interface WorkspaceUsageLimitOutputs extends WorkspaceUsageLimitInputs {
    /** The override found before this stack set it: credits, "unlimited" (or another unit, "50 usd"), or null. */
    replacedCredits: number | string | null;
}

const LABEL = "WorkspaceUsageLimit";

export function workspaceUsageLimitSchema() {
    return z.object({
        ...workspaceTargetShape(),
        credits: z.number().finite().min(0, { error: "a credit limit is 0 or more" }),
    });
}

export function workspaceUsageLimitProvider(): pulumi.dynamic.ResourceProvider<
    WorkspaceUsageLimitInputs,
    WorkspaceUsageLimitOutputs
> {
    return withConfigure((settings) => ({
        async check(_olds: WorkspaceUsageLimitInputs, news: WorkspaceUsageLimitInputs) {
            return checkWith(workspaceUsageLimitSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: WorkspaceUsageLimitOutputs, news: WorkspaceUsageLimitInputs) {
            if (olds.workspaceId !== news.workspaceId)
                return { changes: true, replaces: ["workspaceId"], deleteBeforeReplace: true };
            return { changes: olds.credits !== news.credits || keyNameChanged(olds, news), replaces: [] };
        },

        async create(inputs: WorkspaceUsageLimitInputs) {
            return inContext(LABEL, settings, async () => {
                const client = chatgptClient(settings(), inputs);
                const before = overrideCredits(await client.getWorkspaceUsageLimit());
                if (before !== null && before !== inputs.credits) {
                    warn(
                        `${LABEL}: the workspace limit was ${typeof before === "number" ? `${before} credits` : before}, set outside this stack; it becomes ${inputs.credits} (config usageLimit)`,
                    );
                }
                if (before !== inputs.credits) await client.setWorkspaceUsageLimit(creditRule(inputs.credits));
                return { id: inputs.workspaceId, outs: { ...inputs, replacedCredits: before } };
            });
        },

        async read(id: string, props?: WorkspaceUsageLimitOutputs) {
            return inContext(LABEL, settings, async () => {
                if (!props) return { id, props };
                const client = chatgptClient(settings(), props);
                try {
                    const credits = overrideCredits(await client.getWorkspaceUsageLimit());
                    // Cleared or made unlimited by hand: report it (-1 never equals a declared limit, so the diff
                    // shows it).
                    return { id, props: { ...props, credits: typeof credits === "number" ? credits : -1 } };
                } catch (e) {
                    if (isNotFoundError(e)) return {};
                    throw e;
                }
            });
        },

        async update(_id: string, olds: WorkspaceUsageLimitOutputs, news: WorkspaceUsageLimitInputs) {
            return inContext(LABEL, settings, async () => {
                if (olds.credits !== news.credits)
                    await chatgptClient(settings(), news).setWorkspaceUsageLimit(creditRule(news.credits));
                return { outs: { ...olds, ...news } };
            });
        },

        async delete(_id: string, props: WorkspaceUsageLimitOutputs) {
            await inContext(LABEL, settings, async () => {
                try {
                    await chatgptClient(settings(), props).setWorkspaceUsageLimit(null);
                } catch (e) {
                    if (!isNotFoundError(e)) throw e;
                }
            });
        },
    }));
}

const provider = workspaceUsageLimitProvider();

export interface WorkspaceUsageLimitArgs {
    /** ChatGPT workspace UUID (config `workspaces[].workspaceId`). Changing it replaces the resource. */
    workspaceId: pulumi.Input<string>;
    /**
     * Secret config key (without namespace) holding this workspace's Admin key: `adminKey` (default; or env
     * CHATGPT_ADMIN_KEY) or `adminKey-<workspace key>` in the tenant form. A name, never the key itself.
     */
    adminKeyConfigKey?: pulumi.Input<string>;
    /** Monthly credits of every member (config `workspaces[].usageLimit.credits`, ROLE-1 baseline). */
    credits: pulumi.Input<number>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:WorkspaceUsageLimit`. */
export class WorkspaceUsageLimit extends pulumi.dynamic.Resource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly credits: pulumi.Output<number>;
    declare readonly replacedCredits: pulumi.Output<number | string | null>;

    constructor(name: string, args: WorkspaceUsageLimitArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, replacedCredits: undefined }, opts, RESOURCE_MODULE, "WorkspaceUsageLimit");
    }
}
