import { OktaClaimSources } from "./claims";

export interface ScimManualStepsInput {
    /** Label of the SCIM app in Okta, e.g. `ChatGPT SCIM provisioning (Acme)`. */
    appLabel: string;
    /** SCIM base URL from the ChatGPT Directory Sync wizard. */
    baseUrl: string;
    /** Okta sources of the mapped attributes (SCIM-6). */
    claims: OktaClaimSources;
    /** True when the stack did not create the group pushes yet (they need provisioning enabled first). */
    groupPushDeferred: boolean;
}

/**
 * The one-time steps in the Okta Admin Console that no Okta API accepts for a custom app: Okta's
 * provisioning-connection and app-feature APIs (behind `okta.app.Connection` / `okta.app.Features`)
 * only serve a fixed list of catalog apps (Org2Org, Zscaler, Google Workspace, Office 365, Slack,
 * Zoom), so enabling SCIM, the connector URL and token, the provisioning actions and the attribute
 * mappings of a custom app are console work. Pure: the same input gives the same text.
 */
export function scimManualSteps(input: ScimManualStepsInput): string[] {
    const app = `"${input.appLabel}"`;
    const steps = [
        `1. Okta Admin Console → Applications → Applications → ${app} → General → App Settings → Edit: set Provisioning to SCIM (older consoles: tick "Enable SCIM provisioning") → Save. This is the provisioning app, separate from the SSO app (SCIM-1).`,
        `2. Provisioning → Integration → Edit: SCIM connector base URL = ${input.baseUrl}; Unique identifier field for users = email; Supported provisioning actions: tick Push New Users, Push Profile Updates and Push Groups; Authentication Mode = HTTP Header; Authorization (Bearer) = the bearer token from the ChatGPT Directory Sync wizard (it is shown only once; paste it here, never into a file, ticket or chat) → Test Connector Configuration → Save.`,
        `3. Provisioning → To App → Edit: enable Create Users, Update User Attributes and Deactivate Users → Save. Deactivate Users is what removes people from ChatGPT when they leave an assigned group.`,
        `4. Provisioning → To App → attribute mappings (SCIM-6): userName = the app username, which this stack sets to the email (${userNameTemplate(input.claims)}); email ← ${input.claims.email}; givenName ← ${input.claims.given_name}; familyName ← ${input.claims.family_name}. Without givenName and familyName ChatGPT shows names as email addresses.`,
        `5. Users assigned before provisioning was enabled may not be pushed: Okta Admin Console → Dashboard → Tasks lists failed or pending provisioning; retry them there.`,
    ];
    steps.push(
        input.groupPushDeferred
            ? `6. Group pushes are deferred until provisioning is on: after steps 1-5 set \`scim.oktaProvisioningEnabled: true\` in the stack config and run \`pulumi up\`; it creates one group push per access group (GRP-2), which Okta accepts only once provisioning is on. Then check the Push Groups tab: every group shows Push Status Active.`
            : `6. Push Groups tab: every access group shows Push Status Active (this stack creates the pushes, GRP-2). Okta accepts group pushes only once provisioning is on: if \`pulumi up\` failed creating them before steps 1-3 were done, run it again now.`,
    );
    return steps;
}

/** The SCIM app's username template: the email source as an Okta app-username expression. */
export function userNameTemplate(claims: OktaClaimSources): string {
    return `\${${claims.email.replace(/\buser\./g, "source.")}}`;
}
