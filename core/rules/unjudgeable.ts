import { UnjudgeableRule } from "./types";

/** Rules neither the engine nor the config gate can judge, and why (README.md lists them). */
export const UNJUDGEABLE_RULES: readonly UnjudgeableRule[] = [
    {
        id: "DOM-4",
        reason:
            "DNS propagation time is a property of the DNS, not of the configuration or of any fact " +
            "the product is given: the verification step waits and retries with a bounded timeout and " +
            "names the record it looked for.",
    },
    {
        id: "SCIM-1",
        reason:
            "The configuration has no way to put SSO and SCIM in one IdP app: the Entra and Okta " +
            "components always build separate SSO and SCIM apps, and their tests pin that.",
    },
    {
        id: "SCIM-6",
        reason:
            "The configuration carries no SCIM attribute mappings besides the identifier (checked " +
            "under SSO-12): the IdP's default mappings send email as the identifier plus given and family " +
            "name, and Entra's mappings cannot be managed through the provider, so the runbook asks the " +
            "administrator to check them. SAML name claims are checked under SSO-7.",
    },
    {
        id: "WS-1",
        reason:
            "Allowing or blocking invites outside the verified domains is a choice with no wrong " +
            "value; the plan shows the setting.",
    },
];
