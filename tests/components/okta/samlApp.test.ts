import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { record, valueOf } from "../../support/engine";
import { OktaSamlApp } from "../../../components/okta/samlApp";
import { oktaFakeInvokes, oktaFakeOutputs } from "../../../offline/previewValues/okta";
import { AccessGroupRef } from "../../../components/idp/types";
import { ACS_URL, ENTITY_ID, oktaConfig } from "./fixtures";
import { runInFreshNode } from "../dns/childNode";

const SAML = "okta:app/saml:Saml";
const ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments";
const APP_USER = "okta:app/user:User";
const LABEL = "ChatGPT SSO (Acme)";
const fakes = { fakeOutputs: oktaFakeOutputs, fakeInvokes: oktaFakeInvokes };

const groups = (): AccessGroupRef[] => [
    { name: "ROLLOUT_ROLE_Teachers", id: pulumi.output("00gTEACHERS"), adopted: false },
    { name: "FUNCTION_Support", id: pulumi.output("00gSUPPORT"), adopted: true },
];

function build(sso: Record<string, unknown> = {}, accessGroups = groups()) {
    const config = oktaConfig({ sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL, ...sso } });
    return record(
        () => new OktaSamlApp("sso", { displayName: LABEL, sso: config.sso, path: config.path, accessGroups }),
        fakes,
    );
}

describe("okta/OktaSamlApp", () => {
    it("at enabled registers exactly the SAML app and ONE group assignment, both children of the component (SSO-2)", async () => {
        const { engine } = await build();
        const component = engine.find("chatgpt-identity:okta:SamlApp", "sso")!;
        assert.ok(component);
        assert.deepStrictEqual(
            engine.childrenOf(component.urn).map((r) => [r.type, r.name]),
            [
                [SAML, "sso-app"],
                [ASSIGNMENTS, "sso-group-assignments"],
            ],
        );
        assert.deepStrictEqual(engine.byType(ASSIGNMENTS)[0].inputs.groups, [
            { id: "00gTEACHERS", profile: "{}" },
            { id: "00gSUPPORT", profile: "{}" },
        ]);
        assert.strictEqual(engine.byType(ASSIGNMENTS)[0].inputs.appId, "sso-app-id");
        assert.strictEqual(engine.byType(APP_USER).length, 0);
    });

    it("enforced also assigns every access group through the one resource", async () => {
        const { engine } = await build({ stage: "enforced", testedUsers: ["pilot@acme.org"] });
        assert.deepStrictEqual(
            engine.byType(ASSIGNMENTS).map((r) => [r.name, r.inputs.groups.length]),
            [["sso-group-assignments", 2]],
        );
    });

    it("points ACS, recipient, destination and audience at ChatGPT and signs response and assertion with SHA-256", async () => {
        const { engine } = await build();
        const app = engine.byType(SAML)[0].inputs;
        assert.strictEqual(app.label, LABEL);
        assert.strictEqual(app.ssoUrl, ACS_URL);
        assert.strictEqual(app.recipient, ACS_URL);
        assert.strictEqual(app.destination, ACS_URL);
        assert.strictEqual(app.audience, ENTITY_ID);
        assert.strictEqual(app.responseSigned, true);
        assert.strictEqual(app.assertionSigned, true);
        assert.strictEqual(app.signatureAlgorithm, "RSA_SHA256");
        assert.strictEqual(app.digestAlgorithm, "SHA256");
        assert.strictEqual(app.preconfiguredApp, undefined, "a custom SAML app, not a catalog app");
    });

    it("sends the email as NameID and email, given_name, family_name as attributes (SSO-7)", async () => {
        const { engine } = await build();
        const app = engine.byType(SAML)[0].inputs;
        assert.strictEqual(app.subjectNameIdTemplate, "${user.email}");
        assert.strictEqual(app.subjectNameIdFormat, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        const ns = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified";
        assert.deepStrictEqual(app.attributeStatements, [
            { name: "email", namespace: ns, type: "EXPRESSION", values: ["user.email"] },
            { name: "given_name", namespace: ns, type: "EXPRESSION", values: ["user.firstName"] },
            { name: "family_name", namespace: ns, type: "EXPRESSION", values: ["user.lastName"] },
        ]);
    });

    it("uses sso.claims overrides as attribute sources and the email override as NameID", async () => {
        const { engine } = await build({ claims: { email: "user.login", given_name: "user.nickName" } });
        const app = engine.byType(SAML)[0].inputs;
        assert.deepStrictEqual(
            app.attributeStatements.map((s: any) => [s.name, s.values]),
            [
                ["email", ["user.login"]],
                ["given_name", ["user.nickName"]],
                ["family_name", ["user.lastName"]],
            ],
        );
        assert.strictEqual(app.subjectNameIdTemplate, "${user.login}");
    });

    it("never sets an encryption property on the app (SSO-6)", async () => {
        const { engine } = await build();
        const app = engine.byType(SAML)[0].inputs;
        const encryptionKeys = Object.keys(app).filter((k) => /encrypt/i.test(k));
        assert.deepStrictEqual(encryptionKeys, []);
        assert.ok(!/encrypt/i.test(JSON.stringify(app)), "no encryption anywhere in the app inputs");
    });

    it("a new certificateRotation value asks Okta for a new signing key (keyName), and the thumbprint follows", async () => {
        const first = await build({ certificateRotation: "1" });
        const firstApp = first.engine.byType(SAML)[0].inputs;
        const firstThumb = await valueOf(first.result.certificateThumbprint);
        const second = await build({ certificateRotation: "2027" });
        const secondApp = second.engine.byType(SAML)[0].inputs;
        assert.strictEqual(firstApp.keyName, "chatgpt-sso-signing-1");
        assert.strictEqual(secondApp.keyName, "chatgpt-sso-signing-2027");
        assert.strictEqual(firstApp.keyYearsValid, 3);
        assert.strictEqual(secondApp.keyYearsValid, 3);
        assert.notStrictEqual(firstThumb, await valueOf(second.result.certificateThumbprint));
    });

    it("outputs the app id, metadata URL, entity ID and the thumbprint of the active signing key", async () => {
        const { result } = await build();
        assert.strictEqual(await valueOf(result.appId), "sso-app-id");
        assert.strictEqual(await valueOf(result.metadataUrl), "<metadata URL of ChatGPT SSO (Acme)>");
        assert.strictEqual(await valueOf(result.entityId), ENTITY_ID);
        assert.strictEqual(
            await valueOf(result.certificateThumbprint),
            "<SHA-256 thumbprint of the signing certificate of ChatGPT SSO (Acme) (chatgpt-sso-signing-1)>",
        );
    });

    it("certificateThumbprint is undefined when Okta reports no key matching keyId", async () => {
        const { result } = await record(
            () =>
                new OktaSamlApp("sso", {
                    displayName: LABEL,
                    sso: oktaConfig().sso,
                    path: "workspace",
                    accessGroups: groups(),
                }),
            {
                fakeOutputs: {
                    [SAML]: () => ({ metadataUrl: "<m>", keyId: "kid-1", keys: [{ kid: "kid-0", x5tS256: "old" }] }),
                },
            },
        );
        assert.strictEqual(await valueOf(result.certificateThumbprint), undefined);
    });

    it("at testing assigns only the test users (one lookup each) and the test group (SSO-2)", async () => {
        const { engine } = await build({
            stage: "testing",
            testUsers: ["pilot1@acme.org", "pilot2@acme.org"],
            testGroup: "ROLLOUT_ROLE_Teachers",
        });
        const component = engine.find("chatgpt-identity:okta:SamlApp", "sso")!;
        // Registration order depends on when each user lookup returns, so the children are compared sorted.
        assert.deepStrictEqual(
            engine
                .childrenOf(component.urn)
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            [
                `${APP_USER} sso-test-user-pilot1@acme.org`,
                `${APP_USER} sso-test-user-pilot2@acme.org`,
                `${SAML} sso-app`,
                `${ASSIGNMENTS} sso-group-assignments`,
            ].sort(),
        );
        assert.deepStrictEqual(
            engine
                .byType(APP_USER)
                .map((r) => [r.inputs.appId, r.inputs.userId])
                .sort(),
            [
                ["sso-app-id", "<okta user id of pilot1@acme.org>"],
                ["sso-app-id", "<okta user id of pilot2@acme.org>"],
            ],
        );
        assert.deepStrictEqual(
            engine.invokes
                .map((i) => [i.token, i.inputs.searches])
                .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
            [
                ["okta:user/getUser:getUser", [{ name: "profile.email", value: "pilot1@acme.org", comparison: "eq" }]],
                ["okta:user/getUser:getUser", [{ name: "profile.email", value: "pilot2@acme.org", comparison: "eq" }]],
            ],
        );
        assert.deepStrictEqual(engine.byType(ASSIGNMENTS)[0].inputs.groups, [{ id: "00gTEACHERS", profile: "{}" }]);
    });

    it("at testing without a test group assigns no group at all", async () => {
        const { engine } = await build({ stage: "testing", testUsers: ["pilot1@acme.org"] });
        assert.strictEqual(engine.byType(ASSIGNMENTS).length, 0);
        assert.strictEqual(engine.byType(APP_USER).length, 1);
    });

    it("an unknown test user fails the run with a ConfigError at workspace.sso.testUsers[i], and the SSO app is not created (fresh process)", function () {
        this.timeout(40000);
        const seen = runInFreshNode<{ errors: { name: string; problems: unknown }[]; registered: string[] }>(`
            const pulumi = require("@pulumi/pulumi");
            const { RecordingEngine } = require("./offline/recordingEngine");
            const { oktaFakeOutputs, oktaFakeInvokes } = require("./offline/previewValues/okta");
            const { OktaSamlApp } = require("./components/okta/samlApp");
            const { oktaConfig, ENTITY_ID, ACS_URL } = require("./tests/components/okta/fixtures");
            const errors = [];
            // As Pulumi's language host does: an unhandled rejection is logged as an error and fails the run.
            process.on("unhandledRejection", (e) => {
                if (!errors.some((x) => x.message === e.message)) errors.push({ name: e.name, message: e.message, problems: e.problems });
                pulumi.log.error(e.message);
            });
            const engine = new RecordingEngine({ preview: false, fakeOutputs: oktaFakeOutputs, fakeInvokes: { ...oktaFakeInvokes,
                "okta:user/getUser:getUser": (inputs) => {
                    if (inputs.searches[0].value === "typo@acme.org") throw new Error("user not found");
                    return oktaFakeInvokes["okta:user/getUser:getUser"](inputs);
                } } }).install();
            const config = oktaConfig({ sso: { stage: "testing", entityId: ENTITY_ID, acsUrl: ACS_URL, testUsers: ["pilot@acme.org", "typo@acme.org"] } });
            new OktaSamlApp("sso", { displayName: "ChatGPT SSO (Acme)", sso: config.sso, path: config.path, accessGroups: [] });
            setTimeout(() => { console.log(JSON.stringify({ errors, registered: engine.resources.map((r) => r.type + " " + r.name) })); process.exit(0); }, 500);
        `);
        assert.deepStrictEqual(seen.registered, ["chatgpt-identity:okta:SamlApp sso"]);
        assert.strictEqual(seen.errors.length, 1);
        assert.strictEqual(seen.errors[0].name, "ConfigError");
        const problems = seen.errors[0].problems as { path: string; rule: string; message: string; fix: string }[];
        assert.deepStrictEqual(
            problems.map((p) => [p.path, p.rule, p.fix]),
            [
                [
                    "workspace.sso.testUsers[1]",
                    "SSO-2",
                    "Check the spelling or create the user first, or remove the address.",
                ],
            ],
        );
        assert.match(
            problems[0].message,
            /^no Okta user with the email typo@acme\.org could be looked up \(.*\); the SSO app was not created or changed$/,
        );
    });
});
