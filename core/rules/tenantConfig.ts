/**
 * TEMPORARY: the config contract of BRIEF.md until `core/config` exports `TenantConfig`; replaced by a
 * re-export once the core helper's schema lands.
 */
import { TenantFacts } from "../facts";

export interface WorkspaceGroupSpec {
    usage?: string; dimension: string; group: string; existingId?: string; members?: string[];
    description?: string; expectedMemberCount?: number; usageLimit?: { credits: number }; name: string;
}
export interface WorkspaceSpec {
    key: string; name: string; path: string; workspaceId?: string;
    phase: "pilot" | "level1" | "full";
    scim: { enabled: boolean; baseUrl?: string; oktaProvisioningEnabled: boolean; tokenKey: string; identifierSource?: string };
    groups: WorkspaceGroupSpec[];
    settings: { automaticAccountCreation: boolean; allowAutomaticAccountCreationWithScim: boolean; externalInvites: boolean };
    usageLimit?: { credits: number };
    invites: { testUsers: boolean };
    customRoles: { name: string; grants: string[]; groups: string[] }[];
    manageWorkspace: boolean;
    adminKeyConfigKey: string;
}
export interface TenantConfig {
    form: "workspace" | "tenant";
    path: "workspace" | "tenant";
    name: string; idp: "entra" | "okta";
    domains: { name: string; verificationToken?: string }[];
    dns: { adapter: "manual" } | { adapter: "cloudflare"; settings: { zoneIds: Record<string, string>; ttl?: number } };
    sso: {
        stage: "off" | "testing" | "enabled" | "enforced"; entityId?: string; acsUrl?: string; testUsers: string[];
        testGroup?: string; testedUsers: string[]; acknowledgeUntestedEnforcement: boolean; certificateRotation: string;
        claims: { email?: string; given_name?: string; family_name?: string }; assertionEncryption: false;
    };
    apiPlatform: {
        ssoEnabled?: boolean; manage: boolean;
        roles: { name: string; description: string; permissions: string[]; adoptExisting: boolean }[];
        roleMappings: { group: string; roles: string[] }[];
    };
    facts: TenantFacts;
    workspaces: WorkspaceSpec[];
}
export type IdpKind = TenantConfig["idp"];
export type SsoStage = TenantConfig["sso"]["stage"];
export type GroupSpec = WorkspaceSpec["groups"][number];
export const SSO_STAGES = ["off", "testing", "enabled", "enforced"] as const;
