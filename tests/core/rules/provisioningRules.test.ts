import { strict as assert } from "assert";
import { CLEAN_FACTS, SCIM_ON, SSO_BASE, findingsOf, makeConfig, summary } from "./support";

const groups = (n: number, usage = "ROLLOUT") => Array.from({ length: n }, (_, i) => ({ usage, dimension: "SCHOOL", group: `School${i + 1}` }));

describe("rules: SCIM, groups, roles, workspace (SCIM-2 ... WS-3)", () => {
    it("SCIM-2: SCIM without SSO is allowed and explained; with SSO there is nothing to say", () => {
        const findings = findingsOf("SCIM-2", makeConfig({ scim: SCIM_ON }));
        assert.deepEqual(summary(findings), ["SCIM-2 info workspace.scim.enabled"]);
        assert.equal(findings[0].message, "SCIM provisions users while SSO is off; this is supported.");
        assert.deepEqual(findingsOf("SCIM-2", makeConfig({ scim: SCIM_ON, sso: { ...SSO_BASE, stage: "enabled" } })), []);
    });

    it("SCIM-3: automatic account creation with SCIM is an error, a warning with the override, nothing alone", () => {
        const error = findingsOf("SCIM-3", makeConfig({ scim: SCIM_ON, settings: { automaticAccountCreation: true } }));
        assert.deepEqual(summary(error), ["SCIM-3 error workspace.settings.automaticAccountCreation"]);
        assert.equal(error[0].message, "Automatic account creation is on while SCIM is enabled.");
        assert.deepEqual(summary(findingsOf("SCIM-3", makeConfig({ scim: SCIM_ON, settings: { automaticAccountCreation: true, allowAutomaticAccountCreationWithScim: true } }))), ["SCIM-3 warning workspace.settings.automaticAccountCreation"]);
        assert.deepEqual(findingsOf("SCIM-3", makeConfig({ settings: { automaticAccountCreation: true } })), []);
        assert.deepEqual(findingsOf("SCIM-3", makeConfig({ scim: SCIM_ON })), []);
    });

    it("SCIM-4: existing AAC/invited members are counted by source; no facts says what could not be judged", () => {
        const facts = { unmanagedUsers: [{ email: "a@lincoln.k12.us", source: "aac" as const }, { email: "b@lincoln.k12.us", source: "invite" as const }, { email: "c@lincoln.k12.us", source: "aac" as const }] };
        const findings = findingsOf("SCIM-4", makeConfig({ scim: SCIM_ON }), facts);
        assert.equal(findings[0].message, "3 members joined 2 through automatic account creation and 1 through a manual invite and are not SCIM-managed.");
        assert.match(findingsOf("SCIM-4", makeConfig({ scim: SCIM_ON }))[0].message, /^Could not check/);
        assert.deepEqual(findingsOf("SCIM-4", makeConfig({ scim: SCIM_ON }), CLEAN_FACTS), []);
        assert.deepEqual(findingsOf("SCIM-4", makeConfig(), facts), []);
    });

    it("SCIM-5: automatic account creation is named as the source of uninvited members", () => {
        assert.deepEqual(summary(findingsOf("SCIM-5", makeConfig({ settings: { automaticAccountCreation: true } }))), ["SCIM-5 info workspace.settings.automaticAccountCreation"]);
        assert.deepEqual(findingsOf("SCIM-5", makeConfig()), []);
    });

    it("GRP-1: a bad name part (config built without the loader) is an error showing the convention", () => {
        const base = makeConfig({ scim: SCIM_ON, groups: groups(1) });
        const config = { ...base, groups: [{ ...base.groups[0], group: "Lincoln_Elementary", dimension: "school" }] };
        const findings = findingsOf("GRP-1", config);
        assert.deepEqual(summary(findings), ["GRP-1 error workspace.groups[0]"]);
        assert.match(findings[0].message, /DIMENSION part "school" must be one upper-case word/);
        assert.match(findings[0].message, /GROUP part "Lincoln_Elementary"/);
        assert.equal(findings[0].fix, "Names follow [USAGE]_[DIMENSION]_[GROUP] (USAGE optional), e.g. ANALYTICS_FUNCTION_Engineering or FUNCTION_Support; fix the usage, dimension or group part.");
        assert.deepEqual(findingsOf("GRP-1", base), []);
    });

    it("GRP-2: groups with SCIM off are explained as not reaching the workspace", () => {
        assert.deepEqual(summary(findingsOf("GRP-2", makeConfig({ groups: groups(1) }))), ["GRP-2 info workspace.groups"]);
        assert.deepEqual(findingsOf("GRP-2", makeConfig({ scim: SCIM_ON, groups: groups(1) })), []);
    });

    it("GRP-3: a local group with a SCIM group's name is a warning on that group", () => {
        const config = makeConfig({ scim: SCIM_ON, groups: groups(2) });
        assert.deepEqual(summary(findingsOf("GRP-3", config, { localGroups: ["ROLLOUT_SCHOOL_School2"] })), ["GRP-3 warning workspace.groups[1]"]);
        assert.deepEqual(findingsOf("GRP-3", config, { localGroups: ["Pilot testers"] }), []);
        assert.deepEqual(summary(findingsOf("GRP-3", config)), ["GRP-3 info workspace.groups"]);
    });

    it("GRP-4: an analytics group under 10 known members is a warning; facts win over expectedMemberCount", () => {
        const members = Array.from({ length: 3 }, (_, i) => `t${i}@lincoln.k12.us`);
        const small = makeConfig({ groups: [{ usage: "ANALYTICS", dimension: "FUNCTION", group: "Counselors", members }] });
        const findings = findingsOf("GRP-4", small);
        assert.deepEqual(summary(findings), ["GRP-4 warning workspace.groups[0]"]);
        assert.equal(findings[0].message, "Analytics group ANALYTICS_FUNCTION_Counselors has 3 members, fewer than 10.");
        const expected = makeConfig({ groups: [{ usage: "ANALYTICS", dimension: "FUNCTION", group: "Teachers", expectedMemberCount: 250 }] });
        assert.deepEqual(findingsOf("GRP-4", expected), []);
        assert.deepEqual(summary(findingsOf("GRP-4", expected, { groupMemberCounts: { ANALYTICS_FUNCTION_Teachers: 4 } })), ["GRP-4 warning workspace.groups[0]"]);
        const unknown = makeConfig({ groups: [{ usage: "ANALYTICS", dimension: "FUNCTION", group: "Teachers" }] });
        assert.deepEqual(summary(findingsOf("GRP-4", unknown)), ["GRP-4 info workspace.groups[0]"]);
        assert.deepEqual(findingsOf("GRP-4", makeConfig({ groups: [{ usage: "ROLLOUT", dimension: "ROLE", group: "Staff", members }] })), []);
    });

    it("GRP-5: group counts outside the phase range warn; inside they only explain the next phase", () => {
        const warn = (phase: "pilot" | "level1" | "full", n: number) => summary(findingsOf("GRP-5", makeConfig({ phase, scim: SCIM_ON, groups: groups(n) }), undefined, "warning"));
        assert.deepEqual(warn("pilot", 3), ["GRP-5 warning workspace.groups"]);
        assert.deepEqual(warn("pilot", 0), ["GRP-5 warning workspace.groups"]);
        assert.deepEqual(warn("pilot", 2), []);
        assert.deepEqual(warn("level1", 4), ["GRP-5 warning workspace.groups"]);
        assert.deepEqual(warn("level1", 15), []);
        assert.deepEqual(warn("level1", 16), ["GRP-5 warning workspace.groups"]);
        assert.deepEqual(warn("full", 40), []);
        const [info] = findingsOf("GRP-5", makeConfig({ scim: SCIM_ON, groups: groups(1) }), undefined, "info");
        assert.equal(info.path, "workspace.phase");
        assert.match(info.message, /^Phase pilot \(a pilot of 1–2 stable groups\) with 1 access group \(ROLLOUT_SCHOOL_School1\)\. Moving to level1 means growing to 5–15 "Level 1" groups/);
        assert.deepEqual(findingsOf("GRP-5", makeConfig()), [], "no groups and no SCIM: phases do not apply");
        const [none] = findingsOf("GRP-5", makeConfig({ phase: "full", scim: SCIM_ON }), undefined, "warning");
        assert.equal(none.message, "Phase full expects 1 or more groups, with no upper limit, and 0 are declared (none).");
        assert.equal(none.fix, "Declare at least 1 group for this phase, or set phase to the phase you are actually in.");
        assert.equal(findingsOf("GRP-5", makeConfig({ phase: "level1", scim: SCIM_ON, groups: groups(4) }), undefined, "warning")[0].fix,
            "Declare at least 5 groups for this phase, or set phase to the phase you are actually in.");
    });

    it("ROLE-1: a permission that takes something away is an error; extra permissions pass", () => {
        const roles = (permissions: string[]) => makeConfig({ roles: [{ name: "GPT publishers", permissions }] });
        const findings = findingsOf("ROLE-1", roles(["gpts.publish", "-connectors.use", "deny:codex"]));
        assert.deepEqual(summary(findings), ["ROLE-1 error workspace.roles[0].permissions[1]", "ROLE-1 error workspace.roles[0].permissions[2]"]);
        assert.equal(findings[0].message, 'Custom role "GPT publishers" uses "-connectors.use", which takes a permission away instead of granting one.');
        assert.deepEqual(findingsOf("ROLE-1", roles(["gpts.publish", "skills.publish", "credits.high"])), []);
        const base = roles(["gpts.publish"]);
        assert.deepEqual(summary(findingsOf("ROLE-1", { ...base, roles: [{ ...base.roles[0], permissions: [] }] })), ["ROLE-1 error workspace.roles[0].permissions"]);
    });

    it("ROLE-2: role mappings without SCIM are an error; mappings to pushed groups pass", () => {
        const patch = { manageWorkspace: true, groups: groups(1), roles: [{ name: "GPT publishers", permissions: ["gpts.publish"] }], roleAssignments: [{ group: "ROLLOUT_SCHOOL_School1", roles: ["GPT publishers"] }] };
        const findings = findingsOf("ROLE-2", makeConfig(patch));
        assert.deepEqual(summary(findings), ["ROLE-2 error workspace.roleAssignments"]);
        assert.match(findings[0].message, /SCIM is off/);
        const ok = makeConfig({ ...patch, scim: SCIM_ON });
        assert.deepEqual(findingsOf("ROLE-2", ok), []);
        const unknown = { ...ok, roleAssignments: [{ group: "ROLLOUT_SCHOOL_Elsewhere", roles: ["GPT publishers"] }] };
        assert.deepEqual(summary(findingsOf("ROLE-2", unknown)), ["ROLE-2 error workspace.roleAssignments[0].group"]);
    });

    it("ROLE-2: roles declared without manageWorkspace are not created by the stack, and the plan says so", () => {
        const patch = { scim: SCIM_ON, groups: groups(1), roles: [{ name: "GPT publishers", permissions: ["gpts.publish"] }], roleAssignments: [{ group: "ROLLOUT_SCHOOL_School1", roles: ["GPT publishers"] }] };
        const findings = findingsOf("ROLE-2", makeConfig(patch));
        assert.deepEqual(summary(findings), ["ROLE-2 info workspace.manageWorkspace"]);
        assert.equal(findings[0].message, "Custom roles or role mappings are declared, but manageWorkspace is false, so `pulumi up` does not create them.");
        assert.match(findings[0].fix, /ChatGPT admin console .* or set manageWorkspace: true/);
        assert.deepEqual(summary(findingsOf("ROLE-2", makeConfig({ roles: patch.roles }))), ["ROLE-2 info workspace.manageWorkspace"], "roles alone count too");
        assert.deepEqual(findingsOf("ROLE-2", makeConfig({ ...patch, manageWorkspace: true })), []);
        assert.deepEqual(findingsOf("ROLE-2", makeConfig({ scim: SCIM_ON, groups: groups(1) })), []);
    });

    it("WS-2 / WS-3: claimed-domain training and the migration prompt are explained", () => {
        const config = makeConfig();
        assert.match(findingsOf("WS-2", config)[0].message, /training on their data turned off/);
        assert.match(findingsOf("WS-3", config)[0].message, /a Plus subscription is cancelled on migration\.$/);
    });
});
