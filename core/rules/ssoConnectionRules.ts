import { Finding, IDP_DISPLAY_NAMES, Rule, domainNames, finding, listing, plural } from "./types";

/** SSO-4: ChatGPT SSO on while API Platform SSO is off is unsupported (new users cannot sign in). */
export const sso4ApiPlatformSso: Rule = {
    id: "SSO-4",
    summary:
        "SSO on in ChatGPT needs SSO on for the tenant's API Platform organizations " +
        "(apiPlatform.ssoEnabled, or the fact).",
    tenant({ config, fact, path }) {
        if (config.sso.stage === "off") return [];
        const enabled = config.apiPlatform.ssoEnabled ?? fact("apiPlatformSsoEnabled");
        if (enabled !== false) return [];
        return [
            finding("SSO-4", "error", path("apiPlatform", "ssoEnabled"), {
                message:
                    `SSO is at stage "${config.sso.stage}" in ChatGPT while SSO is disabled for the ` +
                    `API Platform organizations.`,
                why:
                    "This combination is unsupported: newly provisioned users cannot sign in to the " +
                    "ChatGPT workspace.",
                fix:
                    "Enable SSO for the API Platform organizations of this tenant (they share one SSO " +
                    "connection with ChatGPT) and set apiPlatform.ssoEnabled: true, or set sso.stage to off.",
            }),
        ];
    },
};

/** SSO-5: one IdP per domain. */
export const sso5OneIdpPerDomain: Rule = {
    id: "SSO-5",
    summary: "No listed domain is claimed by another IdP configuration (fact otherIdpConfigurations).",
    tenant({ config, fact, path }) {
        if (config.sso.stage === "off") return [];
        const others = fact("otherIdpConfigurations");
        if (others === undefined) return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        return config.domains.flatMap((domain, i) =>
            others
                .filter((other) => other.domains.some((d) => d.toLowerCase() === domain.name))
                .map((other) =>
                    finding("SSO-5", "error", path("domains", i, "name"), {
                        message: `${domain.name} is claimed both by this ${idp} configuration and by "${other.name}".`,
                        why:
                            "One domain can use only one IdP for SSO: its users cannot reliably sign in " +
                            "while two configurations claim it.",
                        fix:
                            `Remove ${domain.name} from one of the two configurations; if some users need ` +
                            `another IdP, give them a separate (sub)domain.`,
                    }),
                ),
        );
    },
};

/** SSO-10: one SSO connection, so one SSO app in the IdP, per tenant. */
export const sso10OneSsoAppPerTenant: Rule = {
    id: "SSO-10",
    summary:
        "One SSO app serves every workspace; another configuration with the same entity ID is a second SSO " +
        "app for the tenant.",
    standingInfo: true,
    enforcedByConfig:
        "A workspace with an sso section of its own is refused: the config has one sso section per tenant, " +
        "and the components build one SSO app from it however many workspaces are listed.",
    tenant({ config, fact, path }) {
        if (config.sso.stage === "off") return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        const findings: Finding[] = [];
        const entityId = config.sso.entityId;
        const twins =
            entityId === undefined ? [] : (fact("otherIdpConfigurations") ?? []).filter((o) => o.entityId === entityId);
        for (const twin of twins) {
            findings.push(
                finding("SSO-10", "error", path("sso", "entityId"), {
                    message:
                        `"${twin.name}" is a second SSO app for this tenant: it uses the same entity ` +
                        `ID (${entityId}).`,
                    why:
                        "A tenant has one SSO connection; two IdP apps answering for it send users to " +
                        "whichever was configured last, and sign-in breaks for the other workspaces and " +
                        "API organizations.",
                    fix:
                        `Keep one SSO app: remove "${twin.name}" (or stop managing SSO in this stack), ` +
                        `and list every workspace of the tenant under workspaces in one stack.`,
                }),
            );
        }
        const count = config.workspaces.length;
        findings.push(
            finding("SSO-10", "info", path("sso"), {
                message:
                    `One SSO app in ${idp} serves ` +
                    `${count === 1 ? "this workspace" : `all ${plural(count, "workspace")}`} and the API ` +
                    `Platform organizations of the tenant.`,
                why:
                    "The tenant has one SSO connection shared by every workspace and API organization; a " +
                    "second SSO app for it would break sign-in.",
                fix:
                    "Add another workspace of this tenant under workspaces in this stack instead of " +
                    "building another SSO app for it.",
            }),
        );
        return findings;
    },
};

/** SSO-11: API Platform SSO applies per verified domain, to every API Platform user on it. */
export const sso11ApiPlatformSsoPerDomain: Rule = {
    id: "SSO-11",
    summary:
        "Explains, once, that SSO on a domain also applies to every API Platform user on it, in every " +
        "organization.",
    standingInfo: true,
    tenant({ config, path }) {
        // SSO is on for the domains when ChatGPT uses it or when the API Platform already does (one connection).
        if (config.sso.stage === "off" && config.apiPlatform.ssoEnabled !== true) return [];
        const domains = listing(domainNames(config));
        return [
            finding("SSO-11", "info", path("domains"), {
                message:
                    `SSO applies per verified domain: every API Platform user with an address on ` +
                    `${domains}, in every API organization, signs in through ` +
                    `${IDP_DISPLAY_NAMES[config.idp]} too.`,
                why:
                    "The SSO connection and the domains are shared by ChatGPT and the API Platform; " +
                    "developers on these domains lose password sign-in to the API Platform as well.",
                fix:
                    "Tell the API Platform organizations' owners and developers before the stage changes, " +
                    "and make sure they can sign in through the IdP.",
            }),
        ];
    },
};
