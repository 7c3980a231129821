import * as assert from "assert";
import { EntraIdentity } from "../../../components/entra/entraIdentity";
import { RecordedSecret, valueOf } from "../../support/engine";
import { runInFreshNode } from "../dns/childNode";
import {
    ACS_URL,
    DOMAIN,
    ENTITY_ID,
    SCIM_URL,
    T,
    childrenOf,
    entraConfig,
    entraTwoWorkspaces,
    only,
    recordEntra,
} from "./fixtures";

const fullConfig = () =>
    entraConfig({
        sso: {
            stage: "testing",
            entityId: ENTITY_ID,
            acsUrl: ACS_URL,
            testUsers: [`pilot@${DOMAIN}`],
            testGroup: "TESTING_ROLE_Pilot",
        },
        scim: { enabled: true, baseUrl: SCIM_URL },
        groups: [
            { usage: "TESTING", dimension: "ROLE", group: "Pilot", members: [`pilot@${DOMAIN}`] },
            {
                usage: "ROLLOUT",
                dimension: "ROLE",
                group: "Teachers",
                existingId: "22222222-0000-0000-0000-000000000002",
            },
        ],
    });
const TOKENS = { scimTokens: { default: "tok" } };

describe("EntraIdentity", () => {
    it("builds the SCIM app, the access groups and the SSO app as its children, under today's names (workspace form)", async () => {
        const { engine } = await recordEntra(
            () => new EntraIdentity("entra", { tenant: fullConfig(), secrets: TOKENS }),
        );
        assert.deepStrictEqual(childrenOf(engine, only(engine, "chatgpt-identity:entra:Identity")), [
            "chatgpt-identity:entra:AccessGroups entra-groups",
            "chatgpt-identity:entra:SamlApp entra-sso",
            "chatgpt-identity:entra:ScimApp entra-scim",
        ]);
        assert.deepStrictEqual(
            engine
                .byType(T.template)
                .map((t) => t.inputs.displayName)
                .sort(),
            ["ChatGPT SCIM provisioning (Lincoln USD)", "ChatGPT SSO (Lincoln USD)"],
        );
    });

    it("keeps SSO and SCIM in two separate enterprise apps (SCIM-1)", async () => {
        const { engine, result } = await recordEntra(
            () => new EntraIdentity("entra", { tenant: fullConfig(), secrets: TOKENS }),
        );
        const sps = engine.byType(T.sp);
        assert.deepStrictEqual(sps.map((s) => s.name).sort(), ["entra-scim-sp", "entra-sso-sp"]);
        assert.deepStrictEqual(sps.map((s) => s.parentType).sort(), [
            "chatgpt-identity:entra:SamlApp",
            "chatgpt-identity:entra:ScimApp",
        ]);
        const ssoSp = await valueOf(result.ssoApp!.servicePrincipalObjectId);
        const scimSp = await valueOf(result.workspaces[0].scimApp!.servicePrincipalObjectId);
        assert.notStrictEqual(ssoSp, scimSp);
        assert.notStrictEqual(
            await valueOf(result.side.sso!.appId),
            await valueOf(result.side.workspaces[0].scim!.appId),
        );
        assert.strictEqual(only(engine, T.syncSecret).inputs.servicePrincipalId, "entra-scim-sp-id");
        assert.strictEqual(only(engine, T.cert).inputs.servicePrincipalId, "entra-sso-sp-id");
        // Group assignments target the SCIM app; the test assignments target the SSO app.
        for (const a of engine.byType(T.assignment)) {
            assert.strictEqual(
                a.inputs.resourceObjectId,
                a.parentType === "chatgpt-identity:entra:AccessGroups" ? scimSp : ssoSp,
                a.name,
            );
        }
    });

    it("exposes the IdP side: SSO outputs and, per workspace, SCIM outputs, groups and the group assignments as pushedGroupsReady", async () => {
        const { engine, result } = await recordEntra(
            () => new EntraIdentity("entra", { tenant: fullConfig(), secrets: TOKENS }),
        );
        const side = result.side;
        assert.strictEqual(await valueOf(side.sso!.entityId), ENTITY_ID);
        assert.match(
            (await valueOf(side.sso!.metadataUrl))!,
            /^https:\/\/login\.microsoftonline\.com\/<tenant id>\/federationmetadata\/2007-06\/federationmetadata\.xml\?appid=/,
        );
        assert.deepStrictEqual(
            side.workspaces.map((w) => w.key),
            ["default"],
        );
        const ws = side.workspaces[0];
        assert.strictEqual((await valueOf(ws.scim!.manualSteps))!.length, 2);
        assert.deepStrictEqual(
            ws.groups.map((g) => [g.name, g.adopted]),
            [
                ["TESTING_ROLE_Pilot", false],
                ["ROLLOUT_ROLE_Teachers", true],
            ],
        );
        const assignmentUrns = await Promise.all(ws.pushedGroupsReady.map((r) => valueOf(r.urn)));
        assert.deepStrictEqual(
            assignmentUrns.sort(),
            engine
                .byType(T.assignment)
                .filter((a) => a.parentType === "chatgpt-identity:entra:AccessGroups")
                .map((a) => a.urn)
                .sort(),
        );
        assert.strictEqual(assignmentUrns.length, 2);
    });

    it("stores the workspace's own token as a secret in its SCIM app (SCIM-7)", async () => {
        const { engine } = await recordEntra(
            () => new EntraIdentity("entra", { tenant: fullConfig(), secrets: TOKENS }),
        );
        const credentials = only(engine, T.syncSecret).inputs.credentials as RecordedSecret;
        assert.ok(credentials instanceof RecordedSecret);
        assert.deepStrictEqual(credentials.value, [
            { key: "BaseAddress", value: SCIM_URL },
            { key: "SecretToken", value: "tok" },
        ]);
    });

    it("assigns the declared test group to the SSO app while testing (SSO-2)", async () => {
        const { engine } = await recordEntra(
            () => new EntraIdentity("entra", { tenant: fullConfig(), secrets: TOKENS }),
        );
        assert.strictEqual(
            engine.find(T.assignment, "entra-sso-test-group")!.inputs.principalObjectId,
            "<object id of TESTING_ROLE_Pilot>",
        );
        assert.ok(engine.find(T.assignment, `entra-sso-test-user-pilot@${DOMAIN}`));
    });

    it("builds no SSO app at stage off and no SCIM app when SCIM is disabled", async () => {
        const config = entraConfig({ groups: [{ dimension: "FUNCTION", group: "Support" }] });
        const { engine, result } = await recordEntra(() => new EntraIdentity("entra", { tenant: config }));
        assert.deepStrictEqual(
            engine.resources.map((r) => `${r.type} ${r.name}`),
            [
                "chatgpt-identity:entra:Identity entra",
                "chatgpt-identity:entra:AccessGroups entra-groups",
                `${T.group} entra-groups-FUNCTION_Support`,
            ],
        );
        assert.strictEqual(result.side.sso, undefined);
        assert.strictEqual(result.side.workspaces[0].scim, undefined);
        assert.deepStrictEqual(result.side.workspaces[0].pushedGroupsReady, []);
    });

    it("allows SCIM without SSO (SCIM-2)", async () => {
        const config = entraConfig({ scim: { enabled: true, baseUrl: SCIM_URL } });
        const { engine } = await recordEntra(() => new EntraIdentity("entra", { tenant: config, secrets: TOKENS }));
        assert.strictEqual(engine.byType(T.template).length, 1);
        assert.strictEqual(engine.byType("chatgpt-identity:entra:SamlApp").length, 0);
    });

    it("makes one lookup of every test user and member for the whole side", async () => {
        const { engine } = await recordEntra(
            () => new EntraIdentity("entra", { tenant: fullConfig(), secrets: TOKENS }),
        );
        assert.deepStrictEqual(
            engine.invokes.filter((i) => i.token === T.getUsers).map((i) => i.inputs),
            [{ userPrincipalNames: [`pilot@${DOMAIN}`], ignoreMissing: true }],
        );
        assert.strictEqual(
            engine.find(T.group, "entra-groups-TESTING_ROLE_Pilot")!.inputs.members[0],
            `<object id of pilot@${DOMAIN}>`,
        );
        assert.strictEqual(
            engine.find(T.assignment, `entra-sso-test-user-pilot@${DOMAIN}`)!.inputs.principalObjectId,
            `<object id of pilot@${DOMAIN}>`,
        );
    });

    it("builds 200 groups with exactly two resources each (a group and its SCIM assignment)", async () => {
        const config = entraConfig({
            sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL },
            scim: { enabled: true, baseUrl: SCIM_URL },
            phase: "full",
            groups: Array.from({ length: 200 }, (_, i) => ({
                dimension: "SCHOOL",
                group: `School${i}`,
                members: [`s${i}@${DOMAIN}`],
            })),
        });
        const { engine } = await recordEntra(() => new EntraIdentity("entra", { tenant: config, secrets: TOKENS }));
        assert.strictEqual(engine.byType(T.group).length, 200);
        assert.strictEqual(engine.byType(T.assignment).length, 200);
        assert.strictEqual(engine.invokes.filter((i) => i.token === T.getUsers).length, 1);
    });
});

describe("EntraIdentity: a tenant with two workspaces (tenant form)", () => {
    const build = () =>
        recordEntra(
            () =>
                new EntraIdentity("entra", {
                    tenant: entraTwoWorkspaces(),
                    secrets: { scimTokens: { staff: "tok-staff", students: "tok-students" } },
                }),
        );

    it("builds ONE SSO app for the tenant (SSO-10) and per workspace its own SCIM app and groups (SCIM-7), named with the workspace key", async () => {
        const { engine } = await build();
        assert.deepStrictEqual(childrenOf(engine, only(engine, "chatgpt-identity:entra:Identity")), [
            "chatgpt-identity:entra:AccessGroups entra-groups-staff",
            "chatgpt-identity:entra:AccessGroups entra-groups-students",
            "chatgpt-identity:entra:SamlApp entra-sso",
            "chatgpt-identity:entra:ScimApp entra-scim-staff",
            "chatgpt-identity:entra:ScimApp entra-scim-students",
        ]);
        assert.deepStrictEqual(
            engine
                .customResources()
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            [
                `${T.template} entra-scim-staff-app`,
                `${T.template} entra-scim-students-app`,
                `${T.template} entra-sso-app`,
                `${T.identifierUri} entra-sso-identifier-uri`,
                `${T.redirectUris} entra-sso-redirect-uris`,
                `${T.assignment} entra-groups-staff-ROLLOUT_ROLE_Teachers-scim`,
                `${T.assignment} entra-groups-staff-TESTING_ROLE_Pilot-scim`,
                `${T.assignment} entra-groups-students-ROLLOUT_SCHOOL_Lincoln-High-scim`,
                `${T.claimsPolicy} entra-sso-claims-policy`,
                `${T.group} entra-groups-staff-ROLLOUT_ROLE_Teachers`,
                `${T.group} entra-groups-staff-TESTING_ROLE_Pilot`,
                `${T.group} entra-groups-students-ROLLOUT_SCHOOL_Lincoln-High`,
                `${T.sp} entra-scim-staff-sp`,
                `${T.sp} entra-scim-students-sp`,
                `${T.sp} entra-sso-sp`,
                `${T.claimsAssignment} entra-sso-claims-policy-assignment`,
                `${T.cert} entra-sso-signing-cert`,
                `${T.syncJob} entra-scim-staff-job`,
                `${T.syncJob} entra-scim-students-job`,
                `${T.syncSecret} entra-scim-staff-secret`,
                `${T.syncSecret} entra-scim-students-secret`,
            ].sort(),
        );
        assert.deepStrictEqual(
            engine
                .byType(T.template)
                .map((t) => t.inputs.displayName)
                .sort(),
            [
                "ChatGPT SCIM provisioning (Lincoln USD: Staff)",
                "ChatGPT SCIM provisioning (Lincoln USD: Students)",
                "ChatGPT SSO (Lincoln USD)",
            ],
        );
    });

    it("assigns each workspace's groups to its own SCIM app, with its own base URL and token", async () => {
        const { engine } = await build();
        const spOf = (workspace: string) =>
            `<service principal object id of ChatGPT SCIM provisioning (Lincoln USD: ${workspace})>`;
        const scimAssignments = engine
            .byType(T.assignment)
            .map((a) => [a.name, a.inputs.resourceObjectId])
            .sort();
        assert.deepStrictEqual(scimAssignments, [
            ["entra-groups-staff-ROLLOUT_ROLE_Teachers-scim", spOf("Staff")],
            ["entra-groups-staff-TESTING_ROLE_Pilot-scim", spOf("Staff")],
            ["entra-groups-students-ROLLOUT_SCHOOL_Lincoln-High-scim", spOf("Students")],
        ]);
        const secrets = engine
            .byType(T.syncSecret)
            .map((r) =>
                [r.name, ...((r.inputs.credentials as RecordedSecret).value as { value: string }[])].map((c) =>
                    typeof c === "string" ? c : c.value,
                ),
            );
        assert.deepStrictEqual(secrets.sort(), [
            ["entra-scim-staff-secret", `${SCIM_URL}-staff`, "tok-staff"],
            ["entra-scim-students-secret", `${SCIM_URL}-students`, "tok-students"],
        ]);
    });

    it("hands each workspace its own side; the tenant side has the one SSO app", async () => {
        const { result } = await build();
        assert.ok(result.side.sso);
        assert.deepStrictEqual(
            result.side.workspaces.map((w) => [w.key, w.groups.map((g) => g.name), w.pushedGroupsReady.length]),
            [
                ["staff", ["TESTING_ROLE_Pilot", "ROLLOUT_ROLE_Teachers"], 2],
                ["students", ["ROLLOUT_SCHOOL_Lincoln-High"], 1],
            ],
        );
    });
});

describe("EntraIdentity: nothing half-applied", function () {
    // Two tests start a fresh Node with ts-node (a registration that waits forever on a failed lookup must not leak
    // into other tests).
    this.timeout(40000);

    const unknownUserRun = (getUsers: string) =>
        runInFreshNode<{ errors: { message: string; problems?: unknown }[]; registered: string[] }>(`
        const { RecordingEngine } = require("./offline/recordingEngine");
        const { entraFakeOutputs, entraFakeInvokes } = require("./offline/previewValues/entra");
        const { EntraIdentity } = require("./components/entra/entraIdentity");
        const { entraConfig, ENTITY_ID, ACS_URL, SCIM_URL, DOMAIN } = require("./tests/components/entra/fixtures");
        const errors = [];
        // As Pulumi's language host does: an unhandled rejection is logged as an error and fails the run.
        process.on("unhandledRejection", (e) => {
            if (!errors.some((x) => x.message === e.message)) errors.push({ name: e.name, message: e.message, problems: e.problems });
            require("@pulumi/pulumi").log.error(e.message);
        });
        const engine = new RecordingEngine({ preview: false, fakeOutputs: entraFakeOutputs,
            fakeInvokes: { ...entraFakeInvokes, "azuread:index/getUsers:getUsers": ${getUsers} } }).install();
        new EntraIdentity("entra", { secrets: { scimTokens: { default: "tok" } }, tenant: entraConfig({
            sso: { stage: "testing", entityId: ENTITY_ID, acsUrl: ACS_URL, testUsers: ["pilot@" + DOMAIN, "typo@" + DOMAIN] },
            scim: { enabled: true, baseUrl: SCIM_URL },
            groups: [{ dimension: "FUNCTION", group: "Support" }, { dimension: "ROLE", group: "Teachers", members: ["pilot@" + DOMAIN, "Gone@" + DOMAIN] }],
        }) });
        setTimeout(() => { console.log(JSON.stringify({ errors, registered: engine.resources.map((r) => r.type + " " + r.name) })); process.exit(0); }, 500);
    `);

    it("an address Entra does not know fails the run with ONE ConfigError naming each address at its path, and creates no Entra resource", () => {
        const seen = unknownUserRun(`(inputs) => {
            const users = inputs.userPrincipalNames.filter((u) => u.startsWith("pilot@")).map((u) => ({ userPrincipalName: u, objectId: "oid-" + u }));
            return { id: "users", userPrincipalNames: [], objectIds: [], mails: [], mailNicknames: [], employeeIds: [], users };
        }`);
        assert.deepStrictEqual(seen.registered, ["chatgpt-identity:entra:Identity entra"]);
        assert.strictEqual(seen.errors.length, 1);
        const fix =
            "Check the spelling (addresses must be user principal names), create the user first, or remove the address.";
        assert.deepStrictEqual(seen.errors[0].problems, [
            { path: "workspace.sso.testUsers[1]", message: `no Entra user has the sign-in name typo@${DOMAIN}`, fix },
            {
                path: "workspace.groups[1].members[1]",
                message: `no Entra user has the sign-in name Gone@${DOMAIN}`,
                fix,
            },
        ]);
    });

    it("a lookup the provider refuses is reported at every path it concerned, and creates nothing", () => {
        const seen = unknownUserRun(`() => { throw new Error("no users found"); }`);
        assert.deepStrictEqual(seen.registered, ["chatgpt-identity:entra:Identity entra"]);
        assert.strictEqual(seen.errors.length, 1);
        const problems = seen.errors[0].problems as { path: string; message: string; fix: string }[];
        assert.deepStrictEqual(
            problems.map((p) => p.path),
            [
                "workspace.sso.testUsers[0]",
                "workspace.sso.testUsers[1]",
                "workspace.groups[1].members[0]",
                "workspace.groups[1].members[1]",
            ],
        );
        assert.match(problems[0].message, /^Entra ID could not look up pilot@\S+: /);
        assert.match(problems[0].fix, /User\.Read\.All\.$/);
    });
});
