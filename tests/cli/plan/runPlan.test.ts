import * as assert from "node:assert/strict";
import { renderPlanJson, renderPlanText } from "../../../cli/plan/render";
import { runPlan } from "../../../cli/plan/runPlan";
import { StackFileConfig, readStackFile } from "../../../cli/plan/stackFile";
import { repoPath } from "../../support/paths";

const DOMAIN = "lincoln.k12.us";
const SSO = {
    stage: "enabled",
    entityId: "https://auth.openai.com/saml/entity/lincoln",
    acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
};

/** A tenant-form stack: one SSO connection, two workspaces each with its own SCIM directory (issue 10). */
function twoWorkspaceStack(idp: "entra" | "okta", extra: Record<string, unknown> = {}): StackFileConfig {
    return {
        values: {
            "chatgpt-identity:tenant": {
                name: "Lincoln USD",
                idp,
                domains: [{ name: DOMAIN, verificationToken: "openai-domain-verification=dv-lincoln-0001" }],
                sso: SSO,
                apiPlatform: { ssoEnabled: true },
                workspaces: [
                    {
                        key: "staff",
                        name: "Staff",
                        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/staff" },
                        groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" }],
                    },
                    {
                        key: "students",
                        name: "Students",
                        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/students" },
                        groups: [{ usage: "ROLLOUT", dimension: "SCHOOL", group: "Lincoln-High" }],
                    },
                ],
            },
            ...extra,
        },
        secretKeys: [],
    };
}

describe("runPlan", () => {
    it("plans the two-workspace example (examples/k12-two-workspaces) to ONE SSO app and two SCIM apps, each workspace's groups on its own", async () => {
        const plan = await runPlan(readStackFile(repoPath("examples", "k12-two-workspaces", "Pulumi.district.yaml")));
        assert.equal(plan.ok, true, JSON.stringify(plan.problems));
        const apps = plan.resources.filter(
            (r) => r.type === "azuread:index/applicationFromTemplate:ApplicationFromTemplate",
        );
        assert.deepEqual(apps.map((r) => [r.name, r.inputs.displayName]).sort(), [
            [
                "identity-entra-scim-staff-app",
                "ChatGPT SCIM provisioning (Riverside Unified School District: Riverside Staff)",
            ],
            [
                "identity-entra-scim-students-app",
                "ChatGPT SCIM provisioning (Riverside Unified School District: Riverside Students)",
            ],
            ["identity-entra-sso-app", "ChatGPT SSO (Riverside Unified School District)"],
        ]);
        const scimSp = (workspace: string) =>
            `<service principal object id of ChatGPT SCIM provisioning (Riverside Unified School District: Riverside ${workspace})>`;
        const groupAssignments = plan.resources.filter(
            (r) =>
                r.type === "azuread:index/appRoleAssignment:AppRoleAssignment" &&
                r.name.startsWith("identity-entra-groups-"),
        );
        assert.deepEqual(groupAssignments.map((r) => [r.name, r.inputs.resourceObjectId]).sort(), [
            ["identity-entra-groups-staff-ROLLOUT_ROLE_Office-Staff-scim", scimSp("Staff")],
            ["identity-entra-groups-staff-ROLLOUT_ROLE_Teachers-scim", scimSp("Staff")],
            ["identity-entra-groups-students-ROLLOUT_SCHOOL_Riverside-High-scim", scimSp("Students")],
        ]);
        const secrets = plan.resources.filter(
            (r) => r.type === "azuread:index/synchronizationSecret:SynchronizationSecret",
        );
        assert.deepEqual(secrets.map((r) => r.name).sort(), [
            "identity-entra-scim-staff-secret",
            "identity-entra-scim-students-secret",
        ]);
    });

    it("plans a two-workspace Entra tenant to exactly one SSO app and two SCIM apps, each workspace's group on its own SCIM app", async () => {
        const plan = await runPlan(twoWorkspaceStack("entra"));
        assert.equal(plan.ok, true, JSON.stringify(plan.problems));
        const apps = plan.resources.filter(
            (r) => r.type === "azuread:index/applicationFromTemplate:ApplicationFromTemplate",
        );
        assert.deepEqual(apps.map((r) => [r.name, r.inputs.displayName]).sort(), [
            ["identity-entra-scim-staff-app", "ChatGPT SCIM provisioning (Lincoln USD: Staff)"],
            ["identity-entra-scim-students-app", "ChatGPT SCIM provisioning (Lincoln USD: Students)"],
            ["identity-entra-sso-app", "ChatGPT SSO (Lincoln USD)"],
        ]);
        const assignments = plan.resources.filter(
            (r) => r.type === "azuread:index/appRoleAssignment:AppRoleAssignment",
        );
        assert.deepEqual(assignments.map((r) => [r.name, r.inputs.resourceObjectId]).sort(), [
            [
                "identity-entra-groups-staff-ROLLOUT_ROLE_Teachers-scim",
                "<service principal object id of ChatGPT SCIM provisioning (Lincoln USD: Staff)>",
            ],
            [
                "identity-entra-groups-students-ROLLOUT_SCHOOL_Lincoln-High-scim",
                "<service principal object id of ChatGPT SCIM provisioning (Lincoln USD: Students)>",
            ],
        ]);
        // Each workspace's token is its own secret: both missing from this stack, so two notes.
        assert.deepEqual(
            plan.notes.map((n) => /workspace "(\w+)"/.exec(n)?.[1]),
            ["staff", "students"],
        );
        const text = renderPlanText(plan, "Pulumi.tenant.yaml");
        assert.match(
            text,
            /^Lincoln USD: idp entra, SSO stage enabled \(one SSO app for the tenant\), 1 domain, 2 workspaces\n {2}workspace staff \(Staff\): phase pilot, SCIM on, 1 group\n {2}workspace students \(Students\): phase pilot, SCIM on, 1 group$/m,
        );
    });

    it("plans a two-workspace Okta tenant with the console steps of each workspace's SCIM app under its own heading", async () => {
        const plan = await runPlan(twoWorkspaceStack("okta"));
        assert.equal(plan.ok, true, JSON.stringify(plan.problems));
        assert.deepEqual(
            plan.resources.filter((r) => r.type === "okta:app/saml:Saml").map((r) => r.name),
            ["identity-okta-sso-app"],
        );
        assert.deepEqual(
            plan.resources
                .filter((r) => r.type === "okta:app/swa:Swa")
                .map((r) => r.name)
                .sort(),
            ["identity-okta-scim-staff-app", "identity-okta-scim-students-app"],
        );
        assert.deepEqual(
            plan.handoff?.scimManualStepsByWorkspace.map((w) => [w.key, w.steps.length]),
            [
                ["staff", 6],
                ["students", 6],
            ],
        );
        const text = renderPlanText(plan, "Pulumi.tenant.yaml");
        assert.match(
            text,
            /Hand-off: steps that cannot be done as code \(workspace staff: Staff\)\n {2}1\. Okta Admin Console → Applications → Applications → "ChatGPT SCIM provisioning \(Lincoln USD: Staff\)"/,
        );
        assert.match(
            text,
            /Hand-off: steps that cannot be done as code \(workspace students: Students\)\n {2}1\. Okta Admin Console → Applications → Applications → "ChatGPT SCIM provisioning \(Lincoln USD: Students\)"/,
        );
        assert.equal(plan.notes.length, 0, "Okta takes the SCIM tokens in its console: no secret is missing");
    });

    it("takes facts (e.g. from the live reader for `plan --live`): a domain another organization holds blocks the plan (DOM-3), as data", async () => {
        const plan = await runPlan(twoWorkspaceStack("okta"), { facts: { domainsHeldElsewhere: [DOMAIN] } });
        assert.equal(plan.ok, false);
        const dom3 = plan.problems.filter((p) => p.rule === "DOM-3");
        assert.equal(dom3.length, 1, JSON.stringify(plan.problems));
        assert.ok(dom3[0].why && dom3[0].fix);
        assert.deepEqual(plan.resources, []);
        assert.ok(
            plan.findings.some((f) => f.id === "DOM-3" && f.severity === "error"),
            "the findings come back too",
        );
        const json = JSON.parse(renderPlanJson(plan, "Pulumi.tenant.yaml"));
        assert.deepEqual(json.problems.map((p: { rule?: string }) => p.rule).filter(Boolean), ["DOM-3"]);
        assert.equal(json.findings.summary.blocking, true, "the JSON findings stay complete");
        const text = renderPlanText(plan, "Pulumi.tenant.yaml");
        assert.equal(text.match(/\[DOM-3\]/g)?.length, 1, "the text shows a rule error once, as a problem");
    });

    it("shows the workspace side of a managed workspace under its own system, and a missing admin key as a note", async () => {
        const stack = twoWorkspaceStack("okta");
        const tenant = stack.values["chatgpt-identity:tenant"] as { workspaces: Record<string, unknown>[] };
        Object.assign(tenant.workspaces[0], {
            workspaceId: "00000000-0000-4000-8000-000000000001",
            manageWorkspace: true,
            usageLimit: { credits: 500 },
        });
        const plan = await runPlan(stack);
        assert.equal(plan.ok, true, JSON.stringify(plan.problems));
        assert.deepEqual(
            plan.notes.map((n) => /workspace "(\w+)"/.exec(n)?.[1]),
            ["staff"],
        );
        assert.match(plan.notes[0], /admin key/);
        const text = renderPlanText(plan, "Pulumi.tenant.yaml");
        assert.match(
            text,
            /^ {2}Workspace \(admin API\) \(1\)\n {4}\+ pulumi-nodejs:dynamic\.WorkspaceUsageLimit {2}identity-workspace-staff-usage-limit$/m,
        );
    });

    it("turns stack-trace capture off only while the program is built, and restores the previous limit", async () => {
        const saved = Error.stackTraceLimit;
        Error.stackTraceLimit = 7;
        try {
            const plan = await runPlan(twoWorkspaceStack("okta"));
            assert.equal(plan.ok, true);
            assert.equal(Error.stackTraceLimit, 7);
        } finally {
            Error.stackTraceLimit = saved;
        }
    });

    it("reports a stack that sets both forms as one problem, registering nothing", async () => {
        const plan = await runPlan(
            twoWorkspaceStack("okta", {
                "chatgpt-identity:workspace": { name: "X", idp: "okta", domains: [{ name: DOMAIN }] },
            }),
        );
        assert.equal(plan.ok, false);
        assert.deepEqual(
            plan.problems.map((p) => p.path),
            ["chatgpt-identity:workspace and chatgpt-identity:tenant"],
        );
        assert.deepEqual(plan.resources, []);
    });
});
