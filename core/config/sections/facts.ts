import { z } from "zod";
import { bool, email, expected, hostname, listOf, oneOf, plainText, section } from "../primitives";

/**
 * What only a person (or a live read) knows about the tenant (issue 9). Every field is optional; a rule
 * that needs a missing fact says what it could not judge.
 */
export const factsSchema = section("tenant facts", {
    /** Domains another OpenAI organization/tenant already verified (DOM-3 → error). */
    domainsHeldElsewhere: listOf(hostname, "domain names").optional(),
    /** Other IdP configurations and the domains they claim (SSO-5 → error). */
    otherIdpConfigurations: listOf(
        section("IdP configuration facts", {
            name: plainText("the configuration's name"),
            domains: listOf(hostname, "domain names"),
        }),
        "IdP configurations",
    ).optional(),
    /** Domains verified in the tenant today (DOM-5 → warning on removal/rename). */
    verifiedDomains: listOf(hostname, "domain names").optional(),
    /** Whether API Platform SSO is on, as read back (SSO-4). */
    apiPlatformSsoEnabled: bool().optional(),
    /** Names of local (workspace-only) groups (GRP-3 → warning). */
    localGroups: listOf(plainText("a group name"), "group names").optional(),
    /** Members that exist through automatic account creation or an invite (SCIM-4). */
    unmanagedUsers: listOf(
        section("unmanaged user facts", {
            email,
            source: oneOf(["aac", "invite", "unknown"], "a source"),
        }),
        "users",
    ).optional(),
    /** Actual member counts by convention group name (GRP-4). */
    groupMemberCounts: z
        .record(plainText("a group name"), z.number({ error: expected("a number of members") }), {
            error: expected("a mapping of group names to member counts"),
        })
        .optional(),
});

export type TenantFacts = z.output<typeof factsSchema>;
