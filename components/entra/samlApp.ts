import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";
import { SsoAppOutputs } from "../idp/types";
import { userAppRoleId } from "./appRoles";
import { SsoConfig } from "../../core/config/model";
import { claimsMappingDefinition } from "./claims";
import { createEnterpriseApp } from "./enterpriseApp";
import { UserReference, lookupUserObjectIds, objectIdOf } from "./userLookup";

export const SAML_APP_TYPE = "chatgpt-identity:entra:SamlApp";

export interface EntraSamlAppArgs {
    /** Display name of the enterprise app (`ssoAppDisplayName`), e.g. "ChatGPT SSO (Lincoln USD)". */
    displayName: string;
    /**
     * The tenant's validated `sso` section; `stage` is not `off` (no app is built then). `stage`
     * `testing`: assignment is required, so only `testUsers`/the test group can sign in (SSO-2);
     * `enabled`/`enforced`: assignment is not required, who gets in is decided by workspace
     * provisioning, since an IdP login without a workspace membership fails (SSO-9). `entityId`
     * becomes the identifier URI, `acsUrl` the Web redirect (reply) URI. `certificateRotation` names
     * the token-signing certificate (`CN=ChatGPT SSO <value>`; a new value issues a new one).
     * `claims` overrides sources (`user.<attribute>`); email, given_name, family_name are always sent (SSO-7).
     */
    sso: SsoConfig;
    /** Config path of the tenant-level fields (`TenantConfig.path`), prefix of test-user paths in errors. */
    path: string;
    /** Object id of the group named by `sso.testGroup`, assigned at stage `testing` only (SSO-2). Default: none. */
    testGroupObjectId?: pulumi.Input<string>;
    /**
     * Object ids of the test users, keyed by `userKey(address)`, e.g. from the one lookup
     * EntraIdentity makes for the whole tenant side (and on which it gates every child). Default: this
     * component makes one `getUsers` lookup of `sso.testUsers` at stage `testing`; an unknown address
     * fails the run with a ConfigError naming its path.
     */
    userObjectIds?: pulumi.Input<Record<string, string>>;
}

/**
 * The test users assigned at stage `testing`, with their config paths (`<tenant path>.sso.testUsers[i]`);
 * none at other stages (SSO-2).
 */
export function testUserReferences(
    stage: SsoConfig["stage"],
    testUsers: readonly string[],
    tenantPath: string,
): UserReference[] {
    return stage === "testing"
        ? testUsers.map((address, i) => ({ address, path: `${tenantPath}.sso.testUsers[${i}]` }))
        : [];
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
        const { sso } = args;
        const definition = claimsMappingDefinition(sso.claims);
        super(SAML_APP_TYPE, name, {}, opts);
        const testing = sso.stage === "testing";

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

        const identifierUri = new azuread.ApplicationIdentifierUri(
            `${name}-identifier-uri`,
            {
                applicationId: app.application.applicationId,
                identifierUri: sso.entityId!,
            },
            { parent: this },
        );
        new azuread.ApplicationRedirectUris(
            `${name}-redirect-uris`,
            {
                applicationId: app.application.applicationId,
                type: "Web",
                redirectUris: [sso.acsUrl!],
            },
            { parent: this },
        );

        const certificate = new azuread.ServicePrincipalTokenSigningCertificate(
            `${name}-signing-cert`,
            {
                servicePrincipalId: sp.id,
                displayName: `CN=ChatGPT SSO ${sso.certificateRotation}`,
            },
            { parent: this },
        );

        const policy = new azuread.ClaimsMappingPolicy(
            `${name}-claims-policy`,
            {
                displayName: `${args.displayName} claims`,
                definitions: [definition],
            },
            { parent: this },
        );
        // A claims-mapping policy needs an app-specific signing key, else sign-in fails with AADSTS50146.
        new azuread.ServicePrincipalClaimsMappingPolicyAssignment(
            `${name}-claims-policy-assignment`,
            {
                claimsMappingPolicyId: policy.id,
                servicePrincipalId: sp.id,
            },
            { parent: this, dependsOn: [certificate] },
        );

        this.testAssignments = [];
        if (testing) {
            const roleId = sp.appRoles.apply(userAppRoleId);
            const refs = testUserReferences(sso.stage, sso.testUsers, args.path);
            const ids =
                refs.length === 0
                    ? undefined
                    : pulumi.output(args.userObjectIds ?? lookupUserObjectIds(refs, { parent: this }));
            for (const { address, path } of refs) {
                this.testAssignments.push(
                    new azuread.AppRoleAssignment(
                        `${name}-test-user-${address.toLowerCase()}`,
                        {
                            appRoleId: roleId,
                            principalObjectId: ids!.apply((m) => objectIdOf(m, { address, path })),
                            resourceObjectId: sp.objectId,
                        },
                        { parent: this },
                    ),
                );
            }
            if (args.testGroupObjectId !== undefined) {
                this.testAssignments.push(
                    new azuread.AppRoleAssignment(
                        `${name}-test-group`,
                        {
                            appRoleId: roleId,
                            principalObjectId: args.testGroupObjectId,
                            resourceObjectId: sp.objectId,
                        },
                        { parent: this },
                    ),
                );
            }
        }

        const tenantId = azuread.getClientConfigOutput({ parent: this }).tenantId;
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
