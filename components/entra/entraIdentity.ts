import * as pulumi from "@pulumi/pulumi";
import { TenantConfig } from "../../core/config/model";
import { IdpSide, IdpSideArgs } from "../idp/types";
import { idpSide, idpSideOutputs } from "../idp/outputs";
import {
    groupsChildName,
    perWorkspaceAliases,
    scimAppDisplayName,
    scimChildName,
    ssoAppDisplayName,
    ssoChildName,
} from "../idp/names";
import { EntraAccessGroups, memberReferences } from "./accessGroups";
import { EntraSamlApp, testUserReferences } from "./samlApp";
import { EntraScimApp } from "./scimApp";
import { UserReference, lookupUserObjectIds } from "./userLookup";

export const IDENTITY_TYPE = "chatgpt-identity:entra:Identity";

/** Every address the tenant side looks up: the SSO test users, then every member of every workspace's groups. */
export function tenantUserReferences(tenant: TenantConfig): UserReference[] {
    return [
        ...testUserReferences(tenant.sso.stage, tenant.sso.testUsers, tenant.path),
        ...tenant.workspaces.flatMap((w) => memberReferences(w.groups, w.path)),
    ];
}

/**
 * The whole Entra ID side of a tenant: per workspace, its own SCIM provisioning app when its
 * `scim.enabled` (SCIM-1, SCIM-2, SCIM-7) with that workspace's token, and its access groups
 * assigned to that SCIM app (GRP-2); then the tenant's ONE SAML SSO app unless `sso.stage` is `off`
 * (SSO-10; its test group, if any, assigned while testing, SSO-2). Child names: see idp/names.ts.
 *
 * Trusts the validated config (the gate checked it). What only the deployment can know, whether
 * Entra has each test user and member, is ONE lookup on which every child waits, so an unknown
 * address fails the run with a ConfigError before any Entra resource is created.
 */
export class EntraIdentity extends pulumi.ComponentResource {
    readonly side: IdpSide;
    readonly ssoApp?: EntraSamlApp;
    /** Per workspace key: its SCIM app (when enabled) and its access groups. */
    readonly workspaces: { key: string; scimApp?: EntraScimApp; accessGroups: EntraAccessGroups }[];

    constructor(name: string, args: IdpSideArgs, opts?: pulumi.ComponentResourceOptions) {
        super(IDENTITY_TYPE, name, {}, opts);
        const { tenant } = args;
        const tokens = args.secrets?.scimTokens ?? {};

        const users = tenantUserReferences(tenant);
        const userObjectIds = users.length === 0 ? undefined : lookupUserObjectIds(users, { parent: this });
        const gate = userObjectIds?.apply((): pulumi.Resource[] => []);
        const childOpts = (aliases: { name: string }[] = []): pulumi.ComponentResourceOptions => ({
            parent: this,
            dependsOn: gate,
            ...(aliases.length > 0 ? { aliases } : {}),
        });

        this.workspaces = tenant.workspaces.map((workspace) => {
            const scimName = scimChildName(name, tenant, workspace);
            const scimApp = workspace.scim.enabled
                ? new EntraScimApp(
                      scimName,
                      {
                          displayName: scimAppDisplayName(tenant, workspace),
                          baseUrl: workspace.scim.baseUrl!,
                          // The gate refuses an Entra workspace with SCIM on and no token (SCIM-7).
                          token: tokens[workspace.key]!,
                      },
                      childOpts(perWorkspaceAliases(`${name}-scim`, tenant, workspace)),
                  )
                : undefined;
            const accessGroups = new EntraAccessGroups(
                groupsChildName(name, tenant, workspace),
                {
                    groups: workspace.groups,
                    path: workspace.path,
                    scim: scimApp && {
                        servicePrincipalObjectId: scimApp.servicePrincipalObjectId,
                        appRoleId: scimApp.appRoleId,
                    },
                    userObjectIds,
                },
                childOpts(perWorkspaceAliases(`${name}-groups`, tenant, workspace)),
            );
            return { key: workspace.key, scimApp, accessGroups };
        });

        const sso = tenant.sso;
        if (sso.stage !== "off") {
            const testGroup = this.workspaces
                .flatMap((w) => w.accessGroups.groups)
                .find((g) => g.name === sso.testGroup);
            this.ssoApp = new EntraSamlApp(
                ssoChildName(name),
                {
                    displayName: ssoAppDisplayName(tenant),
                    sso,
                    path: tenant.path,
                    testGroupObjectId: testGroup?.id,
                    userObjectIds,
                },
                childOpts(),
            );
        }

        this.side = idpSide(this.ssoApp, this.workspaces, (_w, i) => this.workspaces[i].accessGroups.scimAssignments);
        this.registerOutputs(idpSideOutputs(this.side));
    }
}
