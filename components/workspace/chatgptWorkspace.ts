import * as pulumi from "@pulumi/pulumi";
import { GroupUsageLimits } from "../../provider/resources/groupUsageLimits";
import { PilotInvites } from "../../provider/resources/pilotInvites";
import { WorkspaceUsageLimit } from "../../provider/resources/workspaceUsageLimit";
import { WorkspaceSideSpec, WorkspaceSideTenant } from "./config";

export const CHATGPT_WORKSPACE_TYPE = "chatgpt-identity:workspace:ChatGptWorkspace";

export interface ChatGptWorkspaceArgs {
    /** The validated tenant config (`TenantConfig`): the SSO test users are read from it. */
    tenant: WorkspaceSideTenant;
    /** One of `tenant.workspaces`, validated (`workspaceId` present when `manageWorkspace`). */
    workspace: WorkspaceSideSpec;
    /**
     * Resources after which SCIM may have pushed this workspace's groups (IdP group assignments to
     * the workspace's SCIM app, Okta pushes). The group limits wait for them, and then still wait a
     * bounded time for the groups to appear in the workspace (ROLE-2). Default none.
     */
    pushedGroupsReady?: pulumi.Resource[];
    /** Longest wait for SCIM to push a group, in seconds (ROLE-2). Default 300. */
    groupWaitSeconds?: number;
}

/**
 * The parts of ONE ChatGPT workspace that its admin API can set (docs/chatgpt-admin-api.md):
 * - `${name}-usage-limit`: the workspace default monthly credit limit (ROLE-1 baseline), when `usageLimit`;
 * - `${name}-group-usage-limits`: every group's credit limit, one resource, when any group has `usageLimit`;
 * - `${name}-pilot-invites`: invites for the SSO test users not yet members, when `invites.testUsers`.
 * With `manageWorkspace: false` it registers nothing: the runbook lists the console steps instead.
 * SSO stage, domains, automatic account creation, external invites and ChatGPT custom roles have no
 * API: they are runbook steps (core/runbook).
 */
export class ChatGptWorkspace extends pulumi.ComponentResource {
    readonly usageLimit?: WorkspaceUsageLimit;
    readonly groupUsageLimits?: GroupUsageLimits;
    readonly pilotInvites?: PilotInvites;

    constructor(name: string, args: ChatGptWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(CHATGPT_WORKSPACE_TYPE, name, {}, opts);
        const { tenant, workspace } = args;
        const workspaceId = workspace.workspaceId;
        if (workspace.manageWorkspace && workspaceId) {
            // The name of this workspace's Admin key secret, never the key (admin keys are workspace-scoped).
            const target = {
                workspaceId,
                ...(workspace.adminKeyConfigKey ? { adminKeyConfigKey: workspace.adminKeyConfigKey } : {}),
            };
            if (workspace.usageLimit) {
                this.usageLimit = new WorkspaceUsageLimit(
                    `${name}-usage-limit`,
                    { ...target, credits: workspace.usageLimit.credits },
                    { parent: this },
                );
            }
            const limits = workspace.groups
                .filter((g) => g.usageLimit !== undefined)
                .map((g) => ({ group: g.name, credits: g.usageLimit!.credits }));
            if (limits.length > 0) {
                this.groupUsageLimits = new GroupUsageLimits(
                    `${name}-group-usage-limits`,
                    {
                        ...target,
                        limits,
                        ...(args.groupWaitSeconds !== undefined ? { groupWaitSeconds: args.groupWaitSeconds } : {}),
                    },
                    { parent: this, dependsOn: args.pushedGroupsReady ?? [] },
                );
            }
            if (workspace.invites.testUsers && tenant.sso.testUsers.length > 0) {
                this.pilotInvites = new PilotInvites(
                    `${name}-pilot-invites`,
                    { ...target, emails: [...tenant.sso.testUsers] },
                    { parent: this },
                );
            }
        }
        this.registerOutputs({
            usageLimitCredits: this.usageLimit?.credits,
            groupLimitIds: this.groupUsageLimits?.groupIds,
            pilotInvites: this.pilotInvites?.createdInvites,
        });
    }
}
