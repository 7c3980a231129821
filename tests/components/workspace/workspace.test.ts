import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { loadTenantConfig } from "../../../core/config/load";
import { ApiPlatformAccess, ChatGptWorkspace } from "../../../components/workspace";
import { record } from "../../support/engine";

const W = (type: string) => `pulumi-nodejs:dynamic/chatgpt-identity/workspace:${type}`;
const A = (type: string) => `pulumi-nodejs:dynamic/chatgpt-identity/apiPlatform:${type}`;
const STAFF_ID = "0b7d5c4e-1f2a-4b3c-8d9e-0a1b2c3d4e5f";

const tenant = loadTenantConfig(
    {
        name: "Riverside Unified School District",
        idp: "entra",
        domains: [{ name: "riverside.k12.ca.us" }],
        sso: {
            stage: "testing",
            entityId: "https://auth.openai.com/saml/entity/riverside",
            acsUrl: "https://auth.openai.com/sso/saml/acs/riverside",
            testUsers: ["it.pilot@riverside.k12.ca.us", "teacher.pilot@riverside.k12.ca.us"],
        },
        apiPlatform: {
            ssoEnabled: true,
            manage: true,
            roles: [
                { name: "Model readers", permissions: ["api.model.read"] },
                { name: "Existing auditors", permissions: ["api.audit.read"], adoptExisting: true },
            ],
            roleMappings: [{ group: "ROLLOUT_ROLE_Teachers", roles: ["Model readers"] }],
        },
        workspaces: [
            {
                key: "staff",
                name: "Riverside Staff",
                phase: "pilot",
                workspaceId: STAFF_ID,
                manageWorkspace: true,
                scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/riverside-staff" },
                usageLimit: { credits: 1000 },
                invites: { testUsers: true },
                groups: [
                    { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers", usageLimit: { credits: 5000 } },
                    { usage: "ROLLOUT", dimension: "ROLE", group: "Office-Staff" },
                ],
                customRoles: [{ name: "GPT publishers", grants: ["publish-gpts"], groups: ["ROLLOUT_ROLE_Teachers"] }],
            },
            {
                key: "students",
                name: "Riverside Students",
                phase: "pilot",
                scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/riverside-students" },
                usageLimit: { credits: 200 },
                groups: [
                    { usage: "ROLLOUT", dimension: "SCHOOL", group: "Riverside-High", usageLimit: { credits: 300 } },
                ],
            },
        ],
    },
    "tenant",
);

/** A stand-in for a resource of another component (an IdP group assignment to the SCIM app). */
class Stub extends pulumi.CustomResource {
    constructor(type: string, name: string) {
        super(type, name, {});
    }
}

describe("components/workspace", function () {
    this.timeout(30000);

    it("ChatGptWorkspace registers exactly the baseline limit, one GroupUsageLimits for every group limit (after the SCIM assignments, ROLE-2) and the pilot invites", async () => {
        const { engine } = await record(() => {
            const pushed = new Stub("test:index:ScimAssignment", "staff-scim-assignment");
            return new ChatGptWorkspace("riverside-workspace-staff", {
                tenant,
                workspace: tenant.workspaces[0],
                pushedGroupsReady: [pushed],
                groupWaitSeconds: 120,
            });
        });
        const component = engine.resources.find((r) => r.type === "chatgpt-identity:workspace:ChatGptWorkspace")!;
        assert.equal(component.name, "riverside-workspace-staff");
        const children = engine.childrenOf(component.urn).map((r) => {
            const { __provider, ...inputs } = r.inputs;
            assert.equal(typeof __provider, "string", `${r.name} carries its provider`);
            return [r.type, r.name, inputs];
        });
        assert.deepEqual(children, [
            [
                W("WorkspaceUsageLimit"),
                "riverside-workspace-staff-usage-limit",
                { workspaceId: STAFF_ID, adminKeyConfigKey: "adminKey-staff", credits: 1000 },
            ],
            [
                W("GroupUsageLimits"),
                "riverside-workspace-staff-group-usage-limits",
                {
                    workspaceId: STAFF_ID,
                    adminKeyConfigKey: "adminKey-staff",
                    limits: [{ group: "ROLLOUT_ROLE_Teachers", credits: 5000 }],
                    groupWaitSeconds: 120,
                },
            ],
            [
                W("PilotInvites"),
                "riverside-workspace-staff-pilot-invites",
                {
                    workspaceId: STAFF_ID,
                    adminKeyConfigKey: "adminKey-staff",
                    emails: ["it.pilot@riverside.k12.ca.us", "teacher.pilot@riverside.k12.ca.us"],
                },
            ],
        ]);
        const limits = engine.byType(W("GroupUsageLimits"))[0];
        const pushUrn = engine.resources.find((r) => r.name === "staff-scim-assignment")!.urn;
        assert.deepEqual(limits.dependsOn, [pushUrn], "ROLE-2: the limits wait for the SCIM assignments");
        assert.equal(
            JSON.stringify(engine.resources).includes("GPT publishers"),
            false,
            "ChatGPT custom roles have no API: nothing registered",
        );
    });

    it("manageWorkspace false registers nothing (the runbook lists the console steps); invites off or no testers: no PilotInvites", async () => {
        const { engine } = await record(
            () => new ChatGptWorkspace("riverside-workspace-students", { tenant, workspace: tenant.workspaces[1] }),
        );
        assert.deepEqual(
            engine.resources.map((r) => r.type),
            ["chatgpt-identity:workspace:ChatGptWorkspace"],
        );
        const noInvites = { ...tenant.workspaces[0], invites: { testUsers: false } };
        const { engine: second } = await record(() => new ChatGptWorkspace("w", { tenant, workspace: noInvites }));
        assert.deepEqual(
            second.resources.map((r) => r.type).sort(),
            ["chatgpt-identity:workspace:ChatGptWorkspace", W("GroupUsageLimits"), W("WorkspaceUsageLimit")].sort(),
        );
        const { engine: third } = await record(
            () =>
                new ChatGptWorkspace("w", {
                    tenant: { ...tenant, sso: { ...tenant.sso, testUsers: [] } },
                    workspace: tenant.workspaces[0],
                }),
        );
        assert.equal(third.byType(W("PilotInvites")).length, 0);
    });

    it("ApiPlatformAccess: API Platform organization RBAC under its own type tokens, adoptExisting passed through, mappings after roles and pushes", async () => {
        const { engine } = await record(() => {
            const pushed = new Stub("test:index:ScimAssignment", "org-scim-assignment");
            return new ApiPlatformAccess("riverside-api-platform", {
                apiPlatform: tenant.apiPlatform,
                pushedGroupsReady: [pushed],
            });
        });
        const roles = engine.byType(A("ApiPlatformRole"));
        assert.deepEqual(
            roles.map((r) => [r.name, r.parentType, r.inputs.name, r.inputs.permissions, r.inputs.adoptExisting]),
            [
                [
                    "riverside-api-platform-role-model-readers",
                    "chatgpt-identity:apiPlatform:Access",
                    "Model readers",
                    ["api.model.read"],
                    false,
                ],
                [
                    "riverside-api-platform-role-existing-auditors",
                    "chatgpt-identity:apiPlatform:Access",
                    "Existing auditors",
                    ["api.audit.read"],
                    true,
                ],
            ],
        );
        const [mappings] = engine.byType(A("ApiPlatformGroupRoles"));
        assert.equal(mappings.name, "riverside-api-platform-role-mappings");
        assert.deepEqual(mappings.inputs.mappings, [{ group: "ROLLOUT_ROLE_Teachers", roles: ["Model readers"] }]);
        const pushUrn = engine.resources.find((r) => r.name === "org-scim-assignment")!.urn;
        assert.deepEqual([...mappings.dependsOn].sort(), [pushUrn, ...roles.map((r) => r.urn)].sort());
        assert.equal(
            engine.resources.some(
                (r) => r.type.includes("workspace:CustomRole") || r.type.includes("GroupRoleMappings"),
            ),
            false,
        );

        const { engine: off } = await record(
            () => new ApiPlatformAccess("x", { apiPlatform: { ...tenant.apiPlatform, manage: false } }),
        );
        assert.deepEqual(
            off.resources.map((r) => r.type),
            ["chatgpt-identity:apiPlatform:Access"],
        );
    });
});
