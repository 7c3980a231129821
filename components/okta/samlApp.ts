import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { SsoConfig } from "../../core/config/schema";
import { AccessGroupRef, SsoAppOutputs } from "../idp/types";
import { oktaClaimSources } from "./claims";

export const SAML_NAME_ID_FORMAT_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
export const SAML_ATTRIBUTE_NAMESPACE = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified";
/** Years a token-signing key stays valid; Okta accepts 2 to 10. */
export const SIGNING_KEY_YEARS_VALID = 3;

/** The Okta key name for a `certificateRotation` value: a new name makes Okta issue a new key. */
export function signingKeyName(certificateRotation: string): string {
    return `chatgpt-sso-signing-${certificateRotation}`;
}

export interface OktaSamlAppArgs {
    /** Display label of the app in Okta, e.g. `ChatGPT SSO (Acme)`. Required. */
    label: string;
    /**
     * The validated `sso` section. `stage` must be `testing`, `enabled` or `enforced` (the app is not
     * built when it is `off`); `entityId` and `acsUrl` are required. `certificateRotation` names the
     * signing key, `claims` overrides the attribute sources, `testUsers`/`testGroup` are assigned
     * while `testing` (SSO-2).
     */
    sso: SsoConfig;
    /**
     * Every declared access group, created or adopted, in config order. At `enabled`/`enforced` all
     * of them are assigned to the app; at `testing` only the one named by `sso.testGroup`, if any.
     */
    accessGroups: AccessGroupRef[];
}

/** Why the SSO app cannot be built from this config, or undefined. Pure; checked before anything is registered. */
export function ssoAppProblem(sso: SsoConfig, accessGroupNames: readonly string[]): string | undefined {
    if (sso.stage === "off") return `sso.stage is "off"; the SSO app is built only for testing, enabled or enforced (SSO-1)`;
    if (!sso.entityId || !sso.acsUrl) {
        return `sso.entityId and sso.acsUrl are required when sso.stage is "${sso.stage}"; copy them from the ChatGPT SSO wizard`;
    }
    if (sso.stage === "testing" && sso.testGroup !== undefined && !accessGroupNames.includes(sso.testGroup)) {
        return `sso.testGroup "${sso.testGroup}" is not one of the access groups (${accessGroupNames.join(", ") || "none"})`;
    }
    return undefined;
}

/**
 * The Okta user id of test user `email` (`sso.testUsers[index]`). Okta emails are not unique by
 * rule; the lookup fails if no user has this email, and the error names the path and the fix.
 */
function testUserId(email: string, index: number, parent: pulumi.Resource): pulumi.Output<string> {
    const user = okta.user.getUser({
        searches: [{ name: "profile.email", value: email, comparison: "eq" }],
        skipGroups: true,
        skipRoles: true,
    }, { parent }).then((u) => u.id, (err: unknown) => {
        const detail = (err instanceof Error ? err.message : String(err ?? "")) || "the lookup failed";
        throw new OktaSamlAppError(`workspace.sso.testUsers[${index}]: no Okta user with the email ${email} could be looked up (${detail}); ` +
            "check the spelling or create the user first, or remove the address. The SSO app was not created or changed (SSO-2).");
    });
    return pulumi.output(user);
}

export class OktaSamlAppError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "OktaSamlAppError";
    }
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
        // Checked before super(): a bad config registers nothing.
        const { sso } = args;
        const problem = ssoAppProblem(sso, args.accessGroups.map((g) => g.name));
        if (problem !== undefined) throw new OktaSamlAppError(`OktaSamlApp "${name}": ${problem}`);
        const claims = oktaClaimSources(sso.claims);
        super("chatgpt-identity:okta:SamlApp", name, {}, opts);
        const testGroup = sso.stage === "testing" && sso.testGroup !== undefined
            ? args.accessGroups.find((g) => g.name === sso.testGroup)
            : undefined;

        // SSO-2: the test users are looked up first and the app waits for every lookup, so an unknown
        // address fails the run naming its path before the app exists (nothing half-applied).
        const testUserIds = sso.stage === "testing" ? sso.testUsers.map((email, i) => testUserId(email, i, this)) : [];
        const allTestUsersFound = testUserIds.length === 0 ? undefined : pulumi.all(testUserIds).apply((): pulumi.Resource[] => []);

        // SSO-6: no encryption property is ever set; ChatGPT cannot read encrypted assertions.
        this.app = new okta.app.Saml(`${name}-app`, {
            label: args.label,
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
        }, { parent: this, dependsOn: allTestUsersFound });

        // SSO-2: while testing only the pilot users (and the optional test group) can use the app.
        this.testUserAssignments = testUserIds.map((userId, i) =>
            new okta.app.User(`${name}-test-user-${sso.testUsers[i]}`, { appId: this.app.id, userId }, { parent: this }));

        const assignedGroups = sso.stage === "testing" ? (testGroup ? [testGroup] : []) : args.accessGroups;
        // One resource for every group of the app: several AppGroupAssignments on one app fight each other.
        // The same logical name at every stage, so moving from testing to enabled updates it in place.
        this.groupAssignments = assignedGroups.length > 0
            ? new okta.AppGroupAssignments(`${name}-group-assignments`, {
                appId: this.app.id,
                groups: assignedGroups.map((g) => ({ id: g.id, profile: "{}" })),
            }, { parent: this })
            : undefined;

        this.appId = this.app.id;
        this.metadataUrl = this.app.metadataUrl;
        this.entityId = this.app.audience.apply((audience) => audience ?? sso.entityId!);
        this.certificateThumbprint = pulumi.all([this.app.keyId, this.app.keys]).apply(([keyId, keys]) =>
            (keys ?? []).find((k) => k.kid === keyId)?.x5tS256 || undefined);

        this.registerOutputs({
            appId: this.appId,
            metadataUrl: this.metadataUrl,
            entityId: this.entityId,
            certificateThumbprint: this.certificateThumbprint,
        });
    }
}
