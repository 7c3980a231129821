import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../core/config/load";
import { deployFromStackConfig, identityFromConfig, readStackConfig } from "../../components/program";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { RecordingEngine, settle } from "../../offline/recordingEngine";
import { record } from "../support/engine";

const fakes = { fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes };
const WORKSPACE = {
    name: "Lincoln USD",
    idp: "entra",
    domains: [{ name: "lincoln.k12.us" }],
    scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" },
    groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" }],
};

/** Installs a recording engine with this stack config, as `pulumi up` would hand it to the program. */
function withStackConfig(values: Record<string, unknown>, secretKeys: string[] = []): RecordingEngine {
    const engine = new RecordingEngine({ preview: false, ...fakes }).install();
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
        secretKeys,
    );
    return engine;
}

describe("program: the stack config through the one gate", () => {
    afterEach(() => pulumi.runtime.setAllConfig({}, []));

    it("reads the chatgpt-identity keys and which secrets are present (config keys and secret environment variables)", () => {
        withStackConfig(
            { "chatgpt-identity:workspace": WORKSPACE, "chatgpt-identity:scimToken": "tok", "azuread:tenantId": "t" },
            ["chatgpt-identity:scimToken"],
        );
        const input = readStackConfig({ CHATGPT_ADMIN_KEY: "k" });
        assert.deepEqual(Object.keys(input.values).sort(), [
            "chatgpt-identity:scimToken",
            "chatgpt-identity:workspace",
        ]);
        assert.deepEqual([...input.secretsPresent].sort(), [
            "CHATGPT_ADMIN_KEY",
            "chatgpt-identity:scimToken",
            "chatgpt-identity:workspace",
        ]);
    });

    it("builds the stack from `chatgpt-identity:workspace` with its SCIM token from secret config", async () => {
        const engine = withStackConfig(
            { "chatgpt-identity:workspace": WORKSPACE, "chatgpt-identity:scimToken": "tok-1" },
            ["chatgpt-identity:scimToken"],
        );
        const identity = deployFromStackConfig();
        await settle();
        assert.equal(identity.config.form, "workspace");
        const secret = engine.byType("azuread:index/synchronizationSecret:SynchronizationSecret")[0];
        assert.deepEqual((secret.inputs.credentials as { value: { value: string }[] }).value[1].value, "tok-1");
    });

    it("refuses a stack without the SCIM token its Entra workspace needs: one ConfigError, nothing registered", async () => {
        const engine = withStackConfig({ "chatgpt-identity:workspace": WORKSPACE });
        assert.throws(
            () => deployFromStackConfig(),
            (e: unknown) => {
                assert.ok(e instanceof ConfigError);
                assert.deepEqual(
                    e.problems.map((p) => p.path),
                    ["workspace.scim.enabled"],
                );
                return true;
            },
        );
        await settle();
        assert.deepEqual(engine.resources, []);
    });

    it("identityFromConfig: the same gate and rules for code that holds the config object; a rule error is a problem with its rule id", async () => {
        const bad = { ...WORKSPACE, settings: { automaticAccountCreation: true } };
        const { engine } = await record(() => {
            assert.throws(
                () => identityFromConfig("identity", { form: "workspace", config: bad }),
                (e: unknown) => {
                    assert.ok(e instanceof ConfigError);
                    assert.deepEqual(
                        e.problems.map((p) => [p.rule, p.path]),
                        [["SCIM-3", "workspace.settings.automaticAccountCreation"]],
                    );
                    return true;
                },
            );
        }, fakes);
        assert.deepEqual(engine.resources, []);
        const { result } = await record(
            () =>
                identityFromConfig("identity", {
                    form: "workspace",
                    config: WORKSPACE,
                    secrets: { scimTokens: { default: "t" } },
                }),
            fakes,
        );
        assert.ok(result.findings.length > 0 && result.findings.every((f) => f.severity !== "error"));
    });
});
