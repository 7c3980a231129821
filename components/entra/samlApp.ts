import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";
import { SsoAppOutputs } from "../idp/types";
import { userAppRoleId } from "./appRoles";
import { ClaimSources, claimsMappingDefinition } from "./claims";
import { createEnterpriseApp } from "./enterpriseApp";
import { UserReference, lookupUserObjectIds, userKey } from "./userLookup";

export const SAML_APP_TYPE = "chatgpt-identity:entra:SamlApp";

/** The SSO stages in which an SSO app exists (SSO-1); `off` builds no app. */
export type ActiveSsoStage = "testing" | "enabled" | "enforced";

export interface EntraSamlAppArgs {
    /** Display name of the enterprise app, e.g. "ChatGPT SSO (Lincoln USD)". */
    displayName: string;
    /**
     * Rollout stage (SSO-1). `testing`: assignment is required, so only `testUsers`/`testGroup`
     * can sign in (SSO-2). `enabled`/`enforced`: assignment is not required; who gets in is decided
     * by workspace provisioning, since an IdP login without a workspace membership fails (SSO-9).
     */
    stage: ActiveSsoStage;
    /** SP entity ID from the ChatGPT SSO wizard; becomes the app's identifier URI. */
    entityId: string;
    /** ACS URL from the ChatGPT SSO wizard; becomes the app's Web redirect (reply) URI. */
    acsUrl: string;
    /**
     * Any token, e.g. `2027`; changing it issues a new token-signing certificate (the certificate's
     * display name `CN=ChatGPT SSO <value>` forces a replacement). Letters, digits, `.`, `_`, `-`. Default `1`.
     */
    certificateRotation?: string;
    /** Claim source overrides (`user.<attribute>`); email, given_name, family_name are always sent (SSO-7). Default {}. */
    claims?: ClaimSources;
    /** Sign-in names (UPNs) assigned to the app at stage `testing` (SSO-2); ignored at other stages. Default []. */
    testUsers?: string[];
    /** Object id of a group assigned to the app at stage `testing` (SSO-2); ignored at other stages. Default: none. */
    testGroupObjectId?: pulumi.Input<string>;
    /**
     * Object ids of the test users, keyed by `userKey(address)`, e.g. from the one lookup
     * EntraIdentity makes for its whole side (and on which it gates every child). Default: this
     * component makes one `getUsers` lookup of `testUsers` at stage `testing`, and the error names
     * each unknown address (`sso.testUsers[i]`).
     */
    userObjectIds?: pulumi.Input<Record<string, string>>;
}

/** The test users assigned at stage `testing`, with their config paths (`sso.testUsers[i]`); none at other stages (SSO-2). */
export function testUserReferences(stage: ActiveSsoStage | "off", testUsers: readonly string[] = []): UserReference[] {
    return stage === "testing" ? testUsers.map((address, i) => ({ address, path: `sso.testUsers[${i}]` })) : [];
}

const ROTATION = /^[A-Za-z0-9._-]+$/;

/** Why `sso.certificateRotation` cannot name a signing certificate, or undefined. */
export function certificateRotationProblem(rotation: string): string | undefined {
    return ROTATION.test(rotation)
        ? undefined
        : `sso.certificateRotation: "${rotation}" must be letters, digits, ".", "_" or "-" (e.g. 2027); it names the signing certificate`;
}

/**
 * A non-gallery SAML enterprise app for ChatGPT SSO: the application from the template, its
 * identifier and reply URIs, the adopted service principal in SAML mode, an app-specific token
 * signing certificate, the claims-mapping policy and, while testing, the test-user assignments.
 *
 * Limitation: the provider has no `preferredTokenSigningKeyThumbprint` on the service principal.
 * The certificate is created with Graph's addTokenSigningCertificate; after a rotation, check in the
 * SAML blade that the new certificate (thumbprint in `certificateThumbprint`) is the active one.
 */
export class EntraSamlApp extends pulumi.ComponentResource implements SsoAppOutputs {
    /** Object id of the Entra application. */
    readonly appId: pulumi.Output<string>;
    /** Client (app) id of the application. */
    readonly clientId: pulumi.Output<string>;
    readonly servicePrincipalObjectId: pulumi.Output<string>;
    readonly metadataUrl: pulumi.Output<string>;
    readonly entityId: pulumi.Output<string>;
    readonly certificateThumbprint: pulumi.Output<string | undefined>;
    /** Test-user and test-group assignments (empty unless stage is `testing`). */
    readonly testAssignments: azuread.AppRoleAssignment[];

    constructor(name: string, args: EntraSamlAppArgs, opts?: pulumi.ComponentResourceOptions) {
        const rotation = args.certificateRotation ?? "1";
        const rotationProblem = certificateRotationProblem(rotation);
        if (rotationProblem !== undefined) throw new Error(rotationProblem);
        const definition = claimsMappingDefinition(args.claims);
        super(SAML_APP_TYPE, name, {}, opts);
        const parent = this;
        const testing = args.stage === "testing";

        const app = createEnterpriseApp(this, name, {
            displayName: args.displayName,
            servicePrincipal: {
                preferredSingleSignOnMode: "saml",
                featureTags: [{ enterprise: true, customSingleSignOn: true }],
                // SSO-2: while testing only assigned users sign in. Later, access is gated by
                // workspace provisioning (SSO-9), so every directory user may authenticate.
                appRoleAssignmentRequired: testing,
            },
        });
        const sp = app.servicePrincipal;

        const identifierUri = new azuread.ApplicationIdentifierUri(`${name}-identifier-uri`, {
            applicationId: app.application.applicationId,
            identifierUri: args.entityId,
        }, { parent });
        new azuread.ApplicationRedirectUris(`${name}-redirect-uris`, {
            applicationId: app.application.applicationId,
            type: "Web",
            redirectUris: [args.acsUrl],
        }, { parent });

        const certificate = new azuread.ServicePrincipalTokenSigningCertificate(`${name}-signing-cert`, {
            servicePrincipalId: sp.id,
            displayName: `CN=ChatGPT SSO ${rotation}`,
        }, { parent });

        const policy = new azuread.ClaimsMappingPolicy(`${name}-claims-policy`, {
            displayName: `${args.displayName} claims`,
            definitions: [definition],
        }, { parent });
        // A claims-mapping policy needs an app-specific signing key, else sign-in fails with AADSTS50146.
        new azuread.ServicePrincipalClaimsMappingPolicyAssignment(`${name}-claims-policy-assignment`, {
            claimsMappingPolicyId: policy.id,
            servicePrincipalId: sp.id,
        }, { parent, dependsOn: [certificate] });

        this.testAssignments = [];
        if (testing) {
            const roleId = sp.appRoles.apply(userAppRoleId);
            const refs = testUserReferences(args.stage, args.testUsers);
            const ids = refs.length === 0 ? undefined : pulumi.output(args.userObjectIds ?? lookupUserObjectIds(refs, { parent }));
            for (const { address, path } of refs) {
                this.testAssignments.push(new azuread.AppRoleAssignment(`${name}-test-user-${address.toLowerCase()}`, {
                    appRoleId: roleId,
                    principalObjectId: ids!.apply((m) => {
                        const id = m[userKey(address)];
                        if (id === undefined) throw new Error(`${path}: no object id for ${address} in the user lookup`);
                        return id;
                    }),
                    resourceObjectId: sp.objectId,
                }, { parent }));
            }
            if (args.testGroupObjectId !== undefined) {
                this.testAssignments.push(new azuread.AppRoleAssignment(`${name}-test-group`, {
                    appRoleId: roleId,
                    principalObjectId: args.testGroupObjectId,
                    resourceObjectId: sp.objectId,
                }, { parent }));
            }
        }

        const tenantId = azuread.getClientConfigOutput({ parent }).tenantId;
        this.appId = app.application.applicationObjectId;
        this.clientId = app.clientId;
        this.servicePrincipalObjectId = sp.objectId;
        this.metadataUrl = pulumi.interpolate`https://login.microsoftonline.com/${tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${app.clientId}`;
        this.entityId = identifierUri.identifierUri;
        this.certificateThumbprint = certificate.thumbprint;
        this.registerOutputs({
            appId: this.appId,
            clientId: this.clientId,
            servicePrincipalObjectId: this.servicePrincipalObjectId,
            metadataUrl: this.metadataUrl,
            entityId: this.entityId,
            certificateThumbprint: this.certificateThumbprint,
        });
    }
}
