import * as assert from "node:assert/strict";
import { ConfigError, loadTenantConfig } from "../../../core/config/load";
import { minimalWorkspace as minimal, problems } from "./support";

describe("config: the workspace form (chatgpt-identity:workspace)", () => {
    it("means a tenant with one workspace, key default, every path rooted at workspace", () => {
        const config = loadTenantConfig(minimal, "workspace");
        assert.equal(config.form, "workspace");
        assert.equal(config.path, "workspace");
        assert.equal(config.workspaces.length, 1);
        const [ws] = config.workspaces;
        assert.equal(ws.key, "default");
        assert.equal(ws.path, "workspace");
        assert.equal(ws.name, "Lincoln USD");
        assert.equal(ws.scim.tokenKey, "scimToken");
        assert.equal(ws.adminKeyConfigKey, "adminKey");
    });

    it("fills documented defaults", () => {
        const config = loadTenantConfig(minimal, "workspace");
        const [ws] = config.workspaces;
        assert.equal(ws.phase, "pilot");
        assert.equal(config.sso.stage, "off");
        assert.equal(config.sso.assertionEncryption, false);
        assert.equal(config.sso.certificateRotation, "1");
        assert.deepEqual(config.sso.claims, {});
        assert.deepEqual(config.dns, { adapter: "manual" });
        assert.deepEqual(config.apiPlatform, { manage: false, roles: [], roleMappings: [] });
        assert.deepEqual(config.facts, {});
        assert.equal(ws.scim.enabled, false);
        assert.deepEqual(ws.settings, {
            automaticAccountCreation: false,
            allowAutomaticAccountCreationWithScim: false,
            externalInvites: true,
        });
        assert.deepEqual(ws.invites, { testUsers: false });
        assert.deepEqual(ws.customRoles, []);
        assert.equal(ws.manageWorkspace, false);
        assert.equal(ws.usageLimit, undefined);
    });

    it("still accepts sso.apiPlatformSsoEnabled and means apiPlatform.ssoEnabled", () => {
        const config = loadTenantConfig({ ...minimal, sso: { apiPlatformSsoEnabled: false } }, "workspace");
        assert.equal(config.apiPlatform.ssoEnabled, false);
        assert.equal("apiPlatformSsoEnabled" in config.sso, false);
    });

    it("refuses both spellings of the API Platform SSO state at once", () => {
        assert.deepEqual(
            problems({ ...minimal, sso: { apiPlatformSsoEnabled: true }, apiPlatform: { ssoEnabled: true } }),
            [
                "workspace.sso.apiPlatformSsoEnabled and workspace.apiPlatform.ssoEnabled: say it once: sso.apiPlatformSsoEnabled is the old spelling of apiPlatform.ssoEnabled; keep apiPlatform.ssoEnabled",
            ],
        );
    });

    it("refuses roles and roleAssignments with where they moved", () => {
        const moved =
            "moved: API Platform organization roles and their group mappings go under apiPlatform.roles and " +
            "apiPlatform.roleMappings; ChatGPT custom roles (publish GPTs, publish skills, higher credit limits, " +
            "feature access) go under customRoles, which the runbook lists as admin-console steps (no API exists)";
        assert.deepEqual(problems({ ...minimal, roles: [], roleAssignments: [] }), [
            `workspace.roles: "roles" ${moved}`,
            `workspace.roleAssignments: "roleAssignments" ${moved}`,
        ]);
    });

    it("takes the new sections: workspaceId, usage limits, invites, custom roles, API Platform", () => {
        const config = loadTenantConfig(
            {
                ...minimal,
                workspaceId: "3F2B1C9E-8A4D-4E7F-9B1A-2C3D4E5F6A7B",
                manageWorkspace: true,
                usageLimit: { credits: 500 },
                invites: { testUsers: true },
                sso: { testUsers: ["t@lincoln.k12.us"] },
                groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers", usageLimit: { credits: 2000 } }],
                customRoles: [
                    {
                        name: "GPT publishers",
                        grants: ["publish-gpts", "feature:codex"],
                        groups: ["ROLLOUT_ROLE_Teachers"],
                    },
                ],
                apiPlatform: {
                    ssoEnabled: true,
                    manage: true,
                    roles: [{ name: "Model readers", permissions: ["api.model.read"], adoptExisting: true }],
                    roleMappings: [{ group: "ROLLOUT_ROLE_Teachers", roles: ["Model readers"] }],
                },
            },
            "workspace",
        );
        const [ws] = config.workspaces;
        assert.equal(ws.workspaceId, "3f2b1c9e-8a4d-4e7f-9b1a-2c3d4e5f6a7b");
        assert.deepEqual(ws.usageLimit, { credits: 500 });
        assert.deepEqual(ws.groups[0], {
            usage: "ROLLOUT",
            dimension: "ROLE",
            group: "Teachers",
            usageLimit: { credits: 2000 },
            name: "ROLLOUT_ROLE_Teachers",
        });
        assert.deepEqual(ws.customRoles, [
            { name: "GPT publishers", grants: ["publish-gpts", "feature:codex"], groups: ["ROLLOUT_ROLE_Teachers"] },
        ]);
        assert.deepEqual(config.apiPlatform.roles, [
            { name: "Model readers", description: "", permissions: ["api.model.read"], adoptExisting: true },
        ]);
    });

    it("requires the entity ID and ACS URL once SSO leaves off", () => {
        assert.deepEqual(problems({ ...minimal, sso: { stage: "testing" } }), [
            'workspace.sso.entityId: required when sso.stage is "testing": copy the Entity ID from the ChatGPT SSO wizard',
            'workspace.sso.acsUrl: required when sso.stage is "testing": copy the ACS URL from the ChatGPT SSO wizard',
        ]);
    });

    it("requires the SCIM base URL when SCIM is on, and accepts SCIM without SSO (SCIM-2)", () => {
        assert.deepEqual(problems({ ...minimal, scim: { enabled: true } }), [
            "workspace.scim.baseUrl: required when scim.enabled is true: copy the SCIM base URL from the ChatGPT Directory Sync wizard",
        ]);
        const config = loadTenantConfig(
            { ...minimal, scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x" } },
            "workspace",
        );
        assert.equal(config.sso.stage, "off");
    });

    it("refuses a tokenKey in the workspace form, which always reads chatgpt-identity:scimToken", () => {
        assert.deepEqual(problems({ ...minimal, scim: { tokenKey: "other" } }), [
            "workspace.scim.tokenKey: the workspace form always reads the SCIM token from chatgpt-identity:scimToken; remove tokenKey (it is for the tenant form)",
        ]);
    });

    it("requires workspaceId with manageWorkspace", () => {
        assert.deepEqual(problems({ ...minimal, manageWorkspace: true }), [
            "workspace.workspaceId: required when manageWorkspace is true: copy the workspace id (a UUID) from the ChatGPT admin console",
        ]);
    });

    it("refuses test-user invites with nobody to invite or without the admin API", () => {
        assert.deepEqual(problems({ ...minimal, invites: { testUsers: true } }), [
            "workspace.invites.testUsers: is true but workspace.sso.testUsers is empty: there is nobody to invite",
            "workspace.invites.testUsers: invites are sent through the ChatGPT admin API, which this workspace does not use",
        ]);
    });

    it("keeps adopted groups and members apart, and members off Okta", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [{ dimension: "ROLE", group: "Staff", existingId: "abc", members: ["a@lincoln.k12.us"] }],
            }),
            [
                "workspace.groups[0].members: an adopted group (existingId) keeps the membership its owner manages; remove members or remove existingId to create the group",
            ],
        );
        assert.deepEqual(
            problems({
                ...minimal,
                idp: "okta",
                groups: [{ dimension: "ROLE", group: "Staff", members: ["a@lincoln.k12.us"] }],
            }),
            [
                "workspace.groups[0].members: Okta memberships are managed by Okta group rules or your directory; remove members (supported for idp: entra only)",
            ],
        );
    });

    it("keeps the Okta-only provisioning switch off Entra configs", () => {
        const scim = { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x", oktaProvisioningEnabled: true };
        assert.deepEqual(problems({ ...minimal, scim }), [
            "workspace.scim.oktaProvisioningEnabled: applies to idp: okta only; remove it (Entra provisioning is configured as code, groups are in scope as soon as they are assigned)",
        ]);
        assert.equal(
            loadTenantConfig({ ...minimal, idp: "okta", scim }, "workspace").workspaces[0].scim.oktaProvisioningEnabled,
            true,
        );
    });

    it("checks custom roles: known grants with a did-you-mean, declared groups", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [{ dimension: "ROLE", group: "Staff" }],
                customRoles: [{ name: "Publishers", grants: ["publish-gpt", "admin"], groups: ["ROLE_Teachers"] }],
            }),
            [
                'workspace.customRoles[0].grants[0]: unknown grant "publish-gpt": did you mean "publish-gpts"?; a custom role grants publish-gpts, publish-skills, higher-credit-limit or feature:<feature> on top of the baseline',
                'workspace.customRoles[0].grants[1]: unknown grant "admin"; a custom role grants publish-gpts, publish-skills, higher-credit-limit or feature:<feature> on top of the baseline',
                'workspace.customRoles[0].groups[0]: "ROLE_Teachers" is not one of the groups of workspace "Lincoln USD" (ROLE_Staff); custom roles are mapped to pushed groups only',
            ],
        );
    });

    it("checks that API Platform role mappings name declared groups and roles", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [{ dimension: "ROLE", group: "Staff" }],
                apiPlatform: {
                    roles: [{ name: "Readers", permissions: ["api.model.read"] }],
                    roleMappings: [{ group: "ROLE_Teachers", roles: ["Readers", "Admins"] }],
                },
            }),
            [
                'workspace.apiPlatform.roleMappings[0].group: "ROLE_Teachers" is not one of the declared groups (ROLE_Staff)',
                'workspace.apiPlatform.roleMappings[0].roles[1]: "Admins" is not one of the roles in apiPlatform.roles (Readers)',
            ],
        );
    });

    it("throws a ConfigError that carries the problems as data and says nothing was changed", () => {
        assert.throws(
            () => loadTenantConfig({ ...minimal, idp: "ping" }, "workspace"),
            (e: Error) => {
                assert.ok(e instanceof ConfigError);
                assert.deepEqual(e.problems, [
                    { path: "workspace.idp", message: 'expected an identity provider ("entra" or "okta"), got "ping"' },
                ]);
                assert.equal(
                    e.message,
                    'The chatgpt-identity configuration has 1 problem; nothing was changed:\n  - workspace.idp: expected an identity provider ("entra" or "okta"), got "ping"',
                );
                return true;
            },
        );
    });
});

describe("config: every problem at once", () => {
    it("runs the cross-field checks that read none of the refused settings", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                settings: { externalInvites: "no" },
                sso: { stage: "testing" },
                groups: [{ dimension: "role", group: "Staff" }],
            }),
            [
                'workspace.settings.externalInvites: expected true or false, got a string ("no")',
                'workspace.sso.entityId: required when sso.stage is "testing": copy the Entity ID from the ChatGPT SSO wizard',
                'workspace.sso.acsUrl: required when sso.stage is "testing": copy the ACS URL from the ChatGPT SSO wizard',
                'workspace.groups[0]: group name "role_Staff" does not follow [USAGE]_[DIMENSION]_[GROUP] (USAGE optional): ' +
                    'DIMENSION part "role" must be one upper-case word (letters and digits, starting with a letter), e.g. FUNCTION or SCHOOL',
            ],
        );
    });

    it("skips the checks that read a refused setting, so nothing is reported twice or wrongly", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                sso: {
                    stage: "testing",
                    entityId: "urn:x:y",
                    acsUrl: "https://a.example.org/acs",
                    testGroup: "ROLE_Staff",
                },
                groups: [{ dimension: "ROLE", group: "Staff", members: "a@lincoln.k12.us" }],
            }),
            [
                'workspace.groups[0].members: expected a list of member email addresses, got a string ("a@lincoln.k12.us")',
            ],
        );
    });

    it("relates nothing while an essential setting is refused", () => {
        assert.deepEqual(problems({ ...minimal, idp: "ping", sso: { stage: "testing" } }), [
            'workspace.idp: expected an identity provider ("entra" or "okta"), got "ping"',
        ]);
    });
});
