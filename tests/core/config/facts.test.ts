import * as assert from "node:assert/strict";
import { loadStackConfig, loadTenantConfig, TenantConfig } from "../../../core/config/load";
import { TenantFacts } from "../../../core/facts";
import { evaluateRules } from "../../../core/rules";
import { minimalTenant, minimalWorkspace as minimal, problems } from "./support";

const ENTITY_ID = "https://chatgpt.com/sso/saml/riverside";

/** Every field of core/facts' TenantFacts, as a person writes them under `facts:`. */
const ALL_FACTS: Required<TenantFacts> = {
    domainsHeldElsewhere: ["old.riverside.org"],
    otherIdpConfigurations: [
        { name: 'Okta app "ChatGPT (old pilot)"', domains: ["riverside.k12.ca.us"], entityId: ENTITY_ID },
        { name: "stack students", domains: ["students.riverside.k12.ca.us"] },
    ],
    verifiedDomains: ["riverside.k12.ca.us"],
    apiPlatformSsoEnabled: true,
    localGroups: ["Pilot"],
    unmanagedUsers: [
        { email: "early@riverside.k12.ca.us", source: "aac", workspace: "staff" },
        { email: "guest@riverside.k12.ca.us", source: "invite" },
    ],
    groupMemberCounts: { ANALYTICS_FUNCTION_Math: 4 },
};

describe("config: the facts section is core/facts' TenantFacts", () => {
    it("accepts every TenantFacts field and hands it on unchanged", () => {
        const config: TenantConfig = loadTenantConfig({ ...minimalTenant, facts: ALL_FACTS }, "tenant");
        const facts: TenantFacts = config.facts;
        assert.deepEqual(facts, ALL_FACTS);
    });

    it("SSO-10 judges the entityId written under facts.otherIdpConfigurations", () => {
        const config = loadTenantConfig(
            {
                ...minimalTenant,
                sso: {
                    stage: "testing",
                    entityId: ENTITY_ID,
                    acsUrl: "https://auth.openai.com/sso/saml/acs/riverside",
                },
                facts: { otherIdpConfigurations: ALL_FACTS.otherIdpConfigurations },
            },
            "tenant",
        );
        const sso10 = evaluateRules(config).filter((f) => f.id === "SSO-10" && f.severity === "error");
        assert.deepEqual(
            sso10.map((f) => f.path),
            ["tenant.sso.entityId"],
        );
        assert.match(sso10[0].message, /ChatGPT \(old pilot\)/);
    });

    it("SCIM-4 reads the workspace of each unmanaged user: only that workspace names them", () => {
        const config = loadTenantConfig(
            {
                ...minimalTenant,
                workspaces: minimalTenant.workspaces.map((w) => ({
                    ...w,
                    scim: { enabled: true, baseUrl: `https://api.openai.com/scim/v2/${w.key}` },
                })),
                facts: { unmanagedUsers: [ALL_FACTS.unmanagedUsers[0]] },
            },
            "tenant",
        );
        const scim4 = evaluateRules(config).filter((f) => f.id === "SCIM-4");
        assert.deepEqual(
            scim4.map((f) => f.workspace),
            ["staff"],
        );
    });

    it("refuses a malformed entityId, an unknown field and a workspace the config does not have", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                facts: {
                    otherIdpConfigurations: [{ name: "old", domains: ["lincoln.k12.us"], entityId: "chatgpt" }],
                    unmanagedUsers: [{ email: "a@lincoln.k12.us", source: "aac", workspace: "Staff Room" }],
                },
            }),
            [
                'workspace.facts.otherIdpConfigurations[0].entityId: must be the Entity ID from the ChatGPT SSO wizard, an https:// URL or a urn: name, got "chatgpt"',
                'workspace.facts.unmanagedUsers[0].workspace: must be lower-case letters and digits joined by single hyphens, such as staff or high-school (it names resources and the secret scimToken-<key>), got "Staff Room"',
            ],
        );
        const result = loadStackConfig(
            {
                "chatgpt-identity:tenant": JSON.stringify({
                    ...minimalTenant,
                    facts: {
                        unmanagedUsers: [{ email: "a@riverside.k12.ca.us", source: "aac", workspace: "teachers" }],
                    },
                }),
            },
            new Set(),
        );
        assert.deepEqual(result.ok ? [] : result.problems, [
            {
                path: "tenant.facts.unmanagedUsers[0].workspace",
                message: '"teachers" is not a workspace of this config (workspace keys: staff, students)',
            },
        ]);
        assert.deepEqual(
            problems({
                ...minimal,
                facts: { unmanagedUsers: [{ email: "a@lincoln.k12.us", source: "aac", workspace: "staff" }] },
            }),
            [
                'workspace.facts.unmanagedUsers[0].workspace: "staff" is not a workspace of this config (workspace keys: default)',
            ],
        );
    });
});
