import { TenantConfig } from "../../core/config/load";
import { WorkspaceGroup, WorkspaceInvite, WorkspaceUser } from "../../clients/chatgptAdmin";
import { VerifyConfig, VerifyWorkspaceSpec } from "../../verify/config";
import { LiveState } from "../../verify/liveState";
import { WorkspaceSnapshot } from "../../verify/types";
import { WorkspaceReader } from "../../verify/workspaceSnapshot";

export const WORKSPACE_ID = "6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40";
export const TOKEN = "openai-domain-verification=dv-lincoln-0001";
export const STAFF_TOKEN = "openai-domain-verification=dv-staff-0002";

export function workspaceSpec(overrides: Partial<VerifyWorkspaceSpec> = {}): VerifyWorkspaceSpec {
    return {
        key: "default",
        name: "Lincoln Public Schools",
        path: "workspace",
        workspaceId: WORKSPACE_ID,
        phase: "pilot",
        scim: { enabled: true },
        groups: [
            { dimension: "FUNCTION", group: "Teachers" },
            { usage: "ANALYTICS", dimension: "SCHOOL", group: "Lincoln-High" },
        ],
        settings: { automaticAccountCreation: false },
        customRoles: [],
        ...overrides,
    };
}

export function tenantConfig(
    overrides: Partial<VerifyConfig> = {},
    ws: Partial<VerifyWorkspaceSpec> = {},
): VerifyConfig {
    return {
        form: "workspace",
        name: "Lincoln Public Schools",
        idp: "entra",
        domains: [
            { name: "lincoln.k12.us", verificationToken: TOKEN },
            { name: "staff.lincoln.k12.us", verificationToken: STAFF_TOKEN },
        ],
        sso: { stage: "testing", testUsers: ["pilot.one@lincoln.k12.us", "pilot.two@lincoln.k12.us"] },
        workspaces: [workspaceSpec(ws)],
        ...overrides,
    };
}

let next = 0;
export function user(email: string, scim = true): WorkspaceUser {
    return { id: `user-${++next}`, email, name: email.split("@")[0], role: "standard-user", is_scim_managed: scim };
}
export function group(name: string, scim = true, id = `group-${++next}`): WorkspaceGroup {
    return { id, name, is_scim_managed: scim };
}
export function invite(email: string): WorkspaceInvite {
    return { id: `invite-${++next}`, email, status: "pending" };
}

export function snapshot(parts: Partial<WorkspaceSnapshot> = {}): WorkspaceSnapshot {
    return { users: [], groups: [], invites: [], memberCounts: {}, ...parts };
}

/** A live state with all domains present and one readable workspace. */
export function liveState(config: VerifyConfig, snap: WorkspaceSnapshot): LiveState {
    return {
        domains: config.domains.map((d, i) => ({
            domain: d.name,
            path: `workspace.domains[${i}]`,
            name: d.name,
            expected: d.verificationToken,
            found: [d.verificationToken!],
            status: "present" as const,
        })),
        workspaces: [{ spec: config.workspaces[0], snapshot: snap }],
    };
}

/** A workspace that holds everything a healthy pilot needs: SCIM groups with members, SCIM-managed users. */
export function healthySnapshot(): WorkspaceSnapshot {
    const teachers = group("FUNCTION_Teachers");
    const analytics = group("ANALYTICS_SCHOOL_Lincoln-High");
    return snapshot({
        users: [user("pilot.one@lincoln.k12.us"), user("pilot.two@lincoln.k12.us"), user("t1@staff.lincoln.k12.us")],
        groups: [teachers, analytics, group("FUNCTION_Unrelated", false)],
        memberCounts: { [teachers.id]: 3, [analytics.id]: 12 },
    });
}

/** A reader over fixed data that records each call (the snapshot reader's only dependency). */
export function fakeReader(data: {
    users: WorkspaceUser[];
    groups: WorkspaceGroup[];
    invites?: WorkspaceInvite[];
    members?: Record<string, WorkspaceUser[]>;
}) {
    const calls: string[] = [];
    const reader: WorkspaceReader = {
        listUsers: async () => (calls.push("listUsers"), data.users),
        listGroups: async () => (calls.push("listGroups"), data.groups),
        listInvites: async () => (calls.push("listInvites"), data.invites ?? []),
        listGroupUsers: async (id: string) => (calls.push(`listGroupUsers ${id}`), data.members?.[id] ?? []),
    };
    return { reader, calls };
}

/** Compile-time check: the config gate's TenantConfig is accepted wherever verification takes a config. */
export const tenantConfigIsAccepted = (config: TenantConfig): VerifyConfig => config;
