import { SsoConfig } from "../../core/config/schema";

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
 * Entra ID claim sources that a config copied from an Entra setup may still hold. Okta expressions
 * are case-sensitive and have no such attributes, so the value would be empty and ChatGPT would
 * show names as email addresses (SSO-7).
 */
const ENTRA_SOURCES: Record<string, string> = {
    "user.mail": "user.email",
    "user.userprincipalname": "user.login",
    "user.givenname": "user.firstName",
    "user.surname": "user.lastName",
};

export class OktaClaimError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "OktaClaimError";
    }
}

/** The configured sources with Okta defaults; throws an OktaClaimError naming the field and its fix. */
export function oktaClaimSources(claims: SsoConfig["claims"]): OktaClaimSources {
    const sources: OktaClaimSources = {
        email: claims.email ?? DEFAULT_OKTA_CLAIM_SOURCES.email,
        given_name: claims.given_name ?? DEFAULT_OKTA_CLAIM_SOURCES.given_name,
        family_name: claims.family_name ?? DEFAULT_OKTA_CLAIM_SOURCES.family_name,
    };
    const problems = (Object.keys(sources) as (keyof OktaClaimSources)[]).flatMap((claim) => {
        const source = sources[claim].trim();
        const okta = ENTRA_SOURCES[source.toLowerCase()];
        if (okta !== undefined) {
            return [`workspace.sso.claims.${claim}: "${source}" is an Entra ID attribute; Okta has no such attribute, use "${okta}" (or remove the override for the default ${DEFAULT_OKTA_CLAIM_SOURCES[claim]})`];
        }
        if (source.length === 0) return [`workspace.sso.claims.${claim}: is empty; remove the override to use ${DEFAULT_OKTA_CLAIM_SOURCES[claim]}`];
        return [];
    });
    if (problems.length > 0) {
        throw new OktaClaimError(`SSO-7: ChatGPT needs email, given_name and family_name in every assertion, or display names show as email addresses:\n  - ${problems.join("\n  - ")}`);
    }
    return sources;
}
