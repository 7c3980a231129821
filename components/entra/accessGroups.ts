import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";
import { GroupSpec } from "../../core/config/model";
import { AccessGroupRef } from "../idp/types";
import { UserReference, lookupUserObjectIds, objectIdOf } from "./userLookup";

export const ACCESS_GROUPS_TYPE = "chatgpt-identity:entra:AccessGroups";

/** Where groups are assigned for provisioning (GRP-2). */
export interface ScimAssignmentTarget {
    /** Object id of the SCIM app's service principal. */
    servicePrincipalObjectId: pulumi.Input<string>;
    /** App role id to assign with (EntraScimApp.appRoleId). */
    appRoleId: pulumi.Input<string>;
}

export interface EntraAccessGroupsArgs {
    /**
     * One workspace's validated access groups (`WorkspaceSpec.groups`), in config order, with their convention names.
     */
    groups: GroupSpec[];
    /** Config path of the workspace (`WorkspaceSpec.path`), prefix of member paths in errors. */
    path: string;
    /**
     * When given, every group is assigned to this SCIM app (the workspace's own): that assignment is
     * the provisioning scope (GRP-2). Default: no assignment.
     */
    scim?: ScimAssignmentTarget;
    /**
     * Object ids of the declared members, keyed by `userKey(address)`, e.g. from the one lookup
     * EntraIdentity makes for the whole tenant side. Default: this component makes one `getUsers`
     * lookup of every member; an unknown member fails the run with a ConfigError naming its path.
     */
    userObjectIds?: pulumi.Input<Record<string, string>>;
}

/** Every declared member of a created group, with its config path (`<workspace path>.groups[i].members[j]`). */
export function memberReferences(groups: readonly GroupSpec[], path: string): UserReference[] {
    return groups.flatMap((g, i) => groupMemberReferences(g, i, path));
}

function groupMemberReferences(group: GroupSpec, index: number, path: string): UserReference[] {
    return (group.existingId === undefined ? (group.members ?? []) : []).map((address, j) => ({
        address,
        path: `${path}.groups[${index}].members[${j}]`,
    }));
}

/**
 * One Entra security group per config group, named `[USAGE]_[DIMENSION]_[GROUP]` (GRP-1), created
 * with its members inline, or adopted by `existingId` (no resource: its owner keeps managing it),
 * and assigned to the workspace's SCIM app when there is one (GRP-2). At most two resources per
 * group, named `${name}-${groupName}` and `${name}-${groupName}-scim`, so adding or reordering groups
 * renames nothing.
 */
export class EntraAccessGroups extends pulumi.ComponentResource {
    /** Every group, in config order. */
    readonly groups: AccessGroupRef[];
    /** The SCIM assignments (empty without a SCIM app): the workspace may rely on pushed groups after these. */
    readonly scimAssignments: azuread.AppRoleAssignment[];

    constructor(name: string, args: EntraAccessGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(ACCESS_GROUPS_TYPE, name, {}, opts);
        this.groups = [];
        this.scimAssignments = [];
        const refs = memberReferences(args.groups, args.path);
        const userIds =
            refs.length === 0
                ? undefined
                : pulumi.output(args.userObjectIds ?? lookupUserObjectIds(refs, { parent: this }));
        args.groups.forEach((group, i) => {
            let id: pulumi.Output<string>;
            if (group.existingId !== undefined) {
                id = pulumi.output(group.existingId);
            } else {
                const memberRefs = groupMemberReferences(group, i, args.path);
                const members =
                    memberRefs.length === 0 || userIds === undefined
                        ? group.members
                        : userIds.apply((ids) => memberRefs.map((r) => objectIdOf(ids, r)));
                id = new azuread.Group(
                    `${name}-${group.name}`,
                    {
                        displayName: group.name,
                        description: group.description,
                        securityEnabled: true,
                        // Refuse to create a second group with a name that already exists: adopt it with existingId
                        // instead.
                        preventDuplicateNames: true,
                        members,
                    },
                    { parent: this },
                ).objectId;
            }
            this.groups.push({ name: group.name, id, adopted: group.existingId !== undefined });
            if (args.scim) {
                this.scimAssignments.push(
                    new azuread.AppRoleAssignment(
                        `${name}-${group.name}-scim`,
                        {
                            appRoleId: args.scim.appRoleId,
                            principalObjectId: id,
                            resourceObjectId: args.scim.servicePrincipalObjectId,
                        },
                        { parent: this },
                    ),
                );
            }
        });
        this.registerOutputs({
            groups: this.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        });
    }
}
