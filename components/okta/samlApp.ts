import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { SsoConfig } from "../../core/config/model";
import { AccessGroupRef, SsoAppOutputs } from "../idp/types";
import { oktaClaimSources } from "./claims";
import { ConfigError } from "../../core/config/problems";

export const SAML_NAME_ID_FORMAT_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
export const SAML_ATTRIBUTE_NAMESPACE = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified";
/** Years a token-signing key stays valid; Okta accepts 2 to 10. */
export const SIGNING_KEY_YEARS_VALID = 3;

/** The Okta key name for a `certificateRotation` value: a new name makes Okta issue a new key. */
export function signingKeyName(certificateRotation: string): string {
    return `chatgpt-sso-signing-${certificateRotation}`;
}

export const SAML_APP_TYPE = "chatgpt-identity:okta:SamlApp";

export interface OktaSamlAppArgs {
    /** Display label of the app in Okta (`ssoAppDisplayName`), e.g. `ChatGPT SSO (Acme)`. */
    displayName: string;
    /**
     * The tenant's validated `sso` section; `stage` is not `off` (no app is built then).
     * `certificateRotation` names the signing key, `claims` overrides the attribute sources,
     * `testUsers`/`testGroup` are assigned while `testing` (SSO-2).
     */
    sso: SsoConfig;
    /** Config path of the tenant-level fields (`TenantConfig.path`), prefix of test-user paths in errors. */
    path: string;
    /**
     * Every access group of every workspace, created or adopted, in config order. At
     * `enabled`/`enforced` all of them are assigned to the app; at `testing` only the one named by
     * `sso.testGroup`, if any.
     */
    accessGroups: AccessGroupRef[];
}

/**
 * The Okta user ids of the test users, in order, from one lookup per address. Only the deployment
 * can know whether Okta has each user: the result rejects with ONE ConfigError naming every address
 * that could not be found at its path (`<path>.sso.testUsers[i]`).
 */
export function lookupTestUserIds(
    emails: readonly string[],
    path: string,
    parent: pulumi.Resource,
): pulumi.Output<string[]> {
    const lookups = emails.map((email) =>
        okta.user.getUser(
            {
                searches: [{ name: "profile.email", value: email, comparison: "eq" }],
                skipGroups: true,
                skipRoles: true,
            },
            { parent },
        ),
    );
    return pulumi.output(
        Promise.allSettled(lookups).then((results) => {
            const problems = results.flatMap((r, i) => {
                if (r.status === "fulfilled") return [];
                const detail =
                    (r.reason instanceof Error ? r.reason.message : String(r.reason ?? "")) || "the lookup failed";
                return [
                    {
                        path: `${path}.sso.testUsers[${i}]`,
                        rule: "SSO-2" as const,
                        message: `no Okta user with the email ${emails[i]} could be looked up (${detail}); the SSO app was not created or changed`,
                        fix: "Check the spelling or create the user first, or remove the address.",
                    },
                ];
            });
            if (problems.length > 0) throw new ConfigError(problems);
            return results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id);
        }),
    );
}

/**
 * The ChatGPT SSO application in Okta: a custom SAML 2.0 app (`okta.app.Saml`) that signs response
 * and assertion with SHA-256, sends the email as NameID and the three attributes ChatGPT reads
 * (SSO-7), and never encrypts the assertion (SSO-6). Who may use it follows the rollout stage (SSO-2).
 */
export class OktaSamlApp extends pulumi.ComponentResource implements SsoAppOutputs {
    readonly app: okta.app.Saml;
    /** One assignment per test user while `testing`; empty otherwise. */
    readonly testUserAssignments: okta.app.User[];
    /** The single group assignment: the test group while `testing`, every access group after. */
    readonly groupAssignments?: okta.AppGroupAssignments;
    readonly appId: pulumi.Output<string>;
    readonly metadataUrl: pulumi.Output<string>;
    readonly entityId: pulumi.Output<string>;
    readonly certificateThumbprint: pulumi.Output<string | undefined>;

    constructor(name: string, args: OktaSamlAppArgs, opts?: pulumi.ComponentResourceOptions) {
        const { sso } = args;
        const claims = oktaClaimSources(sso.claims);
        super(SAML_APP_TYPE, name, {}, opts);
        const testGroup =
            sso.stage === "testing" && sso.testGroup !== undefined
                ? args.accessGroups.find((g) => g.name === sso.testGroup)
                : undefined;

        // SSO-2: the test users are looked up first and the app waits for every lookup, so an unknown
        // address fails the run naming its path before the app exists (nothing half-applied).
        const testUsers = sso.stage === "testing" ? sso.testUsers : [];
        const testUserIds = testUsers.length === 0 ? undefined : lookupTestUserIds(testUsers, args.path, this);
        const allTestUsersFound = testUserIds?.apply((): pulumi.Resource[] => []);

        // SSO-6: no encryption property is ever set; ChatGPT cannot read encrypted assertions.
        this.app = new okta.app.Saml(
            `${name}-app`,
            {
                label: args.displayName,
                status: "ACTIVE",
                ssoUrl: sso.acsUrl,
                recipient: sso.acsUrl,
                destination: sso.acsUrl,
                audience: sso.entityId,
                // NameID is the email ChatGPT matches users on; `${user.email}` unless sso.claims.email overrides it.
                subjectNameIdTemplate: `\${${claims.email}}`,
                subjectNameIdFormat: SAML_NAME_ID_FORMAT_EMAIL,
                responseSigned: true,
                assertionSigned: true,
                signatureAlgorithm: "RSA_SHA256",
                digestAlgorithm: "SHA256",
                authnContextClassRef: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
                samlVersion: "2.0",
                // A new key name makes Okta generate a new signing key (certificate rotation).
                keyName: signingKeyName(sso.certificateRotation),
                keyYearsValid: SIGNING_KEY_YEARS_VALID,
                attributeStatements: (["email", "given_name", "family_name"] as const).map((attribute) => ({
                    name: attribute,
                    namespace: SAML_ATTRIBUTE_NAMESPACE,
                    type: "EXPRESSION",
                    values: [claims[attribute]],
                })),
            },
            { parent: this, dependsOn: allTestUsersFound },
        );

        // SSO-2: while testing only the pilot users (and the optional test group) can use the app.
        this.testUserAssignments = testUsers.map(
            (email, i) =>
                new okta.app.User(
                    `${name}-test-user-${email}`,
                    {
                        appId: this.app.id,
                        userId: testUserIds!.apply((ids) => ids[i]),
                    },
                    { parent: this },
                ),
        );

        const assignedGroups = sso.stage === "testing" ? (testGroup ? [testGroup] : []) : args.accessGroups;
        // One resource for every group of the app: several AppGroupAssignments on one app fight each other.
        // The same logical name at every stage, so moving from testing to enabled updates it in place.
        this.groupAssignments =
            assignedGroups.length > 0
                ? new okta.AppGroupAssignments(
                      `${name}-group-assignments`,
                      {
                          appId: this.app.id,
                          groups: assignedGroups.map((g) => ({ id: g.id, profile: "{}" })),
                      },
                      { parent: this },
                  )
                : undefined;

        this.appId = this.app.id;
        this.metadataUrl = this.app.metadataUrl;
        this.entityId = this.app.audience.apply((audience) => audience ?? sso.entityId!);
        this.certificateThumbprint = pulumi
            .all([this.app.keyId, this.app.keys])
            .apply(([keyId, keys]) => (keys ?? []).find((k) => k.kid === keyId)?.x5tS256 || undefined);

        this.registerOutputs({
            appId: this.appId,
            metadataUrl: this.metadataUrl,
            entityId: this.entityId,
            certificateThumbprint: this.certificateThumbprint,
        });
    }
}
