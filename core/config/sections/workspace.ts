import { z } from "zod";
import { bool, creditLimit, listOf, oneOf, plainText, section, workspaceId, workspaceKey } from "../primitives";
import { groupSchema } from "./groups";
import { scimSchema } from "./scim";

export const ROLLOUT_PHASES = ["pilot", "level1", "full"] as const;
export type RolloutPhase = (typeof ROLLOUT_PHASES)[number];

export const settingsSchema = section("workspace settings", {
    /** Automatic account creation for verified domains. Default false; with SCIM it is an error (SCIM-3). */
    automaticAccountCreation: bool().default(false),
    /** Documented override to run AAC together with SCIM (SCIM-3). Default false. */
    allowAutomaticAccountCreationWithScim: bool().default(false),
    /** Allow invites to emails outside verified domains (WS-1). Default true (the workspace default). */
    externalInvites: bool().default(true),
});

/**
 * What a ChatGPT custom role can grant on top of the workspace baseline (ROLE-1). The set is closed so
 * a typo is caught; `feature:<name>` grants access to one feature, named as the admin console names it.
 */
export const CUSTOM_ROLE_GRANTS = ["publish-gpts", "publish-skills", "higher-credit-limit"] as const;
export const FEATURE_GRANT_PREFIX = "feature:";

export const customRoleSchema = section("custom role settings", {
    /** Role name as it will be created in the admin console. */
    name: plainText("a role name", { max: 100 }),
    /** Extra permissions (ROLE-1): `publish-gpts`, `publish-skills`, `higher-credit-limit`, `feature:<name>`. */
    grants: listOf(plainText("a grant such as publish-gpts", { max: 100 }), "grants").min(1, {
        error: "a custom role grants at least one extra permission on top of the baseline",
    }),
    /** Convention names of groups of this workspace to assign the role to (after SCIM pushed them, ROLE-2). */
    groups: listOf(plainText("a declared group name"), "group names").default([]),
});

export const invitesSchema = section("invite settings", {
    /** Invite `sso.testUsers` who are not yet members (pilot, SSO-9), through the admin API. Default false. */
    testUsers: bool().default(false),
});

/** The settings of one workspace, shared by both forms (the workspace form writes them at the top level). */
export const workspaceFields = {
    /** ChatGPT workspace id (UUID, admin console). Required with manageWorkspace. */
    workspaceId: workspaceId.optional(),
    /** Rollout phase (GRP-5): pilot (1-2 groups), level1 (5-15), full. Default pilot. */
    phase: oneOf(ROLLOUT_PHASES, "a rollout phase").default("pilot"),
    scim: scimSchema.prefault({}),
    /** Access groups, assigned to this workspace's SCIM app (GRP-2). Default []. */
    groups: listOf(groupSchema, "groups").default([]),
    settings: settingsSchema.prefault({}),
    /** Workspace default monthly credit limit (ROLE-1 baseline), applied with manageWorkspace. */
    usageLimit: creditLimit.optional(),
    invites: invitesSchema.prefault({}),
    /** ChatGPT custom roles: console steps in the runbook (no API exists). Default []. */
    customRoles: listOf(customRoleSchema, "custom roles").default([]),
    /**
     * Apply usage limits and invites through the ChatGPT admin API (needs the admin key and workspaceId). Default
     * false.
     */
    manageWorkspace: bool().default(false),
};

/** One workspace of the tenant form. */
export const workspaceEntrySchema = section("workspace settings", {
    /**
     * Stable key: lower-case words joined by hyphens; names resources and the secret `scimToken-<key>`. Never change
     * it.
     */
    key: workspaceKey,
    /** Display name of the workspace, used in IdP app names. */
    name: plainText("a workspace name", { max: 80 }),
    ...workspaceFields,
});

export type WorkspaceEntry = z.output<typeof workspaceEntrySchema>;
