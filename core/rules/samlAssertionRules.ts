import { Finding, Rule, finding, listing } from "./types";
import { SSO6_WHY, SSO7_WHY } from "../config/ruleText";

export { SSO6_WHY, SSO7_WHY };

/** The attributes every assertion carries (SSO-7). */
export const REQUIRED_CLAIMS = ["email", "given_name", "family_name"] as const;
export type RequiredClaim = (typeof REQUIRED_CLAIMS)[number];

const OFF_WORDS = /^(false|no|none|off|disabled|unencrypted|0)?$/i;
const ENCRYPTION_KEY = /encrypt/i;

function isOn(value: unknown): boolean {
    if (value === null || value === undefined || value === false) return false;
    if (typeof value === "string") return !OFF_WORDS.test(value.trim());
    if (typeof value === "number") return value !== 0;
    if (Array.isArray(value)) return value.some(isOn);
    if (typeof value === "object") return Object.values(value as object).some(isOn);
    return value === true;
}

function parseJsonObject(text: string): unknown {
    const trimmed = text.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
    try {
        return JSON.parse(trimmed);
    } catch {
        return undefined;
    }
}

/**
 * SSO-6: the dotted paths, below `value`, of every setting whose name mentions encryption and that
 * turns it on (`assertionEncryption: true`, `tokenEncryptionKeyId: "..."`). JSON text such as Okta's
 * `appSettingsJson` is searched too. Used on the config and on IdP resource inputs alike.
 */
export function encryptionSettings(value: unknown, path = ""): string[] {
    if (typeof value === "string") {
        const parsed = parseJsonObject(value);
        return parsed === undefined ? [] : encryptionSettings(parsed, path);
    }
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
        const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        if (ENCRYPTION_KEY.test(key) && isOn(child)) return [childPath];
        return encryptionSettings(child, childPath);
    });
}

/**
 * SSO-7: which required claims a mapping drops or blanks. `sources` maps a claim name to its source
 * (a string or a list of strings). When `complete` is true the mapping is everything that is sent, so
 * a missing claim is dropped; otherwise a missing claim keeps its default source.
 */
export function droppedClaims(sources: Record<string, unknown>, complete: boolean): RequiredClaim[] {
    const usable = (v: unknown) => (typeof v === "string" && v.trim() !== "") || (Array.isArray(v) && v.some(usable));
    return REQUIRED_CLAIMS.filter((claim) => (claim in sources ? !usable(sources[claim]) : complete));
}

export function droppedClaimsMessage(dropped: readonly RequiredClaim[]): string {
    return (
        `The SAML assertion would not carry ${listing(dropped.map((c) => `"${c}"`))}; email, given_name ` +
        `and family_name are always needed.`
    );
}

/** SSO-6: never configure assertion/token encryption. */
export const sso6NoAssertionEncryption: Rule = {
    id: "SSO-6",
    summary: "SAML assertions are never encrypted.",
    enforcedByConfig:
        "sso.assertionEncryption: true is refused; the policy pack also refuses encryption settings on the " +
        "IdP resources.",
};

const EMAIL_LIKE_SOURCE = /mail|userprincipalname|\blogin\b|username/i;

/** SSO-7: email, given_name and family_name are always in the assertion. */
export const sso7NameClaims: Rule = {
    id: "SSO-7",
    summary: "given_name and family_name do not come from an email or login attribute.",
    enforcedByConfig:
        "An emptied or dropped given_name/family_name claim, and a source the IdP cannot fill (the other " +
        "IdP's attribute name; on Entra, one not written user.<attribute>), are refused; the components " +
        "always send email, given_name and family_name.",
    tenant({ config, path }) {
        const claims = config.sso.claims;
        const findings: Finding[] = [];
        for (const claim of ["given_name", "family_name"] as const) {
            const source = claims[claim];
            if (source === undefined || !EMAIL_LIKE_SOURCE.test(source)) continue;
            findings.push(
                finding("SSO-7", "warning", path("sso", "claims", claim), {
                    message:
                        `sso.claims.${claim} takes its value from "${source}", which looks like an ` +
                        `email or login attribute.`,
                    why: "Users' names would show as email addresses in the workspace.",
                    fix:
                        `Map ${claim} to the directory's ` +
                        `${claim === "given_name" ? "first-name" : "last-name"} attribute, or remove the ` +
                        `override to use the default.`,
                }),
            );
        }
        return findings;
    },
};

/** SSO-12: the email claim carries the address the user is provisioned under. */
export const sso12EmailClaimSource: Rule = {
    id: "SSO-12",
    summary:
        "The email claim comes from a mail/UPN-like attribute, the one each workspace's SCIM app sends as " +
        "the identifier.",
    enforcedByConfig:
        "An emptied email claim, an email claim the IdP cannot fill (the other IdP's attribute name; on " +
        "Entra, one not written user.<attribute>), an email claim or scim.identifierSource that is not a " +
        "mail/UPN-like attribute, and an email claim that differs from a SCIM-enabled workspace's " +
        "identifier are refused.",
};
