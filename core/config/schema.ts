/**
 * The config contract (BRIEF "Shared contract: the config"): the two stack forms, the zod schemas of
 * every section, and the types both forms normalize to. Validation happens once, in ./load.
 */
export { IDP_KINDS, tenantFormSchema, workspaceFormSchema } from "./forms";
export type { IdpKind, TenantFormInput, TenantFormOutput, WorkspaceFormInput, WorkspaceFormOutput } from "./forms";
export type {
    ClaimSources,
    ConfigForm,
    CustomRoleSpec,
    GroupSpec,
    ScimConfig,
    SsoConfig,
    TenantConfig,
    WorkspaceSettings,
    WorkspaceSpec,
} from "./model";
export { apiPlatformRoleSchema, apiPlatformSchema, roleMappingSchema } from "./sections/apiPlatform";
export type { ApiPlatformConfig } from "./sections/apiPlatform";
export { CLOUDFLARE_DEFAULT_TTL, cloudflareSettingsSchema, DNS_ADAPTERS, dnsSchema } from "./sections/dns";
export type { CloudflareSettings, DnsAdapterName, DnsConfig } from "./sections/dns";
export { domainSchema, domainsSchema } from "./sections/domains";
export type { DomainConfig } from "./sections/domains";
export { factsSchema } from "./sections/facts";
export type { TenantFacts } from "./sections/facts";
export { groupSchema } from "./sections/groups";
export type { GroupConfig } from "./sections/groups";
export { scimSchema } from "./sections/scim";
export { claimsSchema, SSO_STAGES, ssoSchema } from "./sections/sso";
export type { SsoStage } from "./sections/sso";
export {
    CUSTOM_ROLE_GRANTS,
    customRoleSchema,
    FEATURE_GRANT_PREFIX,
    invitesSchema,
    ROLLOUT_PHASES,
    settingsSchema,
    workspaceEntrySchema,
} from "./sections/workspace";
export type { RolloutPhase } from "./sections/workspace";
export { DEFAULT_CLAIM_SOURCES, EMAIL_LIKE_SOURCES, isEmailLikeSource } from "./checks/sso";
