import { ClaimSources } from "../../core/config/model";

/**
 * Okta expression sources of the three attributes ChatGPT reads (SSO-7), also used for the SCIM
 * attribute mappings (SCIM-6) so that SAML and SCIM send the same values.
 */
export interface OktaClaimSources {
    email: string;
    given_name: string;
    family_name: string;
}

export const DEFAULT_OKTA_CLAIM_SOURCES: Readonly<OktaClaimSources> = Object.freeze({
    email: "user.email",
    given_name: "user.firstName",
    family_name: "user.lastName",
});

/**
 * The configured sources with Okta defaults. The config gate has checked them (SSO-7: none empty,
 * none an Entra ID attribute such as `user.mail`, which Okta does not have).
 */
export function oktaClaimSources(claims: ClaimSources): OktaClaimSources {
    return {
        email: claims.email ?? DEFAULT_OKTA_CLAIM_SOURCES.email,
        given_name: claims.given_name ?? DEFAULT_OKTA_CLAIM_SOURCES.given_name,
        family_name: claims.family_name ?? DEFAULT_OKTA_CLAIM_SOURCES.family_name,
    };
}
