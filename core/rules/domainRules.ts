import { Rule, domainNames, finding, listing } from "./types";

/** DOM-1: a domain is verified (TXT record) before SSO is configured for it. */
export const dom1VerifyBeforeSso: Rule = {
    id: "DOM-1",
    summary: "With SSO past off, every domain has its verification TXT value or is known to be verified already.",
    tenant({ config, fact, path }) {
        const stage = config.sso.stage;
        if (stage === "off") return [];
        const pending = config.domains.map((d, i) => ({ ...d, i })).filter((d) => !d.verificationToken);
        if (pending.length === 0) return [];
        const verified = new Set(fact("verifiedDomains") ?? []);
        return pending
            .filter((d) => !verified.has(d.name))
            .map((domain) =>
                finding("DOM-1", "error", path("domains", domain.i, "verificationToken"), {
                    message:
                        `SSO is at stage "${stage}" but domain ${domain.name} has no verification TXT ` +
                        `value, so it cannot be verified first.`,
                    why:
                        `ChatGPT lets SSO apply only to verified domains; until ${domain.name} is ` +
                        `verified, its users cannot sign in through SSO.`,
                    fix:
                        `In the admin console → Identity & Access → Domains, add ${domain.name}, copy the ` +
                        `TXT value into domains[${domain.i}].verificationToken and send the record to your ` +
                        `DNS team; if it is already verified, list it under facts.verifiedDomains; or keep ` +
                        `sso.stage at off until it is.`,
                }),
            );
    },
};

/** DOM-2: every address that signs in is on a domain listed itself, not only on its parent. */
export const dom2SubdomainsListed: Rule = {
    id: "DOM-2",
    summary: "Addresses that sign in are on listed domains (subdomains are verified on their own).",
    enforcedByConfig:
        "sso.testUsers (also the invited test users), sso.testedUsers and groups[].members on a domain not " +
        "listed itself are refused.",
};

/** DOM-3: a domain can be verified in only one OpenAI organization/tenant. */
export const dom3DomainHeldElsewhere: Rule = {
    id: "DOM-3",
    summary: "No listed domain is held by another OpenAI organization (fact domainsHeldElsewhere).",
    tenant({ config, fact, path }) {
        const domains = config.domains;
        const held = fact("domainsHeldElsewhere");
        if (held === undefined) return [];
        const elsewhere = new Set(held.map((d) => d.toLowerCase()));
        return domains.flatMap((domain, i) =>
            elsewhere.has(domain.name)
                ? [
                      finding("DOM-3", "error", path("domains", i, "name"), {
                          message: `${domain.name} is already verified by another OpenAI organization.`,
                          why:
                              "A domain can be verified in only one organization; retrying will not help, " +
                              "and SSO cannot cover its users here.",
                          fix:
                              `Ask the owner of the other OpenAI organization (often an earlier pilot or ` +
                              `the API Platform team) to remove ${domain.name} there, or remove it from ` +
                              `domains.`,
                      }),
                  ]
                : [],
        );
    },
};

/** DOM-5: removing or renaming a verified domain makes one person appear as two users. */
export const dom5VerifiedDomainRemoved: Rule = {
    id: "DOM-5",
    summary: "No domain verified in the tenant is missing from the config (fact verifiedDomains).",
    tenant({ config, fact, path }) {
        const listed = new Set(domainNames(config));
        const verified = fact("verifiedDomains");
        if (verified === undefined) return [];
        const gone = [...new Set(verified.map((d) => d.toLowerCase()))].filter((d) => !listed.has(d));
        return gone.map((domain) =>
            finding("DOM-5", "warning", path("domains"), {
                message:
                    `${domain} is verified in the tenant but not listed under domains: this plan ` +
                    `removes or renames it.`,
                why:
                    `If ${domain} is removed or renamed (an email change or domain migration), each of ` +
                    `its users appears as two users, and they may lose their existing chats. Verified ` +
                    `domains are never dropped silently: remove it in the Global Admin Console yourself ` +
                    `once its users have moved.`,
                fix:
                    `If this is a mistake, add { name: ${domain} } back to domains. If the domain is ` +
                    `really going away, migrate its users' addresses first (DOM-6: each address change needs ` +
                    `OpenAI support to disassociate the old SAML profile) and keep it listed until they have moved.`,
            }),
        );
    },
};

/** DOM-6 steps for the runbook's section on address changes (the plan shows the one-line info below). */
export const DOM6_EMAIL_CHANGE_STEPS: readonly string[] = [
    "Before the address changes (marriage, rename, acquisition), tell the user that the old and new " +
        "addresses are two ChatGPT users: chats, GPTs and projects stay with the old one.",
    "Have the user move what they need (share or export) while the old address still signs in.",
    "Change the address in the IdP; SCIM then provisions the new address as a new user (and deprovisions " +
        "the old one when it leaves the assigned groups).",
    "Ask OpenAI support to disassociate the old SAML profile: until then it stays mapped to the old " +
        "address, and the new address may not sign in through SSO.",
    "If a whole domain changes, keep the old domain listed and verified until every user has moved (DOM-5).",
];

/** DOM-6: a person whose email changes appears as two users; the old SAML profile stays mapped. */
export const dom6EmailChange: Rule = {
    id: "DOM-6",
    summary: "Explains, once, what happens when a user's email address changes (also a runbook section).",
    standingInfo: true,
    tenant({ config, path }) {
        if (config.sso.stage === "off" && !config.workspaces.some((w) => w.scim.enabled)) return [];
        return [
            finding("DOM-6", "info", path("domains"), {
                message:
                    `A person whose address on ${listing(domainNames(config))} changes (marriage, ` +
                    `rename, acquisition) appears as two users, and the old SAML profile stays mapped to ` +
                    `the old address until OpenAI support disassociates it.`,
                why:
                    "The new address starts as an empty account; chats and GPTs stay with the old one, " +
                    "and SSO may keep sending the person to the old profile.",
                fix:
                    "Before changing an address in the IdP, have the user move what they need, change it, then " +
                    "ask OpenAI support to disassociate the old SAML profile (the runbook lists the steps).",
            }),
        ];
    },
};
