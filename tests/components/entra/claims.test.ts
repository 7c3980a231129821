import * as assert from "assert";
import { claimsMappingDefinition, claimSource, DEFAULT_CLAIM_SOURCES } from "../../../components/entra/claims";
import { USER_APP_ROLE_ID, userAppRoleId } from "../../../components/entra/appRoles";

describe("Entra claims and app roles", () => {
    it("defaults the sources to user.mail / user.givenname / user.surname (SSO-7)", () => {
        assert.deepStrictEqual(DEFAULT_CLAIM_SOURCES, {
            email: "user.mail",
            given_name: "user.givenname",
            family_name: "user.surname",
        });
        const policy = JSON.parse(claimsMappingDefinition()).ClaimsMappingPolicy;
        assert.strictEqual(policy.Version, 1);
        assert.strictEqual(policy.IncludeBasicClaimSet, "true");
        assert.deepStrictEqual(policy.ClaimsSchema.map((e: any) => e.SamlClaimType).slice(1), [
            "email",
            "given_name",
            "family_name",
        ]);
    });

    it("maps user.<attribute> to a user attribute, and user.extension_* to an ExtensionID", () => {
        assert.deepStrictEqual(claimSource("user.UserPrincipalName"), { Source: "user", ID: "userprincipalname" });
        assert.deepStrictEqual(claimSource("user.extension_abc_lastName"), {
            Source: "user",
            ExtensionID: "extension_abc_lastName",
        });
    });

    it("reads the User role from the service principal and falls back to the template's documented id", () => {
        assert.strictEqual(USER_APP_ROLE_ID, "18d14569-c3bd-439b-9a66-3a2aee01d14f");
        assert.strictEqual(
            userAppRoleId([
                { displayName: "msiam_access", id: "b9632174-c057-4f7e-951b-be3adc52bfe6", enabled: true },
                { displayName: "User", id: "u-1", enabled: true },
            ]),
            "u-1",
        );
        assert.strictEqual(userAppRoleId([{ displayName: "User", id: "u-1", enabled: false }]), USER_APP_ROLE_ID);
        assert.strictEqual(userAppRoleId(undefined), USER_APP_ROLE_ID);
    });
});
