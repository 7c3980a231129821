import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { ScimAppOutputs } from "../idp/types";
import { OktaClaimSources } from "./claims";
import { scimManualSteps, userNameTemplate } from "./scimManualSteps";

/**
 * Sign-on settings the Okta SWA template requires. The app is hidden from users and never used to
 * sign in (that is the SSO app), so they only satisfy the template.
 */
export const SCIM_APP_TYPE = "chatgpt-identity:okta:ScimApp";

export const SCIM_APP_SIGN_ON = Object.freeze({
    url: "https://chatgpt.com/",
    usernameField: "#email",
    passwordField: "#password",
    buttonField: "#submit",
});

export interface OktaScimAppArgs {
    /**
     * Display label of the app in Okta (`scimAppDisplayName`), e.g. `ChatGPT SCIM provisioning (Acme)`. Never the SSO
     * app (SCIM-1).
     */
    displayName: string;
    /**
     * This workspace's SCIM base URL from the ChatGPT Directory Sync wizard (`scim.baseUrl`); used in the manual
     * steps.
     */
    baseUrl: string;
    /**
     * Okta sources of email, given and family name (from `sso.claims`, Okta defaults otherwise). The
     * email source becomes the app username, which Okta sends as the SCIM userName (SCIM-6).
     */
    claims: OktaClaimSources;
    /**
     * True when group pushes are not created by this run (they need provisioning on first); only
     * changes the wording of the manual steps. Default false.
     */
    groupPushDeferred?: boolean;
}

/**
 * The ChatGPT SCIM provisioning application in Okta, separate from the SSO app (SCIM-1): a custom,
 * hidden SWA app whose username is the email. What Okta lets code do for a custom app stops there:
 * its provisioning connection (base URL, bearer token), provisioning actions and attribute mappings
 * have no API for custom apps (`okta.app.Connection` and `okta.app.Features` serve only some catalog
 * apps), so they are listed in `manualSteps`. The bearer token is therefore never sent to Okta by
 * this component and never enters its state.
 */
export class OktaScimApp extends pulumi.ComponentResource implements ScimAppOutputs {
    readonly app: okta.app.Swa;
    readonly appId: pulumi.Output<string>;
    readonly manualSteps: pulumi.Output<string[]>;

    constructor(name: string, args: OktaScimAppArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SCIM_APP_TYPE, name, {}, opts);
        this.app = new okta.app.Swa(
            `${name}-app`,
            {
                label: args.displayName,
                status: "ACTIVE",
                ...SCIM_APP_SIGN_ON,
                hideWeb: true,
                hideIos: true,
                userNameTemplate: userNameTemplate(args.claims),
                userNameTemplateType: "CUSTOM",
                adminNote:
                    "ChatGPT SCIM provisioning only (SCIM-1); users sign in through the ChatGPT SSO app. Managed by chatgpt-identity.",
            },
            { parent: this },
        );

        this.appId = this.app.id;
        // Plain values only, so the steps are known in a preview too.
        this.manualSteps = pulumi.output(
            scimManualSteps({
                appLabel: args.displayName,
                baseUrl: args.baseUrl,
                claims: args.claims,
                groupPushDeferred: args.groupPushDeferred ?? false,
            }),
        );
        this.registerOutputs({ appId: this.appId, manualSteps: this.manualSteps });
    }
}
