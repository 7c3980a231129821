import * as pulumi from "@pulumi/pulumi";
import { ApiPlatformGroupRoles } from "../../provider/resources/apiPlatformGroupRoles";
import { ApiPlatformRole } from "../../provider/resources/apiPlatformRole";
import { slug } from "../../core/naming/slug";
import { ApiPlatformSpec } from "./config";

export const API_PLATFORM_ACCESS_TYPE = "chatgpt-identity:apiPlatform:Access";

export interface ApiPlatformAccessArgs {
    /** The tenant's `apiPlatform` section (validated). Nothing is registered unless `manage` is true. */
    apiPlatform: ApiPlatformSpec;
    /** Resources after which SCIM may have pushed the groups to the API Platform organization. Default none. */
    pushedGroupsReady?: pulumi.Resource[];
}

/**
 * OPTIONAL API Platform organization RBAC (`apiPlatform` config section), through the `openai` SDK's
 * documented Admin API: roles of the API Platform organization and the roles of the groups pushed
 * there. These are NOT ChatGPT workspace custom roles (publish GPTs, publish skills), which have no
 * API and are runbook steps. Children: `${name}-role-<slug>` per role, `${name}-role-mappings`.
 */
export class ApiPlatformAccess extends pulumi.ComponentResource {
    readonly roles: ApiPlatformRole[] = [];
    readonly groupRoles?: ApiPlatformGroupRoles;

    constructor(name: string, args: ApiPlatformAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(API_PLATFORM_ACCESS_TYPE, name, {}, opts);
        const spec = args.apiPlatform;
        if (spec.manage) {
            this.roles = spec.roles.map(
                (role) =>
                    new ApiPlatformRole(
                        `${name}-role-${slug(role.name)}`,
                        {
                            name: role.name,
                            description: role.description ?? "",
                            permissions: role.permissions,
                            adoptExisting: role.adoptExisting,
                        },
                        { parent: this },
                    ),
            );
            if (spec.roleMappings.length > 0) {
                this.groupRoles = new ApiPlatformGroupRoles(
                    `${name}-role-mappings`,
                    {
                        mappings: spec.roleMappings.map((m) => ({ group: m.group, roles: m.roles })),
                    },
                    { parent: this, dependsOn: [...(args.pushedGroupsReady ?? []), ...this.roles] },
                );
            }
        }
        this.registerOutputs({ roleIds: this.roles.map((r) => r.roleId) });
    }
}
