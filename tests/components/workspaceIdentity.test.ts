import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import * as fs from "node:fs";
import { TenantConfig, loadTenantConfig } from "../../core/config/load";
import { evaluateRules } from "../../core/rules";
import {
    TENANT_IDENTITY_TYPE,
    TenantIdentity,
    WORKSPACE_IDENTITY_TYPE,
    WorkspaceIdentity,
    workspaceSideName,
} from "../../components/workspaceIdentity";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { RecordingEngine } from "../../offline/recordingEngine";
import { record, valueOf } from "../support/engine";
import { repoPath } from "../support/paths";

const fakes = { fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes };
const WORKSPACE_ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** The validated config of an example stack file (workspace form). */
function exampleConfig(file: string, overrides: Record<string, unknown> = {}): TenantConfig {
    const raw = parse(fs.readFileSync(repoPath("examples", file), "utf8")).config["chatgpt-identity:workspace"];
    return loadTenantConfig({ ...raw, ...overrides }, "workspace");
}

const district = (overrides: Record<string, unknown> = {}) =>
    exampleConfig("entra-district/Pulumi.lincoln.yaml", overrides);
const acme = () => exampleConfig("okta-enterprise/Pulumi.pilot.yaml");

/** A tenant with two workspaces (tenant form): one SSO connection, a SCIM directory per workspace. */
function twoWorkspaces(idp: "entra" | "okta", workspace: Record<string, unknown> = {}): TenantConfig {
    return loadTenantConfig(
        {
            name: "Lincoln USD",
            idp,
            domains: [{ name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-0001" }],
            sso: {
                stage: "enabled",
                entityId: "https://auth.openai.com/saml/entity/lincoln",
                acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
            },
            workspaces: [
                {
                    key: "staff",
                    name: "Staff",
                    scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/staff" },
                    groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" }],
                    ...workspace,
                },
                {
                    key: "students",
                    name: "Students",
                    scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/students" },
                    groups: [{ usage: "ROLLOUT", dimension: "SCHOOL", group: "Lincoln-High" }],
                },
            ],
        },
        "tenant",
    );
}
const TWO_TOKENS = { scimTokens: { staff: "tok-staff", students: "tok-students" } };

function componentTree(engine: RecordingEngine): string[] {
    return engine.resources
        .filter((r) => !r.custom)
        .map((r) => `${r.parentType ?? "-"} > ${r.type} ${r.name}`)
        .sort();
}

describe("TenantIdentity (top-level component)", () => {
    it("builds the Entra side and the DNS records for the example district (workspace form), with today's type and names", async () => {
        const { engine } = await record(
            () => new TenantIdentity("identity", { config: district(), secrets: { scimTokens: { default: "tok" } } }),
            fakes,
        );
        assert.deepEqual(componentTree(engine), [
            "- > chatgpt-identity:index:WorkspaceIdentity identity",
            "chatgpt-identity:entra:Identity > chatgpt-identity:entra:AccessGroups identity-entra-groups",
            "chatgpt-identity:entra:Identity > chatgpt-identity:entra:SamlApp identity-entra-sso",
            "chatgpt-identity:entra:Identity > chatgpt-identity:entra:ScimApp identity-entra-scim",
            "chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:dns:DomainTxtRecords identity-dns",
            "chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:entra:Identity identity-entra",
        ]);
        assert.equal(
            engine.customResources().filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).length,
            0,
            "no workspace resources without manageWorkspace",
        );
        assert.equal(WorkspaceIdentity, TenantIdentity, "the old name is the same class");
    });

    it("builds the Okta side for idp: okta, with no SCIM token in the stack (Okta takes it in its admin console)", async () => {
        const { engine } = await record(() => new TenantIdentity("acme", { config: acme() }), fakes);
        assert.ok(
            componentTree(engine).includes(
                "chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:okta:Identity acme-okta",
            ),
        );
        assert.equal(engine.customResources().filter((r) => r.type.startsWith("azuread:")).length, 0);
    });

    it("exposes the hand-off values: TXT records, the DNS hand-off text and the SCIM manual steps", async () => {
        const { result } = await record(
            () => new TenantIdentity("identity", { config: district(), secrets: { scimTokens: { default: "tok" } } }),
            fakes,
        );
        const records = await valueOf(result.txtRecords);
        assert.deepEqual(
            records?.map((r) => [r.name, r.value, r.status]),
            [
                ["lincoln.k12.us", "openai-domain-verification=dv-lincoln-0001", "handoff"],
                ["staff.lincoln.k12.us", "openai-domain-verification=dv-lincoln-staff-0002", "handoff"],
            ],
        );
        assert.match((await valueOf(result.dnsHandoff)) ?? "", /staff\.lincoln\.k12\.us/);
        const byWorkspace = await valueOf(result.scimManualStepsByWorkspace);
        assert.deepEqual(
            byWorkspace?.map((w) => [w.key, w.name, w.steps.length]),
            [["default", "Lincoln Unified School District", 2]],
        );
        assert.deepEqual(await valueOf(result.scimManualSteps), byWorkspace![0].steps);
    });

    it("reports the gate's warnings and infos through Pulumi's log, attached to the component", async () => {
        const config = district();
        const findings = evaluateRules(config).filter((f) => f.severity !== "error");
        assert.ok(findings.some((f) => f.severity === "warning") && findings.some((f) => f.severity === "info"));
        const seen: { severity: string; text: string; resource?: pulumi.Resource }[] = [];
        const log = pulumi.log as unknown as Record<string, unknown>;
        const saved = { warn: log.warn, info: log.info };
        log.warn = (text: string, resource?: pulumi.Resource) => {
            seen.push({ severity: "warning", text, resource });
            return Promise.resolve();
        };
        log.info = (text: string, resource?: pulumi.Resource) => {
            seen.push({ severity: "info", text, resource });
            return Promise.resolve();
        };
        try {
            const { result } = await record(
                () => new TenantIdentity("identity", { config, findings, secrets: { scimTokens: { default: "tok" } } }),
                fakes,
            );
            assert.deepEqual(
                seen.map((s) => `${s.severity} ${s.text.split(" ")[0]}`),
                findings.map((f) => `${f.severity} ${f.id}`),
            );
            assert.ok(
                seen.every((s) => s.resource === result),
                "attached to the component",
            );
            const first = findings[0];
            assert.equal(
                seen[0].text,
                `${first.id} (${first.path}): ${first.message} Why: ${first.why} Fix: ${first.fix}`,
            );
        } finally {
            Object.assign(log, saved);
        }
    });

    it("registers no secret in plain text anywhere", async () => {
        const { engine } = await record(
            () =>
                new TenantIdentity("identity", {
                    config: district(),
                    secrets: { scimTokens: { default: "super-secret-token" } },
                }),
            fakes,
        );
        assert.ok(engine.resources.find((r) => r.type === WORKSPACE_IDENTITY_TYPE));
        assert.ok(!JSON.stringify(engine.resources).includes("super-secret-token"));
    });

    it("names the workspace side `${name}-workspace` in the workspace form and `${name}-workspace-${key}` in the tenant form", () => {
        assert.equal(workspaceSideName("identity", { form: "workspace" }, "default"), "identity-workspace");
        assert.equal(workspaceSideName("identity", { form: "tenant" }, "staff"), "identity-workspace-staff");
        assert.equal(workspaceSideName("identity", { form: "tenant" }, "default"), "identity-workspace-default");
    });

    it("with manageWorkspace builds the workspace side once, as `${name}-workspace`, its group limits after the groups' SCIM assignments (ROLE-2)", async () => {
        const config = district({
            workspaceId: WORKSPACE_ID(1),
            manageWorkspace: true,
            usageLimit: { credits: 500 },
            groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers", usageLimit: { credits: 100 } }],
        });
        const { engine, result } = await record(
            () => new TenantIdentity("identity", { config, secrets: { scimTokens: { default: "tok" } } }),
            fakes,
        );
        assert.deepEqual(
            componentTree(engine).filter((l) => l.includes(":workspace:")),
            [
                "chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:workspace:ChatGptWorkspace identity-workspace",
            ],
        );
        assert.equal(result.workspaceSides.length, 1);
        const workspaceSide = engine.resources
            .filter((r) => r.parentType === "chatgpt-identity:workspace:ChatGptWorkspace")
            .map((r) => `${r.type} ${r.name}`)
            .sort();
        assert.deepEqual(workspaceSide, [
            "pulumi-nodejs:dynamic/chatgpt-identity/workspace:GroupUsageLimits identity-workspace-group-usage-limits",
            "pulumi-nodejs:dynamic/chatgpt-identity/workspace:WorkspaceUsageLimit identity-workspace-usage-limit",
        ]);
        const limits = engine.resources.find((r) => r.type.endsWith(":GroupUsageLimits"))!;
        const assignment = engine.resources.find((r) => r.name === "identity-entra-groups-ROLLOUT_ROLE_Teachers-scim")!;
        assert.ok(limits.dependsOn.includes(assignment.urn), "group limits wait for the group's SCIM assignment");
    });
});

describe("TenantIdentity: a tenant with two workspaces (tenant form)", () => {
    for (const idp of ["entra", "okta"] as const) {
        it(`${idp}: ONE SSO app for the tenant, a SCIM app and groups per workspace, under the TenantIdentity type`, async () => {
            const { engine } = await record(
                () => new TenantIdentity("identity", { config: twoWorkspaces(idp), secrets: TWO_TOKENS }),
                fakes,
            );
            assert.deepEqual(
                componentTree(engine),
                [
                    `- > ${TENANT_IDENTITY_TYPE} identity`,
                    `${TENANT_IDENTITY_TYPE} > chatgpt-identity:${idp}:Identity identity-${idp}`,
                    `${TENANT_IDENTITY_TYPE} > chatgpt-identity:dns:DomainTxtRecords identity-dns`,
                    `chatgpt-identity:${idp}:Identity > chatgpt-identity:${idp}:AccessGroups identity-${idp}-groups-staff`,
                    `chatgpt-identity:${idp}:Identity > chatgpt-identity:${idp}:AccessGroups identity-${idp}-groups-students`,
                    `chatgpt-identity:${idp}:Identity > chatgpt-identity:${idp}:SamlApp identity-${idp}-sso`,
                    `chatgpt-identity:${idp}:Identity > chatgpt-identity:${idp}:ScimApp identity-${idp}-scim-staff`,
                    `chatgpt-identity:${idp}:Identity > chatgpt-identity:${idp}:ScimApp identity-${idp}-scim-students`,
                ].sort(),
            );
            const ssoApps = engine
                .customResources()
                .filter(
                    (r) =>
                        r.parentType === `chatgpt-identity:${idp}:SamlApp` &&
                        /(saml:Saml|ApplicationFromTemplate)$/.test(r.type),
                );
            const scimApps = engine
                .customResources()
                .filter(
                    (r) =>
                        r.parentType === `chatgpt-identity:${idp}:ScimApp` &&
                        /(swa:Swa|ApplicationFromTemplate)$/.test(r.type),
                );
            assert.deepEqual(
                ssoApps.map((r) => r.name),
                [`identity-${idp}-sso-app`],
            );
            assert.deepEqual(scimApps.map((r) => r.name).sort(), [
                `identity-${idp}-scim-staff-app`,
                `identity-${idp}-scim-students-app`,
            ]);
        });
    }

    it("hands off the SCIM steps per workspace and lists every group with its workspace", async () => {
        const { result } = await record(() => new TenantIdentity("identity", { config: twoWorkspaces("okta") }), fakes);
        const byWorkspace = await valueOf(result.scimManualStepsByWorkspace);
        assert.deepEqual(
            byWorkspace?.map((w) => [w.key, w.name, w.steps.length]),
            [
                ["staff", "Staff", 6],
                ["students", "Students", 6],
            ],
        );
        assert.deepEqual(
            result.idp.workspaces.map((w) => [w.key, w.groups.map((g) => g.name)]),
            [
                ["staff", ["ROLLOUT_ROLE_Teachers"]],
                ["students", ["ROLLOUT_SCHOOL_Lincoln-High"]],
            ],
        );
    });

    it("builds the workspace side only for the workspaces with manageWorkspace, named with their key", async () => {
        const config = twoWorkspaces("entra", { workspaceId: WORKSPACE_ID(2), manageWorkspace: true });
        const { engine } = await record(() => new TenantIdentity("identity", { config, secrets: TWO_TOKENS }), fakes);
        assert.deepEqual(
            componentTree(engine).filter((l) => l.includes(":workspace:")),
            [`${TENANT_IDENTITY_TYPE} > chatgpt-identity:workspace:ChatGptWorkspace identity-workspace-staff`],
        );
    });
});

describe("TenantIdentity: a one-workspace stack moved to the tenant form (workspace keyed default)", () => {
    it("every per-workspace component, the workspace side too, answers to its workspace-form name (nothing replaced)", async () => {
        const raw = parse(fs.readFileSync(repoPath("examples", "entra-district", "Pulumi.lincoln.yaml"), "utf8"))
            .config["chatgpt-identity:workspace"];
        const { name, idp, domains, dns, sso, ...workspace } = raw;
        const { apiPlatformSsoEnabled, ...tenantSso } = sso;
        const config = loadTenantConfig(
            {
                name,
                idp,
                domains,
                dns,
                sso: tenantSso,
                apiPlatform: { ssoEnabled: apiPlatformSsoEnabled },
                workspaces: [
                    { ...workspace, key: "default", name, workspaceId: WORKSPACE_ID(1), manageWorkspace: true },
                ],
            },
            "tenant",
        );
        const { engine } = await record(
            () => new TenantIdentity("identity", { config, secrets: { scimTokens: { default: "tok" } } }),
            fakes,
        );
        const aliased = engine.resources
            .filter((r) => r.aliasNames.length > 0)
            .map((r) => `${r.name} <- ${r.aliasNames.join(", ")}`)
            .sort();
        assert.deepEqual(aliased, [
            "identity-entra-groups-default <- identity-entra-groups",
            "identity-entra-scim-default <- identity-entra-scim",
            "identity-workspace-default <- identity-workspace",
        ]);
    });
});
