/**
 * Why and fix of the rules the gate enforces, in the words of shared/domain-rules.md. A problem that
 * enforces a rule spreads one of these (or its own fix) into itself.
 */
import { RuleId } from "./problems";

export interface RuleText {
    rule: RuleId;
    why: string;
    fix: string;
}

export const SSO10: RuleText = {
    rule: "SSO-10",
    why:
        "A tenant has ONE SSO connection: every workspace and API Platform organization of the tenant signs in " +
        "through the same IdP app; a second SSO app for the same tenant cannot be connected.",
    fix:
        "Remove the workspace's sso section; the tenant's one connection is tenant.sso, and each workspace only " +
        "turns SSO on or enforces it in its admin console.",
};

export const SSO6_WHY =
    "Encrypted SAML assertions are not supported: ChatGPT cannot read the attributes, so sign-in fails for every user.";
export const SSO7_WHY = "Without given_name and family_name in the assertion, display names show as email addresses.";
export const SSO12_WHY =
    "The email claim must carry the address the user is provisioned under (the SCIM identifier); " +
    "another source makes sign-in fail or creates a second user.";
export const GRP1_WHY =
    "Groups are named [USAGE]_[DIMENSION]_[GROUP] (USAGE optional), e.g. ANALYTICS_FUNCTION_Engineering, " +
    "ROLLOUT_REGION_EMEA, TESTING_CODEX_LOCAL, FUNCTION_Support, so that every name reads the same in the IdP, SCIM " +
    "and " +
    "the workspace and parses back to one set of parts.";
export const DOM2_WHY =
    "Each subdomain is verified on its own: engineering.example.org is not covered by example.org, " +
    "so an address on an unlisted domain cannot use SSO.";
export const SCIM7_WHY =
    "SCIM is per workspace: each workspace has its own SCIM app, base URL and token in the IdP; " +
    "a token or base URL shared between workspaces provisions people into the wrong workspace.";

export const SSO1_WHY =
    "SSO has one stage: off, testing (the IdP app assigned to the test users only), enabled (password login off " +
    "for provisioned users on verified domains; Google and Apple still allowed) or enforced (social login off " +
    "too); one value, so two settings can never contradict each other.";
export const SSO2_WHY =
    "Test first: a small group of test users signs in while enforcement is off; the test group is assigned to " +
    "the SSO app, so it must be one of the access groups the stack builds in the IdP.";
export const SSO9_WHY =
    "Even after a successful IdP login, access fails unless the user is a member of the workspace: a test user " +
    "must be provisioned (invited, or pushed by SCIM) before they can test SSO.";
export const ROLE1_WHY =
    "The workspace's default settings are the baseline; a custom role only grants extra permissions (publish " +
    "GPTs, publish skills, higher credit limits, feature access), never less than the baseline.";
export const ROLE2_WHY =
    "Groups are mapped to roles only after SCIM pushed them: a group the config does not declare is never " +
    "pushed, so the mapping would wait for a group that never appears.";

export const SSO1_STAGE: RuleText = {
    rule: "SSO-1",
    why: SSO1_WHY,
    fix: "Set sso.stage to off, testing, enabled or enforced.",
};

export const ROLE1_GRANTS: RuleText = {
    rule: "ROLE-1",
    why: ROLE1_WHY,
    fix: "Grant at least one of publish-gpts, publish-skills, higher-credit-limit or feature:<name>.",
};

export const SSO6_ENCRYPTION: RuleText = {
    rule: "SSO-6",
    why: SSO6_WHY,
    fix:
        "Remove sso.assertionEncryption or set it to false; assertions are protected by TLS and the signing " +
        "certificate.",
};
