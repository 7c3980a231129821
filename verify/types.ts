import { Finding, RuleId } from "../core/rules/types";
import { WorkspaceGroup, WorkspaceInvite, WorkspaceUser } from "../clients/chatgptAdmin";
import { DomainRecordCheck } from "./dnsRecords";

/** One thing verify looked at, passed or not; the findings say what to do about the ones that did not. */
export interface CheckResult {
    rule: RuleId;
    /** What was checked, e.g. `group`, `test user`, `domain TXT record`, `members`. */
    kind: "domain TXT record" | "group" | "test user" | "members";
    /** What it was checked on: a domain, a group name, an address, a workspace. */
    subject: string;
    /** Workspace key, for workspace-level checks. */
    workspace?: string;
    status: "pass" | "fail" | "skipped";
    /** One line: what was found. */
    detail: string;
}

/** Where an unmanaged member most likely came from (SCIM-4): the admin API does not say. */
export type MemberSource = "aac" | "invite" | "unknown";

/** What was read from one workspace; only GET requests. */
export interface WorkspaceSnapshot {
    users: WorkspaceUser[];
    groups: WorkspaceGroup[];
    invites: WorkspaceInvite[];
    /** Member count of each declared group found in the workspace, by group id. */
    memberCounts: Record<string, number>;
}

/** Why a workspace could not be read: the CLI exits with its own code for these. */
export type UnreadableReason =
    | "no-workspace-id" // the config has no workspaceId for it
    | "no-key" // no admin key was supplied
    | "authentication" // 401: the key is wrong, revoked or for another workspace
    | "permission" // 403: the key lacks a scope or this workspace
    | "not-found" // 404: no such workspace, or a plan without the admin API
    | "unreachable" // connection failure or timeout
    | "failed"; // anything else the API answered (5xx after retries, 429 after retries, a bad answer)

export interface UnreadableWorkspace {
    workspace: string;
    reason: UnreadableReason;
    /** What went wrong and what to fix; never contains the key. */
    message: string;
}

/** One item of the rollout guide's validation list for the workspace's phase (GRP-5). */
export interface ChecklistItem {
    text: string;
    /** `done`: the live state shows it; `open`: it does not yet; `by-hand`: a snapshot cannot show it. */
    status: "done" | "open" | "by-hand";
    /** What is needed next (open and by-hand items). */
    next?: string;
}

export interface WorkspaceVerification {
    key: string;
    name: string;
    path: string;
    workspaceId?: string;
    phase: string;
    /** Undefined when it could not be read; then `unreadable` says why and nothing else is filled in. */
    counts?: { members: number; scimManaged: number; notScimManaged: number; pendingInvites: number; groups: number };
    unreadable?: UnreadableWorkspace;
    checklist: ChecklistItem[];
}

export interface VerifyReport {
    tenant: string;
    /** The DNS server asked, or undefined for the system resolver. */
    dnsServer?: string;
    domains: DomainRecordCheck[];
    workspaces: WorkspaceVerification[];
    checks: CheckResult[];
    /** In the plan's finding format (core/rules), ordered: domains, then per workspace, then test users. */
    findings: Finding[];
    unreadable: UnreadableWorkspace[];
}
