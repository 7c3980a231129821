import { strict as assert } from "assert";
import { droppedClaims, encryptionSettings, evaluateRules } from "../../../core/rules";
import { CLEAN_FACTS, SCIM_ON, SSO_BASE, findingsOf, makeConfig, summary } from "./support";

const sso = (patch: Record<string, unknown>) => makeConfig({ sso: { ...SSO_BASE, ...patch } as never });

describe("rules: SSO (SSO-1 ... SSO-9)", () => {
    it("SSO-1: a stage that is not one of the four is an error (config built without the loader)", () => {
        const base = sso({ stage: "enabled" });
        const config = { ...base, sso: { ...base.sso, stage: "on" as never } };
        const findings = findingsOf("SSO-1", config);
        assert.deepEqual(summary(findings), ["SSO-1 error workspace.sso.stage"]);
        assert.equal(findings[0].fix, "Set sso.stage to one of off, testing, enabled, enforced.");
    });

    it("SSO-1: testing while SCIM provisions groups other than the test group is a warning", () => {
        const groups = [{ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" }, { usage: "TESTING", dimension: "SSO", group: "Pilot" }];
        const findings = findingsOf("SSO-1", makeConfig({ sso: { ...SSO_BASE, stage: "testing" }, scim: SCIM_ON, groups }));
        assert.deepEqual(summary(findings), ["SSO-1 warning workspace.sso.stage"]);
        assert.match(findings[0].message, /ROLLOUT_ROLE_Teachers and TESTING_SSO_Pilot/);
        const onlyTestGroup = makeConfig({ sso: { ...SSO_BASE, stage: "testing", testGroup: "TESTING_SSO_Pilot" }, scim: SCIM_ON, groups: [groups[1]] });
        assert.deepEqual(findingsOf("SSO-1", onlyTestGroup), []);
        assert.deepEqual(findingsOf("SSO-1", makeConfig({ sso: { ...SSO_BASE, stage: "enabled" }, scim: SCIM_ON, groups })), []);
    });

    it("SSO-2: enforced without tested users is an error on workspace.sso.stage with the exact message", () => {
        const findings = findingsOf("SSO-2", sso({ stage: "enforced" }));
        assert.deepEqual(summary(findings), ["SSO-2 error workspace.sso.stage"]);
        assert.equal(findings[0].message, 'SSO stage "enforced" needs the test users who have signed in successfully, and sso.testedUsers is empty.');
        assert.equal(findings[0].fix, "Use stage testing first, have each test user sign in, list those who succeeded under sso.testedUsers, then set the stage to enforced. To enforce anyway, set sso.acknowledgeUntestedEnforcement: true.");
    });

    it("SSO-2: the acknowledgement turns the error into a warning; recorded tested users pass", () => {
        assert.deepEqual(summary(findingsOf("SSO-2", sso({ stage: "enforced", acknowledgeUntestedEnforcement: true }))), ["SSO-2 warning workspace.sso.acknowledgeUntestedEnforcement"]);
        assert.deepEqual(findingsOf("SSO-2", sso({ stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us"] })), []);
    });

    it("SSO-2: testing with neither test users nor a test group is an error; a test group alone is enough", () => {
        assert.deepEqual(summary(findingsOf("SSO-2", sso({ stage: "testing", testUsers: [] }))), ["SSO-2 error workspace.sso.testUsers"]);
        const withGroup = makeConfig({ sso: { ...SSO_BASE, stage: "testing", testUsers: [], testGroup: "TESTING_SSO_Pilot" }, groups: [{ usage: "TESTING", dimension: "SSO", group: "Pilot" }] });
        assert.deepEqual(findingsOf("SSO-2", withGroup), []);
    });

    it("SSO-2: a tested user who was never a test user is a warning; enabled without tested users is an info", () => {
        assert.deepEqual(summary(findingsOf("SSO-2", sso({ stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us", "someone@lincoln.k12.us"] }))), ["SSO-2 warning workspace.sso.testedUsers[1]"]);
        assert.deepEqual(summary(findingsOf("SSO-2", sso({ stage: "enabled" }))), ["SSO-2 info workspace.sso.testedUsers"]);
    });

    it("SSO-2: tested users match test users and test-group members whatever the letter case", () => {
        assert.deepEqual(findingsOf("SSO-2", sso({ stage: "enforced", testedUsers: ["IT.Admin@lincoln.k12.us"] })), []);
        const group = { usage: "TESTING", dimension: "SSO", group: "Pilot", members: ["Pat.Lee@lincoln.k12.us"] };
        const config = makeConfig({ sso: { ...SSO_BASE, stage: "enforced", testGroup: "TESTING_SSO_Pilot", testedUsers: ["pat.lee@lincoln.k12.us", "kim@lincoln.k12.us"] }, groups: [group] });
        assert.deepEqual(summary(findingsOf("SSO-2", config)), ["SSO-2 warning workspace.sso.testedUsers[1]"]);
    });

    it("SSO-3 / SSO-8 / SSO-9: infos explain the effect of the stage, none when SSO is off", () => {
        const enforced = sso({ stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us"] });
        assert.deepEqual(summary(findingsOf("SSO-3", enforced)), ["SSO-3 info workspace.sso.stage"]);
        assert.equal(findingsOf("SSO-3", sso({ stage: "testing" }))[0].message,
            'At stage "testing", users who are provisioned in the workspace and have an address on lincoln.k12.us and staff.lincoln.k12.us can no longer sign in with a password, and only the test users can sign in through Microsoft Entra ID (the others are not assigned to the SSO app yet); Google, Microsoft and Apple sign-in still work.');
        assert.match(findingsOf("SSO-3", sso({ stage: "enabled" }))[0].message, /staff\.lincoln\.k12\.us sign in through Microsoft Entra ID instead of a password; Google, Microsoft and Apple sign-in still work\.$/);
        const [social] = findingsOf("SSO-8", enforced);
        assert.equal(social.message, "SSO is enforced: provisioned users on lincoln.k12.us and staff.lincoln.k12.us can no longer sign in with Google, Microsoft or Apple.");
        assert.match(findingsOf("SSO-8", sso({ stage: "enabled" }))[0].message, /^Moving to stage "enforced" will also turn off Google, Microsoft and Apple sign-in/);
        assert.match(findingsOf("SSO-9", enforced)[0].message, /invite each person under Members/);
        assert.match(findingsOf("SSO-9", makeConfig({ sso: { ...SSO_BASE, stage: "enabled" }, scim: SCIM_ON }))[0].message, /Members come from SCIM/);
        const off = makeConfig();
        for (const id of ["SSO-3", "SSO-8", "SSO-9"] as const) assert.deepEqual(findingsOf(id, off), [], id);
    });

    it("SSO-9: on Okta from stage enabled, no access group means nobody is assigned to the SSO app (error)", () => {
        const okta = (stage: string, groups: unknown[]) => makeConfig({ idp: "okta", sso: { ...SSO_BASE, stage, testedUsers: ["it.admin@lincoln.k12.us"] } as never, groups: groups as never });
        const [lockout] = findingsOf("SSO-9", okta("enforced", []), undefined, "error");
        assert.equal(lockout.path, "workspace.groups");
        assert.equal(lockout.message, 'SSO is at stage "enforced" but no access group is declared, so nobody is assigned to the Okta SSO app.');
        assert.match(lockout.why, /not with Google, Microsoft or Apple either\.$/);
        assert.equal(findingsOf("SSO-9", okta("enabled", []), undefined, "error").length, 1);
        assert.deepEqual(findingsOf("SSO-9", okta("enabled", [{ dimension: "ROLE", group: "Staff" }]), undefined, "error"), []);
        assert.deepEqual(findingsOf("SSO-9", okta("testing", []), undefined, "error"), []);
        assert.deepEqual(findingsOf("SSO-9", sso({ stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us"] }), undefined, "error"), [], "Entra does not require an assignment from stage enabled");
    });

    it("SSO-4: API Platform SSO disabled is an error; unknown is an info; enabled (config or facts) passes", () => {
        assert.deepEqual(summary(findingsOf("SSO-4", sso({ stage: "enabled", apiPlatformSsoEnabled: false }))), ["SSO-4 error workspace.sso.apiPlatformSsoEnabled"]);
        assert.deepEqual(summary(findingsOf("SSO-4", sso({ stage: "enabled", apiPlatformSsoEnabled: undefined }))), ["SSO-4 info workspace.sso.apiPlatformSsoEnabled"]);
        assert.deepEqual(findingsOf("SSO-4", sso({ stage: "enabled" })), []);
        assert.deepEqual(findingsOf("SSO-4", sso({ stage: "enabled", apiPlatformSsoEnabled: undefined }), { apiPlatformSsoEnabled: true }), []);
        assert.deepEqual(findingsOf("SSO-4", makeConfig({ sso: { apiPlatformSsoEnabled: false } })), []);
    });

    it("SSO-5: a domain claimed by another IdP configuration is an error naming both", () => {
        const facts = { otherIdpConfigurations: [{ name: "okta-staff", domains: ["staff.lincoln.k12.us"] }] };
        const findings = findingsOf("SSO-5", sso({ stage: "enabled" }), facts);
        assert.deepEqual(summary(findings), ["SSO-5 error workspace.domains[1].name"]);
        assert.equal(findings[0].message, 'staff.lincoln.k12.us is claimed both by this Microsoft Entra ID configuration and by "okta-staff".');
        assert.deepEqual(findingsOf("SSO-5", sso({ stage: "enabled" }), CLEAN_FACTS), []);
        assert.deepEqual(summary(findingsOf("SSO-5", sso({ stage: "enabled" }))), ["SSO-5 info workspace.domains"]);
    });

    it("SSO-6: assertion encryption turned on (config built without the loader) is an error", () => {
        const base = sso({ stage: "enabled" });
        const config = { ...base, sso: { ...base.sso, assertionEncryption: true as never } };
        const findings = findingsOf("SSO-6", config);
        assert.deepEqual(summary(findings), ["SSO-6 error workspace.sso.assertionEncryption"]);
        assert.deepEqual(findingsOf("SSO-6", base), []);
    });

    it("SSO-6: encryptionSettings finds settings that turn encryption on, also inside JSON text", () => {
        assert.deepEqual(encryptionSettings({ assertionEncryption: false, label: "x" }), []);
        assert.deepEqual(encryptionSettings({ tokenEncryptionKeyId: "abc" }), ["tokenEncryptionKeyId"]);
        assert.deepEqual(encryptionSettings({ appSettingsJson: '{"signOn":{"assertionEncryption":{"enabled":true}}}' }), ["appSettingsJson.signOn.assertionEncryption"]);
        assert.deepEqual(encryptionSettings({ settings: { encryptionMode: "none" } }), []);
    });

    it("SSO-7: a blank name claim is an error; a name from an email attribute is a warning; defaults pass", () => {
        const base = sso({ stage: "enabled" });
        const blank = { ...base, sso: { ...base.sso, claims: { given_name: "  " } } };
        const findings = findingsOf("SSO-7", blank);
        assert.deepEqual(summary(findings), ["SSO-7 error workspace.sso.claims.given_name"]);
        assert.equal(findings[0].message, 'The SAML assertion would not carry "given_name"; email, given_name and family_name are always needed.');
        assert.deepEqual(summary(findingsOf("SSO-7", sso({ stage: "enabled", claims: { family_name: "user.mail" } }))), ["SSO-7 warning workspace.sso.claims.family_name"]);
        assert.deepEqual(findingsOf("SSO-7", sso({ stage: "enabled", claims: { given_name: "user.givenname", email: "user.userprincipalname" } })), []);
    });

    it("SSO-7: droppedClaims treats a missing claim as dropped only for a complete mapping", () => {
        assert.deepEqual(droppedClaims({ email: "user.mail" }, false), []);
        assert.deepEqual(droppedClaims({ email: "user.mail" }, true), ["given_name", "family_name"]);
        assert.deepEqual(droppedClaims({ email: ["user.email"], given_name: [""], family_name: ["user.lastName"] }, true), ["given_name"]);
    });

    it("a tested, enforced config with full facts has no SSO errors or warnings", () => {
        const config = sso({ stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us", "office.manager@staff.lincoln.k12.us"] });
        assert.deepEqual(evaluateRules(config, CLEAN_FACTS).filter((f) => f.severity !== "info"), []);
    });
});
