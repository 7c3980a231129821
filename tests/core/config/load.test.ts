import * as assert from "node:assert/strict";
import { ConfigError, loadWorkspaceConfig, parseWorkspaceConfig } from "../../../core/config/load";

const minimal = { name: "Lincoln USD", idp: "entra", domains: [{ name: "lincoln.k12.us" }] };

function problems(raw: unknown): string[] {
    const result = parseWorkspaceConfig(raw);
    assert.equal(result.ok, false, "expected the config to be rejected");
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe("workspace config", () => {
    it("fills documented defaults", () => {
        const config = loadWorkspaceConfig(minimal);
        assert.equal(config.phase, "pilot");
        assert.equal(config.sso.stage, "off");
        assert.equal(config.sso.assertionEncryption, false);
        assert.equal(config.scim.enabled, false);
        assert.deepEqual(config.dns, { adapter: "manual", settings: {} });
        assert.equal(config.settings.automaticAccountCreation, false);
        assert.equal(config.manageWorkspace, false);
    });

    it("reports every problem at once, each with its path", () => {
        const found = problems({
            ...minimal,
            sso: { stage: "testing", testUsers: ["t1@staff.lincoln.k12.us"] },
            groups: [
                { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
                { usage: "ROLLOUT", dimension: "ROLE", group: "Staff" },
                { usage: "ROLLOUT", dimension: "role", group: "Lincoln_Elementary" },
            ],
        });
        assert.deepEqual(found, [
            'workspace.groups[2].dimension: DIMENSION part "role" must be one upper-case word (letters and digits, starting with a letter), e.g. FUNCTION or SCHOOL',
            'workspace.groups[2].group: GROUP part "Lincoln_Elementary" must be letters, digits or hyphens, with no underscore (use "Lincoln-Elementary" or "LincolnElementary", not "Lincoln_Elementary")',
            'workspace.sso.entityId: required when sso.stage is "testing": copy the Entity ID from the ChatGPT SSO wizard',
            'workspace.sso.acsUrl: required when sso.stage is "testing": copy the ACS URL from the ChatGPT SSO wizard',
            'workspace.sso.testUsers[0]: DOM-2: "staff.lincoln.k12.us" is a subdomain of "lincoln.k12.us" and is verified on its own; add { name: staff.lincoln.k12.us } to domains',
        ]);
    });

    it("rejects a certificate rotation value that cannot name a certificate", () => {
        assert.deepEqual(problems({ ...minimal, sso: { certificateRotation: "2027, O=x" } }), [
            'workspace.sso.certificateRotation: must be letters, digits, ".", "_" or "-" (e.g. 2027); it names the signing certificate',
        ]);
    });

    it("rejects encrypted assertions (SSO-6)", () => {
        assert.deepEqual(problems({ ...minimal, sso: { assertionEncryption: true } }), [
            "workspace.sso.assertionEncryption: SSO-6: encrypted SAML assertions are not supported by ChatGPT; remove assertionEncryption or set it to false",
        ]);
    });

    it("names unknown settings and missing required fields", () => {
        assert.deepEqual(problems({ idp: "entra", domains: [{ name: "lincoln.k12.us" }], sco: {} }), [
            "workspace.name: is required (expected string)",
            'workspace: unknown setting "sco": check the spelling against the config reference in README.md',
        ]);
    });

    it("requires the SCIM base URL when SCIM is on, and accepts SCIM without SSO (SCIM-2)", () => {
        assert.deepEqual(problems({ ...minimal, scim: { enabled: true } }), [
            "workspace.scim.baseUrl: required when scim.enabled is true: copy the SCIM base URL from the ChatGPT Directory Sync wizard",
        ]);
        const config = loadWorkspaceConfig({ ...minimal, scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x" } });
        assert.equal(config.sso.stage, "off");
    });

    it("keeps adopted groups and members apart, and members off Okta", () => {
        assert.deepEqual(problems({ ...minimal, groups: [{ dimension: "ROLE", group: "Staff", existingId: "abc", members: ["a@lincoln.k12.us"] }] }), [
            "workspace.groups[0].members: an adopted group (existingId) keeps the membership its owner manages; remove members or remove existingId to create the group",
        ]);
        assert.deepEqual(problems({ ...minimal, idp: "okta", groups: [{ dimension: "ROLE", group: "Staff", members: ["a@lincoln.k12.us"] }] }), [
            "workspace.groups[0].members: Okta memberships are managed by Okta group rules or your directory; remove members (supported for idp: entra only)",
        ]);
    });

    it("keeps the Okta-only provisioning switch off Entra configs", () => {
        assert.deepEqual(problems({ ...minimal, scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x", oktaProvisioningEnabled: true } }), [
            "workspace.scim.oktaProvisioningEnabled: applies to idp: okta only; remove it (Entra provisioning is configured as code, groups are in scope as soon as they are assigned)",
        ]);
        assert.equal(loadWorkspaceConfig({ ...minimal, idp: "okta", scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x", oktaProvisioningEnabled: true } }).scim.oktaProvisioningEnabled, true);
    });

    it("checks that role mappings name declared groups and roles", () => {
        assert.deepEqual(problems({
            ...minimal,
            groups: [{ dimension: "ROLE", group: "Staff" }],
            roles: [{ name: "GPT publishers", permissions: ["gpts.publish"] }],
            roleAssignments: [{ group: "ROLE_Teachers", roles: ["GPT publishers", "Admins"] }],
        }), [
            'workspace.roleAssignments[0].group: "ROLE_Teachers" is not one of the declared groups; role mappings apply to pushed groups only (ROLE-2)',
            'workspace.roleAssignments[0].roles[1]: "Admins" is not one of the declared roles (GPT publishers)',
        ]);
    });

    it("rejects duplicates", () => {
        assert.deepEqual(problems({ ...minimal, domains: [{ name: "lincoln.k12.us" }, { name: "lincoln.k12.us" }], groups: [{ dimension: "ROLE", group: "Staff" }, { dimension: "ROLE", group: "Staff" }] }), [
            'workspace.domains[1].name: domain "lincoln.k12.us" is listed twice',
            'workspace.groups[1]: group "ROLE_Staff" is declared twice',
        ]);
    });

    it("throws a ConfigError that lists every problem and says nothing was changed", () => {
        assert.throws(() => loadWorkspaceConfig({ ...minimal, idp: "ping" }), (e: Error) => {
            assert.ok(e instanceof ConfigError);
            assert.match(e.message, /^The chatgpt-identity configuration has 1 problem; nothing was changed:\n  - workspace\.idp: /);
            return true;
        });
    });
});
