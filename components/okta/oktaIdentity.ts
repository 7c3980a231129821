import * as pulumi from "@pulumi/pulumi";
import { IdpSide, IdpSideArgs } from "../idp/types";
import { OktaAccessGroups } from "./accessGroups";
import { oktaClaimSources } from "./claims";
import { buildGroupName } from "../../core/naming/groupName";
import { OktaSamlApp, ssoAppProblem } from "./samlApp";
import { OktaScimApp } from "./scimApp";

/**
 * Group pushes (GRP-2) follow `scim.oktaProvisioningEnabled`: Okta accepts a push only once SCIM
 * provisioning is switched on for the SCIM app, a console step listed in `scim.manualSteps`. Until
 * the config says it is done, the SCIM app and its group assignment are created and pushes wait.
 */
export type OktaIdentityArgs = IdpSideArgs;

export class OktaIdentityError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "OktaIdentityError";
    }
}

/** Display label of the SSO app in Okta. */
export function ssoAppLabel(workspaceName: string): string {
    return `ChatGPT SSO (${workspaceName})`;
}

/** Display label of the SCIM provisioning app in Okta. */
export function scimAppLabel(workspaceName: string): string {
    return `ChatGPT SCIM provisioning (${workspaceName})`;
}

/**
 * The whole Okta side: the access groups, the SCIM provisioning app when `scim.enabled` (SCIM-2: with
 * or without SSO), and the SSO app unless `sso.stage` is `off`; two separate apps (SCIM-1).
 */
export class OktaIdentity extends pulumi.ComponentResource {
    readonly side: IdpSide;
    readonly ssoApp?: OktaSamlApp;
    readonly scimApp?: OktaScimApp;
    readonly accessGroups: OktaAccessGroups;

    constructor(name: string, args: OktaIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        const { config } = args;
        if (config.idp !== "okta") {
            throw new OktaIdentityError(`OktaIdentity "${name}": workspace.idp is "${config.idp}"; use the ${config.idp} side for it, or set idp: okta`);
        }
        if (config.scim.enabled && !config.scim.baseUrl) {
            throw new OktaIdentityError(`OktaIdentity "${name}": workspace.scim.baseUrl is required when scim.enabled is true; copy it from the ChatGPT Directory Sync wizard`);
        }
        // Everything is checked before the first resource is registered: nothing is half-applied.
        const claims = oktaClaimSources(config.sso.claims);
        const groupNames = config.groups.map((g) => buildGroupName(g));
        const ssoProblem = config.sso.stage === "off" ? undefined : ssoAppProblem(config.sso, groupNames);
        if (ssoProblem !== undefined) throw new OktaIdentityError(`OktaIdentity "${name}": ${ssoProblem}`);
        super("chatgpt-identity:okta:Identity", name, {}, opts);
        const pushGroups = config.scim.oktaProvisioningEnabled;

        if (config.scim.enabled) {
            this.scimApp = new OktaScimApp(`${name}-scim`, {
                label: scimAppLabel(config.name),
                baseUrl: config.scim.baseUrl!,
                claims,
                groupPushDeferred: !pushGroups,
            }, { parent: this });
        }
        this.accessGroups = new OktaAccessGroups(`${name}-groups`, {
            groups: config.groups,
            scimAppId: this.scimApp?.appId,
            pushGroups,
        }, { parent: this });
        if (config.sso.stage !== "off") {
            this.ssoApp = new OktaSamlApp(`${name}-sso`, {
                label: ssoAppLabel(config.name),
                sso: config.sso,
                accessGroups: this.accessGroups.groups,
            }, { parent: this });
        }

        this.side = {
            sso: this.ssoApp
                ? { appId: this.ssoApp.appId, metadataUrl: this.ssoApp.metadataUrl, entityId: this.ssoApp.entityId, certificateThumbprint: this.ssoApp.certificateThumbprint }
                : undefined,
            scim: this.scimApp ? { appId: this.scimApp.appId, manualSteps: this.scimApp.manualSteps } : undefined,
            groups: this.accessGroups.groups,
            pushedGroupsReady: this.accessGroups.pushedGroupsReady,
        };
        this.registerOutputs({
            ssoAppId: this.side.sso?.appId,
            ssoMetadataUrl: this.side.sso?.metadataUrl,
            scimAppId: this.side.scim?.appId,
            scimManualSteps: this.side.scim?.manualSteps,
            groups: this.side.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        });
    }
}
