import { Finding, IDP_DISPLAY_NAMES, Rule, configPath, finding } from "./types";

/** SSO-4: ChatGPT SSO on while API Platform SSO is off is unsupported (new users cannot sign in). */
export const sso4ApiPlatformSso: Rule = {
    id: "SSO-4",
    summary: "SSO on in ChatGPT needs SSO on for the API Platform organizations of the same tenant.",
    check(config, facts) {
        if (config.sso.stage === "off") return [];
        const enabled = config.sso.apiPlatformSsoEnabled ?? facts.apiPlatformSsoEnabled;
        const path = configPath("sso", "apiPlatformSsoEnabled");
        if (enabled === undefined) {
            return [finding("SSO-4", "info", path, {
                message: "Could not check whether SSO is enabled for your OpenAI API Platform organizations (sso.apiPlatformSsoEnabled is not set).",
                why: "ChatGPT SSO with API Platform SSO disabled is unsupported: newly provisioned users cannot sign in to the workspace.",
                fix: "Check the SSO setting of the API Platform organizations that share this tenant and set sso.apiPlatformSsoEnabled to true or false.",
            })];
        }
        if (enabled) return [];
        return [finding("SSO-4", "error", path, {
            message: `SSO is at stage "${config.sso.stage}" in ChatGPT while SSO is disabled for the API Platform organizations.`,
            why: "This combination is unsupported: newly provisioned users cannot sign in to the ChatGPT workspace.",
            fix: "Enable SSO for the API Platform organizations of this tenant (they share one SSO connection with ChatGPT) and set sso.apiPlatformSsoEnabled: true, or set sso.stage to off.",
        })];
    },
};

/** SSO-5: one IdP per domain. */
export const sso5OneIdpPerDomain: Rule = {
    id: "SSO-5",
    summary: "No listed domain is claimed by another IdP configuration (needs facts).",
    check(config, facts) {
        if (config.sso.stage === "off") return [];
        if (facts.otherIdpConfigurations === undefined) {
            return [finding("SSO-5", "info", configPath("domains"), {
                message: "Could not check whether another IdP configuration claims these domains (no other configurations were given).",
                why: "Several IdPs for one domain are not supported: users would be sent to the wrong sign-in page or fail to sign in.",
                fix: "Make sure no other stack or SSO connection uses these domains.",
            })];
        }
        const idp = IDP_DISPLAY_NAMES[config.idp];
        const findings: Finding[] = [];
        config.domains.forEach((domain, i) => {
            for (const other of facts.otherIdpConfigurations ?? []) {
                if (!other.domains.includes(domain.name)) continue;
                findings.push(finding("SSO-5", "error", configPath("domains", i, "name"), {
                    message: `${domain.name} is claimed both by this ${idp} configuration and by "${other.name}".`,
                    why: "One domain can use only one IdP for SSO: its users cannot reliably sign in while two configurations claim it.",
                    fix: `Remove ${domain.name} from one of the two configurations; if some users need another IdP, give them a separate (sub)domain.`,
                }));
            }
        });
        return findings;
    },
};
