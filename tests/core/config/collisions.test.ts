import * as assert from "node:assert/strict";
import { loadTenantConfig } from "../../../core/config/load";
import { minimalTenant, minimalWorkspace as minimal, problemObjects, problems } from "./support";

const tenant = (staff: object, students: object = {}) => ({
    ...minimalTenant,
    workspaces: [
        { key: "staff", name: "Staff", ...staff },
        { key: "students", name: "Students", ...students },
    ],
});

describe("config: logical-name collisions are problems naming both paths", () => {
    it("test users that differ only in case are one user", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                sso: {
                    testUsers: ["Dana@lincoln.k12.us", "dana@LINCOLN.k12.us"],
                    testedUsers: ["a@lincoln.k12.us", "A@lincoln.k12.us"],
                },
            }),
            [
                'workspace.sso.testUsers[0] and workspace.sso.testUsers[1]: "dana@LINCOLN.k12.us" repeats "Dana@lincoln.k12.us": addresses compare without case, so this is one user',
                'workspace.sso.testedUsers[0] and workspace.sso.testedUsers[1]: "A@lincoln.k12.us" repeats "a@lincoln.k12.us": addresses compare without case, so this is one user',
            ],
        );
    });

    it("domains compare without case", () => {
        assert.deepEqual(problems({ ...minimal, domains: [{ name: "lincoln.k12.us" }, { name: "Lincoln.K12.us" }] }), [
            'workspace.domains[0].name and workspace.domains[1].name: domain "lincoln.k12.us" is listed twice (domains compare without case)',
        ]);
    });

    it("groups with one convention name in a workspace, also in different case", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [
                    { dimension: "ROLE", group: "Staff" },
                    { dimension: "ROLE", group: "STAFF" },
                ],
            }),
            [
                'workspace.groups[0] and workspace.groups[1]: group "ROLE_STAFF" is declared twice in workspace "Lincoln USD" (names compare without case: "ROLE_Staff")',
            ],
        );
    });

    it("the same existingId twice in a workspace", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [
                    { dimension: "ROLE", group: "Staff", existingId: "g-1" },
                    { dimension: "ROLE", group: "Office", existingId: "g-1" },
                ],
            }),
            [
                'workspace.groups[0] and workspace.groups[1]: "ROLE_Staff" and "ROLE_Office" adopt the same IdP group (existingId "g-1")',
            ],
        );
    });

    it("a group created by two workspaces; created once and adopted elsewhere passes", () => {
        const group = { dimension: "ROLE", group: "IT" };
        assert.deepEqual(problems(tenant({ groups: [group] }, { groups: [group] }), "tenant"), [
            'tenant.workspaces[0].groups[0] and tenant.workspaces[1].groups[0]: both workspaces "Staff" and "Students" create the IdP group "ROLE_IT"; the IdP would hold two groups with one name. Create it in one workspace and adopt it in the other with existingId (the id is in the stack output "groups" after the first pulumi up)',
        ]);
        loadTenantConfig(tenant({ groups: [group] }, { groups: [{ ...group, existingId: "g-1" }] }), "tenant");
        assert.deepEqual(
            problems(
                tenant({ groups: [{ ...group, existingId: "g-1" }] }, { groups: [{ ...group, existingId: "g-2" }] }),
                "tenant",
            ),
            [
                'tenant.workspaces[0].groups[0] and tenant.workspaces[1].groups[0]: "ROLE_IT" adopts two different IdP groups ("g-1" and "g-2") under one name',
            ],
        );
    });

    it("API Platform roles whose names reduce to the same resource name", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                apiPlatform: {
                    roles: [
                        { name: "GPT Publishers", permissions: ["p"] },
                        { name: "gpt-publishers!", permissions: ["p"] },
                    ],
                },
            }),
            [
                'workspace.apiPlatform.roles[0].name and workspace.apiPlatform.roles[1].name: roles "GPT Publishers" and "gpt-publishers!" reduce to the same resource name "gpt-publishers"',
            ],
        );
    });

    it("custom roles whose names reduce to one name", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                customRoles: [
                    { name: "Publishers", grants: ["publish-gpts"] },
                    { name: "PUBLISHERS", grants: ["publish-skills"] },
                ],
            }),
            [
                'workspace.customRoles[0].name and workspace.customRoles[1].name: custom roles "Publishers" and "PUBLISHERS" have the same name once reduced to "publishers"',
            ],
        );
    });

    it("the same group mapped twice", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [{ dimension: "ROLE", group: "Staff" }],
                apiPlatform: {
                    roles: [{ name: "R", permissions: ["p"] }],
                    roleMappings: [
                        { group: "ROLE_Staff", roles: ["R"] },
                        { group: "ROLE_Staff", roles: ["R"] },
                    ],
                },
            }),
            [
                'workspace.apiPlatform.roleMappings[0].group and workspace.apiPlatform.roleMappings[1].group: group "ROLE_Staff" is mapped twice; list all its roles in one mapping',
            ],
        );
    });

    it("workspace keys, names that reduce to one name, and workspace ids", () => {
        const id = "3f2b1c9e-8a4d-4e7f-9b1a-2c3d4e5f6a7b";
        assert.deepEqual(
            problems(
                {
                    ...minimalTenant,
                    workspaces: [
                        { key: "staff", name: "Staff Room", workspaceId: id },
                        { key: "staff", name: "staff-room", workspaceId: id.toUpperCase() },
                    ],
                },
                "tenant",
            ),
            [
                'tenant.workspaces[0].key and tenant.workspaces[1].key: two workspaces have the key "staff"; keys name resources and secrets, so each is unique',
                'tenant.workspaces[0].name and tenant.workspaces[1].name: workspace names "Staff Room" and "staff-room" reduce to the same name "staff-room" in IdP app names; give each workspace a distinct name',
                `tenant.workspaces[0].workspaceId and tenant.workspaces[1].workspaceId: two workspaces have the workspace id "${id}"; each entry is a different ChatGPT workspace`,
            ],
        );
    });

    it("a member listed twice in one group", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                groups: [{ dimension: "ROLE", group: "Staff", members: ["a@lincoln.k12.us", "A@lincoln.k12.us"] }],
            }),
            [
                'workspace.groups[0].members[0] and workspace.groups[0].members[1]: member "A@lincoln.k12.us" is listed twice (addresses compare without case: "a@lincoln.k12.us")',
            ],
        );
    });

    it("SCIM base URLs that differ only in case or a trailing slash are one URL (SCIM-7)", () => {
        const scim = (baseUrl: string) => ({ scim: { enabled: true, baseUrl } });
        assert.deepEqual(
            problems(
                tenant(
                    scim("https://api.chatgpt.com/v1/scim/WS-Riverside"),
                    scim("https://API.chatgpt.com/v1/scim/ws-riverside/"),
                ),
                "tenant",
            ),
            [
                'tenant.workspaces[0].scim.baseUrl and tenant.workspaces[1].scim.baseUrl: two workspaces share the SCIM base URL "https://api.chatgpt.com/v1/scim/WS-Riverside"',
            ],
        );
    });

    it("a SCIM token key that names another secret or the stack config itself", () => {
        const scim = (tokenKey: string) => ({
            scim: { enabled: true, baseUrl: `https://api.chatgpt.com/v1/scim/${tokenKey}`, tokenKey },
        });
        const holds: Record<string, string> = {
            adminKey: "the ChatGPT admin key",
            "adminKey-students": "the ChatGPT admin key of workspace students",
            apiPlatformAdminKey: "the API Platform admin key",
            tenant: "the stack config itself",
            workspace: "the stack config itself",
        };
        for (const [key, what] of Object.entries(holds)) {
            assert.deepEqual(problemObjects(tenant(scim(key)), "tenant"), [
                {
                    path: "tenant.workspaces[0].scim.tokenKey",
                    message: `"${key}" is the config key of ${what}, not a SCIM token`,
                    fix: "Remove scim.tokenKey to use the default scimToken-<key>, the workspace's own secret.",
                },
            ]);
        }
    });

    it("a group referenced in other case is told to write the declared name (declaring it would collide)", () => {
        const fixes = problemObjects({
            ...minimal,
            groups: [{ dimension: "ROLE", group: "Staff" }],
            sso: { testGroup: "role_staff" },
            customRoles: [{ name: "P", grants: ["publish-gpts"], groups: ["Role_Staff"] }],
            apiPlatform: {
                roles: [{ name: "R", permissions: ["p"] }],
                roleMappings: [{ group: "ROLE_STAFF", roles: ["R"] }],
            },
        }).map((p) => `${p.path}: ${p.fix}`);
        assert.deepEqual(fixes, [
            "workspace.sso.testGroup: Write ROLE_Staff exactly as the group is declared.",
            "workspace.customRoles[0].groups[0]: Write ROLE_Staff exactly as the group is declared.",
            "workspace.apiPlatform.roleMappings[0].group: Write ROLE_Staff exactly as the group is declared.",
        ]);
    });
});
