/**
 * The SAML claims ChatGPT reads, as an Entra claims-mapping policy definition (SSO-7).
 * email, given_name and family_name are always emitted, and the NameID is the email. Encryption is
 * never part of it (SSO-6): Entra encrypts only when a token-encryption key is set, and nothing here
 * sets one.
 */

/** Entra default source of each claim, in the portal's `user.<attribute>` notation. */
export const DEFAULT_CLAIM_SOURCES = {
    email: "user.mail",
    given_name: "user.givenname",
    family_name: "user.surname",
} as const;

export type ClaimName = keyof typeof DEFAULT_CLAIM_SOURCES;
export type ClaimSources = Partial<Record<ClaimName, string>>;

export const NAME_ID_CLAIM_TYPE = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";

interface ClaimsSchemaEntry {
    Source: "user";
    ID?: string;
    ExtensionID?: string;
    SamlClaimType: string;
}

/**
 * `user.mail` → `{ Source: "user", ID: "mail" }`; `user.extension_<app>_<name>` → an ExtensionID. The
 * config gate has checked that every override is written `user.<attribute>` (SSO-7, SSO-12).
 */
export function claimSource(source: string): Pick<ClaimsSchemaEntry, "Source" | "ID" | "ExtensionID"> {
    const attribute = source.slice(source.indexOf(".") + 1);
    return attribute.toLowerCase().startsWith("extension_")
        ? { Source: "user", ExtensionID: attribute }
        : { Source: "user", ID: attribute.toLowerCase() };
}

/** The claims-mapping policy definition (one JSON string) for the given source overrides. */
export function claimsMappingDefinition(overrides: ClaimSources = {}): string {
    const sources: Record<ClaimName, string> = { ...DEFAULT_CLAIM_SOURCES };
    for (const claim of Object.keys(DEFAULT_CLAIM_SOURCES) as ClaimName[]) {
        const override = overrides[claim];
        if (override !== undefined) sources[claim] = override;
    }
    const entry = (claim: ClaimName, samlClaimType: string): ClaimsSchemaEntry => ({
        ...claimSource(sources[claim]),
        SamlClaimType: samlClaimType,
    });
    const schema: ClaimsSchemaEntry[] = [
        entry("email", NAME_ID_CLAIM_TYPE),
        entry("email", "email"),
        entry("given_name", "given_name"),
        entry("family_name", "family_name"),
    ];
    return JSON.stringify({ ClaimsMappingPolicy: { Version: 1, IncludeBasicClaimSet: "true", ClaimsSchema: schema } });
}
