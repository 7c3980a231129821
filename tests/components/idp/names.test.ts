import * as assert from "node:assert/strict";
import {
    groupsChildName,
    perWorkspaceAliases,
    scimAppDisplayName,
    scimChildName,
    ssoAppDisplayName,
    ssoChildName,
} from "../../../components/idp/names";

const WORKSPACE_FORM = { form: "workspace" as const, name: "Lincoln USD" };
const TENANT_FORM = { form: "tenant" as const, name: "Lincoln USD" };
const DEFAULT = { key: "default", name: "Lincoln USD" };
const STAFF = { key: "staff", name: "Staff" };

describe("idp/names: the names both IdP sides use", () => {
    it("display names: one SSO app per tenant; the SCIM app names its workspace in the tenant form only", () => {
        assert.equal(ssoAppDisplayName(TENANT_FORM), "ChatGPT SSO (Lincoln USD)");
        assert.equal(scimAppDisplayName(WORKSPACE_FORM, DEFAULT), "ChatGPT SCIM provisioning (Lincoln USD)");
        assert.equal(scimAppDisplayName(TENANT_FORM, STAFF), "ChatGPT SCIM provisioning (Lincoln USD: Staff)");
    });

    it("logical names: the workspace form keeps today's names, the tenant form adds the workspace key", () => {
        assert.equal(ssoChildName("identity-entra"), "identity-entra-sso");
        assert.equal(scimChildName("identity-entra", WORKSPACE_FORM, DEFAULT), "identity-entra-scim");
        assert.equal(groupsChildName("identity-entra", WORKSPACE_FORM, DEFAULT), "identity-entra-groups");
        assert.equal(scimChildName("identity-okta", TENANT_FORM, STAFF), "identity-okta-scim-staff");
        assert.equal(groupsChildName("identity-okta", TENANT_FORM, STAFF), "identity-okta-groups-staff");
    });

    it("aliases: in the tenant form the workspace keyed `default` answers to its workspace-form name (a stack that moves keeps its apps)", () => {
        assert.deepEqual(perWorkspaceAliases("identity-entra-scim", TENANT_FORM, DEFAULT), [
            { name: "identity-entra-scim" },
        ]);
        assert.deepEqual(perWorkspaceAliases("identity-entra-scim", TENANT_FORM, STAFF), []);
        assert.deepEqual(perWorkspaceAliases("identity-entra-scim", WORKSPACE_FORM, DEFAULT), []);
    });
});
