import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { workspaceConfigSchema } from "../../../core/config/schema";
import { IdpSide } from "../../../components/idp/types";
import { WorkspaceAccess, WorkspaceDomains } from "../../../components/workspace";
import { record, valueOf } from "../../support/engine";

const T = (type: string) => `pulumi-nodejs:dynamic/chatgpt-identity/workspace:${type}`;

const raw = {
    name: "Lincoln District",
    idp: "okta", // the workspace side does not depend on the IdP kind
    phase: "level1",
    domains: [{ name: "lincoln.k12.us" }, { name: "staff.lincoln.k12.us" }],
    sso: { stage: "testing", entityId: "https://chatgpt.com/sso/x", acsUrl: "https://auth.openai.com/acs/x", testUsers: ["t1@staff.lincoln.k12.us"] },
    scim: { enabled: true, baseUrl: "https://chatgpt.com/scim/v2" },
    groups: [{ dimension: "ROLE", group: "Teachers", usage: "ROLLOUT" }, { dimension: "FUNCTION", group: "IT" }],
    settings: { externalInvites: false },
    roles: [{ name: "GPT Publisher", permissions: ["gpts.publish"] }, { name: "Codex Users", description: "Codex", permissions: ["codex.use"] }],
    roleAssignments: [{ group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] }, { group: "FUNCTION_IT", roles: ["GPT Publisher", "Codex Users"] }],
    manageWorkspace: true,
} as const;
const config = workspaceConfigSchema.parse(raw);

/** A stand-in for a resource of another component (a DNS record, a SCIM push). */
class Stub extends pulumi.CustomResource {
    constructor(type: string, name: string) {
        super(type, name, {});
    }
}

const fakeOutputs = {
    [T("Domain")]: (inputs: Record<string, any>) => ({ domainId: `dom_${inputs.domain}`, txtRecordName: inputs.domain, txtRecordValue: `openai-domain-verification=dv-${inputs.domain}`, status: "pending" }),
    [T("CustomRole")]: (inputs: Record<string, any>) => ({ roleId: `role_${inputs.name}` }),
};

describe("components/workspace", function () {
    this.timeout(30000);

    it("WorkspaceDomains registers one WorkspaceDomain per domain and hands out the TXT values", async () => {
        const { engine, result } = await record(() => new WorkspaceDomains("lincoln-workspace-domains", { domains: config.domains }), { fakeOutputs });
        const domains = engine.byType(T("Domain"));
        assert.deepEqual(domains.map((d) => [d.name, d.parentType, d.inputs.domain, d.inputs.allowRemoval]), [
            ["lincoln-workspace-domains-lincoln.k12.us", "chatgpt-identity:workspace:Domains", "lincoln.k12.us", false],
            ["lincoln-workspace-domains-staff.lincoln.k12.us", "chatgpt-identity:workspace:Domains", "staff.lincoln.k12.us", false],
        ]);
        assert.equal(typeof domains[0].inputs.__provider, "string");
        assert.deepEqual(result.txtRecords.map((r) => r.domain), ["lincoln.k12.us", "staff.lincoln.k12.us"]);
        assert.equal(await valueOf(result.txtRecords[1].value), "openai-domain-verification=dv-staff.lincoln.k12.us");
    });

    it("WorkspaceAccess orders the work: DNS → verification → settings (DOM-1), pushed groups + roles → mappings (ROLE-2)", async () => {
        const { engine } = await record(() => {
            const domains = new WorkspaceDomains("lincoln-workspace-domains", { domains: config.domains });
            const dns = new Stub("test:index:TxtRecord", "lincoln-dns");
            const pushed = new Stub("test:index:PushGroup", "lincoln-push");
            const idp: IdpSide = {
                sso: { appId: pulumi.output("app-123"), metadataUrl: pulumi.output("https://x/metadata"), entityId: pulumi.output("https://chatgpt.com/sso/x"), certificateThumbprint: pulumi.output(undefined) },
                groups: [],
                pushedGroupsReady: [pushed],
            };
            return new WorkspaceAccess("lincoln-workspace", { config, domains, dnsReady: [dns], idp });
        }, { fakeOutputs });

        const access = "chatgpt-identity:workspace:Access";
        const dnsUrn = engine.resources.find((r) => r.name === "lincoln-dns")!.urn;
        const pushUrn = engine.resources.find((r) => r.name === "lincoln-push")!.urn;

        const verifications = engine.byType(T("DomainVerification"));
        assert.deepEqual(verifications.map((v) => [v.name, v.parentType, v.inputs.domain, v.inputs.domainId]), [
            ["lincoln-workspace-verify-lincoln.k12.us", access, "lincoln.k12.us", "dom_lincoln.k12.us"],
            ["lincoln-workspace-verify-staff.lincoln.k12.us", access, "staff.lincoln.k12.us", "dom_staff.lincoln.k12.us"],
        ]);
        for (const v of verifications) assert.ok(v.dependsOn.includes(dnsUrn), "verification waits for DNS");

        const [settings] = engine.byType(T("Settings"));
        assert.equal(settings.name, "lincoln-workspace-settings");
        const { __provider, ...settingsInputs } = settings.inputs;
        assert.equal(typeof __provider, "string");
        assert.deepEqual(settingsInputs, {
            ssoStage: "enabled", // config stage "testing" → workspace "enabled"
            apiPlatformSso: true, // SSO-4
            automaticAccountCreation: false,
            externalInvites: false,
            directorySync: true,
            testedUsers: [],
            acknowledgeUntestedEnforcement: false,
            allowAutomaticAccountCreationWithScim: false,
            ssoAppId: "app-123",
        });
        for (const v of verifications) assert.ok(settings.dependsOn.includes(v.urn), "DOM-1: settings wait for every verification");

        const roles = engine.byType(T("CustomRole"));
        assert.deepEqual(roles.map((r) => [r.name, r.inputs.name, r.inputs.description, r.inputs.permissions]), [
            ["lincoln-workspace-role-gpt-publisher", "GPT Publisher", "", ["gpts.publish"]],
            ["lincoln-workspace-role-codex-users", "Codex Users", "Codex", ["codex.use"]],
        ]);

        const mappings = engine.byType(T("GroupRoleMappings"));
        assert.equal(mappings.length, 1, "one resource for every mapping");
        assert.equal(mappings[0].name, "lincoln-workspace-role-mappings");
        assert.deepEqual(mappings[0].inputs.mappings, [
            { group: "ROLLOUT_ROLE_Teachers", roles: ["GPT Publisher"] },
            { group: "FUNCTION_IT", roles: ["GPT Publisher", "Codex Users"] },
        ]);
        assert.ok(mappings[0].dependsOn.includes(pushUrn), "ROLE-2: waits for the pushed groups");
        for (const r of roles) assert.ok(mappings[0].dependsOn.includes(r.urn), "waits for the roles");
        assert.deepEqual(engine.childrenOf(engine.resources.find((r) => r.type === access)!.urn).map((r) => r.type).sort(),
            [T("CustomRole"), T("CustomRole"), T("DomainVerification"), T("DomainVerification"), T("GroupRoleMappings"), T("Settings")]);
    });

    it("enforced maps to enforced with the tested users; off leaves API Platform SSO unmanaged; no mappings → no mapping resource", async () => {
        const enforced = workspaceConfigSchema.parse({ ...raw, sso: { ...raw.sso, stage: "enforced", testedUsers: ["t1@staff.lincoln.k12.us"] }, roleAssignments: [] });
        const off = workspaceConfigSchema.parse({ ...raw, sso: { stage: "off" }, scim: { enabled: false }, roleAssignments: [] });
        for (const [cfg, stage, api, tested] of [[enforced, "enforced", true, ["t1@staff.lincoln.k12.us"]], [off, "off", undefined, []]] as const) {
            const { engine } = await record(() => {
                const domains = new WorkspaceDomains("d", { domains: cfg.domains });
                return new WorkspaceAccess("w", { config: cfg, domains, dnsReady: [], idp: { groups: [], pushedGroupsReady: [] } });
            }, { fakeOutputs });
            const [settings] = engine.byType(T("Settings"));
            assert.equal(settings.inputs.ssoStage, stage);
            assert.equal(settings.inputs.apiPlatformSso, api);
            assert.deepEqual(settings.inputs.testedUsers, tested);
            assert.equal(engine.byType(T("GroupRoleMappings")).length, 0);
        }
    });
});
