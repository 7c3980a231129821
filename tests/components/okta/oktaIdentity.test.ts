import * as assert from "assert";
import * as okta from "@pulumi/okta";
import { record, valueOf } from "../../support/engine";
import { OktaIdentity } from "../../../components/okta/oktaIdentity";
import { oktaFakeInvokes, oktaFakeOutputs } from "../../../offline/previewValues/okta";
import { TenantConfig } from "../../../core/config/load";
import { ENTITY_ID, manyGroups, oktaConfig, oktaTwoWorkspaces, SCIM_BASE_URL } from "./fixtures";

const fakes = { fakeOutputs: oktaFakeOutputs, fakeInvokes: oktaFakeInvokes };
const SCIM_ON = { enabled: true, baseUrl: SCIM_BASE_URL, oktaProvisioningEnabled: true };
const SCIM_CONSOLE_PENDING = { enabled: true, baseUrl: SCIM_BASE_URL };

function build(tenant: TenantConfig) {
    return record(
        () => new OktaIdentity("okta", { tenant, secrets: { scimTokens: { default: "never-sent" } } }),
        fakes,
    );
}

describe("okta/OktaIdentity", () => {
    it("builds the SCIM app, the groups and the SSO app as children, with exact resources and parents", async () => {
        const { engine } = await build(oktaConfig({ scim: SCIM_ON }));
        const tree = engine.resources.map((r) => `${r.parentType ?? "-"} > ${r.type} ${r.name}`).sort();
        assert.deepStrictEqual(
            tree,
            [
                "- > chatgpt-identity:okta:Identity okta",
                "chatgpt-identity:okta:AccessGroups > okta:group/group:Group okta-groups-ROLLOUT_ROLE_Teachers",
                "chatgpt-identity:okta:AccessGroups > okta:index/appGroupAssignments:AppGroupAssignments okta-groups-scim-assignments",
                "chatgpt-identity:okta:AccessGroups > okta:index/pushGroup:PushGroup okta-groups-FUNCTION_Support-push",
                "chatgpt-identity:okta:AccessGroups > okta:index/pushGroup:PushGroup okta-groups-ROLLOUT_ROLE_Teachers-push",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:AccessGroups okta-groups",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:SamlApp okta-sso",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:ScimApp okta-scim",
                "chatgpt-identity:okta:SamlApp > okta:app/saml:Saml okta-sso-app",
                "chatgpt-identity:okta:SamlApp > okta:index/appGroupAssignments:AppGroupAssignments okta-sso-group-assignments",
                "chatgpt-identity:okta:ScimApp > okta:app/swa:Swa okta-scim-app",
            ].sort(),
        );
    });

    it("the SCIM app is a different Okta app from the SSO app, each with its own group assignment (SCIM-1)", async () => {
        const { engine, result } = await build(oktaConfig({ scim: SCIM_ON }));
        const ssoAppId = await valueOf(result.side.sso!.appId);
        const scimAppId = await valueOf(result.side.workspaces[0].scim!.appId);
        assert.strictEqual(ssoAppId, "okta-sso-app-id");
        assert.strictEqual(scimAppId, "okta-scim-app-id");
        assert.deepStrictEqual(
            engine
                .byType("okta:index/appGroupAssignments:AppGroupAssignments")
                .map((r) => [r.name, r.inputs.appId])
                .sort(),
            [
                ["okta-groups-scim-assignments", "okta-scim-app-id"],
                ["okta-sso-group-assignments", "okta-sso-app-id"],
            ],
        );
        for (const push of engine.byType("okta:index/pushGroup:PushGroup"))
            assert.strictEqual(push.inputs.appId, "okta-scim-app-id");
    });

    it("labels the apps from the config name and exposes the side", async () => {
        const { engine, result } = await build(oktaConfig({ scim: SCIM_ON }));
        assert.strictEqual(engine.byType("okta:app/saml:Saml")[0].inputs.label, "ChatGPT SSO (Acme)");
        assert.strictEqual(engine.byType("okta:app/swa:Swa")[0].inputs.label, "ChatGPT SCIM provisioning (Acme)");
        assert.strictEqual(await valueOf(result.side.sso!.metadataUrl), "<metadata URL of ChatGPT SSO (Acme)>");
        assert.strictEqual(await valueOf(result.side.sso!.entityId), ENTITY_ID);
        assert.strictEqual((await valueOf(result.side.workspaces[0].scim!.manualSteps))!.length, 6);
        assert.deepStrictEqual(
            result.side.workspaces[0].groups.map((g) => [g.name, g.adopted]),
            [
                ["ROLLOUT_ROLE_Teachers", false],
                ["FUNCTION_Support", true],
            ],
        );
        assert.deepStrictEqual(
            result.side.workspaces[0].pushedGroupsReady
                .map((r) =>
                    okta.PushGroup.isInstance(r)
                        ? "push"
                        : okta.AppGroupAssignments.isInstance(r)
                          ? "assignment"
                          : "other",
                )
                .sort(),
            ["assignment", "push", "push"],
        );
    });

    it("never passes the SCIM token to a resource", async () => {
        const { engine } = await build(oktaConfig({ scim: SCIM_ON }));
        assert.ok(!JSON.stringify(engine.resources.map((r) => r.inputs)).includes("never-sent"));
    });

    it("stage off: no SSO app; SCIM without SSO still works (SCIM-2)", async () => {
        const { engine, result } = await build(oktaConfig({ sso: { stage: "off" }, scim: SCIM_ON }));
        assert.strictEqual(result.side.sso, undefined);
        assert.deepStrictEqual(engine.byType("okta:app/saml:Saml"), []);
        assert.strictEqual(engine.byType("okta:app/swa:Swa").length, 1);
        assert.strictEqual(engine.byType("okta:index/pushGroup:PushGroup").length, 2);
    });

    it("SCIM off: no SCIM app, groups exist but are neither assigned to a SCIM app nor pushed", async () => {
        const { engine, result } = await build(oktaConfig());
        assert.strictEqual(result.side.workspaces[0].scim, undefined);
        assert.deepStrictEqual(engine.byType("okta:app/swa:Swa"), []);
        assert.deepStrictEqual(engine.byType("okta:index/pushGroup:PushGroup"), []);
        assert.deepStrictEqual(
            engine.byType("okta:index/appGroupAssignments:AppGroupAssignments").map((r) => r.name),
            ["okta-sso-group-assignments"],
        );
        assert.deepStrictEqual(result.side.workspaces[0].pushedGroupsReady, []);
    });

    it("defers the pushes until scim.oktaProvisioningEnabled, and says so in the manual steps", async () => {
        const { engine, result } = await build(oktaConfig({ scim: SCIM_CONSOLE_PENDING }));
        assert.deepStrictEqual(engine.byType("okta:index/pushGroup:PushGroup"), []);
        const steps = (await valueOf(result.side.workspaces[0].scim!.manualSteps))!;
        assert.ok(
            steps[5].startsWith(
                "6. Group pushes are deferred until provisioning is on: after steps 1-5 set `scim.oktaProvisioningEnabled: true`",
            ),
            steps[5],
        );
    });

    for (const count of [15, 200]) {
        it(`${count} groups under the engine: 2 resources per group + 1 SCIM assignment, the SSO side one assignment`, async function () {
            const config = oktaConfig({
                phase: count > 15 ? "full" : "level1",
                scim: SCIM_ON,
                groups: manyGroups(count),
            });
            const { engine } = await build(config);
            const groupSide = engine.resources.filter((r) => r.parentType === "chatgpt-identity:okta:AccessGroups");
            assert.strictEqual(groupSide.length, 2 * count + 1);
            // Custom resources: per group (group + push) + SCIM assignment + SCIM app + SAML app + SSO assignment.
            assert.strictEqual(engine.customResources().length, 2 * count + 4);
            const ssoAssignment = engine.find(
                "okta:index/appGroupAssignments:AppGroupAssignments",
                "okta-sso-group-assignments",
            )!;
            assert.strictEqual(ssoAssignment.inputs.groups.length, count);
        });
    }
});

describe("okta/OktaIdentity: a tenant with two workspaces (tenant form)", () => {
    const build2 = () => record(() => new OktaIdentity("okta", { tenant: oktaTwoWorkspaces() }), fakes);

    it("builds ONE SSO app for the tenant (SSO-10) and per workspace its own SCIM app and groups (SCIM-7), named with the workspace key", async () => {
        const { engine } = await build2();
        const tree = engine.resources.map((r) => `${r.parentType ?? "-"} > ${r.type} ${r.name}`).sort();
        assert.deepStrictEqual(
            tree,
            [
                "- > chatgpt-identity:okta:Identity okta",
                "chatgpt-identity:okta:AccessGroups > okta:group/group:Group okta-groups-staff-ROLLOUT_ROLE_Teachers",
                "chatgpt-identity:okta:AccessGroups > okta:group/group:Group okta-groups-students-ROLLOUT_SCHOOL_Lincoln-High",
                "chatgpt-identity:okta:AccessGroups > okta:index/appGroupAssignments:AppGroupAssignments okta-groups-staff-scim-assignments",
                "chatgpt-identity:okta:AccessGroups > okta:index/appGroupAssignments:AppGroupAssignments okta-groups-students-scim-assignments",
                "chatgpt-identity:okta:AccessGroups > okta:index/pushGroup:PushGroup okta-groups-staff-FUNCTION_Support-push",
                "chatgpt-identity:okta:AccessGroups > okta:index/pushGroup:PushGroup okta-groups-staff-ROLLOUT_ROLE_Teachers-push",
                "chatgpt-identity:okta:AccessGroups > okta:index/pushGroup:PushGroup okta-groups-students-ROLLOUT_SCHOOL_Lincoln-High-push",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:AccessGroups okta-groups-staff",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:AccessGroups okta-groups-students",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:SamlApp okta-sso",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:ScimApp okta-scim-staff",
                "chatgpt-identity:okta:Identity > chatgpt-identity:okta:ScimApp okta-scim-students",
                "chatgpt-identity:okta:SamlApp > okta:app/saml:Saml okta-sso-app",
                "chatgpt-identity:okta:SamlApp > okta:index/appGroupAssignments:AppGroupAssignments okta-sso-group-assignments",
                "chatgpt-identity:okta:ScimApp > okta:app/swa:Swa okta-scim-staff-app",
                "chatgpt-identity:okta:ScimApp > okta:app/swa:Swa okta-scim-students-app",
            ].sort(),
        );
        assert.deepStrictEqual(
            engine
                .byType("okta:app/swa:Swa")
                .map((r) => r.inputs.label)
                .sort(),
            ["ChatGPT SCIM provisioning (Acme: Staff)", "ChatGPT SCIM provisioning (Acme: Students)"],
        );
        assert.deepStrictEqual(
            engine.byType("okta:app/saml:Saml").map((r) => r.inputs.label),
            ["ChatGPT SSO (Acme)"],
        );
    });

    it("assigns and pushes each workspace's groups to its own SCIM app; the SSO app gets every group of the tenant", async () => {
        const { engine } = await build2();
        const assignments = Object.fromEntries(
            engine
                .byType("okta:index/appGroupAssignments:AppGroupAssignments")
                .map((r) => [r.name, [r.inputs.appId, r.inputs.groups.map((g: { id: string }) => g.id)]]),
        );
        assert.deepStrictEqual(assignments, {
            "okta-groups-staff-scim-assignments": [
                "okta-scim-staff-app-id",
                ["okta-groups-staff-ROLLOUT_ROLE_Teachers-id", "00gADOPTED1"],
            ],
            "okta-groups-students-scim-assignments": [
                "okta-scim-students-app-id",
                ["okta-groups-students-ROLLOUT_SCHOOL_Lincoln-High-id"],
            ],
            "okta-sso-group-assignments": [
                "okta-sso-app-id",
                [
                    "okta-groups-staff-ROLLOUT_ROLE_Teachers-id",
                    "00gADOPTED1",
                    "okta-groups-students-ROLLOUT_SCHOOL_Lincoln-High-id",
                ],
            ],
        });
        assert.deepStrictEqual(
            engine
                .byType("okta:index/pushGroup:PushGroup")
                .map((r) => [r.name, r.inputs.appId])
                .sort(),
            [
                ["okta-groups-staff-FUNCTION_Support-push", "okta-scim-staff-app-id"],
                ["okta-groups-staff-ROLLOUT_ROLE_Teachers-push", "okta-scim-staff-app-id"],
                ["okta-groups-students-ROLLOUT_SCHOOL_Lincoln-High-push", "okta-scim-students-app-id"],
            ],
        );
    });

    it("each workspace's manual steps name its own SCIM app and base URL", async () => {
        const { result } = await build2();
        const steps = await Promise.all(result.side.workspaces.map((w) => valueOf(w.scim!.manualSteps)));
        assert.match(steps[0]![0], /"ChatGPT SCIM provisioning \(Acme: Staff\)"/);
        assert.match(steps[0]![1], new RegExp(`base URL = ${SCIM_BASE_URL}-staff;`));
        assert.match(steps[1]![0], /"ChatGPT SCIM provisioning \(Acme: Students\)"/);
        assert.match(steps[1]![1], new RegExp(`base URL = ${SCIM_BASE_URL}-students;`));
    });
});
