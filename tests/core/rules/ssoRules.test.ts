import { strict as assert } from "assert";
import { droppedClaims, encryptionSettings, evaluateRules } from "../../../core/rules";
import { CLEAN_FACTS, SCIM_ON, SSO_WIZARD, findingsOf, workspaceForm, tenantForm, summary } from "./support";

type Sso = NonNullable<Parameters<typeof workspaceForm>[0]>["sso"];
const sso = (patch: Sso, workspace: Parameters<typeof workspaceForm>[1] = {}) =>
    workspaceForm({ sso: { ...SSO_WIZARD, ...patch }, apiPlatform: { ssoEnabled: true } }, workspace);
const TESTED = ["it.admin@lincoln.k12.us"];

describe("rules: SSO stage (SSO-1, SSO-2, SSO-3, SSO-8, SSO-9)", () => {
    it("SSO-1: testing while SCIM provisions groups other than the test group is a warning on that workspace", () => {
        const groups = [
            { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
            { usage: "TESTING", dimension: "SSO", group: "Pilot" },
        ];
        const findings = findingsOf("SSO-1", sso({ stage: "testing" }, { scim: SCIM_ON, groups }));
        assert.deepEqual(summary(findings), ["SSO-1 warning workspace.groups @default"]);
        assert.equal(
            findings[0].message,
            'SSO is at stage "testing" while SCIM provisions the members of ROLLOUT_ROLE_Teachers and ' +
                "TESTING_SSO_Pilot, who are not assigned to the SSO app.",
        );
        assert.deepEqual(
            findingsOf(
                "SSO-1",
                sso({ stage: "testing", testGroup: "TESTING_SSO_Pilot" }, { scim: SCIM_ON, groups: [groups[1]] }),
            ),
            [],
        );
        assert.deepEqual(findingsOf("SSO-1", sso({ stage: "enabled" }, { scim: SCIM_ON, groups })), []);
    });

    it("SSO-2: enforced without tested users is an error on sso.stage with the exact message", () => {
        const findings = findingsOf("SSO-2", sso({ stage: "enforced" }));
        assert.deepEqual(summary(findings), ["SSO-2 error workspace.sso.stage"]);
        assert.equal(
            findings[0].message,
            'SSO stage "enforced" needs the test users who have signed in successfully, and ' +
                "sso.testedUsers is empty.",
        );
        assert.equal(
            findings[0].fix,
            "Use stage testing first, have each test user sign in, list those who succeeded under " +
                "sso.testedUsers, then set the stage to enforced. To enforce anyway, set " +
                "sso.acknowledgeUntestedEnforcement: true.",
        );
    });

    it("SSO-2: the acknowledgement turns the error into a warning; recorded tested users pass", () => {
        assert.deepEqual(
            summary(findingsOf("SSO-2", sso({ stage: "enforced", acknowledgeUntestedEnforcement: true }))),
            ["SSO-2 warning workspace.sso.acknowledgeUntestedEnforcement"],
        );
        assert.deepEqual(findingsOf("SSO-2", sso({ stage: "enforced", testedUsers: TESTED })), []);
    });

    it(
        "SSO-2: testing with neither test users nor a test group is an error; a test group in any workspace " +
            "is enough",
        () => {
            assert.deepEqual(summary(findingsOf("SSO-2", sso({ stage: "testing", testUsers: [] }))), [
                "SSO-2 error workspace.sso.testUsers",
            ]);
            const tenant = tenantForm(
                { sso: { ...SSO_WIZARD, stage: "testing", testUsers: [], testGroup: "TESTING_SSO_Pilot" } },
                [{ key: "staff" }, { key: "pilot", groups: [{ usage: "TESTING", dimension: "SSO", group: "Pilot" }] }],
            );
            assert.deepEqual(findingsOf("SSO-2", tenant), []);
        },
    );

    it(
        "SSO-2: a tested user who was never a test user is a warning (any letter case matches); enabled " +
            "without tested users is an info",
        () => {
            assert.deepEqual(
                summary(
                    findingsOf(
                        "SSO-2",
                        sso({ stage: "enforced", testedUsers: ["IT.Admin@lincoln.k12.us", "someone@lincoln.k12.us"] }),
                    ),
                ),
                ["SSO-2 warning workspace.sso.testedUsers[1]"],
            );
            assert.deepEqual(summary(findingsOf("SSO-2", sso({ stage: "enabled" }))), [
                "SSO-2 info workspace.sso.testedUsers",
            ]);
            const group = { usage: "TESTING", dimension: "SSO", group: "Pilot", members: ["Pat.Lee@lincoln.k12.us"] };
            const config = sso(
                {
                    stage: "enforced",
                    testGroup: "TESTING_SSO_Pilot",
                    testedUsers: ["pat.lee@lincoln.k12.us", "kim@lincoln.k12.us"],
                },
                { groups: [group] },
            );
            assert.deepEqual(summary(findingsOf("SSO-2", config)), ["SSO-2 warning workspace.sso.testedUsers[1]"]);
        },
    );

    it("SSO-3 / SSO-8: one info each explaining the stage; none when SSO is off", () => {
        assert.equal(
            findingsOf("SSO-3", sso({ stage: "testing" }))[0].message,
            'At stage "testing", users who are provisioned in a workspace and have an address on ' +
                "lincoln.k12.us and staff.lincoln.k12.us can no longer sign in with a password, and only " +
                "the test users can sign in through Microsoft Entra ID (the others are not assigned to the " +
                "SSO app yet); Google, Microsoft and Apple sign-in still work.",
        );
        const enforced = sso({ stage: "enforced", testedUsers: TESTED });
        assert.deepEqual(summary(findingsOf("SSO-8", enforced)), ["SSO-8 info workspace.sso.stage"]);
        assert.equal(
            findingsOf("SSO-8", enforced)[0].message,
            "SSO is enforced: provisioned users on lincoln.k12.us and staff.lincoln.k12.us can no longer " +
                "sign in with Google, Microsoft or Apple.",
        );
        assert.match(
            findingsOf("SSO-8", sso({ stage: "enabled" }))[0].message,
            /^Moving to stage "enforced" will also turn off Google, Microsoft and Apple sign-in/,
        );
        for (const id of ["SSO-3", "SSO-8", "SSO-9", "SSO-10", "SSO-11"] as const)
            assert.deepEqual(findingsOf(id, workspaceForm()), [], id);
    });

    it("SSO-9: one info naming where members come from", () => {
        assert.match(
            findingsOf("SSO-9", sso({ stage: "enforced", testedUsers: TESTED }))[0].message,
            /invite each person under Members\.$/,
        );
        assert.match(
            findingsOf("SSO-9", sso({ stage: "enabled" }, { scim: SCIM_ON }))[0].message,
            /Members come from SCIM/,
        );
    });

    it(
        "SSO-9: on Okta from stage enabled, no access group in any workspace means nobody is assigned to " +
            "the SSO app (error)",
        () => {
            const okta = (stage: "testing" | "enabled" | "enforced", groups: { dimension: string; group: string }[]) =>
                workspaceForm({ idp: "okta", sso: { ...SSO_WIZARD, stage, testedUsers: TESTED } }, { groups });
            const [lockout] = findingsOf("SSO-9", okta("enforced", []), undefined, "error");
            assert.equal(lockout.path, "workspace.groups");
            assert.equal(
                lockout.message,
                'SSO is at stage "enforced" but no access group is declared, so nobody is assigned to the Okta ' +
                    "SSO app.",
            );
            assert.match(lockout.why, /not with Google, Microsoft or Apple either\.$/);
            assert.equal(findingsOf("SSO-9", okta("enabled", []), undefined, "error").length, 1);
            assert.deepEqual(
                findingsOf("SSO-9", okta("enabled", [{ dimension: "ROLE", group: "Staff" }]), undefined, "error"),
                [],
            );
            assert.deepEqual(findingsOf("SSO-9", okta("testing", []), undefined, "error"), []);
            assert.deepEqual(
                findingsOf("SSO-9", sso({ stage: "enforced", testedUsers: TESTED }), undefined, "error"),
                [],
                "Entra does not require an assignment",
            );
        },
    );

    it(
        "SSO-9: testing with nothing that makes the test users members is a warning; SCIM, AAC or stack " +
            "invites clear it",
        () => {
            const [warning] = findingsOf("SSO-9", sso({ stage: "testing" }), undefined, "warning");
            assert.equal(warning.path, "workspace.invites.testUsers");
            assert.equal(
                warning.message,
                "Nothing makes the test users (it.admin@lincoln.k12.us and " +
                    "office.manager@staff.lincoln.k12.us) members of a workspace: SCIM and automatic account " +
                    "creation are off and the stack sends no invites.",
            );
            assert.deepEqual(
                findingsOf(
                    "SSO-9",
                    sso({ stage: "testing" }, { invites: { testUsers: true }, manageWorkspace: true }),
                    undefined,
                    "warning",
                ),
                [],
            );
            assert.deepEqual(
                findingsOf("SSO-9", sso({ stage: "testing" }, { scim: SCIM_ON }), undefined, "warning"),
                [],
            );
            const invitedByHand = { unmanagedUsers: [{ email: "IT.Admin@lincoln.k12.us", source: "invite" as const }] };
            const [rest] = findingsOf("SSO-9", sso({ stage: "testing" }), invitedByHand, "warning");
            assert.match(
                rest.message,
                /^Nothing makes the test users \(office\.manager@staff\.lincoln\.k12\.us\) members/,
            );
        },
    );
});

describe("rules: SSO connection (SSO-4, SSO-5, SSO-10, SSO-11)", () => {
    it(
        "SSO-4: API Platform SSO disabled is an error; unknown goes to the FACTS line; enabled (config or " +
            "facts) passes",
        () => {
            const config = (ssoEnabled?: boolean) =>
                workspaceForm({ sso: { ...SSO_WIZARD, stage: "enabled" }, apiPlatform: { ssoEnabled } });
            assert.deepEqual(summary(findingsOf("SSO-4", config(false))), [
                "SSO-4 error workspace.apiPlatform.ssoEnabled",
            ]);
            assert.deepEqual(findingsOf("SSO-4", config(undefined)), []);
            assert.match(findingsOf("FACTS", config(undefined))[0].message, /whether API Platform SSO is on \(SSO-4\)/);
            assert.deepEqual(findingsOf("SSO-4", config(true)), []);
            assert.deepEqual(findingsOf("SSO-4", config(undefined), { apiPlatformSsoEnabled: true }), []);
            assert.deepEqual(summary(findingsOf("SSO-4", config(undefined), { apiPlatformSsoEnabled: false })), [
                "SSO-4 error workspace.apiPlatform.ssoEnabled",
            ]);
            assert.deepEqual(findingsOf("SSO-4", workspaceForm({ apiPlatform: { ssoEnabled: false } })), [], "SSO off");
        },
    );

    it("SSO-5: a domain claimed by another IdP configuration is an error naming both", () => {
        const facts = { otherIdpConfigurations: [{ name: "okta-staff", domains: ["staff.lincoln.k12.us"] }] };
        const findings = findingsOf("SSO-5", sso({ stage: "enabled" }), facts);
        assert.deepEqual(summary(findings), ["SSO-5 error workspace.domains[1].name"]);
        assert.equal(
            findings[0].message,
            "staff.lincoln.k12.us is claimed both by this Microsoft Entra ID configuration and by " + '"okta-staff".',
        );
        assert.deepEqual(findingsOf("SSO-5", sso({ stage: "enabled" }), CLEAN_FACTS), []);
        assert.deepEqual(findingsOf("SSO-5", sso({ stage: "enabled" })), []);
    });

    it("SSO-10: another configuration with the same entity ID is a second SSO app for the tenant (error)", () => {
        const facts = {
            otherIdpConfigurations: [
                {
                    name: "stack lincoln-students",
                    domains: ["students.lincoln.k12.us"],
                    entityId: SSO_WIZARD.entityId,
                },
            ],
        };
        const findings = findingsOf("SSO-10", sso({ stage: "enabled" }), facts, "error");
        assert.deepEqual(summary(findings), ["SSO-10 error workspace.sso.entityId"]);
        assert.equal(
            findings[0].message,
            `"stack lincoln-students" is a second SSO app for this tenant: it uses the same entity ID ` +
                `(${SSO_WIZARD.entityId}).`,
        );
        assert.deepEqual(findingsOf("SSO-5", sso({ stage: "enabled" }), facts), [], "no shared domain: not SSO-5");
        const other = {
            otherIdpConfigurations: [
                {
                    name: "other tenant",
                    domains: ["x.org"],
                    entityId: "https://auth.openai.com/saml/entity/other",
                },
            ],
        };
        assert.deepEqual(findingsOf("SSO-10", sso({ stage: "enabled" }), other, "error"), []);
    });

    it("SSO-10 / SSO-11: one info each whenever SSO is on", () => {
        const config = sso({ stage: "testing" });
        assert.deepEqual(summary(findingsOf("SSO-10", config, CLEAN_FACTS)), ["SSO-10 info workspace.sso"]);
        assert.equal(
            findingsOf("SSO-10", config, CLEAN_FACTS)[0].message,
            "One SSO app in Microsoft Entra ID serves this workspace and the API Platform organizations of " +
                "the tenant.",
        );
        assert.deepEqual(summary(findingsOf("SSO-11", workspaceForm({ apiPlatform: { ssoEnabled: true } }))), [
            "SSO-11 info workspace.domains",
        ]);
        assert.deepEqual(findingsOf("SSO-11", workspaceForm({ apiPlatform: { ssoEnabled: false } })), []);
        const [perDomain] = findingsOf("SSO-11", config);
        assert.equal(perDomain.path, "workspace.domains");
        assert.equal(
            perDomain.message,
            "SSO applies per verified domain: every API Platform user with an address on lincoln.k12.us " +
                "and staff.lincoln.k12.us, in every API organization, signs in through Microsoft Entra ID " +
                "too.",
        );
    });
});

describe("rules: SAML assertion (SSO-6, SSO-7, SSO-12)", () => {
    it(
        "SSO-6 is enforced by the config gate; encryptionSettings finds encryption in IdP inputs, also " +
            "inside JSON text",
        () => {
            assert.deepEqual(encryptionSettings({ assertionEncryption: false, label: "x" }), []);
            assert.deepEqual(encryptionSettings({ tokenEncryptionKeyId: "abc" }), ["tokenEncryptionKeyId"]);
            assert.deepEqual(
                encryptionSettings({ appSettingsJson: '{"signOn":{"assertionEncryption":{"enabled":true}}}' }),
                ["appSettingsJson.signOn.assertionEncryption"],
            );
            assert.deepEqual(encryptionSettings({ settings: { encryptionMode: "none" } }), []);
        },
    );

    it("SSO-7: a name taken from an email attribute is a warning; defaults and name attributes pass", () => {
        const findings = findingsOf("SSO-7", sso({ stage: "enabled", claims: { family_name: "user.mail" } }));
        assert.deepEqual(summary(findings), ["SSO-7 warning workspace.sso.claims.family_name"]);
        assert.equal(
            findings[0].message,
            'sso.claims.family_name takes its value from "user.mail", which looks like an email or login ' +
                "attribute.",
        );
        assert.deepEqual(findingsOf("SSO-7", sso({ stage: "enabled", claims: { given_name: "user.givenname" } })), []);
    });

    it("SSO-7: droppedClaims treats a missing claim as dropped only for a complete mapping", () => {
        assert.deepEqual(droppedClaims({ email: "user.mail" }, false), []);
        assert.deepEqual(droppedClaims({ email: "user.mail" }, true), ["given_name", "family_name"]);
        assert.deepEqual(
            droppedClaims({ email: ["user.email"], given_name: [""], family_name: ["user.lastName"] }, true),
            ["given_name"],
        );
    });

    it("a tested, enforced config with full facts has no SSO errors or warnings", () => {
        const config = sso(
            { stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us", "office.manager@staff.lincoln.k12.us"] },
            {
                scim: SCIM_ON,
                groups: [{ dimension: "ROLE", group: "Staff" }],
            },
        );
        assert.deepEqual(
            evaluateRules(config, CLEAN_FACTS).filter((f) => f.severity !== "info"),
            [],
        );
    });
});
