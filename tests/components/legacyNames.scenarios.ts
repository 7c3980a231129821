/**
 * One-workspace stacks as written for the release before tenants (stack key
 * `chatgpt-identity:workspace`). Their logical names were recorded from that release's code into
 * fixtures/legacyNames.json; the current code must plan them to the same names (issue 10).
 */
export const LEGACY_SCENARIOS: Record<string, Record<string, unknown>> = {
    "entra-testing-scim-workspace": {
        name: "Lincoln Unified School District",
        idp: "entra",
        phase: "pilot",
        domains: [
            { name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-0001" },
            { name: "staff.lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-staff-0002" },
        ],
        sso: {
            stage: "testing",
            entityId: "https://auth.openai.com/saml/entity/lincoln",
            acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
            apiPlatformSsoEnabled: true,
            testUsers: ["it.pilot@lincoln.k12.us", "office.pilot@staff.lincoln.k12.us"],
            testGroup: "ROLLOUT_ROLE_Teachers",
        },
        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" },
        groups: [
            { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers", members: ["t1@lincoln.k12.us"] },
            { usage: "ROLLOUT", dimension: "ROLE", group: "Staff" },
            { dimension: "SCHOOL", group: "Lincoln", existingId: "00000000-0000-0000-0000-0000000000aa" },
        ],
        manageWorkspace: true,
    },
    "entra-enabled-cloudflare": {
        name: "Lincoln Unified School District",
        idp: "entra",
        domains: [{ name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-0001" }],
        dns: { adapter: "cloudflare", settings: { zoneIds: { "lincoln.k12.us": "0123456789abcdef0123456789abcdef" } } },
        sso: {
            stage: "enabled",
            entityId: "https://auth.openai.com/saml/entity/lincoln",
            acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
            apiPlatformSsoEnabled: true,
        },
        groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" }],
    },
    "okta-testing-scim": {
        name: "Acme Corporation",
        idp: "okta",
        domains: [{ name: "acme.com", verificationToken: "openai-domain-verification=dv-acme-0001" }],
        sso: {
            stage: "testing",
            entityId: "https://auth.openai.com/saml/entity/acme",
            acsUrl: "https://auth.openai.com/sso/saml/acs/acme",
            apiPlatformSsoEnabled: true,
            testUsers: ["dana.lee@acme.com"],
            testGroup: "ANALYTICS_FUNCTION_Engineering",
        },
        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/acme" },
        groups: [
            { usage: "ANALYTICS", dimension: "FUNCTION", group: "Engineering", expectedMemberCount: 40 },
            { usage: "ANALYTICS", dimension: "FUNCTION", group: "Support", expectedMemberCount: 25 },
        ],
    },
    "okta-enabled-pushes-workspace": {
        name: "Acme Corporation",
        idp: "okta",
        phase: "pilot",
        domains: [{ name: "acme.com", verificationToken: "openai-domain-verification=dv-acme-0001" }],
        sso: {
            stage: "enabled",
            entityId: "https://auth.openai.com/saml/entity/acme",
            acsUrl: "https://auth.openai.com/sso/saml/acs/acme",
            apiPlatformSsoEnabled: true,
        },
        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/acme", oktaProvisioningEnabled: true },
        groups: [
            { usage: "ANALYTICS", dimension: "FUNCTION", group: "Engineering", expectedMemberCount: 40 },
            { dimension: "FUNCTION", group: "Support", existingId: "00gADOPTED1" },
        ],
        manageWorkspace: true,
    },
};
