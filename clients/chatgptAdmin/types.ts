/**
 * The types of the ChatGPT admin API client (the "OpenAI Programmatic Admin Platform",
 * `https://api.chatgpt.com/v1/manage/workspaces/{workspace_id}/…`). Shapes follow public transcriptions of the
 * API reference (see docs/chatgpt-admin-api.md); every object keeps the fields it does not know.
 */

export const DEFAULT_CHATGPT_ADMIN_BASE_URL = "https://api.chatgpt.com/v1";

/** The API's documented default budget: 100 requests per minute per workspace, per method and route. */
export const DEFAULT_REQUESTS_PER_MINUTE = 100;
export const DEFAULT_TIMEOUT_MS = 30000;
export const DEFAULT_MAX_RETRIES = 5;

export interface ListProgress {
    /** Route template, e.g. `GET /groups/{group_id}/users`. */
    route: string;
    /** Pages read so far for this list. */
    pages: number;
    /** Items read so far for this list. */
    items: number;
}

export interface ChatGptAdminClientOptions {
    /** ChatGPT workspace UUID; validated at construction (ChatGptAdminApiError kind "invalid_request"). */
    workspaceId: string;
    /** Returns the workspace-scoped Admin key; called for every request, never stored, never logged. */
    adminKey: () => string | undefined;
    /** Default `https://api.chatgpt.com/v1`; plain http is refused unless the host is loopback. */
    baseUrl?: string;
    /** Pacing budget per method+route template in any sliding 60 s window. Default 100 (the API's limit). */
    requestsPerMinute?: number;
    /** Per attempt, in ms. Default 30000. */
    timeoutMs?: number;
    /** Retries after 429/408/5xx/network failures, honouring Retry-After. Default 5. */
    maxRetries?: number;
    /** Injected for tests; default global fetch. */
    fetch?: typeof fetch;
    /** Injected for tests; default setTimeout. */
    sleep?: (ms: number) => Promise<void>;
    /** Injected for tests; default Date.now. */
    now?: () => number;
    /** Injected for tests (backoff jitter); default Math.random. */
    random?: () => number;
    /** Called after each page of a long read. */
    onProgress?: (progress: ListProgress) => void;
}

export interface WorkspaceUser {
    id: string;
    email: string;
    name?: string | null;
    role?: string;
    seat_type?: string;
    /** True for users the workspace's SCIM directory created (SCIM-4, SCIM-5). */
    is_scim_managed: boolean;
    [extra: string]: unknown;
}

export interface WorkspaceGroup {
    id: string;
    name: string;
    is_scim_managed?: boolean;
    member_count?: number;
    [extra: string]: unknown;
}

/**
 * A member as listed by GET /groups/{group_id}/users. Public clients show these rows with `email: null`, so the
 * email may be null here (it is still required to be present).
 */
export interface WorkspaceGroupMember extends Omit<WorkspaceUser, "email"> {
    email: string | null;
}

export interface WorkspaceInvite {
    id: string;
    email: string;
    role?: string;
    status?: string;
    [extra: string]: unknown;
}

export interface LimitedRule {
    type: "limited";
    /** `amount` is read as a number also when the API sends a decimal string; "usd" is seen on some workspaces. */
    limit_amount: { amount: number; unit: "credit" | "usd" };
    limit_expires_at?: string | null;
}

export interface UnlimitedRule {
    type: "unlimited";
}

/** A monthly credit limit rule; `{ type: "unlimited" }` is accepted when the API answers with it. */
export type LimitRule = LimitedRule | UnlimitedRule;

/** A limit with where it comes from (`source.kind`: workspace_default, group_default, individual_override, …). */
export interface SourcedLimit {
    limit: LimitRule | null;
    source?: { kind: string; [extra: string]: unknown } | null;
    [extra: string]: unknown;
}

export interface UsageLimit {
    /**
     * The limit set on this object itself; null when it inherits. Public clients show the API answering with a
     * one-element array here; the client turns `[]` into null and `[rule]` into the rule.
     */
    override_monthly_usage_limit: LimitRule | null;
    effective_monthly_usage_limit?: SourcedLimit | null;
    /** A bare rule per the contract; public clients show `{ limit, source }`: both are kept as sent. */
    inherited_monthly_usage_limit?: LimitRule | SourcedLimit | null;
    [extra: string]: unknown;
}

/** A group's usage limit as listed by GET /usage_limits/groups. */
export interface GroupUsageLimit extends UsageLimit {
    group_id?: string;
}

export interface CreateInviteInput {
    email: string;
    role?: string;
}

export type ChatGptAdminErrorKind =
    | "authentication"
    | "permission"
    | "not_found"
    | "rate_limited"
    | "conflict"
    | "server"
    | "connection"
    | "timeout"
    | "invalid_request"
    | "invalid_response";
