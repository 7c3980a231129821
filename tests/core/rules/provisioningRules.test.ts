import { strict as assert } from "assert";
import { evaluateRules } from "../../../core/rules";
import { CLEAN_FACTS, SCIM_ON, SSO_WIZARD, findingsOf, summary, tenantForm, workspaceForm } from "./support";

const STAFF = { dimension: "ROLE", group: "Staff" };

describe("rules: SCIM (SCIM-2, SCIM-3, SCIM-4, SCIM-5)", () => {
    it("SCIM-2: SCIM with SSO off is an info on that workspace; with SSO on, nothing", () => {
        assert.deepEqual(summary(findingsOf("SCIM-2", workspaceForm({}, { scim: SCIM_ON }))), [
            "SCIM-2 info workspace.scim.enabled @default",
        ]);
        assert.deepEqual(
            findingsOf("SCIM-2", workspaceForm({ sso: { ...SSO_WIZARD, stage: "enabled" } }, { scim: SCIM_ON })),
            [],
        );
    });

    it("SCIM-3: AAC with SCIM is an error; the override makes it a warning; AAC alone is fine", () => {
        const error = findingsOf(
            "SCIM-3",
            workspaceForm({}, { scim: SCIM_ON, settings: { automaticAccountCreation: true } }),
        );
        assert.deepEqual(summary(error), ["SCIM-3 error workspace.settings.automaticAccountCreation @default"]);
        assert.equal(error[0].message, "Automatic account creation is on while SCIM is enabled.");
        const allowed = workspaceForm(
            {},
            {
                scim: SCIM_ON,
                settings: { automaticAccountCreation: true, allowAutomaticAccountCreationWithScim: true },
            },
        );
        assert.deepEqual(summary(findingsOf("SCIM-3", allowed)), [
            "SCIM-3 warning workspace.settings.automaticAccountCreation @default",
        ]);
        assert.deepEqual(findingsOf("SCIM-3", workspaceForm({}, { settings: { automaticAccountCreation: true } })), []);
    });

    it("SCIM-4: members not managed by SCIM are named, by source; none known, nothing; SCIM off, nothing", () => {
        const facts = {
            unmanagedUsers: [
                { email: "a@lincoln.k12.us", source: "aac" as const },
                { email: "b@lincoln.k12.us", source: "invite" as const },
                { email: "c@lincoln.k12.us", source: "aac" as const },
            ],
        };
        const findings = findingsOf("SCIM-4", workspaceForm({}, { scim: SCIM_ON }), facts);
        assert.deepEqual(summary(findings), ["SCIM-4 info workspace.scim.enabled @default"]);
        assert.equal(
            findings[0].message,
            "3 members are not SCIM-managed (a@lincoln.k12.us, b@lincoln.k12.us, c@lincoln.k12.us): 2 joined " +
                "through automatic account creation and 1 through a manual invite.",
        );
        assert.deepEqual(findingsOf("SCIM-4", workspaceForm({}, { scim: SCIM_ON }), CLEAN_FACTS), []);
        assert.deepEqual(findingsOf("SCIM-4", workspaceForm(), facts), []);
    });

    it("SCIM-4: in a tenant, each workspace lists its members; unattributed ones are listed once", () => {
        const tenant = tenantForm({}, [
            { key: "staff", scim: SCIM_ON },
            { key: "students", scim: { ...SCIM_ON, baseUrl: "https://api.openai.com/scim/v2/students" } },
        ]);
        const facts = {
            unmanagedUsers: [
                { email: "s1@lincoln.k12.us", source: "invite" as const, workspace: "students" },
                { email: "x@lincoln.k12.us", source: "unknown" as const },
            ],
        };
        const findings = findingsOf("SCIM-4", tenant, facts);
        assert.deepEqual(summary(findings), [
            "SCIM-4 info tenant.facts.unmanagedUsers",
            "SCIM-4 info tenant.workspaces[1].scim.enabled @students",
        ]);
        assert.equal(findings[0].message, "1 member is not SCIM-managed (x@lincoln.k12.us): joined in another way.");
        assert.equal(
            findings[1].message,
            "1 member is not SCIM-managed (s1@lincoln.k12.us): joined through a manual invite.",
        );
        assert.deepEqual(
            findingsOf("FACTS", tenant).map((f) => f.message.match(/\(SCIM-4\)/g)?.length),
            [1],
            "asked once, not per workspace",
        );
    });

    it("SCIM-5: AAC on is named as the source of unexpected members, once per distinct message", () => {
        const findings = findingsOf("SCIM-5", workspaceForm({}, { settings: { automaticAccountCreation: true } }));
        assert.deepEqual(summary(findings), ["SCIM-5 info workspace.settings.automaticAccountCreation @default"]);
        assert.equal(
            findings[0].message,
            "Automatic account creation is on: anyone who signs in with an address on lincoln.k12.us and " +
                "staff.lincoln.k12.us becomes a member.",
        );
        assert.deepEqual(findingsOf("SCIM-5", workspaceForm()), []);
    });
});

describe("rules: groups (GRP-1 ... GRP-5)", () => {
    it("GRP-1: a DIMENSION that is a department or a swapped pair gets a warning proposing the corrected name", () => {
        const config = workspaceForm(
            {},
            {
                groups: [
                    { usage: "ANALYTICS", dimension: "ENGINEERING", group: "Staff" },
                    { dimension: "TEACHERS", group: "Role" },
                    { dimension: "SCHOOL", group: "Lincoln-Elementary" },
                ],
            },
        );
        const findings = findingsOf("GRP-1", config);
        assert.deepEqual(summary(findings), [
            "GRP-1 warning workspace.groups[0].dimension @default",
            "GRP-1 warning workspace.groups[1].dimension @default",
        ]);
        assert.equal(
            findings[0].message,
            'Group ANALYTICS_ENGINEERING_Staff: DIMENSION "ENGINEERING" looks like a GROUP (a department, ' +
                "role or team name), " +
                "not a dimension such as FUNCTION; did you mean ANALYTICS_FUNCTION_Engineering-Staff?",
        );
        assert.equal(
            findings[0].fix,
            "Rename it to ANALYTICS_FUNCTION_Engineering-Staff (usage: ANALYTICS, dimension: FUNCTION, " +
                "group: Engineering-Staff) before SCIM pushes it; renaming later creates a new group in " +
                "the workspace.",
        );
        assert.match(findings[1].message, /did you mean ROLE_Teachers\?$/);
    });

    it("GRP-2: groups with SCIM off are explained on that workspace; with SCIM on or no groups, nothing", () => {
        assert.deepEqual(summary(findingsOf("GRP-2", workspaceForm({}, { groups: [STAFF] }))), [
            "GRP-2 info workspace.groups @default",
        ]);
        assert.deepEqual(findingsOf("GRP-2", workspaceForm({}, { groups: [STAFF], scim: SCIM_ON })), []);
        assert.deepEqual(findingsOf("GRP-2", workspaceForm()), []);
    });

    it("GRP-3: a local group with a declared group's name is a warning (fact localGroups)", () => {
        const config = workspaceForm({}, { scim: SCIM_ON, groups: [STAFF, { dimension: "ROLE", group: "Teachers" }] });
        const findings = findingsOf("GRP-3", config, { localGroups: ["ROLE_Teachers", "Pilot crew"] });
        assert.deepEqual(summary(findings), ["GRP-3 warning workspace.groups[1] @default"]);
        assert.equal(
            findings[0].message,
            "A local workspace group named ROLE_Teachers already exists; SCIM will push a second group " +
                "with the same name.",
        );
        assert.deepEqual(findingsOf("GRP-3", config, CLEAN_FACTS), []);
        assert.deepEqual(findingsOf("GRP-3", config), []);
    });

    it(
        "GRP-4: an analytics group under 10 is a warning; a live count wins over the config's; no count at " +
            "all asks for the fact",
        () => {
            const group = (extra: object) =>
                workspaceForm(
                    {},
                    {
                        scim: SCIM_ON,
                        groups: [{ usage: "ANALYTICS", dimension: "FUNCTION", group: "Support", ...extra }],
                    },
                );
            const findings = findingsOf("GRP-4", group({ expectedMemberCount: 4 }));
            assert.deepEqual(summary(findings), ["GRP-4 warning workspace.groups[0] @default"]);
            assert.equal(
                findings[0].message,
                "Analytics group ANALYTICS_FUNCTION_Support has 4 members, fewer than 10.",
            );
            assert.deepEqual(
                findingsOf("GRP-4", group({ expectedMemberCount: 4 }), {
                    groupMemberCounts: { ANALYTICS_FUNCTION_Support: 25 },
                }),
                [],
            );
            assert.deepEqual(
                summary(
                    findingsOf("GRP-4", group({ expectedMemberCount: 40 }), {
                        groupMemberCounts: { ANALYTICS_FUNCTION_Support: 3 },
                    }),
                ),
                ["GRP-4 warning workspace.groups[0] @default"],
            );
            assert.deepEqual(findingsOf("GRP-4", group({})), []);
            assert.match(findingsOf("FACTS", group({}))[0].message, /group member counts \(GRP-4\)/);
            assert.doesNotMatch(findingsOf("FACTS", group({ expectedMemberCount: 12 }))[0].message, /GRP-4/);
            assert.deepEqual(
                findingsOf("GRP-4", group({}), { groupMemberCounts: {} }),
                [],
                "a group the counts do not list has not been pushed yet",
            );
        },
    );

    it("GRP-5: the group count is checked against each workspace's own phase", () => {
        const tenant = tenantForm({}, [
            {
                key: "staff",
                phase: "pilot",
                scim: SCIM_ON,
                groups: [STAFF, { dimension: "ROLE", group: "Teachers" }, { dimension: "ROLE", group: "Admins" }],
            },
            {
                key: "students",
                phase: "full",
                scim: { ...SCIM_ON, baseUrl: "https://api.openai.com/scim/v2/students" },
                groups: [{ dimension: "ROLE", group: "Students" }],
            },
        ]);
        const findings = findingsOf("GRP-5", tenant, CLEAN_FACTS);
        assert.deepEqual(summary(findings), [
            "GRP-5 warning tenant.workspaces[0].groups @staff",
            "GRP-5 info tenant.workspaces[0].phase @staff",
            "GRP-5 info tenant.workspaces[1].phase @students",
        ]);
        assert.equal(
            findings[0].message,
            "Phase pilot expects a pilot of 1–2 stable groups, and 3 are declared (ROLE_Staff, " +
                "ROLE_Teachers and ROLE_Admins).",
        );
    });
});

describe("rules: roles and limits (ROLE-1, ROLE-2)", () => {
    it(
        "ROLE-1: a group credit limit below the workspace default is a warning; at or above it, or no " +
            "default, nothing",
        () => {
            const config = workspaceForm(
                {},
                {
                    scim: SCIM_ON,
                    usageLimit: { credits: 500 },
                    groups: [
                        { ...STAFF, usageLimit: { credits: 1000 } },
                        { dimension: "ROLE", group: "Students", usageLimit: { credits: 200 } },
                    ],
                },
            );
            const findings = findingsOf("ROLE-1", config);
            assert.deepEqual(summary(findings), ["ROLE-1 warning workspace.groups[1].usageLimit.credits @default"]);
            assert.equal(
                findings[0].message,
                "Group ROLE_Students gets 200 credits a month, below the workspace default of 500.",
            );
            assert.deepEqual(
                findingsOf("ROLE-1", { ...config, workspaces: [{ ...config.workspaces[0], usageLimit: undefined }] }),
                [],
            );
        },
    );

    it(
        "ROLE-2: custom roles on a workspace without SCIM are an error; with SCIM, one info saying they are " +
            "console steps",
        () => {
            const roles = [{ name: "GPT publishers", grants: ["publish-gpts"], groups: ["ROLE_Staff"] }];
            const off = findingsOf("ROLE-2", workspaceForm({}, { groups: [STAFF], customRoles: roles }));
            assert.deepEqual(summary(off), ["ROLE-2 error workspace.customRoles @default"]);
            assert.equal(
                off[0].message,
                "Custom roles map ROLE_Staff, but SCIM is off in this workspace, so these groups never appear " +
                    "in it.",
            );
            const on = findingsOf("ROLE-2", workspaceForm({}, { groups: [STAFF], customRoles: roles, scim: SCIM_ON }));
            assert.deepEqual(summary(on), ["ROLE-2 info workspace.customRoles @default"]);
            assert.equal(
                on[0].message,
                "1 custom role (GPT publishers) is created in the admin console, not by `pulumi up`: ChatGPT " +
                    "has no API for custom roles.",
            );
            assert.deepEqual(findingsOf("ROLE-2", workspaceForm({}, { groups: [STAFF] })), []);
        },
    );

    it("ROLE-2: API Platform role mappings are explained once, with what apiPlatform.manage means", () => {
        const apiPlatform = {
            manage: false,
            roles: [{ name: "Readers", description: "", permissions: ["api.model.read"], adoptExisting: false }],
            roleMappings: [{ group: "ROLE_Staff", roles: ["Readers"] }],
        };
        const [info] = findingsOf("ROLE-2", workspaceForm({ apiPlatform }, { groups: [STAFF], scim: SCIM_ON }));
        assert.equal(info.path, "workspace.apiPlatform.roleMappings");
        assert.equal(
            info.message,
            "API Platform roles are mapped to ROLE_Staff; each mapping applies once the group exists in " +
                "the API Platform organization.",
        );
        assert.match(info.fix, /^apiPlatform\.manage is false/);
    });

    it("a clean pilot with full facts has no errors or warnings at all", () => {
        const config = workspaceForm(
            { sso: { ...SSO_WIZARD, stage: "testing" }, apiPlatform: { ssoEnabled: true } },
            {
                scim: SCIM_ON,
                groups: [{ usage: "TESTING", dimension: "SSO", group: "Pilot" }],
            },
        );
        const config2 = { ...config, sso: { ...config.sso, testGroup: "TESTING_SSO_Pilot" } };
        assert.deepEqual(
            evaluateRules(config2, CLEAN_FACTS).filter((f) => f.severity !== "info"),
            [],
        );
    });
});
