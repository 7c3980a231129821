import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";
import { GroupConfig } from "../../core/config/schema";
import { AccessGroupRef } from "../idp/types";
import { buildGroupName } from "../../core/naming/groupName";
import { UserReference, lookupUserObjectIds, userKey } from "./userLookup";

export const ACCESS_GROUPS_TYPE = "chatgpt-identity:entra:AccessGroups";

/** Where groups are assigned for provisioning (GRP-2). */
export interface ScimAssignmentTarget {
    /** Object id of the SCIM app's service principal. */
    servicePrincipalObjectId: pulumi.Input<string>;
    /** App role id to assign with (EntraScimApp.appRoleId). */
    appRoleId: pulumi.Input<string>;
}

export interface EntraAccessGroupsArgs {
    /** The config's access groups, in config order. Names are built from their parts (GRP-1). */
    groups: GroupConfig[];
    /** When given, every group is assigned to this SCIM app: that assignment is the provisioning scope (GRP-2). Default: no assignment. */
    scim?: ScimAssignmentTarget;
    /**
     * Object ids of the declared members, keyed by `userKey(address)`, e.g. from the one lookup
     * EntraIdentity makes for its whole side (and on which it gates every child). Default: this
     * component makes one `getUsers` lookup of every member of every group; a group with an unknown
     * member is then not created, and the error names each unknown address and its path.
     */
    userObjectIds?: pulumi.Input<Record<string, string>>;
}

/** Every declared member of a created group, with its config path (`groups[i].members[j]`). */
export function memberReferences(groups: readonly GroupConfig[]): UserReference[] {
    return groups.flatMap((g, i) => (g.existingId === undefined ? g.members ?? [] : []).map((address, j) => ({ address, path: `groups[${i}].members[${j}]` })));
}

/**
 * One Entra security group per config group, named `[USAGE]_[DIMENSION]_[GROUP]` (GRP-1), created
 * with its members inline, or adopted by `existingId` (no resource: its owner keeps managing it),
 * and assigned to the SCIM app when there is one (GRP-2). At most two resources per group, named
 * `${name}-${groupName}` and `${name}-${groupName}-scim`, so adding or reordering groups renames nothing.
 */
export class EntraAccessGroups extends pulumi.ComponentResource {
    /** Every group, in config order. */
    readonly groups: AccessGroupRef[];
    /** The SCIM assignments (empty without a SCIM app): the workspace may rely on pushed groups after these. */
    readonly scimAssignments: azuread.AppRoleAssignment[];

    constructor(name: string, args: EntraAccessGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        const names = args.groups.map((g) => buildGroupName(g));
        const duplicate = names.find((n, i) => names.indexOf(n) !== i);
        if (duplicate !== undefined) throw new Error(`groups: "${duplicate}" is declared twice; each access group is declared once (GRP-1)`);
        args.groups.forEach((g, i) => {
            if (g.existingId !== undefined && g.members !== undefined) {
                throw new Error(`groups[${i}] (${names[i]}): an adopted group (existingId) keeps the membership its owner manages; remove members or remove existingId`);
            }
        });
        super(ACCESS_GROUPS_TYPE, name, {}, opts);
        const parent = this;
        this.groups = [];
        this.scimAssignments = [];
        const refs = memberReferences(args.groups);
        const userIds = refs.length === 0 ? undefined : pulumi.output(args.userObjectIds ?? lookupUserObjectIds(refs, { parent }));
        args.groups.forEach((group, i) => {
            const groupName = names[i];
            let id: pulumi.Output<string>;
            if (group.existingId !== undefined) {
                id = pulumi.output(group.existingId);
            } else {
                const members = group.members === undefined || group.members.length === 0 || userIds === undefined
                    ? group.members
                    : userIds.apply((ids) => group.members!.map((m, j) => {
                        const id = ids[userKey(m)];
                        if (id === undefined) throw new Error(`groups[${i}].members[${j}] (${groupName}): no object id for ${m} in the user lookup`);
                        return id;
                    }));
                id = new azuread.Group(`${name}-${groupName}`, {
                    displayName: groupName,
                    description: group.description,
                    securityEnabled: true,
                    // Refuse to create a second group with a name that already exists: adopt it with existingId instead.
                    preventDuplicateNames: true,
                    members,
                }, { parent }).objectId;
            }
            this.groups.push({ name: groupName, id, adopted: group.existingId !== undefined });
            if (args.scim) {
                this.scimAssignments.push(new azuread.AppRoleAssignment(`${name}-${groupName}-scim`, {
                    appRoleId: args.scim.appRoleId,
                    principalObjectId: id,
                    resourceObjectId: args.scim.servicePrincipalObjectId,
                }, { parent }));
            }
        });
        this.registerOutputs({
            groups: this.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        });
    }
}
