import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { GroupSpec } from "../../core/config/model";
import { AccessGroupRef } from "../idp/types";

export const ACCESS_GROUPS_TYPE = "chatgpt-identity:okta:AccessGroups";

export const DEFAULT_GROUP_DESCRIPTION =
    "ChatGPT access group, pushed to the ChatGPT workspace by SCIM. Managed by chatgpt-identity.";

export interface OktaAccessGroupsArgs {
    /**
     * One workspace's validated access groups (`WorkspaceSpec.groups`), in config order. Each is created as an
     * `okta.group.Group` named by the convention (GRP-1), or adopted by `existingId` (nothing is
     * created; its membership stays with its owner). Memberships are not managed here: Okta group
     * rules or the directory fill the groups.
     */
    groups: GroupSpec[];
    /**
     * Id of the workspace's own SCIM provisioning app. When set, every group is assigned to it through one
     * `okta.AppGroupAssignments` and, unless `pushGroups` is false, pushed with one `okta.PushGroup`
     * each (GRP-2). When undefined (SCIM off), only the groups exist.
     */
    scimAppId?: pulumi.Input<string>;
    /**
     * Whether to create the group pushes. Default true. Okta accepts a push only once provisioning
     * is enabled on the SCIM app (a console step), so the first run on a new app may set this false.
     * Ignored without `scimAppId`.
     */
    pushGroups?: boolean;
}

/**
 * The access groups in Okta and their link to the SCIM app. At most two resources per group (the
 * group and its push) plus one shared assignment resource, so 1,000 groups stay 2,001 resources.
 * Child names come from the component and the group's convention name, so adding, removing or
 * reordering groups never renames another group's resources.
 */
export class OktaAccessGroups extends pulumi.ComponentResource {
    /** Every declared group, in config order. */
    readonly groups: AccessGroupRef[];
    /** Groups created by this component, by convention name (adopted groups are absent). */
    readonly createdGroups: Record<string, okta.group.Group>;
    /** The single assignment of all groups to the SCIM app, when there is a SCIM app. */
    readonly scimAssignment?: okta.AppGroupAssignments;
    /** One push per group, by convention name, when there is a SCIM app and pushes are on. */
    readonly pushes: Record<string, okta.PushGroup>;
    /** Resources the workspace waits on before relying on pushed groups (ROLE-2). */
    readonly pushedGroupsReady: pulumi.Resource[];

    constructor(name: string, args: OktaAccessGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ACCESS_GROUPS_TYPE, name, {}, opts);
        this.createdGroups = {};
        this.groups = args.groups.map((g) => {
            const groupName = g.name;
            if (g.existingId !== undefined) {
                return { name: groupName, id: pulumi.output(g.existingId), adopted: true };
            }
            const group = new okta.group.Group(
                `${name}-${groupName}`,
                {
                    name: groupName,
                    description: g.description ?? DEFAULT_GROUP_DESCRIPTION,
                },
                { parent: this },
            );
            this.createdGroups[groupName] = group;
            return { name: groupName, id: group.id, adopted: false };
        });

        this.pushes = {};
        if (args.scimAppId !== undefined && this.groups.length > 0) {
            // SCIM provisions only users assigned to the SCIM app: assigning the groups is what scopes it.
            // One resource for all groups: several AppGroupAssignments on one app undo each other.
            this.scimAssignment = new okta.AppGroupAssignments(
                `${name}-scim-assignments`,
                {
                    appId: args.scimAppId,
                    groups: this.groups.map((g) => ({ id: g.id, profile: "{}" })),
                },
                { parent: this },
            );
            if (args.pushGroups ?? true) {
                for (const g of this.groups) {
                    this.pushes[g.name] = new okta.PushGroup(
                        `${name}-${g.name}-push`,
                        {
                            appId: args.scimAppId,
                            sourceGroupId: g.id,
                            status: "ACTIVE",
                            // Unlinking must not delete the workspace group and the role mappings on it (ROLE-2).
                            deleteTargetGroupOnDestroy: false,
                        },
                        { parent: this, dependsOn: [this.scimAssignment] },
                    );
                }
            }
        }
        this.pushedGroupsReady = [...(this.scimAssignment ? [this.scimAssignment] : []), ...Object.values(this.pushes)];
        this.registerOutputs({
            groups: this.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        });
    }
}
