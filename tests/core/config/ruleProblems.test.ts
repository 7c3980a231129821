import * as assert from "node:assert/strict";
import { ConfigProblem, formatProblems, loadStackConfig, loadTenantConfig } from "../../../core/config/load";
import { ROLE1_WHY, ROLE2_WHY, SSO1_WHY, SSO9_WHY } from "../../../core/config/ruleText";
import { minimalTenant, minimalWorkspace as minimal, problemObjects, problems } from "./support";

const SSO12_WHY =
    "The email claim must carry the address the user is provisioned under (the SCIM identifier); another source makes sign-in fail or creates a second user.";
const SCIM_ON = { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x" };

describe("config: problems that enforce a rule carry its id, why and fix", () => {
    it("SSO-6: refuses assertion encryption", () => {
        assert.deepEqual(problemObjects({ ...minimal, sso: { assertionEncryption: true } }), [
            {
                path: "workspace.sso.assertionEncryption",
                message: "asks for encrypted SAML assertions, which ChatGPT does not support",
                rule: "SSO-6",
                why: "Encrypted SAML assertions are not supported: ChatGPT cannot read the attributes, so sign-in fails for every user.",
                fix: "Remove sso.assertionEncryption or set it to false; assertions are protected by TLS and the signing certificate.",
            },
        ]);
    });

    it("SSO-7: a dropped or emptied name claim says display names will show as email addresses", () => {
        assert.deepEqual(problemObjects({ ...minimal, sso: { claims: { given_name: null, family_name: " " } } }), [
            {
                path: "workspace.sso.claims.given_name",
                message: "drops the given_name claim: display names will show as email addresses",
                rule: "SSO-7",
                why: "Without given_name and family_name in the assertion, display names show as email addresses.",
                fix: "Remove sso.claims.given_name to keep the default source user.givenname, or set it to the attribute that holds the first name.",
            },
            {
                path: "workspace.sso.claims.family_name",
                message: "empties the family_name claim: display names will show as email addresses",
                rule: "SSO-7",
                why: "Without given_name and family_name in the assertion, display names show as email addresses.",
                fix: "Remove sso.claims.family_name to keep the default source user.surname, or set it to the attribute that holds the last name.",
            },
        ]);
    });

    it("SSO-7 on Okta names Okta's default sources", () => {
        assert.equal(
            problemObjects({ ...minimal, idp: "okta", sso: { claims: { family_name: "" } } })[0].fix,
            "Remove sso.claims.family_name to keep the default source user.lastName, or set it to the attribute that holds the last name.",
        );
    });

    it("SSO-12: the email claim's source must be a mail or sign-in name attribute", () => {
        assert.deepEqual(problemObjects({ ...minimal, sso: { claims: { email: "user.department" } } }), [
            {
                path: "workspace.sso.claims.email",
                message: 'takes the email claim from "user.department", which is not a mail or sign-in name attribute',
                rule: "SSO-12",
                why: SSO12_WHY,
                fix: "Use user.mail or user.userprincipalname, or remove sso.claims.email to keep the default user.mail.",
            },
        ]);
        assert.deepEqual(problems({ ...minimal, idp: "okta", sso: { claims: { email: "user.department" } } }), [
            'workspace.sso.claims.email: takes the email claim from "user.department", which is not a mail or sign-in name attribute',
        ]);
        assert.deepEqual(problems({ ...minimal, sso: { claims: { email: null } } }), [
            "workspace.sso.claims.email: drops the email claim: nobody could sign in, because the email claim is the identifier",
        ]);
        for (const email of ["user.mail", "user.userPrincipalName"])
            loadTenantConfig({ ...minimal, sso: { claims: { email } } }, "workspace");
        for (const email of ["user.email", "user.login"])
            loadTenantConfig({ ...minimal, idp: "okta", sso: { claims: { email } } }, "workspace");
    });

    it("SSO-12: the email claim and the SCIM identifier must be the same attribute, naming both paths", () => {
        assert.deepEqual(
            problemObjects({ ...minimal, sso: { claims: { email: "user.userprincipalname" } }, scim: SCIM_ON }),
            [
                {
                    path: "workspace.sso.claims.email and workspace.scim.enabled",
                    message:
                        'the email claim comes from "user.userprincipalname" but SCIM of workspace "Lincoln USD" identifies users by "user.mail" (the default mapping)',
                    rule: "SSO-12",
                    why: SSO12_WHY,
                    fix: "If the SCIM app's attribute mapping sends user.userprincipalname as the user's email, say so with scim.identifierSource: user.userprincipalname; otherwise set sso.claims.email to user.mail.",
                },
            ],
        );
        loadTenantConfig(
            {
                ...minimal,
                sso: { claims: { email: "user.userprincipalname" } },
                scim: { ...SCIM_ON, identifierSource: "user.userprincipalname" },
            },
            "workspace",
        );
        assert.deepEqual(problems({ ...minimal, scim: { ...SCIM_ON, identifierSource: "user.userprincipalname" } }), [
            'workspace.sso.claims.email and workspace.scim.identifierSource: the email claim comes from "user.mail" (default) but SCIM of workspace "Lincoln USD" identifies users by "user.userprincipalname"',
        ]);
        assert.deepEqual(problems({ ...minimal, scim: { ...SCIM_ON, identifierSource: "user.objectid" } }), [
            'workspace.scim.identifierSource: says SCIM identifies users by "user.objectid", which is not a mail or sign-in name attribute',
        ]);
    });

    it("GRP-1: one problem per name, with the convention and a valid example built from the given parts", () => {
        assert.deepEqual(
            problemObjects({
                ...minimal,
                groups: [{ usage: "rollout", dimension: "role", group: "Lincoln_Elementary" }],
            }),
            [
                {
                    path: "workspace.groups[0]",
                    message:
                        'group name "rollout_role_Lincoln_Elementary" does not follow [USAGE]_[DIMENSION]_[GROUP] (USAGE optional): ' +
                        'USAGE part "rollout" must be one upper-case word (letters and digits, starting with a letter), e.g. ANALYTICS or ROLLOUT; ' +
                        'DIMENSION part "role" must be one upper-case word (letters and digits, starting with a letter), e.g. FUNCTION or SCHOOL; ' +
                        'GROUP part "Lincoln_Elementary" must be letters, digits or hyphens, with no underscore (use "Lincoln-Elementary" or "LincolnElementary", not "Lincoln_Elementary")',
                    rule: "GRP-1",
                    why: "Groups are named [USAGE]_[DIMENSION]_[GROUP] (USAGE optional), e.g. ANALYTICS_FUNCTION_Engineering, ROLLOUT_REGION_EMEA, TESTING_CODEX_LOCAL, FUNCTION_Support, so that every name reads the same in the IdP, SCIM and the workspace and parses back to one set of parts.",
                    fix: "Write it as ROLLOUT_ROLE_Lincoln-Elementary (usage: ROLLOUT, dimension: ROLE, group: Lincoln-Elementary).",
                },
            ],
        );
    });

    it("GRP-1: swapped parts get the swapped-back example", () => {
        assert.equal(
            problemObjects({ ...minimal, groups: [{ dimension: "Engineering", group: "FUNCTION" }] })[0].fix,
            "Write it as FUNCTION_Engineering (dimension: FUNCTION, group: Engineering).",
        );
    });

    it("DOM-2: every address is on a listed domain; a subdomain is listed itself", () => {
        assert.deepEqual(
            problemObjects({ ...minimal, sso: { testUsers: ["t1@staff.lincoln.k12.us", "t2@gmail.com"] } }),
            [
                {
                    path: "workspace.sso.testUsers[0]",
                    message:
                        '"t1@staff.lincoln.k12.us" is on "staff.lincoln.k12.us", a subdomain of "lincoln.k12.us", which is verified on its own',
                    rule: "DOM-2",
                    why: "Each subdomain is verified on its own: engineering.example.org is not covered by example.org, so an address on an unlisted domain cannot use SSO.",
                    fix: "Add { name: staff.lincoln.k12.us } to domains.",
                },
                {
                    path: "workspace.sso.testUsers[1]",
                    message: '"t2@gmail.com" is on "gmail.com", which is not among the listed domains (lincoln.k12.us)',
                    rule: "DOM-2",
                    why: "Each subdomain is verified on its own: engineering.example.org is not covered by example.org, so an address on an unlisted domain cannot use SSO.",
                    fix: "Add { name: gmail.com } to domains, or use an address on lincoln.k12.us.",
                },
            ],
        );
        assert.deepEqual(
            problems({ ...minimal, groups: [{ dimension: "ROLE", group: "Staff", members: ["a@x.lincoln.k12.us"] }] }),
            [
                'workspace.groups[0].members[0]: "a@x.lincoln.k12.us" is on "x.lincoln.k12.us", a subdomain of "lincoln.k12.us", which is verified on its own',
            ],
        );
    });

    it("SCIM-7: two workspaces never share a SCIM base URL or token key", () => {
        const found = problemObjects(
            {
                ...minimalTenant,
                workspaces: [
                    {
                        key: "staff",
                        name: "Staff",
                        scim: {
                            enabled: true,
                            baseUrl: "https://api.openai.com/scim/v2/riverside",
                            tokenKey: "scimToken",
                        },
                    },
                    {
                        key: "students",
                        name: "Students",
                        scim: {
                            enabled: true,
                            baseUrl: "https://API.openai.com/scim/v2/riverside/",
                            tokenKey: "scimToken",
                        },
                    },
                ],
            },
            "tenant",
        );
        const why =
            "SCIM is per workspace: each workspace has its own SCIM app, base URL and token in the IdP; a token or base URL shared between workspaces provisions people into the wrong workspace.";
        assert.deepEqual(found, [
            {
                path: "tenant.workspaces[0].scim.baseUrl and tenant.workspaces[1].scim.baseUrl",
                message: 'two workspaces share the SCIM base URL "https://api.openai.com/scim/v2/riverside"',
                rule: "SCIM-7",
                why,
                fix: "Copy each workspace's own SCIM base URL from its Directory Sync wizard.",
            },
            {
                path: "tenant.workspaces[0].scim.tokenKey and tenant.workspaces[1].scim.tokenKey",
                message: 'two workspaces read their SCIM token from the same secret "scimToken"',
                rule: "SCIM-7",
                why,
                fix: "Remove scim.tokenKey to use the default scimToken-<key>, one secret per workspace.",
            },
        ]);
    });

    it("every problem that names a rule has its why and fix", () => {
        const found = problemObjects({
            ...minimal,
            sso: { assertionEncryption: true, claims: { given_name: "", email: "user.x" }, testUsers: ["a@b.org"] },
            groups: [{ dimension: "x", group: "y_z" }],
        });
        assert.deepEqual(
            found.map((p) => p.rule),
            ["DOM-2", "SSO-6", "SSO-7", "SSO-12", "GRP-1"],
        );
        for (const p of found) assert.ok(p.why && p.fix, `${p.rule} lacks why or fix`);
    });
});

describe("config: gate problems that enforce a rule carry its id, why and fix (through loadStackConfig)", () => {
    const gate = (form: "workspace" | "tenant", raw: unknown): ConfigProblem[] => {
        const result = loadStackConfig({ [`chatgpt-identity:${form}`]: JSON.stringify(raw) }, new Set());
        assert.equal(result.ok, false, "expected the config to be refused");
        return result.ok ? [] : result.problems;
    };
    const GROUPS = [{ dimension: "ROLE", group: "Staff" }];

    it("SSO-6: a wrong type for assertionEncryption carries the rule, why and fix too", () => {
        assert.deepEqual(problemObjects({ ...minimal, sso: { assertionEncryption: "yes" } }), [
            {
                path: "workspace.sso.assertionEncryption",
                message: 'expected false (ChatGPT cannot read encrypted assertions), got a string ("yes")',
                rule: "SSO-6",
                why: "Encrypted SAML assertions are not supported: ChatGPT cannot read the attributes, so sign-in fails for every user.",
                fix: "Remove sso.assertionEncryption or set it to false; assertions are protected by TLS and the signing certificate.",
            },
        ]);
    });

    it("SSO-1: a stage that is not one of the four, and on/off switches instead of the one stage", () => {
        assert.deepEqual(gate("workspace", { ...minimal, sso: { stage: "on" } }), [
            {
                path: "workspace.sso.stage",
                message:
                    'expected an SSO stage ("off", "testing", "enabled" or "enforced"), got "on": did you mean "off"?',
                rule: "SSO-1",
                why: SSO1_WHY,
                fix: "Set sso.stage to off, testing, enabled or enforced.",
            },
        ]);
        assert.deepEqual(gate("tenant", { ...minimalTenant, sso: { enabled: true, enforced: false } }), [
            {
                path: "tenant.sso.enabled",
                message: "is not a setting: SSO has one stage, sso.stage, not switches that can contradict each other",
                rule: "SSO-1",
                why: SSO1_WHY,
                fix: "Remove sso.enabled and set sso.stage: off, testing, enabled or enforced (enforced once the test users signed in).",
            },
            {
                path: "tenant.sso.enforced",
                message: "is not a setting: SSO has one stage, sso.stage, not switches that can contradict each other",
                rule: "SSO-1",
                why: SSO1_WHY,
                fix: "Remove sso.enforced and set sso.stage: off, testing, enabled or enforced (enforced once the test users signed in).",
            },
        ]);
    });

    it("SSO-9: test-user invites with nobody to invite, or without the admin API", () => {
        assert.deepEqual(gate("workspace", { ...minimal, invites: { testUsers: true } }), [
            {
                path: "workspace.invites.testUsers",
                message: "is true but workspace.sso.testUsers is empty: there is nobody to invite",
                rule: "SSO-9",
                why: SSO9_WHY,
                fix: "List the test users in sso.testUsers, or remove invites.testUsers.",
            },
            {
                path: "workspace.invites.testUsers",
                message: "invites are sent through the ChatGPT admin API, which this workspace does not use",
                rule: "SSO-9",
                why: SSO9_WHY,
                fix: "Set manageWorkspace: true (with workspaceId and the admin key), or invite the test users in the admin console and remove invites.testUsers.",
            },
        ]);
    });

    it("ROLE-1: a custom role without grants, and an unknown grant with its did-you-mean", () => {
        assert.deepEqual(gate("workspace", { ...minimal, customRoles: [{ name: "Nothing", grants: [] }] }), [
            {
                path: "workspace.customRoles[0].grants",
                message: "a custom role grants at least one extra permission on top of the baseline",
                rule: "ROLE-1",
                why: ROLE1_WHY,
                fix: "Grant at least one of publish-gpts, publish-skills, higher-credit-limit or feature:<name>.",
            },
        ]);
        const unknown = gate("workspace", {
            ...minimal,
            customRoles: [{ name: "P", grants: ["publish-gpt", "admin"] }],
        });
        assert.deepEqual(
            unknown.map((p) => [p.path, p.rule, p.why, p.fix]),
            [
                ["workspace.customRoles[0].grants[0]", "ROLE-1", ROLE1_WHY, "Write publish-gpts."],
                [
                    "workspace.customRoles[0].grants[1]",
                    "ROLE-1",
                    ROLE1_WHY,
                    "Use publish-gpts, publish-skills, higher-credit-limit or feature:<feature>, or remove it.",
                ],
            ],
        );
    });

    it("ROLE-2: a custom role or an API Platform mapping naming a group that is not declared", () => {
        const tenant = {
            ...minimalTenant,
            apiPlatform: {
                roles: [{ name: "Readers", permissions: ["api.model.read"] }],
                roleMappings: [{ group: "ROLE_Principals", roles: ["Readers"] }],
            },
            workspaces: [
                { key: "staff", name: "Staff", groups: GROUPS },
                {
                    key: "students",
                    name: "Students",
                    customRoles: [{ name: "P", grants: ["publish-gpts"], groups: ["ROLE_Staff"] }],
                },
            ],
        };
        assert.deepEqual(gate("tenant", tenant), [
            {
                path: "tenant.workspaces[1].customRoles[0].groups[0]",
                message:
                    '"ROLE_Staff" is not one of the groups of workspace "Students" (none); custom roles are mapped to pushed groups only',
                rule: "ROLE-2",
                why: ROLE2_WHY,
                fix: 'Declare ROLE_Staff under the groups of workspace "Students" (SCIM pushes it), or map one of its declared groups.',
            },
            {
                path: "tenant.apiPlatform.roleMappings[0].group",
                message: '"ROLE_Principals" is not one of the declared groups (ROLE_Staff)',
                rule: "ROLE-2",
                why: ROLE2_WHY,
                fix: "Declare ROLE_Principals under a workspace's groups (SCIM pushes it), or map one of the declared groups.",
            },
        ]);
    });

    it("SSO-2: the test group is one of the declared groups; a bad phase is a plain schema problem", () => {
        assert.deepEqual(
            gate("workspace", { ...minimal, groups: GROUPS, sso: { testGroup: "TESTING_SSO_Pilot" } }).map((p) => [
                p.path,
                p.rule,
                p.fix,
            ]),
            [
                [
                    "workspace.sso.testGroup",
                    "SSO-2",
                    "Declare TESTING_SSO_Pilot under a workspace's groups, or set sso.testGroup to a declared group.",
                ],
            ],
        );
        assert.deepEqual(
            gate("tenant", { ...minimalTenant, workspaces: [{ key: "staff", name: "Staff", phase: "level2" }] }).map(
                (p) => [p.path, p.rule, p.fix],
            ),
            [["tenant.workspaces[0].phase", undefined, undefined]],
        );
    });

    it("formatProblems shows the rule before the message and the why and fix under it", () => {
        const text = formatProblems(gate("workspace", { ...minimal, sso: { stage: "on" } }));
        assert.equal(
            text,
            '  - workspace.sso.stage: SSO-1: expected an SSO stage ("off", "testing", "enabled" or "enforced"), ' +
                'got "on": did you mean "off"?\n' +
                `      why: ${SSO1_WHY}\n` +
                "      fix: Set sso.stage to off, testing, enabled or enforced.",
        );
    });
});
