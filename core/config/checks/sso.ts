import { at, TenantDraft } from "../draft";
import { IdpKind } from "../forms";
import { quote } from "../paths";
import { ConfigProblem } from "../problems";
import { SSO12_WHY, SSO6_ENCRYPTION, SSO7_WHY } from "../ruleText";

/** The claim sources components use when `sso.claims` leaves one out. */
export const DEFAULT_CLAIM_SOURCES: Record<IdpKind, { email: string; given_name: string; family_name: string }> = {
    entra: { email: "user.mail", given_name: "user.givenname", family_name: "user.surname" },
    okta: { email: "user.email", given_name: "user.firstName", family_name: "user.lastName" },
};

/**
 * SSO-12: the attributes that hold a sign-in address. Entra: `user.mail`, `user.userprincipalname`; Okta:
 * `user.email`, `user.login` (the Okta username, an email address by default). Compared case-insensitively.
 */
export const EMAIL_LIKE_SOURCES: Record<IdpKind, readonly string[]> = {
    entra: ["user.mail", "user.userprincipalname"],
    okta: ["user.email", "user.login"],
};

export function isEmailLikeSource(idp: IdpKind, source: string): boolean {
    return (
        EMAIL_LIKE_SOURCES[idp].includes(source.trim().toLowerCase()) ||
        EMAIL_LIKE_SOURCES[idp].some((s) => s.toLowerCase() === source.trim().toLowerCase())
    );
}

/** Entra ID claim sources are written `user.<attribute>` (or `user.extension_<app>_<name>`). */
const ENTRA_SOURCE = /^user\.[A-Za-z][A-Za-z0-9_]*$/;
const ENTRA_ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The same user attributes under each IdP's name (lower case → the other IdP's spelling): a config copied
 * from a setup on the other IdP keeps them, and the IdP fills the claim with nothing.
 */
const OTHER_IDP_SOURCES: Record<IdpKind, Record<string, string>> = {
    entra: {
        "user.firstname": "user.givenname",
        "user.lastname": "user.surname",
        "user.email": "user.mail",
        "user.login": "user.userprincipalname",
    },
    okta: {
        "user.givenname": "user.firstName",
        "user.surname": "user.lastName",
        "user.mail": "user.email",
        "user.userprincipalname": "user.login",
    },
};
const IDP_NAMES: Record<IdpKind, string> = { entra: "Entra ID", okta: "Okta" };

type ClaimName = "email" | "given_name" | "family_name";

/**
 * SSO-7 (names) / SSO-12 (email): a source the IdP cannot fill: the other IdP's attribute name, or on Entra
 * a source not written `user.<attribute>`.
 */
function claimSourceProblem(config: TenantDraft, claim: ClaimName, source: string): ConfigProblem | undefined {
    const idp = config.idp;
    const other = idp === "entra" ? "okta" : "entra";
    const defaultSource = DEFAULT_CLAIM_SOURCES[idp][claim];
    const text =
        claim === "email" ? { rule: "SSO-12" as const, why: SSO12_WHY } : { rule: "SSO-7" as const, why: SSO7_WHY };
    const empty = claim === "email" ? "nobody could sign in" : "display names will show as email addresses";
    const path = at(config.path, "sso", "claims", claim);
    const own = OTHER_IDP_SOURCES[idp][source.trim().toLowerCase()];
    if (own !== undefined) {
        return {
            path,
            message:
                `${quote(source)} is ${IDP_NAMES[other]}'s attribute name; ${IDP_NAMES[idp]} has no such attribute, ` +
                `so the ${claim} claim would be empty and ${empty}`,
            ...text,
            fix: `Use ${own}, or remove sso.claims.${claim} to keep the default ${defaultSource}.`,
        };
    }
    const bare = source.trim();
    // An email source that is no mail attribute at all gets SSO-12's own "not a mail attribute" problem.
    const emailLike = claim !== "email" || isEmailLikeSource(idp, `user.${bare}`);
    if (idp === "entra" && !ENTRA_SOURCE.test(bare) && emailLike) {
        return {
            path,
            message:
                `${quote(source)} is not an Entra ID user attribute: Entra claim sources are written ` +
                `user.<attribute>, so the ${claim} claim would be empty and ${empty}`,
            ...text,
            fix: ENTRA_ATTRIBUTE.test(bare)
                ? `Write user.${bare}, or remove sso.claims.${claim} to keep the default ${defaultSource}.`
                : `Write it as user.<attribute>, e.g. ${defaultSource} (the default).`,
        };
    }
    return undefined;
}

/**
 * entityId/acsUrl by stage, SSO-6, SSO-7 (names never empty, from an attribute the IdP has), SSO-12.
 *
 * SSO-12, what is known: ChatGPT's Directory Sync runs on WorkOS, whose directory user is identified to
 * the application by its normalized `email` (the primary entry of SCIM `emails`;
 * workos.com/docs/directory-sync/attributes/standard-attributes). Entra's default SCIM mapping fills that
 * work email from `mail` (and `userName` from `userPrincipalName`); Okta's from `email` (`userName` from
 * `login`). So the default mappings agree with the default email claims, and the gate compares the email
 * claim with `scim.identifierSource` (default: the email claim's default). What the IdP's mapping really
 * sends cannot be read through the providers (see domain-rules "IdP facts"), hence the declared value.
 */
export function ssoProblems(config: TenantDraft): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const root = config.path;
    const sso = config.sso;
    if (sso.stage !== "off") {
        if (sso.entityId === undefined) {
            problems.push({
                path: at(root, "sso", "entityId"),
                message: `required when sso.stage is "${sso.stage}": copy the Entity ID from the ChatGPT SSO wizard`,
            });
        }
        if (sso.acsUrl === undefined) {
            problems.push({
                path: at(root, "sso", "acsUrl"),
                message: `required when sso.stage is "${sso.stage}": copy the ACS URL from the ChatGPT SSO wizard`,
            });
        }
    }
    if (sso.assertionEncryption) {
        problems.push({
            path: at(root, "sso", "assertionEncryption"),
            message: "asks for encrypted SAML assertions, which ChatGPT does not support",
            ...SSO6_ENCRYPTION,
        });
    }
    const defaults = DEFAULT_CLAIM_SOURCES[config.idp];
    for (const claim of ["given_name", "family_name"] as const) {
        if (!(claim in sso.claims)) continue;
        const source = sso.claims[claim];
        if (typeof source === "string" && source.trim() !== "") {
            const wrongSource = claimSourceProblem(config, claim, source);
            if (wrongSource) problems.push(wrongSource);
            continue;
        }
        problems.push({
            path: at(root, "sso", "claims", claim),
            message:
                `${source === null ? "drops" : "empties"} the ${claim} claim: display names will show as email ` +
                `addresses`,
            rule: "SSO-7",
            why: SSO7_WHY,
            fix:
                `Remove sso.claims.${claim} to keep the default source ${defaults[claim]}, or set it to the ` +
                `attribute that holds the ${claim === "given_name" ? "first" : "last"} name.`,
        });
    }
    const emailFix =
        `Use ${EMAIL_LIKE_SOURCES[config.idp].join(" or ")}, or remove sso.claims.email to keep the ` +
        `default ${defaults.email}.`;
    const email = sso.claims.email;
    if ("email" in sso.claims && (typeof email !== "string" || email.trim() === "")) {
        problems.push({
            path: at(root, "sso", "claims", "email"),
            message:
                `${email === null ? "drops" : "empties"} the email claim: nobody could sign in, because the ` +
                `email claim is the identifier`,
            rule: "SSO-12",
            why: SSO12_WHY,
            fix: emailFix,
        });
        return problems;
    }
    const wrongSource = typeof email === "string" ? claimSourceProblem(config, "email", email) : undefined;
    if (wrongSource) {
        problems.push(wrongSource);
        return problems;
    }
    const emailSource = email ?? defaults.email;
    if (!isEmailLikeSource(config.idp, emailSource)) {
        problems.push({
            path: at(root, "sso", "claims", "email"),
            message: `takes the email claim from ${quote(emailSource)}, which is not a mail or sign-in name attribute`,
            rule: "SSO-12",
            why: SSO12_WHY,
            fix: emailFix,
        });
        return problems;
    }
    for (const ws of config.workspaces) {
        if (!ws.scim.enabled) continue;
        const declared = ws.scim.identifierSource;
        const scimSource = declared ?? defaults.email;
        if (declared !== undefined && !isEmailLikeSource(config.idp, declared)) {
            problems.push({
                path: at(ws.path, "scim", "identifierSource"),
                message:
                    `says SCIM identifies users by ${quote(declared)}, which is not a mail or sign-in name ` +
                    `attribute`,
                rule: "SSO-12",
                why: SSO12_WHY,
                fix:
                    `Map the SCIM identifier (userName/primary email) from ` +
                    `${EMAIL_LIKE_SOURCES[config.idp].join(" or ")} in the IdP, and write that attribute here.`,
            });
            continue;
        }
        if (scimSource.toLowerCase() === emailSource.toLowerCase()) continue;
        const scimPath =
            declared !== undefined ? at(ws.path, "scim", "identifierSource") : at(ws.path, "scim", "enabled");
        const emailPath = at(root, "sso", "claims", "email");
        problems.push({
            path: `${emailPath} and ${scimPath}`,
            message:
                `the email claim comes from ${quote(emailSource)}${email === undefined ? " (default)" : ""} but SCIM ` +
                `of workspace ` +
                `${quote(ws.name)} identifies users by ` +
                `${quote(scimSource)}${declared === undefined ? " (the default mapping)" : ""}`,
            rule: "SSO-12",
            why: SSO12_WHY,
            fix:
                declared === undefined
                    ? `If the SCIM app's attribute mapping sends ${emailSource} as the user's email, say so with ` +
                      `scim.identifierSource: ${emailSource}; otherwise set sso.claims.email to ${scimSource}.`
                    : `Make sso.claims.email and scim.identifierSource the same attribute, the one the SCIM mapping ` +
                      `sends.`,
        });
    }
    return problems;
}
