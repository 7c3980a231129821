import { z } from "zod";
import { paginate, PaginationStyle } from "../shared/paginate";
import { SlidingWindowPacer, sharedPacer } from "../shared/pacer";
import { DEFAULT_RETRY_POLICY, realSleep } from "../shared/retryPolicy";
import { ChatGptAdminApiError } from "./errors";
import { RouteInfo } from "./hints";
import { parseAnswer, schemas } from "./schemas";
import { Request, RequestMode, Transport } from "./transport";
import {
    ChatGptAdminClientOptions,
    CreateInviteInput,
    DEFAULT_CHATGPT_ADMIN_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_REQUESTS_PER_MINUTE,
    DEFAULT_TIMEOUT_MS,
    GroupUsageLimit,
    LimitRule,
    UsageLimit,
    WorkspaceGroup,
    WorkspaceGroupMember,
    WorkspaceInvite,
    WorkspaceUser,
} from "./types";
import { checkBaseUrl, checkPathSegment, checkWorkspaceId } from "./validation";

/**
 * Page sizes: the largest each route is known to allow. /users allows 1000 and /groups/{id}/users 100 (public
 * transcriptions of the reference); for /groups, /invites and /usage_limits/groups no public source gives the
 * maximum, so they ask for 100, which every list of this API accepts.
 */
export const PAGE_SIZES = { users: 1000, groupUsers: 100, groups: 100, invites: 100, groupUsageLimits: 100 } as const;

/** Extra options beyond the shared contract. */
export interface ChatGptAdminClientExtras {
    /**
     * The pacing budget to use. Default: one pacer per base URL and workspace shared by every client of the
     * process (clients built per provider call then share the API's budget); a private one when `now` or `sleep`
     * is injected.
     */
    pacer?: SlidingWindowPacer;
}

/**
 * The client of the ChatGPT admin API (`https://api.chatgpt.com/v1/manage/workspaces/{workspace_id}/…`, the
 * "OpenAI Programmatic Admin Platform"; Enterprise and Edu workspaces). The admin key is read from `adminKey()` for
 * every request and is held nowhere else.
 */
export class ChatGptAdminClient {
    readonly workspaceId: string;
    readonly baseUrl: string;
    private readonly transport: Transport;
    private readonly onProgress: ChatGptAdminClientOptions["onProgress"];

    constructor(options: ChatGptAdminClientOptions & ChatGptAdminClientExtras) {
        this.workspaceId = checkWorkspaceId(options.workspaceId);
        this.baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_CHATGPT_ADMIN_BASE_URL);
        if (typeof options.adminKey !== "function") {
            throw new ChatGptAdminApiError({
                kind: "invalid_request",
                route: "new ChatGptAdminClient",
                detail: "adminKey must be a function that returns the key when a request is made",
                hint: "pass adminKey: () => <read the secret here>, so the key is never held by the client",
            });
        }
        const requestsPerMinute = positive(
            "requestsPerMinute",
            options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
        );
        const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
        if (!Number.isInteger(maxRetries) || maxRetries < 0) positive("maxRetries", -1);
        const now = options.now ?? Date.now;
        const sleep = options.sleep ?? realSleep;
        const injected = options.now !== undefined || options.sleep !== undefined;
        const pacer =
            options.pacer ??
            (injected
                ? new SlidingWindowPacer({ limit: requestsPerMinute, now, sleep })
                : sharedPacer(`${this.baseUrl}|${this.workspaceId}`, requestsPerMinute));
        this.transport = new Transport({
            baseUrl: this.baseUrl,
            workspaceId: this.workspaceId,
            adminKey: options.adminKey,
            policy: {
                ...DEFAULT_RETRY_POLICY,
                maxAttempts: maxRetries + 1,
                // A server that says how long to wait is believed up to 5 minutes (its 429 budget is per minute).
                maxRetryAfterMs: 300000,
                timeoutMs: positive("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
                sleep,
                random: options.random ?? Math.random,
            },
            pacer,
            fetch: options.fetch ?? ((input, init) => fetch(input, init)),
            now,
        });
        this.onProgress = options.onProgress;
    }

    /** Every member of the workspace (GET /users, 1000 per page, `after` = last id). */
    async listUsers(): Promise<WorkspaceUser[]> {
        return this.list(route("GET /users", "read users"), "/users", "after", PAGE_SIZES.users, schemas().user);
    }

    /** Every group of the workspace (GET /groups; groups come from SCIM or the console, never from this API). */
    async listGroups(): Promise<WorkspaceGroup[]> {
        return this.list(route("GET /groups", "read groups"), "/groups", "either", PAGE_SIZES.groups, schemas().group);
    }

    /** The members of one group (GET /groups/{group_id}/users, opaque `cursor`, 100 per page). */
    async listGroupUsers(groupId: string): Promise<WorkspaceGroupMember[]> {
        const info = route("GET /groups/{group_id}/users", "read groups", { kind: "group", id: groupId });
        const id = this.segment(info, "groupId", groupId);
        return this.list(info, `/groups/${id}/users`, "cursor", PAGE_SIZES.groupUsers, schemas().groupMember);
    }

    /** Every pending invite (GET /invites). */
    async listInvites(): Promise<WorkspaceInvite[]> {
        const info = route("GET /invites", "read invites");
        return this.list(info, "/invites", "either", PAGE_SIZES.invites, schemas().invite);
    }

    /**
     * Invites one person (POST /invites). Never re-sent blindly: after a lost answer, a timeout or a 5xx it throws
     * kind "connection"/"timeout"/"server" with `maybeApplied: true`; list the invites before trying again.
     * Body `{ email, role? }`: no public source shows this route's body [gap], these are the names the invite
     * objects carry.
     */
    async createInvite(input: CreateInviteInput): Promise<WorkspaceInvite> {
        const info = route("POST /invites", "write invites");
        if (typeof input?.email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(input.email)) {
            throw this.badInput(info, "email must be an email address");
        }
        const body: Record<string, string> = { email: input.email };
        if (input.role !== undefined) body.role = input.role;
        const answer = await this.send(info, "POST", "/invites", "create", body);
        const label = this.transport.label(this.req(info, "POST", "/invites", "create"));
        return parseAnswer(schemas().invite, answer, label);
    }

    /** Withdraws an invite (DELETE /invites/{invite_id}); a 404 throws kind "not_found" (the caller decides). */
    async deleteInvite(inviteId: string): Promise<void> {
        const info = route("DELETE /invites/{invite_id}", "write invites", { kind: "invite", id: inviteId });
        const id = this.segment(info, "inviteId", inviteId);
        await this.send(info, "DELETE", `/invites/${id}`, "write");
    }

    /** The workspace's default monthly credit limit (GET /usage_limits/workspace). */
    async getWorkspaceUsageLimit(): Promise<UsageLimit> {
        const info = route("GET /usage_limits/workspace", "read usage limits");
        return this.usageLimit(info, "GET", "/usage_limits/workspace");
    }

    /** Sets (a rule) or clears (null) the workspace's override (PATCH /usage_limits/workspace). */
    async setWorkspaceUsageLimit(rule: LimitRule | null): Promise<UsageLimit> {
        const info = route("PATCH /usage_limits/workspace", "write usage limits");
        return this.usageLimit(info, "PATCH", "/usage_limits/workspace", this.limitBody(info, rule));
    }

    /** Every group's usage limit (GET /usage_limits/groups). */
    async listGroupUsageLimits(): Promise<GroupUsageLimit[]> {
        const info = route("GET /usage_limits/groups", "read usage limits");
        return this.list(info, "/usage_limits/groups", "either", PAGE_SIZES.groupUsageLimits, schemas().usageLimit);
    }

    /** One group's usage limit (GET /usage_limits/groups/{group_id}). */
    async getGroupUsageLimit(groupId: string): Promise<UsageLimit> {
        const info = route("GET /usage_limits/groups/{group_id}", "read usage limits", { kind: "group", id: groupId });
        const id = this.segment(info, "groupId", groupId);
        return this.usageLimit(info, "GET", `/usage_limits/groups/${id}`);
    }

    /** Sets (a rule) or clears (null: the group inherits) a group's override (PATCH /usage_limits/groups/{id}). */
    async setGroupUsageLimit(groupId: string, rule: LimitRule | null): Promise<UsageLimit> {
        const group = { kind: "group", id: groupId };
        const info = route("PATCH /usage_limits/groups/{group_id}", "write usage limits", group);
        const id = this.segment(info, "groupId", groupId);
        return this.usageLimit(info, "PATCH", `/usage_limits/groups/${id}`, this.limitBody(info, rule));
    }

    /**
     * The PATCH body `{ override_monthly_usage_limit: rule | null }`. Seen in a public client of this API (which
     * PATCHes /usage_limits/users/{id} with exactly this field and null to restore inheritance); the group and
     * workspace routes are assumed to take the same body, as their GET answers carry the same field.
     */
    private limitBody(info: RouteInfo, rule: LimitRule | null): { override_monthly_usage_limit: LimitRule | null } {
        if (rule !== null) {
            const ok =
                rule?.type === "unlimited" ||
                (rule?.type === "limited" &&
                    Number.isFinite(rule.limit_amount?.amount) &&
                    rule.limit_amount.amount >= 0 &&
                    (rule.limit_amount.unit === "credit" || rule.limit_amount.unit === "usd"));
            if (!ok) {
                throw this.badInput(
                    info,
                    'rule must be null, { type: "unlimited" } or { type: "limited", ' +
                        'limit_amount: { amount: <number ≥ 0>, unit: "credit" } }',
                );
            }
        }
        return { override_monthly_usage_limit: rule };
    }

    private async usageLimit(
        info: RouteInfo,
        method: "GET" | "PATCH",
        path: string,
        body?: unknown,
    ): Promise<UsageLimit> {
        const mode: RequestMode = method === "GET" ? "read" : "write";
        const answer = await this.send(info, method, path, mode, body);
        return parseAnswer(schemas().usageLimit, answer, this.transport.label(this.req(info, method, path, mode)));
    }

    private async list<S extends z.ZodType>(
        info: RouteInfo,
        path: string,
        style: PaginationStyle,
        limit: number,
        itemSchema: S,
    ): Promise<z.output<S>[]> {
        const request = this.req(info, "GET", path, "read");
        const label = this.transport.label(request);
        return paginate({
            style,
            fetchPage: (next) => {
                const query: Record<string, string> = { limit: String(limit) };
                if (next) query[next.param] = next.value;
                return this.transport.send({ ...request, query });
            },
            parseItem: (raw, index) => parseAnswer(itemSchema, raw, label, `data[${index}]`),
            invalid: (field, detail) =>
                new ChatGptAdminApiError({
                    kind: "invalid_response",
                    route: label,
                    detail: `the answer's field ${field} is wrong: ${detail}`,
                    hint: "the list cannot be trusted to be complete; report it with the route and field",
                }),
            onPage: ({ pages, items }) => this.onProgress?.({ route: info.template, pages, items }),
        });
    }

    private send(info: RouteInfo, method: Request["method"], path: string, mode: RequestMode, body?: unknown) {
        return this.transport.send({ ...this.req(info, method, path, mode), body });
    }

    private req(info: RouteInfo, method: Request["method"], path: string, mode: RequestMode): Request {
        return { method, path, route: info, mode };
    }

    private segment(info: RouteInfo, field: string, value: string): string {
        return encodeURIComponent(checkPathSegment(`${info.template} (workspace ${this.workspaceId})`, field, value));
    }

    private badInput(info: RouteInfo, detail: string): ChatGptAdminApiError {
        return new ChatGptAdminApiError({
            kind: "invalid_request",
            route: `${info.template} (workspace ${this.workspaceId})`,
            detail,
            hint: "nothing was sent",
        });
    }
}

function route(template: string, scope: string, object?: { kind: string; id: string }): RouteInfo {
    return { template, scope, object };
}

function positive(field: string, value: number): number {
    if (!Number.isFinite(value) || value <= 0) {
        throw new ChatGptAdminApiError({
            kind: "invalid_request",
            route: "new ChatGptAdminClient",
            detail: `${field} must be a positive number`,
            hint: "leave it out for the default",
        });
    }
    return value;
}
