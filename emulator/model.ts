import { randomBytes } from "node:crypto";

/** SSO-1: one value for the stage, never two booleans. */
export type SsoStage = "off" | "enabled" | "enforced";

export interface IdentitySettings {
    sso_stage: SsoStage;
    api_platform_sso: boolean;
    automatic_account_creation: boolean;
    external_invites: boolean;
    directory_sync: boolean;
}

export interface RoleRecord {
    id: string;
    name: string;
    description: string | null;
    permissions: string[];
    createdAt: number;
    updatedAt: number;
}

export interface RoleAssignment {
    roleId: string;
    createdAt: number;
}

export interface GroupRecord {
    id: string;
    name: string;
    createdAt: number;
    /** true when pushed through SCIM (the IdP owns it, GRP-2); false for local groups (GRP-3). */
    scimManaged: boolean;
    externalId: string | null;
    /** User ids (SCIM members). */
    memberIds: string[];
    roles: RoleAssignment[];
}

/** How a user came to exist in the workspace. */
export type UserSource = "scim" | "aac" | "invite";

export interface UserRecord {
    id: string;
    /** The email, kept lower-case for matching. */
    userName: string;
    givenName: string | null;
    familyName: string | null;
    externalId: string | null;
    active: boolean;
    source: UserSource;
    /** SCIM-4: aac/invite users become SCIM-managed only once assigned to a synced group. */
    scimManaged: boolean;
    createdAt: number;
    updatedAt: number;
}

export interface DomainRecord {
    id: string;
    domain: string;
    status: "pending" | "verified";
    txtValue: string;
    createdAt: number;
    verifiedAt: number | null;
}

export interface TenantState {
    id: string;
    adminKey: string;
    scimToken: string;
    settings: IdentitySettings;
    roles: RoleRecord[];
    groups: GroupRecord[];
    users: UserRecord[];
    domains: DomainRecord[];
    /** TXT value issued per domain name, kept so re-registering a domain asks for the same record. */
    txtValues: Record<string, string>;
}

export interface EmulatorState {
    version: 1;
    tenants: TenantState[];
}

export function newId(prefix: string): string {
    return `${prefix}_${randomBytes(12).toString("hex")}`;
}

export function nowSeconds(): number {
    return Math.floor(Date.now() / 1000);
}

export function defaultSettings(): IdentitySettings {
    return {
        sso_stage: "off",
        api_platform_sso: false,
        automatic_account_creation: false,
        external_invites: true,
        directory_sync: false,
    };
}

export function newTenant(id: string, adminKey: string, scimToken: string): TenantState {
    return { id, adminKey, scimToken, settings: defaultSettings(), roles: [], groups: [], users: [], domains: [], txtValues: {} };
}

export function generateCredentials(): { adminKey: string; scimToken: string } {
    return {
        adminKey: `sk-admin-emu-${randomBytes(18).toString("hex")}`,
        scimToken: `scim-emu-${randomBytes(18).toString("hex")}`,
    };
}

/** The tenant (if any) that holds `domain` verified (DOM-3). */
export function verifiedOwner(state: EmulatorState, domain: string): TenantState | undefined {
    return state.tenants.find((t) => t.domains.some((d) => d.domain === domain && d.status === "verified"));
}
