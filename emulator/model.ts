import { randomBytes, randomUUID } from "node:crypto";

/* ---------- API Platform organization (openai SDK org RBAC) ---------- */

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

export interface OrgGroupRecord {
    id: string;
    name: string;
    createdAt: number;
    /** Always false here: the emulator runs no SCIM directory for API Platform orgs. */
    scimManaged: boolean;
    roles: RoleAssignment[];
}

export interface ApiPlatformOrgState {
    id: string;
    adminKey: string;
    roles: RoleRecord[];
    groups: OrgGroupRecord[];
}

/* ---------- ChatGPT workspace ---------- */

/** How a workspace member came to exist. */
export type UserSource = "scim" | "aac" | "invite";

export interface WorkspaceUserRecord {
    id: string;
    /** Lower-case email, the key SCIM matches on (SCIM-4). */
    email: string;
    name: string | null;
    role: string;
    seatType: string;
    source: UserSource;
    /** SCIM-4: invite/AAC users become SCIM-managed only once matched by email and in a synced group. */
    scimManaged: boolean;
    status: "active" | "deactivated";
    createdAt: number;
}

export interface InviteRecord {
    id: string;
    email: string;
    role: string;
    createdAt: number;
    resentAt: number | null;
}

export interface WorkspaceGroupRecord {
    id: string;
    name: string;
    /** "scim": pushed by the IdP (GRP-2); "manual": a local group (GRP-3). */
    source: "scim" | "manual";
    createdAt: number;
    /** Members of a manual group; a SCIM group's members come from its directory group. */
    memberIds: string[];
    /** The SCIM directory group behind a "scim" group. */
    directoryGroupId: string | null;
}

/** A SCIM User as the IdP pushed it (WorkOS side); linked to a workspace member unless SCIM-4 skipped it. */
export interface DirectoryUserRecord {
    id: string;
    userName: string;
    givenName: string | null;
    familyName: string | null;
    externalId: string | null;
    active: boolean;
    workspaceUserId: string | null;
    createdAt: number;
    updatedAt: number;
}

export interface DirectoryGroupRecord {
    id: string;
    displayName: string;
    externalId: string | null;
    /** Directory user ids. */
    memberIds: string[];
    workspaceGroupId: string;
    createdAt: number;
    updatedAt: number;
}

export type LimitRuleRecord = { type: "limited"; amount: number; expiresAt: string | null } | { type: "unlimited" };

export interface WorkspaceState {
    id: string;
    adminKey: string;
    scimToken: string;
    users: WorkspaceUserRecord[];
    invites: InviteRecord[];
    groups: WorkspaceGroupRecord[];
    directory: { users: DirectoryUserRecord[]; groups: DirectoryGroupRecord[] };
    limits: {
        workspace: LimitRuleRecord | null;
        groups: Record<string, LimitRuleRecord>;
        users: Record<string, LimitRuleRecord>;
    };
}

export interface EmulatorState {
    version: 2;
    workspaces: WorkspaceState[];
    apiPlatformOrgs: ApiPlatformOrgState[];
}

export function newId(prefix: string, separator = "-"): string {
    return `${prefix}${separator}${randomBytes(12).toString("hex")}`;
}

export function nowSeconds(now: () => number = Date.now): number {
    return Math.floor(now() / 1000);
}

export function newWorkspace(id: string, adminKey: string, scimToken: string): WorkspaceState {
    return {
        id,
        adminKey,
        scimToken,
        users: [],
        invites: [],
        groups: [],
        directory: { users: [], groups: [] },
        limits: { workspace: null, groups: {}, users: {} },
    };
}

export function clearWorkspace(ws: WorkspaceState): void {
    Object.assign(ws, newWorkspace(ws.id, ws.adminKey, ws.scimToken));
}

export function newOrg(id: string, adminKey: string): ApiPlatformOrgState {
    return { id, adminKey, roles: [], groups: [] };
}

export function randomWorkspaceCredentials(): { id: string; adminKey: string; scimToken: string } {
    return { id: randomUUID(), adminKey: randomSecret("emu-admin"), scimToken: randomSecret("emu-scim") };
}

export function randomSecret(prefix: string): string {
    return `${prefix}-${randomBytes(18).toString("hex")}`;
}

/** Everything one workspace stores, for the per-workspace object bound. */
export function objectCount(ws: WorkspaceState): number {
    return (
        ws.users.length + ws.invites.length + ws.groups.length + ws.directory.users.length + ws.directory.groups.length
    );
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
    return uuidPattern.test(value);
}
