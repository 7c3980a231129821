import { strict as assert } from "assert";
import * as fs from "fs";
import { parse } from "yaml";
import { loadWorkspaceConfig } from "../../../core/config/load";
import { WorkspaceConfig } from "../../../core/config/schema";
import { phaseSummary, renderRunbook, RunbookFacts } from "../../../core/runbook";
import { SCIM_ON, SSO_BASE, makeConfig } from "../rules/support";
import { repoPath } from "../../support/paths";

/** The example Entra district (examples/entra-district), with the facts a plan hands over before apply. */
export function entraDistrict(): { config: WorkspaceConfig; facts: RunbookFacts } {
    const stack = parse(fs.readFileSync(repoPath("examples", "entra-district", "Pulumi.lincoln.yaml"), "utf8"));
    const config = loadWorkspaceConfig(stack.config["chatgpt-identity:workspace"]);
    return {
        config,
        facts: {
            txtRecords: config.domains.map((d) => ({ domain: d.name, name: d.name, value: d.verificationToken })),
            sso: { appName: "ChatGPT SSO (Lincoln Unified School District)", entityId: config.sso.entityId, acsUrl: config.sso.acsUrl },
        },
    };
}

if (typeof describe === "function") describe("runbook", () => {
    it("is deterministic and fills every value in", () => {
        const { config, facts } = entraDistrict();
        const text = renderRunbook(config, facts);
        assert.equal(renderRunbook(config, facts), text);
        for (const value of ["openai-domain-verification=dv-lincoln-0001", "openai-domain-verification=dv-lincoln-staff-0002", "https://auth.openai.com/saml/entity/lincoln",
            "https://auth.openai.com/sso/saml/acs/lincoln", "https://api.openai.com/scim/v2/lincoln", "pulumi config set --secret chatgpt-identity:scimToken"]) {
            assert.ok(text.includes(value), value);
        }
        assert.doesNotMatch(text, /undefined|\b20\d\d-\d\d-\d\d\b/);
    });

    it("says where a pending TXT value comes from, with and without a managed workspace", () => {
        const config = makeConfig({ domains: [{ name: "lincoln.k12.us" }] });
        const facts: RunbookFacts = { txtRecords: [{ domain: "lincoln.k12.us", name: "lincoln.k12.us" }] };
        assert.match(renderRunbook(config, facts), /\| lincoln\.k12\.us \| lincoln\.k12\.us \| TXT \| pending: add the domain under Workspace settings → Identity & Access → Domains and copy the value it shows into `domains\[0\]\.verificationToken` \|/);
        const managed = makeConfig({ domains: [{ name: "lincoln.k12.us" }], manageWorkspace: true });
        assert.match(renderRunbook(managed, facts), /pending: the workspace issues it during `pulumi up`/);
    });

    it("lists the Okta console steps for SCIM in order, without double numbering", () => {
        const config = makeConfig({ idp: "okta", scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] });
        const text = renderRunbook(config, { txtRecords: [], scimManualSteps: ["1. Enable provisioning.", "2. Paste the token and map the attributes (SCIM-6)."] });
        assert.match(text, /1\. Do these steps in Okta; they cannot be done as code:\n\n {3}1\. Enable provisioning\.\n {3}2\. Paste the token and map the attributes \(SCIM-6\)\.\n\n2\. Keep automatic account creation off/);
    });

    it("on Okta, keeps the SCIM token for the console step and says that groups wait for provisioning", () => {
        const config = makeConfig({ idp: "okta", sso: { ...SSO_BASE, stage: "testing" }, scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] });
        const text = renderRunbook(config, { txtRecords: [], scimManualSteps: ["1. Enable provisioning.", "4. Attribute mappings (SCIM-6)."] });
        assert.match(text, /Keep the token for the Okta console step in "Finish SCIM Directory Sync": Okta takes it in its admin console, and `pulumi up` does not need it\./);
        assert.doesNotMatch(text, /stops without it/);
        assert.match(text, /creates the SCIM provisioning app in Okta, separate from the SSO app \(SCIM-1\); provisioning itself is switched on by hand in the Okta console/);
        assert.match(text, /assigns them to the SCIM app: their members are provisioned only once SCIM provisioning is switched on in the Okta console, and the groups are pushed only after you then set `scim\.oktaProvisioningEnabled: true`/);
        assert.doesNotMatch(text, /provisioned and invited/);
        assert.match(text, /an Okta error that the user is not assigned/);
        const pushed = makeConfig({ idp: "okta", scim: { ...SCIM_ON, oktaProvisioningEnabled: true }, groups: [{ dimension: "ROLE", group: "Staff" }] });
        assert.match(renderRunbook(pushed, { txtRecords: [] }), /their members are provisioned and invited, and the groups are pushed to the workspace \(GRP-2\)/);
        const entra = renderRunbook(makeConfig({ sso: { ...SSO_BASE, stage: "testing" }, scim: SCIM_ON }), { txtRecords: [] });
        assert.match(entra, /`pulumi up` stops without it\./);
        assert.match(entra, /a Microsoft Entra ID error that the user is not assigned/);
    });

    it("asks for the SCIM attribute mappings once: not again when the IdP's own steps cover SCIM-6", () => {
        const config = makeConfig({ scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] });
        const count = (text: string) => (text.match(/SCIM-6/g) ?? []).length;
        const covered = renderRunbook(config, { txtRecords: [], scimManualSteps: ["SCIM-6: check the mappings in the Entra admin center."] });
        assert.equal(count(covered.split("Finish SCIM Directory Sync (SCIM-3, SCIM-6)")[1].split("\n## ")[0]), 1);
        assert.doesNotMatch(covered, /Check the attribute mappings of the SCIM app/);
        assert.match(renderRunbook(config, { txtRecords: [] }), /Check the attribute mappings of the SCIM app in Microsoft Entra ID/);
    });

    it("lists the custom roles and mappings to create by hand when the stack does not manage the workspace (ROLE-1, ROLE-2)", () => {
        const patch = { scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }], roles: [{ name: "GPT publishers", permissions: ["gpts.publish", "skills.publish"] }], roleAssignments: [{ group: "ROLE_Staff", roles: ["GPT publishers"] }] };
        const text = renderRunbook(makeConfig(patch), { txtRecords: [] });
        assert.match(text, /## \d\. Create the custom roles and map the groups \(ROLE-1, ROLE-2\)\n\n`manageWorkspace` is false, so `pulumi up` does not create these/);
        assert.match(text, /\n {3}- GPT publishers: `gpts\.publish` and `skills\.publish`\n/);
        assert.match(text, /2\. Once SCIM has pushed the groups and they appear in the workspace, map each group to its roles \(ROLE-2\):\n\n {3}- ROLE_Staff → GPT publishers/);
        const managed = renderRunbook(makeConfig({ ...patch, manageWorkspace: true }), { txtRecords: [] });
        assert.doesNotMatch(managed, /Create the custom roles/);
        assert.match(managed, /- creates the custom roles and maps the access groups to them once SCIM has pushed the groups \(ROLE-1, ROLE-2\)\./);
    });

    it("with SSO and SCIM off, says so and leaves out the test-user checklist", () => {
        const text = renderRunbook(makeConfig(), { txtRecords: [] });
        assert.match(text, /SSO stage is off: nothing to copy for SSO\./);
        assert.match(text, /SCIM is off: nobody is provisioned from Microsoft Entra ID; invite each user under Members/);
        assert.doesNotMatch(text, /Test with the test users/);
        assert.match(text, /## \d\. Findings that need action\n\nNone: the preflight rules found nothing to fix\.\n$/);
    });

    it("at stage enforced tells users that Google and Apple sign-in stop (SSO-8) and marks the current stage", () => {
        const config = makeConfig({ sso: { ...SSO_BASE, stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us"] } });
        const text = renderRunbook(config, { txtRecords: [] });
        assert.match(text, /\| enforced \(current\) \| Google, Microsoft and Apple sign-in are off too \(SSO-8\)/);
        assert.match(text, /Recorded as tested so far: `it\.admin@lincoln\.k12\.us`\./);
    });

    it("phaseSummary describes the phase, flags a count outside its range and what the next phase changes (GRP-5)", () => {
        const groups = (n: number) => Array.from({ length: n }, (_, i) => ({ dimension: "SCHOOL", group: `S${i + 1}` }));
        assert.equal(phaseSummary(makeConfig({ scim: SCIM_ON, groups: groups(1) })),
            "Phase pilot (a pilot of 1–2 stable groups) with 1 access group (SCHOOL_S1). Moving to level1 means growing to 5–15 \"Level 1\" groups (functions, schools or roles): each new group is created in Microsoft Entra ID, assigned to the SCIM app and pushed to the workspace, so its members are provisioned and receive an invitation email. Hold matrixed or very granular groups back until the analytics have been used for at least one enablement cycle.");
        assert.match(phaseSummary(makeConfig({ scim: SCIM_ON, groups: groups(3) })), /That is more groups than this phase expects: hold 1 group back until the next phase/);
        assert.match(phaseSummary(makeConfig({ phase: "level1", scim: SCIM_ON, groups: groups(2) })), /That is fewer groups than this phase expects/);
        assert.match(phaseSummary(makeConfig({ phase: "full", groups: groups(2) })), /This is the last phase/);
    });
});
