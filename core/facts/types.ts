/**
 * What the rules need to know about the live world that the configuration itself cannot say
 * (issue 9). Three sources fill it, merged by `mergeFacts`: the stack config's `facts:` section (what
 * only a person knows), the live reader (`plan --live`, `verify`: what the ChatGPT admin API shows),
 * and the TypeScript API. Every field is optional: a rule that needs an absent fact does not judge,
 * and the engine says so once, in a single line naming the missing facts and how to provide them.
 */
export interface TenantFacts {
    /** DOM-3 (error): listed domains that another OpenAI organization/tenant has already verified. */
    domainsHeldElsewhere?: string[];
    /**
     * SSO-5 (error when one claims a listed domain) and SSO-10 (error when one serves the same ChatGPT
     * SSO connection, i.e. has the same `entityId` as `sso.entityId`): the other IdP/SSO configurations
     * (another stack, a hand-made app, another IdP) and the email domains they claim.
     */
    otherIdpConfigurations?: OtherIdpConfiguration[];
    /** DOM-5 (warning when one is not listed any more): domains verified in the tenant today or earlier. */
    verifiedDomains?: string[];
    /**
     * SSO-4: whether SSO is on for the tenant's API Platform organizations (used when
     * `apiPlatform.ssoEnabled` is unset).
     */
    apiPlatformSsoEnabled?: boolean;
    /**
     * GRP-3 (warning when one has the name of a declared group): local (workspace-only, not SCIM-managed)
     * groups.
     */
    localGroups?: string[];
    /**
     * SCIM-4: members who joined through automatic account creation or a manual invite and are not
     * SCIM-managed.
     */
    unmanagedUsers?: UnmanagedUser[];
    /** GRP-4: member counts by convention group name, as the workspace shows them. */
    groupMemberCounts?: Record<string, number>;
}

export interface OtherIdpConfiguration {
    /** How the administrator knows it, e.g. `Okta app "ChatGPT (old pilot)"` or `stack lincoln-students`. */
    name: string;
    /** The email domains it claims for SSO. */
    domains: string[];
    /**
     * Its SP entity ID, when known: the same value as `sso.entityId` means a second SSO app for this tenant
     * (SSO-10).
     */
    entityId?: string;
}

export interface UnmanagedUser {
    email: string;
    /** How the member joined: automatic account creation, a manual invite, or not known. */
    source: "aac" | "invite" | "unknown";
    /** The `WorkspaceSpec.key` of the workspace the member is in, when known (the live reader sets it). */
    workspace?: string;
}

/** The name of one fact, e.g. `domainsHeldElsewhere`. */
export type FactKey = keyof TenantFacts;
