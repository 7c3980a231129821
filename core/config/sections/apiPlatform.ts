import { z } from "zod";
import { bool, listOf, plainText, section } from "../primitives";

/** An API Platform organization role (NOT a ChatGPT custom role). */
export const apiPlatformRoleSchema = section("API Platform role settings", {
    /** Role name as shown in the API Platform organization; its slug names the resource, so slugs are unique. */
    name: plainText("a role name", { max: 100 }),
    /** Description of the role. Default "". */
    description: plainText("a description", { max: 500, multiLine: true }).default(""),
    /** API Platform permissions the role grants, e.g. `api.model.read`. At least one. */
    permissions: listOf(plainText("a permission such as api.model.read", { max: 200 }), "permission names").min(1, {
        error: "a role grants at least one permission",
    }),
    /** Adopt a role of the same name that already exists instead of refusing to take it over. Default false. */
    adoptExisting: bool().default(false),
});

export const roleMappingSchema = section("role mapping settings", {
    /** Convention name of an access group declared in a workspace. */
    group: plainText("a declared group name such as ROLLOUT_ROLE_Teachers"),
    /** Names of roles declared in `apiPlatform.roles`. At least one. */
    roles: listOf(plainText("a role name", { max: 100 }), "role names").min(1, {
        error: "map the group to at least one role",
    }),
});

/** The tenant's API Platform organizations: SSO state (SSO-4, SSO-11) and org RBAC through the openai SDK. */
export const apiPlatformSchema = section("API Platform settings", {
    /** Whether SSO is on for the tenant's API Platform organizations, if known (SSO-4). */
    ssoEnabled: bool().optional(),
    /**
     * Manage the org roles and mappings below through the `openai` SDK (needs `apiPlatformAdminKey`). Default false.
     */
    manage: bool().default(false),
    /** API Platform org roles. Default []. */
    roles: listOf(apiPlatformRoleSchema, "roles").default([]),
    /** Group → API Platform role mappings. Default []. */
    roleMappings: listOf(roleMappingSchema, "role mappings").default([]),
});

export type ApiPlatformConfig = z.output<typeof apiPlatformSchema>;
