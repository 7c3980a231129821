/**
 * The part of the normalized stack config (`TenantConfig` of `core/config`, BRIEF.md contract) that verification
 * reads. Declared structurally so that a `TenantConfig` is accepted as it is; field names are the contract's.
 */
import { GroupNameParts } from "../core/naming/groupName";

export type SsoStage = "off" | "testing" | "enabled" | "enforced";
export type RolloutPhase = "pilot" | "level1" | "full";

export interface VerifyGroupSpec extends GroupNameParts {
    expectedMemberCount?: number;
}

export interface VerifyWorkspaceSpec {
    /** Slug used in logical names and in `CHATGPT_ADMIN_KEY_<KEY>`. */
    key: string;
    name: string;
    /** Config path prefix for messages: `workspace` or `tenant.workspaces[1]`. */
    path: string;
    /** ChatGPT workspace UUID (admin console); without it the workspace cannot be read. */
    workspaceId?: string;
    phase: RolloutPhase;
    scim: { enabled: boolean };
    groups: VerifyGroupSpec[];
    settings: { automaticAccountCreation: boolean };
    /** ChatGPT custom roles (console steps) and the groups mapped to them (ROLE-2). */
    customRoles?: { name: string; groups: string[] }[];
}

export interface VerifyConfig {
    form: "workspace" | "tenant";
    name: string;
    idp: "entra" | "okta";
    domains: { name: string; verificationToken?: string }[];
    sso: { stage: SsoStage; testUsers: string[] };
    workspaces: VerifyWorkspaceSpec[];
}

/** `workspace` or `tenant`: the root of tenant-level paths such as `tenant.domains[0]`. */
export function rootPath(config: Pick<VerifyConfig, "form">): string {
    return config.form === "tenant" ? "tenant" : "workspace";
}

export const IDP_NAMES: Record<VerifyConfig["idp"], string> = { entra: "Microsoft Entra ID", okta: "Okta" };
