import * as assert from "node:assert/strict";
import { loadStackConfig } from "../../../core/config/load";
import { minimalTenant, minimalWorkspace } from "./support";

const SCIM_ON = { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x" };

describe("config: loadStackConfig, the gate for a stack", () => {
    it("takes exactly one form", () => {
        const both = loadStackConfig(
            { "chatgpt-identity:workspace": minimalWorkspace, "chatgpt-identity:tenant": minimalTenant },
            new Set(),
        );
        assert.deepEqual(both.ok ? [] : both.problems, [
            {
                path: "chatgpt-identity:workspace and chatgpt-identity:tenant",
                message:
                    "a stack uses one form: the workspace form (one workspace) or the tenant form (workspaces: [...]); remove one",
            },
        ]);
        const none = loadStackConfig({ "azuread:tenantId": "x" }, new Set());
        assert.equal(none.ok, false);
        assert.deepEqual(none.ok ? [] : none.problems.map((p) => p.path), ["chatgpt-identity:workspace"]);
    });

    it("names a misspelt key of its namespace and ignores other namespaces", () => {
        const result = loadStackConfig(
            { "chatgpt-identity:workspaces": minimalTenant, "okta:orgName": "x" },
            new Set(),
        );
        assert.deepEqual(result.ok ? [] : result.problems[0], {
            path: "chatgpt-identity:workspaces",
            message: 'unknown config key "chatgpt-identity:workspaces": did you mean "chatgpt-identity:workspace"?',
        });
    });

    it("reads the tenant form and a JSON string value", () => {
        const result = loadStackConfig({ "chatgpt-identity:tenant": JSON.stringify(minimalTenant) }, new Set());
        assert.equal(result.ok && result.config.workspaces.length, 2);
    });

    it("reports each missing SCIM token with the exact command, per workspace (Entra)", () => {
        const values = {
            "chatgpt-identity:tenant": {
                ...minimalTenant,
                workspaces: [
                    { key: "staff", name: "Staff", scim: SCIM_ON },
                    {
                        key: "students",
                        name: "Students",
                        scim: { ...SCIM_ON, baseUrl: "https://api.openai.com/scim/v2/y" },
                    },
                ],
            },
        };
        const result = loadStackConfig(values, new Set(["chatgpt-identity:scimToken-staff"]));
        assert.deepEqual(result.ok ? [] : result.problems, [
            {
                path: "tenant.workspaces[1].scim.enabled",
                message:
                    'the SCIM token of workspace "students" is missing: the secret chatgpt-identity:scimToken-students is not set',
                fix: "pulumi config set --secret chatgpt-identity:scimToken-students <token from this workspace's Directory Sync wizard>",
            },
        ]);
        assert.equal(loadStackConfig(values, new Set(["scimToken-staff", "scimToken-students"])).ok, true);
    });

    it("needs no SCIM token in the stack on Okta (the token is pasted in Okta's console)", () => {
        assert.equal(
            loadStackConfig(
                { "chatgpt-identity:workspace": { ...minimalWorkspace, idp: "okta", scim: SCIM_ON } },
                new Set(),
            ).ok,
            true,
        );
    });

    it("reports a missing admin key (config or environment) and a missing API Platform admin key", () => {
        const workspace = {
            ...minimalWorkspace,
            manageWorkspace: true,
            workspaceId: "3f2b1c9e-8a4d-4e7f-9b1a-2c3d4e5f6a7b",
            apiPlatform: { manage: true },
        };
        const result = loadStackConfig({ "chatgpt-identity:workspace": workspace }, new Set());
        assert.deepEqual(result.ok ? [] : result.problems, [
            {
                path: "workspace.manageWorkspace",
                message:
                    'the admin key of workspace "default" is missing: the secret chatgpt-identity:adminKey is not set and CHATGPT_ADMIN_KEY is not in the environment',
                fix: "pulumi config set --secret chatgpt-identity:adminKey <admin key from the OpenAI Admin Console → Credentials → Admin keys> (or export CHATGPT_ADMIN_KEY)",
            },
            {
                path: "workspace.apiPlatform.manage",
                message:
                    "the API Platform admin key is missing: the secret chatgpt-identity:apiPlatformAdminKey is not set and OPENAI_ADMIN_KEY is not in the environment",
                fix: "pulumi config set --secret chatgpt-identity:apiPlatformAdminKey <organization admin key sk-admin-...> (or export OPENAI_ADMIN_KEY)",
            },
        ]);
        assert.equal(
            loadStackConfig(
                { "chatgpt-identity:workspace": workspace },
                new Set(["CHATGPT_ADMIN_KEY", "OPENAI_ADMIN_KEY"]),
            ).ok,
            true,
        );
    });

    it("runs the rule engine when the config parsed, also when only secrets are missing", () => {
        const evaluate = (c: { name: string }) => [`evaluated ${c.name}`];
        const missing = loadStackConfig(
            { "chatgpt-identity:workspace": { ...minimalWorkspace, scim: SCIM_ON } },
            new Set(),
            { evaluate },
        );
        assert.equal(missing.ok, false);
        assert.deepEqual(missing.findings, ["evaluated Lincoln USD"]);
        const invalid = loadStackConfig(
            { "chatgpt-identity:workspace": { ...minimalWorkspace, idp: "x" } },
            new Set(),
            { evaluate },
        );
        assert.deepEqual(invalid.findings, []);
    });
});

describe("config: loadStackConfig refuses secrets written in plain text", () => {
    it("names the key and says how to store it encrypted", () => {
        const values = { "chatgpt-identity:workspace": minimalWorkspace, "chatgpt-identity:scimToken": "tok-123" };
        const result = loadStackConfig(values, new Set());
        assert.deepEqual(result.ok ? [] : result.problems, [
            {
                path: "chatgpt-identity:scimToken",
                message: "is stored in plain text in the stack config; secrets are stored encrypted",
                fix:
                    "Replace the value where it was issued (it is exposed), then: pulumi config rm chatgpt-identity:scimToken && " +
                    "pulumi config set --secret chatgpt-identity:scimToken <new value>",
            },
        ]);
        assert.equal(loadStackConfig(values, new Set(["chatgpt-identity:scimToken"])).ok, true);
    });
});
