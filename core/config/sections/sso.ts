import { z } from "zod";
import { bool, emailList, entityId, expected, httpsUrl, oneOf, plainText, section } from "../primitives";

export const SSO_STAGES = ["off", "testing", "enabled", "enforced"] as const;
export type SsoStage = (typeof SSO_STAGES)[number];

/**
 * An IdP attribute name for a claim; `null`/empty are accepted here and refused by SSO-7/SSO-12 with their explanation.
 */
const claimSource = (example: string) =>
    z
        .union([z.string({ error: expected(`an IdP attribute name such as ${example}`) }), z.null()], {
            error: (issue) =>
                expected(`an IdP attribute name such as ${example}`)({ code: "invalid_type", input: issue.input }),
        })
        .optional();

export const claimsSchema = section("SAML claim sources", {
    /**
     * Source attribute of the `email` claim (the NameID). Entra default `user.mail`, Okta `user.email`. Must be
     * a mail/UPN-like attribute (Entra `user.mail`/`user.userprincipalname`, Okta `user.email`/`user.login`) and
     * the identifier SCIM sends (SSO-12).
     */
    email: claimSource("user.mail"),
    /** Source of `given_name`. Entra default `user.givenname`, Okta `user.firstName`. Never empty (SSO-7). */
    given_name: claimSource("user.givenname"),
    /** Source of `family_name`. Entra default `user.surname`, Okta `user.lastName`. Never empty (SSO-7). */
    family_name: claimSource("user.surname"),
});

/** The tenant's ONE SSO connection (SSO-10), shared by every workspace and API Platform organization. */
export const ssoShape = {
    /**
     * Rollout stage (SSO-1): `off` (default); `testing` (the IdP app assigned to `testUsers`/`testGroup`
     * only); `enabled` (password login off for provisioned users on verified domains); `enforced` (social
     * login off too, SSO-8; needs `testedUsers` or `acknowledgeUntestedEnforcement`, SSO-2).
     */
    stage: oneOf(SSO_STAGES, "an SSO stage").default("off"),
    /** SP entity ID (Identifier) from the ChatGPT SSO wizard. Required unless stage is `off`. */
    entityId: entityId.optional(),
    /** ACS (Reply) URL from the ChatGPT SSO wizard (https). Required unless stage is `off`. */
    acsUrl: httpsUrl("the ChatGPT SSO wizard").optional(),
    /**
     * Sign-in addresses of the pilot test users assigned to the SSO app while testing (SSO-2); each on a listed domain
     * (DOM-2).
     */
    testUsers: emailList("email addresses of test users").default([]),
    /** Convention name of one declared access group assigned to the SSO app while testing. */
    testGroup: plainText("a declared group name such as TESTING_SSO_Pilot").optional(),
    /** Test users who signed in successfully; `enforced` requires these (SSO-2). */
    testedUsers: emailList("email addresses of tested users").default([]),
    /** Explicit acknowledgement to enforce without recorded tested users (SSO-2 override). Default false. */
    acknowledgeUntestedEnforcement: bool().default(false),
    /** Change this value (e.g. to `2027`) to issue a new token-signing certificate. Default `"1"`. */
    certificateRotation: z
        .union([z.string(), z.number()], {
            error: (issue) => expected("a short label such as 2027")({ code: "invalid_type", input: issue.input }),
        })
        .transform((v) => String(v))
        .refine((v) => /^[A-Za-z0-9._-]{1,40}$/.test(v), {
            error: 'must be letters, digits, ".", "_" or "-" (e.g. 2027); it names the signing certificate',
        })
        .default("1"),
    /** Overrides of the SAML claim sources; email, given_name and family_name are always sent (SSO-7). */
    claims: claimsSchema.prefault({}),
    /** Encrypted assertions are unsupported (SSO-6): only `false` passes the gate. Default false. */
    assertionEncryption: bool("false (ChatGPT cannot read encrypted assertions)").default(false),
};

export const ssoSchema = section("SSO settings", ssoShape);

export type SsoSection = z.output<typeof ssoSchema>;
