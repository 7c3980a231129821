import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import * as fs from "node:fs";
import { ConfigError } from "../../core/config/load";
import { WorkspaceConfigInput } from "../../core/config/schema";
import { WORKSPACE_IDENTITY_TYPE, WorkspaceIdentity } from "../../components/workspaceIdentity";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { RecordingEngine } from "../../offline/recordingEngine";
import { record, valueOf } from "../support/engine";
import { repoPath } from "../support/paths";

const fakes = { fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes };

/** The `chatgpt-identity:workspace` object of an example stack file. */
function exampleConfig(file: string): WorkspaceConfigInput {
    return parse(fs.readFileSync(repoPath("examples", file), "utf8")).config["chatgpt-identity:workspace"];
}

const district = () => exampleConfig("entra-district/Pulumi.lincoln.yaml");
const acme = () => exampleConfig("okta-enterprise/Pulumi.pilot.yaml");

function componentTree(engine: RecordingEngine): string[] {
    return engine.resources.filter((r) => !r.custom).map((r) => `${r.parentType ?? "-"} > ${r.type} ${r.name}`).sort();
}

function buildRejected(args: ConstructorParameters<typeof WorkspaceIdentity>[1]) {
    let error: unknown;
    return record(() => {
        try {
            new WorkspaceIdentity("identity", args);
        } catch (e) {
            error = e;
        }
        return () => error;
    }, fakes);
}

describe("WorkspaceIdentity (top-level component)", () => {
    it("builds the Entra side and the DNS records for the example district, with names derived from its own", async () => {
        const { engine } = await record(() => new WorkspaceIdentity("identity", { config: district(), secrets: { scimToken: "tok" } }), fakes);
        assert.deepEqual(componentTree(engine), [
            "- > chatgpt-identity:index:WorkspaceIdentity identity",
            "chatgpt-identity:entra:Identity > chatgpt-identity:entra:AccessGroups identity-entra-groups",
            "chatgpt-identity:entra:Identity > chatgpt-identity:entra:SamlApp identity-entra-sso",
            "chatgpt-identity:entra:Identity > chatgpt-identity:entra:ScimApp identity-entra-scim",
            "chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:dns:DomainTxtRecords identity-dns",
            "chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:entra:Identity identity-entra",
        ]);
        assert.equal(engine.customResources().filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).length, 0, "no workspace resources without manageWorkspace");
    });

    it("builds the Okta side for idp: okta", async () => {
        const { engine } = await record(() => new WorkspaceIdentity("acme", { config: acme(), secrets: { scimToken: "tok" } }), fakes);
        const tree = componentTree(engine);
        assert.ok(tree.includes("chatgpt-identity:index:WorkspaceIdentity > chatgpt-identity:okta:Identity acme-okta"), tree.join("\n"));
        assert.equal(engine.customResources().filter((r) => r.type.startsWith("azuread:")).length, 0);
    });

    it("exposes the hand-off values: TXT records and the DNS hand-off text", async () => {
        const { result } = await record(() => new WorkspaceIdentity("identity", { config: district(), secrets: { scimToken: "tok" } }), fakes);
        const records = await valueOf(result.txtRecords);
        assert.deepEqual(records?.map((r) => [r.name, r.value, r.status]), [
            ["lincoln.k12.us", "openai-domain-verification=dv-lincoln-0001", "handoff"],
            ["staff.lincoln.k12.us", "openai-domain-verification=dv-lincoln-staff-0002", "handoff"],
        ]);
        assert.match((await valueOf(result.dnsHandoff)) ?? "", /staff\.lincoln\.k12\.us/);
    });

    it("registers no resource at all for an invalid config, and lists every problem", async () => {
        const bad = { ...district(), idp: "entra", sso: { stage: "enforced", entityId: "x", acsUrl: "http://not-https" }, groups: [{ dimension: "role", group: "Teachers" }] };
        const { engine, result } = await buildRejected({ config: bad as never });
        assert.equal(engine.resources.length, 0);
        const error = result() as ConfigError;
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => p.path), ["workspace.sso.acsUrl", "workspace.groups[0].dimension"]);
    });

    it("stops on a rule error (SCIM-3) and a missing SCIM token before registering anything", async () => {
        const config = { ...district(), settings: { automaticAccountCreation: true } };
        const { engine, result } = await buildRejected({ config });
        assert.equal(engine.resources.length, 0);
        const error = result() as ConfigError;
        assert.deepEqual(error.problems.map((p) => p.path), ["chatgpt-identity:scimToken", "workspace.settings.automaticAccountCreation"]);
        assert.match(error.problems[1].message, /^SCIM-3: /);
    });

    it("needs no SCIM token in the stack for Okta, which takes it in its admin console", async () => {
        const { engine } = await record(() => new WorkspaceIdentity("acme", { config: acme() }), fakes);
        assert.ok(engine.resources.length > 0);
        assert.ok(!JSON.stringify(engine.resources).includes("scimToken"));
    });

    it("reports warnings and infos through Pulumi's log, attached to the component", async () => {
        const seen: { severity: string; text: string; resource?: pulumi.Resource }[] = [];
        const log = pulumi.log as unknown as Record<string, unknown>;
        const saved = { warn: log.warn, info: log.info };
        log.warn = (text: string, resource?: pulumi.Resource) => { seen.push({ severity: "warning", text, resource }); return Promise.resolve(); };
        log.info = (text: string, resource?: pulumi.Resource) => { seen.push({ severity: "info", text, resource }); return Promise.resolve(); };
        try {
            const { result } = await record(() => new WorkspaceIdentity("identity", { config: district(), secrets: { scimToken: "tok" } }), fakes);
            assert.deepEqual(seen.map((s) => `${s.severity} ${s.text.split(" ")[0]}`), result.findings.map((f) => `${f.severity} ${f.id}`));
            assert.ok(seen.every((s) => s.resource === result), "attached to the component");
            const grp5 = seen.find((s) => s.severity === "warning" && s.text.startsWith("GRP-5"));
            assert.match(grp5?.text ?? "", /^GRP-5 \(workspace\.groups\): Phase pilot expects .* Why: .* Fix: /);
        } finally {
            Object.assign(log, saved);
        }
    });

    it("registers the validated config (no secrets) as an output for the policy pack", async () => {
        const { engine } = await record(() => new WorkspaceIdentity("identity", { config: district(), secrets: { scimToken: "super-secret-token" } }), fakes);
        const component = engine.resources.find((r) => r.type === WORKSPACE_IDENTITY_TYPE);
        assert.ok(component);
        assert.ok(!JSON.stringify(engine.resources).includes("super-secret-token"), "the token never appears in plain text");
    });

    describe("with manageWorkspace", () => {
        const ZONE = "0123456789abcdef0123456789abcdef";
        const managed = (): WorkspaceConfigInput => ({
            ...district(),
            domains: [{ name: "lincoln.k12.us" }, { name: "staff.lincoln.k12.us" }],
            dns: { adapter: "cloudflare", settings: { zoneIds: { "lincoln.k12.us": ZONE, "staff.lincoln.k12.us": ZONE } } },
            manageWorkspace: true,
            roles: [{ name: "GPT publishers", permissions: ["gpts.publish"] }],
            roleAssignments: [{ group: "ROLLOUT_ROLE_Teachers", roles: ["GPT publishers"] }],
        });

        it("orders the work: domains, then DNS from their TXT values, then verification, settings and role mappings", async () => {
            const { engine, result } = await record(() => new WorkspaceIdentity("identity", { config: managed(), secrets: { scimToken: "tok" } }), fakes);
            const byName = (name: string) => {
                const found = engine.resources.find((r) => r.name === name);
                assert.ok(found, `no resource ${name}; have ${engine.resources.map((r) => r.name).join(", ")}`);
                return found;
            };
            const domain = byName("identity-workspace-domains-staff.lincoln.k12.us");
            const txtRecord = byName("identity-dns-staff.lincoln.k12.us-txt");
            assert.deepEqual(txtRecord.inputs.content, '"<TXT value the workspace issues for staff.lincoln.k12.us at apply>"', "the DNS record takes its value from the workspace domain");
            const verify = byName("identity-workspace-verify-staff.lincoln.k12.us");
            assert.ok(verify.dependsOn.includes(domain.urn), "verification needs the registered domain");
            assert.ok(verify.dependsOn.includes(txtRecord.urn), "verification waits for the published TXT record (DOM-1, DOM-4)");
            const settings = byName("identity-workspace-settings");
            assert.deepEqual([...settings.dependsOn].sort(), [byName("identity-entra-sso-app").urn, byName("identity-workspace-verify-lincoln.k12.us").urn, verify.urn].sort(),
                "settings wait for every verification (DOM-1) and for the IdP SSO app");
            assert.equal(settings.inputs.ssoStage, "enabled", "testing maps to SSO enabled in the workspace");
            assert.equal(settings.inputs.directorySync, true);
            const mappings = engine.resources.find((r) => r.type.endsWith(":GroupRoleMappings"));
            assert.ok(mappings);
            const scimAssignment = byName("identity-entra-groups-ROLLOUT_ROLE_Teachers-scim");
            assert.ok(mappings.dependsOn.includes(scimAssignment.urn), "role mappings wait for the pushed groups (ROLE-2)");
            const records = await valueOf(result.txtRecords);
            assert.deepEqual(records?.map((r) => r.value), [
                "<TXT value the workspace issues for lincoln.k12.us at apply>",
                "<TXT value the workspace issues for staff.lincoln.k12.us at apply>",
            ], "the DNS records take their values from the workspace domains");
        });
    });

    it("builds the reference district with 15 groups in under 2 s", async function () {
        const groups = Array.from({ length: 15 }, (_, i) => ({ usage: "ROLLOUT", dimension: "SCHOOL", group: `School${i + 1}`, members: [`teacher${i}@lincoln.k12.us`] }));
        const config = { ...district(), phase: "level1" as const, groups };
        const started = process.hrtime.bigint();
        const { engine } = await record(() => new WorkspaceIdentity("identity", { config, secrets: { scimToken: "tok" } }), fakes);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const perGroup = engine.customResources().filter((r) => r.parentType === "chatgpt-identity:entra:AccessGroups").length / 15;
        assert.ok(perGroup <= 2, `at most two resources per group, got ${perGroup}`);
        assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
    });
});
