import { z } from "zod";
import { TenantFacts } from "../../facts/types";
import {
    bool,
    email,
    entityId,
    expected,
    hostname,
    listOf,
    oneOf,
    plainText,
    section,
    workspaceKey,
} from "../primitives";

export type { TenantFacts } from "../../facts/types";

/**
 * The stack config's `facts:` section: what only a person (or a live read) knows about the tenant
 * (issue 9), in the one fact model of core/facts (`TenantFacts`; every field is documented there).
 * Every field is optional; a rule that needs a missing fact says what it could not judge.
 */
export const factsSchema = section("tenant facts", {
    /** Domains another OpenAI organization/tenant already verified (DOM-3 → error). */
    domainsHeldElsewhere: listOf(hostname, "domain names").optional(),
    /**
     * Other IdP/SSO configurations, the domains they claim (SSO-5 → error) and, when known, their SP
     * entity ID (the same as `sso.entityId`: a second SSO app for the tenant, SSO-10 → error).
     */
    otherIdpConfigurations: listOf(
        section("IdP configuration facts", {
            name: plainText("the configuration's name"),
            domains: listOf(hostname, "domain names"),
            entityId: entityId.optional(),
        }),
        "IdP configurations",
    ).optional(),
    /** Domains verified in the tenant today (DOM-5 → warning on removal/rename). */
    verifiedDomains: listOf(hostname, "domain names").optional(),
    /** Whether API Platform SSO is on, as read back (SSO-4). */
    apiPlatformSsoEnabled: bool().optional(),
    /** Names of local (workspace-only) groups (GRP-3 → warning). */
    localGroups: listOf(plainText("a group name"), "group names").optional(),
    /**
     * Members that exist through automatic account creation or an invite (SCIM-4); `workspace` is the key
     * of the workspace they are in (`default` in the workspace form), when known.
     */
    unmanagedUsers: listOf(
        section("unmanaged user facts", {
            email,
            source: oneOf(["aac", "invite", "unknown"], "a source"),
            workspace: workspaceKey.optional(),
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

/** Compile-time proof that the section and core/facts' TenantFacts are one type: same fields, same types. */
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Fields<T> = { [K in keyof T]-?: Exclude<T[K], undefined> extends (infer E)[] ? Fields<E> : T[K] };
const sectionIsTenantFacts: Exactly<Fields<z.output<typeof factsSchema>>, Fields<TenantFacts>> = true;
void sectionIsTenantFacts;
