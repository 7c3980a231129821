import { IdpKind } from "./forms";
import { ApiPlatformConfig } from "./sections/apiPlatform";
import { DnsConfig } from "./sections/dns";
import { DomainConfig } from "./sections/domains";
import { TenantFacts } from "./sections/facts";
import { GroupConfig } from "./sections/groups";
import { SsoStage } from "./sections/sso";
import { RolloutPhase } from "./sections/workspace";

/** Which stack key a config came from; names and paths depend on it. */
export type ConfigForm = "workspace" | "tenant";

export interface ClaimSources {
    email?: string;
    given_name?: string;
    family_name?: string;
}

/** The tenant's one SSO connection (SSO-10), defaults filled in. */
export interface SsoConfig {
    stage: SsoStage;
    entityId?: string;
    acsUrl?: string;
    testUsers: string[];
    testGroup?: string;
    testedUsers: string[];
    acknowledgeUntestedEnforcement: boolean;
    certificateRotation: string;
    claims: ClaimSources;
    assertionEncryption: false;
}

export interface ScimConfig {
    enabled: boolean;
    baseUrl?: string;
    oktaProvisioningEnabled: boolean;
    /** Secret config key (without namespace) of this workspace's SCIM token: `scimToken` or `scimToken-<key>`. */
    tokenKey: string;
    /** The IdP attribute the SCIM mapping sends as the identifier, when declared (SSO-12). */
    identifierSource?: string;
}

/** An access group with its convention name `[USAGE]_[DIMENSION]_[GROUP]` (GRP-1). */
export interface GroupSpec extends GroupConfig {
    name: string;
}

export interface WorkspaceSettings {
    automaticAccountCreation: boolean;
    allowAutomaticAccountCreationWithScim: boolean;
    externalInvites: boolean;
}

export interface CustomRoleSpec {
    name: string;
    grants: string[];
    groups: string[];
}

/** One ChatGPT workspace of the tenant. */
export interface WorkspaceSpec {
    /** Slug; `default` in the workspace form. Names resources and secrets; never change it. */
    key: string;
    /** Display name (the workspace form: the tenant name). */
    name: string;
    /** Config path prefix of this workspace in messages: `workspace` or `tenant.workspaces[1]`. */
    path: string;
    workspaceId?: string;
    phase: RolloutPhase;
    scim: ScimConfig;
    groups: GroupSpec[];
    settings: WorkspaceSettings;
    usageLimit?: { credits: number };
    invites: { testUsers: boolean };
    /** ChatGPT custom roles: runbook steps only (no API). */
    customRoles: CustomRoleSpec[];
    manageWorkspace: boolean;
    /** Secret config key (without namespace) of this workspace's admin key: `adminKey` or `adminKey-<key>`. */
    adminKeyConfigKey: string;
}

/** The one validated, normalized config both stack forms produce. */
export interface TenantConfig {
    form: ConfigForm;
    /** Config path prefix of tenant-level fields: `workspace` (workspace form) or `tenant`. */
    path: ConfigForm;
    name: string;
    idp: IdpKind;
    domains: DomainConfig[];
    dns: DnsConfig;
    sso: SsoConfig;
    apiPlatform: ApiPlatformConfig;
    facts: TenantFacts;
    /** At least one; exactly one with key `default` in the workspace form. */
    workspaces: WorkspaceSpec[];
}
