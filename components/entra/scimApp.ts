import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";
import { ScimAppOutputs } from "../idp/types";
import { userAppRoleId } from "./appRoles";
import { createEnterpriseApp } from "./enterpriseApp";

export const SCIM_APP_TYPE = "chatgpt-identity:entra:ScimApp";

/** Synchronization template of a non-gallery app's SCIM connector. */
export const SCIM_SYNC_TEMPLATE_ID = "scim";

export interface EntraScimAppArgs {
    /**
     * Display name of the provisioning app, e.g. "ChatGPT SCIM provisioning (Lincoln USD)". Never the SSO app
     * (SCIM-1).
     */
    displayName: string;
    /** SCIM base URL from the ChatGPT Directory Sync wizard; stored as the `BaseAddress` credential. */
    baseUrl: string;
    /**
     * Bearer token of this workspace from the ChatGPT Directory Sync wizard (secret config
     * `chatgpt-identity:<scim.tokenKey>`, never another workspace's, SCIM-7);
     * stored as the `SecretToken` credential. Always sent as a Pulumi secret, even if given as plain text.
     */
    token: pulumi.Input<string>;
}

/** The one-time steps the provider cannot do (it has no attribute-mapping resource). */
export function scimManualSteps(displayName: string): string[] {
    return [
        `SCIM-6: in the Entra admin center, Enterprise applications → "${displayName}" → Provisioning → Mappings, ` +
            'check "Provision Microsoft Entra ID Users": userName ← userPrincipalName (the email sign-in name), ' +
            'emails[type eq "work"].value ← mail, name.givenName ← givenName, name.familyName ← surname; ' +
            "missing or mismatched mappings show names as emails.",
        `GRP-2: in the same Provisioning blade, check that Scope is "Sync only assigned users and groups" and that ` +
            '"Provision Microsoft Entra ID Groups" is enabled, so the assigned access groups are pushed.',
    ];
}

/**
 * The ChatGPT SCIM provisioning app, a separate enterprise app from the SSO app (SCIM-1; SSO is not
 * required for it, SCIM-2): the application from the non-gallery template, its adopted service
 * principal (hidden from My Apps: nobody signs in through it), the `BaseAddress`/`SecretToken`
 * credentials and the enabled `scim` synchronization job. Provisioning scope is whatever is
 * assigned to this app with `appRoleId` (GRP-2).
 */
export class EntraScimApp extends pulumi.ComponentResource implements ScimAppOutputs {
    /** Object id of the Entra application. */
    readonly appId: pulumi.Output<string>;
    readonly clientId: pulumi.Output<string>;
    /** Object id of the provisioning service principal: the `resourceObjectId` of group assignments. */
    readonly servicePrincipalObjectId: pulumi.Output<string>;
    /** App role to use when assigning groups to this app (the template's "User" role; see appRoles.ts). */
    readonly appRoleId: pulumi.Output<string>;
    readonly manualSteps: pulumi.Output<string[]>;

    constructor(name: string, args: EntraScimAppArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SCIM_APP_TYPE, name, {}, opts);
        const app = createEnterpriseApp(this, name, {
            displayName: args.displayName,
            servicePrincipal: {
                featureTags: [{ enterprise: true, hide: true }],
                appRoleAssignmentRequired: true,
            },
        });
        const sp = app.servicePrincipal;
        const secret = new azuread.SynchronizationSecret(
            `${name}-secret`,
            {
                servicePrincipalId: sp.id,
                credentials: [
                    { key: "BaseAddress", value: args.baseUrl },
                    { key: "SecretToken", value: pulumi.secret(args.token) },
                ],
            },
            { parent: this },
        );
        new azuread.SynchronizationJob(
            `${name}-job`,
            {
                servicePrincipalId: sp.id,
                templateId: SCIM_SYNC_TEMPLATE_ID,
                enabled: true,
            },
            { parent: this, dependsOn: [secret] },
        );

        this.appId = app.application.applicationObjectId;
        this.clientId = app.clientId;
        this.servicePrincipalObjectId = sp.objectId;
        this.appRoleId = sp.appRoles.apply(userAppRoleId);
        this.manualSteps = pulumi.output(scimManualSteps(args.displayName));
        this.registerOutputs({
            appId: this.appId,
            clientId: this.clientId,
            servicePrincipalObjectId: this.servicePrincipalObjectId,
            appRoleId: this.appRoleId,
            manualSteps: this.manualSteps,
        });
    }
}
