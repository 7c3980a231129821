import * as pulumi from "@pulumi/pulumi";
import { IdpSide, IdpSideArgs } from "../idp/types";
import {
    groupsChildName,
    perWorkspaceAliases,
    scimAppDisplayName,
    scimChildName,
    ssoAppDisplayName,
    ssoChildName,
} from "../idp/names";
import { idpSide, idpSideOutputs } from "../idp/outputs";
import { OktaAccessGroups } from "./accessGroups";
import { oktaClaimSources } from "./claims";
import { OktaSamlApp } from "./samlApp";
import { OktaScimApp } from "./scimApp";

export const IDENTITY_TYPE = "chatgpt-identity:okta:Identity";

/**
 * The whole Okta side of a tenant: per workspace, its own SCIM provisioning app when its
 * `scim.enabled` (SCIM-1, SCIM-2, SCIM-7) and its access groups assigned (and pushed) to that SCIM
 * app (GRP-2); then the tenant's ONE SSO app unless `sso.stage` is `off` (SSO-10). Child names: see
 * idp/names.ts. The SCIM token is pasted into the Okta console (a manual step), so `secrets` is not
 * read. Group pushes follow each workspace's `scim.oktaProvisioningEnabled`: Okta accepts a push
 * only once provisioning is switched on for the SCIM app, a console step listed in its manual steps.
 * Trusts the validated config; test users Okta does not know fail the run with a ConfigError.
 */
export class OktaIdentity extends pulumi.ComponentResource {
    readonly side: IdpSide;
    readonly ssoApp?: OktaSamlApp;
    /** Per workspace key: its SCIM app (when enabled) and its access groups. */
    readonly workspaces: { key: string; scimApp?: OktaScimApp; accessGroups: OktaAccessGroups }[];

    constructor(name: string, args: IdpSideArgs, opts?: pulumi.ComponentResourceOptions) {
        super(IDENTITY_TYPE, name, {}, opts);
        const { tenant } = args;
        const claims = oktaClaimSources(tenant.sso.claims);
        const childOpts = (aliases: { name: string }[] = []): pulumi.ComponentResourceOptions => ({
            parent: this,
            ...(aliases.length > 0 ? { aliases } : {}),
        });

        this.workspaces = tenant.workspaces.map((workspace) => {
            const pushGroups = workspace.scim.oktaProvisioningEnabled;
            const scimApp = workspace.scim.enabled
                ? new OktaScimApp(
                      scimChildName(name, tenant, workspace),
                      {
                          displayName: scimAppDisplayName(tenant, workspace),
                          baseUrl: workspace.scim.baseUrl!,
                          claims,
                          groupPushDeferred: !pushGroups,
                      },
                      childOpts(perWorkspaceAliases(`${name}-scim`, tenant, workspace)),
                  )
                : undefined;
            const accessGroups = new OktaAccessGroups(
                groupsChildName(name, tenant, workspace),
                {
                    groups: workspace.groups,
                    scimAppId: scimApp?.appId,
                    pushGroups,
                },
                childOpts(perWorkspaceAliases(`${name}-groups`, tenant, workspace)),
            );
            return { key: workspace.key, scimApp, accessGroups };
        });

        if (tenant.sso.stage !== "off") {
            this.ssoApp = new OktaSamlApp(
                ssoChildName(name),
                {
                    displayName: ssoAppDisplayName(tenant),
                    sso: tenant.sso,
                    path: tenant.path,
                    accessGroups: this.workspaces.flatMap((w) => w.accessGroups.groups),
                },
                childOpts(),
            );
        }

        this.side = idpSide(this.ssoApp, this.workspaces, (_w, i) => this.workspaces[i].accessGroups.pushedGroupsReady);
        this.registerOutputs(idpSideOutputs(this.side));
    }
}
