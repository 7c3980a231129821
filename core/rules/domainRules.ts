import { Finding, Rule, configPath, emailDomain, finding, listing } from "./types";

/** DOM-1: a domain is verified (TXT record) before SSO is configured for it. */
export const dom1VerifyBeforeSso: Rule = {
    id: "DOM-1",
    summary: "SSO needs at least one domain, each with a verification TXT value (or a managed workspace), before any stage other than off.",
    check(config, facts) {
        const stage = config.sso.stage;
        if (stage === "off") return [];
        if (config.domains.length === 0) {
            return [finding("DOM-1", "error", configPath("domains"), {
                message: `SSO is at stage "${stage}" but no email domain is listed.`,
                why: "ChatGPT configures SSO only for verified domains; without one, nobody can sign in through SSO.",
                fix: "Add the district's email domains under domains (each subdomain on its own), verify them, then set the SSO stage.",
            })];
        }
        const verified = new Set(facts.verifiedDomains ?? []);
        const findings: Finding[] = [];
        config.domains.forEach((domain, i) => {
            if (domain.verificationToken || config.manageWorkspace || verified.has(domain.name)) return;
            findings.push(finding("DOM-1", "error", configPath("domains", i, "verificationToken"), {
                message: `SSO is at stage "${stage}" but domain ${domain.name} has no verification TXT value, so it cannot be verified first.`,
                why: `ChatGPT lets SSO apply only to verified domains; until ${domain.name} is verified, its users cannot sign in through SSO.`,
                fix: `In ChatGPT Workspace settings → Identity & Access → Domains, add ${domain.name}, copy the TXT value it shows into domains[${i}].verificationToken and send the record to your DNS team; or set manageWorkspace: true so the stack requests it; or keep sso.stage at off until the domain is verified.`,
            }));
        });
        return findings;
    },
};

/** DOM-2: every address that signs in is on a domain listed itself, not only on its parent. */
export const dom2SubdomainsListed: Rule = {
    id: "DOM-2",
    summary: "Test users, tested users and group members use email domains that are listed themselves (subdomains are verified on their own).",
    check(config) {
        const domains = config.domains.map((d) => d.name);
        const addresses: { address: string; path: string }[] = [
            ...config.sso.testUsers.map((address, i) => ({ address, path: configPath("sso", "testUsers", i) })),
            ...config.sso.testedUsers.map((address, i) => ({ address, path: configPath("sso", "testedUsers", i) })),
            ...config.groups.flatMap((g, gi) => (g.members ?? []).map((address, mi) => ({ address, path: configPath("groups", gi, "members", mi) }))),
        ];
        return addresses.flatMap(({ address, path }) => {
            const domain = emailDomain(address);
            if (domains.includes(domain)) return [];
            const parent = domains.find((d) => domain.endsWith(`.${d}`));
            return [finding("DOM-2", "error", path, {
                message: parent
                    ? `${address} is on ${domain}, a subdomain of ${parent}; a subdomain is not covered by its parent's verification.`
                    : `${address} is on ${domain}, which is not among the listed domains (${listing(domains)}).`,
                why: "SSO applies only to users on a verified domain: this person would keep signing in with a password and would not be covered by SSO or testing.",
                fix: `Add { name: ${domain} } to domains and verify it, or use an address on ${listing(domains)}.`,
            })];
        });
    },
};

/** DOM-3: a domain can be verified in only one OpenAI organization/tenant. */
export const dom3DomainHeldElsewhere: Rule = {
    id: "DOM-3",
    summary: "No listed domain is already verified by another OpenAI organization (needs facts).",
    check(config, facts) {
        if (facts.domainsClaimedElsewhere === undefined) {
            return [finding("DOM-3", "info", configPath("domains"), {
                message: "Could not check whether another OpenAI organization has already verified these domains (no workspace facts were given).",
                why: "A domain can be verified in only one OpenAI organization; if another one holds it, verification fails and SSO cannot be set up for it.",
                fix: "No action now; if verification reports that the domain is claimed, ask the owner of the other organization to release it.",
            })];
        }
        const claimed = new Set(facts.domainsClaimedElsewhere);
        return config.domains.flatMap((domain, i) => claimed.has(domain.name) ? [finding("DOM-3", "error", configPath("domains", i, "name"), {
            message: `${domain.name} is already verified by another OpenAI organization.`,
            why: "A domain can be verified in only one organization; retrying will not help, and SSO cannot cover its users here.",
            fix: `Ask the owner of the other OpenAI organization (often an earlier pilot or the API Platform team) to remove ${domain.name} there, or remove it from domains.`,
        })] : []);
    },
};

/** DOM-5: removing or renaming a verified domain makes one person appear as two users. */
export const dom5VerifiedDomainRemoved: Rule = {
    id: "DOM-5",
    summary: "No domain the workspace has verified is missing from the config (needs facts).",
    check(config, facts) {
        if (facts.verifiedDomains === undefined) {
            return [finding("DOM-5", "info", configPath("domains"), {
                message: "Could not check whether this plan removes a verified domain (the workspace's verified domains were not read).",
                why: "Removing or renaming a verified domain makes each of its users appear as two people: the old address and the new one.",
                fix: "Before removing or renaming an entry under domains, check Workspace settings → Identity & Access → Domains and plan the email migration.",
            })];
        }
        const listed = new Set(config.domains.map((d) => d.name));
        return facts.verifiedDomains.filter((d) => !listed.has(d)).map((domain) => finding("DOM-5", "warning", configPath("domains"), {
            message: `${domain} is verified in the workspace but no longer listed under domains.`,
            why: `If ${domain} is being removed or renamed (an email change or domain migration), each of its users will appear as two users, and they may lose access to their existing chats.`,
            fix: `If this is a mistake, add { name: ${domain} } back to domains. If the domain is really going away, migrate its users' email addresses first and keep the domain listed until they have moved.`,
        }));
    },
};
