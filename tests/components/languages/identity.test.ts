import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { parse } from "yaml";
import { Identity, workspaceConfigFromInputs } from "../../../components/languages";
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
});
