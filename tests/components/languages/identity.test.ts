import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { Identity, workspaceConfigFromInputs } from "../../../components/languages";
import { ConfigError } from "../../../core/config/problems";
import { identityFromConfig } from "../../../components/program";
import { previewFakeInvokes, previewFakeOutputs } from "../../../offline/previewValues/index";
import { RecordingEngine } from "../../../offline/recordingEngine";
import { record, valueOf } from "../../support/engine";
import { repoPath } from "../../support/paths";

const fakes = { fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes };

/** The YAML example's inputs, with the secret reference replaced by a value. */
function yamlExampleInputs() {
    const program = parse(fs.readFileSync(repoPath("examples", "yaml-district", "Pulumi.yaml"), "utf8"));
    return { ...program.resources.identity.properties, scimToken: "tok" };
}

const tree = (engine: RecordingEngine) =>
    engine.resources.filter((r) => r.type !== "chatgpt-identity:index:Identity").map((r) => `${r.type} ${r.name}`);

describe("components/languages Identity: the multi-language component", () => {
    it("turns its inputs into the chatgpt-identity:workspace config (Cloudflare zone ids become adapter settings)", () => {
        assert.deepEqual(
            workspaceConfigFromInputs({
                name: "X",
                idp: "okta",
                domains: [{ name: "x.org" }],
                dns: { adapter: "cloudflare", zoneIds: { "x.org": "z1" } },
                sso: { stage: "off", testUsers: undefined },
            }),
            {
                name: "X",
                idp: "okta",
                domains: [{ name: "x.org" }],
                dns: { adapter: "cloudflare", settings: { zoneIds: { "x.org": "z1" } } },
                sso: { stage: "off" },
            },
        );
    });

    it("builds the same resources, with the same logical names, as the TypeScript component for the same config", async () => {
        const multi = await record(() => new Identity("identity", yamlExampleInputs()), fakes);
        const direct = await record(
            () =>
                identityFromConfig("identity", {
                    form: "workspace",
                    config: {
                        name: "Lincoln Unified School District",
                        idp: "entra",
                        phase: "pilot",
                        domains: [
                            { name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-lincoln-0001" },
                            {
                                name: "staff.lincoln.k12.us",
                                verificationToken: "openai-domain-verification=dv-lincoln-staff-0002",
                            },
                        ],
                        dns: { adapter: "manual" },
                        sso: {
                            stage: "testing",
                            entityId: "https://auth.openai.com/saml/entity/lincoln",
                            acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
                            testUsers: [
                                "it.pilot@lincoln.k12.us",
                                "teacher.pilot@lincoln.k12.us",
                                "office.pilot@staff.lincoln.k12.us",
                            ],
                        },
                        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" },
                        groups: [
                            { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
                            { usage: "ROLLOUT", dimension: "ROLE", group: "Staff" },
                        ],
                    },
                    secrets: { scimTokens: { default: "tok" } },
                }),
            fakes,
        );
        assert.ok(tree(direct.engine).length > 10);
        assert.deepEqual(tree(multi.engine), tree(direct.engine));
        const records = await valueOf(multi.result.txtRecords);
        assert.deepEqual(
            records?.map((r) => r.domain),
            ["lincoln.k12.us", "staff.lincoln.k12.us"],
        );
    });

    it("builds its children at once from literal inputs: a bad config throws from the constructor, nothing registered", async () => {
        let engine: RecordingEngine | undefined;
        await assert.rejects(
            record(() => {
                engine = new RecordingEngine({ preview: true, ...fakes }).install();
                return new Identity("identity", { ...yamlExampleInputs(), domains: [] });
            }),
            (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.path.includes("domains")),
        );
        assert.deepEqual(tree(engine!), []);
    });

    it("builds the same tree when an input is another resource's output, once that output is known", async () => {
        const literal = await record(() => new Identity("identity", yamlExampleInputs()), fakes);
        const inputs = yamlExampleInputs();
        const withOutput = await record(
            () => new Identity("identity", { ...inputs, name: pulumi.output(inputs.name as string) }),
            fakes,
        );
        assert.deepEqual(tree(withOutput.engine), tree(literal.engine));
    });
});
