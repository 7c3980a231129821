import { buildGroupName } from "../core/naming/groupName";
import {
    ChatGptAdminApiError,
    ChatGptAdminClient,
    ChatGptAdminClientOptions,
    isChatGptAdminApiError,
} from "../clients/chatgptAdmin";
import { VerifyConfig, VerifyWorkspaceSpec, rootPath } from "./config";
import { DomainRecordCheck, TxtResolver, checkDomainRecords, dnsTxtResolver } from "./dnsRecords";
import { UnreadableReason, UnreadableWorkspace, WorkspaceSnapshot } from "./types";
import { WorkspaceReader, readWorkspaceSnapshot } from "./workspaceSnapshot";

/** Progress of a long read: one call per page. */
export interface ReadProgress {
    workspace: string;
    route: string;
    pages: number;
    items: number;
}

export interface LiveReadOptions {
    /** The workspace's Admin key, read at call time (never stored): the key is workspace-scoped. */
    adminKey: (workspaceKey: string) => string | undefined;
    /** The admin API base URL; default `https://api.chatgpt.com/v1` (the client's default). */
    baseUrl?: string;
    /** DNS server `host[:port]` (an IP address); default the system resolver. */
    dnsServer?: string;
    /** Which workspaces to read, by key; default every workspace of the config. */
    workspaces?: readonly string[];
    onProgress?: (progress: ReadProgress) => void;
    /** For tests: a TXT resolver instead of DNS. */
    resolveTxt?: TxtResolver;
    /** For tests and measurements: the reader of a workspace (default the ChatGPT admin client). */
    createReader?: (options: ChatGptAdminClientOptions) => WorkspaceReader;
    /** Passed to the client: its pacing budget per route (default the API's 100 per minute) and test hooks. */
    client?: Pick<
        ChatGptAdminClientOptions,
        "requestsPerMinute" | "fetch" | "sleep" | "now" | "maxRetries" | "timeoutMs"
    >;
}

export type WorkspaceRead =
    | { spec: VerifyWorkspaceSpec; snapshot: WorkspaceSnapshot; unreadable?: undefined }
    | { spec: VerifyWorkspaceSpec; snapshot?: undefined; unreadable: UnreadableWorkspace };

export interface LiveState {
    domains: DomainRecordCheck[];
    workspaces: WorkspaceRead[];
}

const REASONS: Partial<Record<ChatGptAdminApiError["kind"], UnreadableReason>> = {
    authentication: "authentication",
    permission: "permission",
    not_found: "not-found",
    connection: "unreachable",
    timeout: "unreachable",
};

const REASON_TEXT: Record<UnreadableReason, string> = {
    "no-workspace-id": "the config has no workspaceId for it",
    "no-key": "no admin key was given",
    authentication: "the admin key was refused (401): it is wrong, revoked or belongs to another workspace",
    permission: "the admin key lacks a scope these reads need, or is not allowed on this workspace (403)",
    "not-found": "no such workspace, or its plan has no admin API (404)",
    unreachable: "the admin API could not be reached",
    failed: "the admin API did not answer the reads",
};

function unreadable(spec: VerifyWorkspaceSpec, reason: UnreadableReason, detail?: string): UnreadableWorkspace {
    return {
        workspace: spec.key,
        reason,
        message:
            `Workspace "${spec.name}" (${spec.path}) cannot be read: ` +
            `${REASON_TEXT[reason]}${detail ? `. ${detail}` : ""}`,
    };
}

/** Why an admin-API error stops the read, as data; other errors are bugs and are thrown. */
export function unreadableFromError(spec: VerifyWorkspaceSpec, error: unknown): UnreadableWorkspace {
    if (!isChatGptAdminApiError(error)) throw error;
    const reason = REASONS[error.kind] ?? "failed";
    return unreadable(
        spec,
        reason,
        error.hint || (reason === "failed" || reason === "unreachable" ? error.message : undefined),
    );
}

export async function readWorkspace(spec: VerifyWorkspaceSpec, options: LiveReadOptions): Promise<WorkspaceRead> {
    if (!spec.workspaceId) {
        return {
            spec,
            unreadable: unreadable(
                spec,
                "no-workspace-id",
                `Copy the workspace id from the admin console into ${spec.path}.workspaceId.`,
            ),
        };
    }
    if (!options.adminKey(spec.key)) return { spec, unreadable: unreadable(spec, "no-key") };
    const create = options.createReader ?? ((o: ChatGptAdminClientOptions) => new ChatGptAdminClient(o));
    try {
        const reader = create({
            ...options.client,
            workspaceId: spec.workspaceId,
            adminKey: () => options.adminKey(spec.key),
            baseUrl: options.baseUrl,
            onProgress: options.onProgress && ((p) => options.onProgress!({ workspace: spec.key, ...p })),
        });
        const snapshot = await readWorkspaceSnapshot(
            reader,
            spec.groups.map((g) => buildGroupName(g)),
        );
        return { spec, snapshot };
    } catch (e) {
        return { spec, unreadable: unreadableFromError(spec, e) };
    }
}

/** Reads DNS and each selected workspace (one after the other: each route has its own rate budget). Read-only. */
export async function readLiveState(config: VerifyConfig, options: LiveReadOptions): Promise<LiveState> {
    const resolveTxt = options.resolveTxt ?? dnsTxtResolver(options.dnsServer);
    const domains = await checkDomainRecords(config.domains, rootPath(config), resolveTxt);
    const selected = options.workspaces
        ? config.workspaces.filter((w) => options.workspaces!.includes(w.key))
        : config.workspaces;
    const workspaces: WorkspaceRead[] = [];
    for (const spec of selected) workspaces.push(await readWorkspace(spec, options));
    return { domains, workspaces };
}
