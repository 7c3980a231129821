import * as assert from "node:assert/strict";
import { loadTenantConfig } from "../../../core/config/load";
import { minimalTenant as minimal, problemObjects, problems } from "./support";

describe("config: the tenant form (chatgpt-identity:tenant)", () => {
    it("normalizes to one TenantConfig with a path per workspace and a SCIM token key per workspace", () => {
        const config = loadTenantConfig(minimal, "tenant");
        assert.equal(config.form, "tenant");
        assert.equal(config.path, "tenant");
        assert.deepEqual(
            config.workspaces.map((w) => [w.key, w.name, w.path, w.scim.tokenKey, w.adminKeyConfigKey]),
            [
                ["staff", "Staff", "tenant.workspaces[0]", "scimToken-staff", "adminKey-staff"],
                ["students", "Students", "tenant.workspaces[1]", "scimToken-students", "adminKey-students"],
            ],
        );
    });

    it("produces the same tenant from both forms for a one-workspace district, except form, key and paths", () => {
        const body = {
            sso: { stage: "off" },
            groups: [{ dimension: "ROLE", group: "Staff" }],
            scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/x" },
        };
        const fromWorkspace = loadTenantConfig(
            { name: "Lincoln USD", idp: "entra", domains: [{ name: "lincoln.k12.us" }], ...body },
            "workspace",
        );
        const fromTenant = loadTenantConfig(
            {
                name: "Lincoln USD",
                idp: "entra",
                domains: [{ name: "lincoln.k12.us" }],
                sso: body.sso,
                workspaces: [
                    {
                        key: "default",
                        name: "Lincoln USD",
                        groups: body.groups,
                        scim: { ...body.scim, tokenKey: "scimToken" },
                    },
                ],
            },
            "tenant",
        );
        const strip = (c: typeof fromTenant) => ({
            ...c,
            form: undefined,
            path: undefined,
            workspaces: c.workspaces.map((w) => ({ ...w, path: undefined, adminKeyConfigKey: undefined })),
        });
        assert.deepEqual(strip(fromWorkspace), strip(fromTenant));
    });

    it("refuses an SSO section in a workspace with the SSO-10 explanation", () => {
        const found = problemObjects(
            { ...minimal, workspaces: [{ key: "staff", name: "Staff", sso: { stage: "enabled" } }] },
            "tenant",
        );
        assert.deepEqual(found, [
            {
                path: "tenant.workspaces[0].sso",
                message: "a workspace cannot have an SSO connection of its own",
                rule: "SSO-10",
                why: "A tenant has ONE SSO connection: every workspace and API Platform organization of the tenant signs in through the same IdP app; a second SSO app for the same tenant cannot be connected.",
                fix: "Remove the workspace's sso section; the tenant's one connection is tenant.sso, and each workspace only turns SSO on or enforces it in its admin console.",
            },
        ]);
    });

    it("says which level a misplaced setting belongs to", () => {
        assert.deepEqual(
            problems({ ...minimal, groups: [], workspaces: [{ key: "staff", name: "Staff", domains: [] }] }, "tenant"),
            [
                "tenant.groups: is a workspace setting: move it into each entry of tenant.workspaces",
                "tenant.workspaces[0].domains: is a tenant setting, shared by every workspace: move it to tenant.domains",
            ],
        );
    });

    it("refuses the old API Platform SSO spelling and the moved role keys in the tenant form", () => {
        const found = problems(
            {
                ...minimal,
                sso: { apiPlatformSsoEnabled: true },
                workspaces: [{ key: "staff", name: "Staff", roles: [] }],
            },
            "tenant",
        );
        assert.equal(found.length, 2);
        assert.equal(found[0], "tenant.sso.apiPlatformSsoEnabled: moved: write it as tenant.apiPlatform.ssoEnabled");
        assert.ok(
            found[1].startsWith(
                'tenant.workspaces[0].roles: "roles" moved: API Platform organization roles and their group mappings go under tenant.apiPlatform.roles',
            ),
            found[1],
        );
    });

    it("needs at least one workspace and a valid key for each", () => {
        assert.deepEqual(problems({ ...minimal, workspaces: [] }, "tenant"), [
            "tenant.workspaces: list at least one workspace",
        ]);
        assert.deepEqual(
            problems(
                { ...minimal, workspaces: [{ key: "Staff Room", name: "Staff" }, { name: "Students" }] },
                "tenant",
            ),
            [
                'tenant.workspaces[0].key: must be lower-case letters and digits joined by single hyphens, such as staff or high-school (it names resources and the secret scimToken-<key>), got "Staff Room"',
                "tenant.workspaces[1].key: is required (expected a workspace key such as staff or high-school)",
            ],
        );
    });

    it("lets a tenant-form workspace keep an explicit token key (e.g. scimToken when converting a workspace-form stack)", () => {
        const config = loadTenantConfig(
            { ...minimal, workspaces: [{ key: "staff", name: "Staff", scim: { tokenKey: "scimToken" } }] },
            "tenant",
        );
        assert.equal(config.workspaces[0].scim.tokenKey, "scimToken");
    });
});
