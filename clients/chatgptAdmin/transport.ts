import { SlidingWindowPacer } from "../shared/pacer";
import {
    RetryPolicy,
    backoffDelay,
    isNotAppliedStatus,
    isRetryableStatus,
    parseRetryAfter,
} from "../shared/retryPolicy";
import { ChatGptAdminApiError, kindForStatus, redactSecret } from "./errors";
import { AUTHENTICATION_HINT, RouteInfo, notFoundHint, permissionHint } from "./hints";

/**
 * One request to the ChatGPT admin API: paced per method+route template, bearer key read at call time, per-attempt
 * timeout, retries with backoff honouring Retry-After, typed errors. Three modes:
 * - "read" (GET) and "write" (PATCH, DELETE: sending them twice gives the same result) are retried after
 *   408/429/5xx and lost answers;
 * - "create" (a POST that creates) is re-sent only after an answer that proves nothing was applied (429, 503 with
 *   Retry-After); after a lost answer, a timeout or another 5xx it throws at once with `maybeApplied: true`, so the
 *   caller looks before creating again.
 */

export type RequestMode = "read" | "write" | "create";

export interface TransportSettings {
    baseUrl: string;
    workspaceId: string;
    adminKey: () => string | undefined;
    policy: RetryPolicy;
    pacer: SlidingWindowPacer;
    fetch: typeof fetch;
    now: () => number;
}

export interface Request {
    method: "GET" | "POST" | "PATCH" | "DELETE";
    /** Path under /manage/workspaces/{workspace_id}, ids already checked and spliced, e.g. `/groups/g-1/users`. */
    path: string;
    route: RouteInfo;
    query?: Record<string, string>;
    body?: unknown;
    mode: RequestMode;
}

type Outcome =
    | { kind: "answer"; status: number; text: string; retryAfter: string | null }
    | { kind: "no-answer"; timedOut: boolean; reason: string };

export class Transport {
    constructor(private readonly settings: TransportSettings) {}

    /** The request line used in errors: method and path with ids, no query, never the key. */
    label(request: Request): string {
        return `${request.method} /manage/workspaces/${this.settings.workspaceId}${request.path}`;
    }

    async send(request: Request): Promise<unknown> {
        const { policy } = this.settings;
        const label = this.label(request);
        for (let attempt = 1; ; attempt++) {
            await this.settings.pacer.acquire(request.route.template);
            const outcome = await this.attempt(request, label);
            if (outcome.kind === "answer" && outcome.status >= 200 && outcome.status < 300) {
                return this.json(outcome.text, label);
            }
            const status = outcome.kind === "answer" ? outcome.status : undefined;
            const retryAfterMs =
                outcome.kind === "answer" ? parseRetryAfter(outcome.retryAfter, this.settings.now()) : undefined;
            const notApplied = isNotAppliedStatus(status, {
                retryAfterPresent: retryAfterMs !== undefined,
                requireRetryAfterOn503: true,
            });
            const retryable = request.mode === "create" ? notApplied : isRetryableStatus(status);
            if (!retryable || attempt >= policy.maxAttempts) {
                throw this.failure(request, label, outcome, request.mode !== "read" && !notApplied);
            }
            if (status === 429 && retryAfterMs !== undefined) {
                // The server's count says this route's budget is spent: hold the other requests on it too.
                const until = this.settings.now() + Math.min(retryAfterMs, policy.maxRetryAfterMs);
                this.settings.pacer.pause(request.route.template, until);
            }
            await policy.sleep(backoffDelay(policy, attempt, retryAfterMs));
        }
    }

    private async attempt(request: Request, label: string): Promise<Outcome> {
        const key = this.settings.adminKey();
        if (!key) {
            throw new ChatGptAdminApiError({
                kind: "authentication",
                route: label,
                detail: "no admin key: set the secret stack config chatgpt-identity:adminKey or CHATGPT_ADMIN_KEY",
                hint: AUTHENTICATION_HINT,
            });
        }
        const query = request.query ? `?${new URLSearchParams(request.query)}` : "";
        const url = `${this.settings.baseUrl}/manage/workspaces/${this.settings.workspaceId}${request.path}${query}`;
        const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: "application/json" };
        if (request.body !== undefined) headers["Content-Type"] = "application/json";
        const controller = new AbortController();
        const timeoutMs = this.settings.policy.timeoutMs;
        const timer = setTimeout(() => controller.abort(), timeoutMs);
        try {
            const response = await this.settings.fetch(url, {
                method: request.method,
                headers,
                body: request.body === undefined ? undefined : JSON.stringify(request.body),
                signal: controller.signal,
                redirect: "error",
            });
            const text = await response.text();
            return { kind: "answer", status: response.status, text, retryAfter: response.headers.get("retry-after") };
        } catch (error) {
            const timedOut = controller.signal.aborted;
            const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
            const reason = timedOut
                ? `no complete answer within ${timeoutMs} ms`
                : `no answer: ${redactSecret(String((error as Error)?.message ?? error), key)}` +
                  (typeof cause === "string" ? ` (${cause})` : "");
            return { kind: "no-answer", timedOut, reason };
        } finally {
            clearTimeout(timer);
        }
    }

    private json(text: string, label: string): unknown {
        if (text.trim() === "") return undefined;
        try {
            return JSON.parse(text);
        } catch {
            throw new ChatGptAdminApiError({
                kind: "invalid_response",
                route: label,
                detail: "the answer is not JSON",
                hint: "check baseUrl: it must point at the ChatGPT admin API (https://api.chatgpt.com/v1)",
            });
        }
    }

    private failure(request: Request, label: string, outcome: Outcome, maybeApplied: boolean): ChatGptAdminApiError {
        const workspaceId = this.settings.workspaceId;
        const afterLook = maybeApplied ? "; it may have been applied: look before sending it again" : "";
        if (outcome.kind === "no-answer") {
            return new ChatGptAdminApiError({
                kind: outcome.timedOut ? "timeout" : "connection",
                route: label,
                detail: `${outcome.reason}${afterLook}`,
                maybeApplied,
            });
        }
        const kind = kindForStatus(outcome.status);
        const apiError = this.apiError(outcome.text);
        const hint =
            kind === "authentication"
                ? AUTHENTICATION_HINT
                : kind === "permission"
                  ? permissionHint(request.route, workspaceId)
                  : kind === "not_found"
                    ? notFoundHint(request.route, workspaceId)
                    : kind === "rate_limited"
                      ? `still rate limited after ${this.settings.policy.maxAttempts} tries: run later`
                      : "";
        const code = apiError.code ? `${apiError.code}: ` : "";
        const ambiguous = maybeApplied && (kind === "server" || kind === "timeout");
        return new ChatGptAdminApiError({
            kind,
            status: outcome.status,
            route: label,
            detail: `${code}${apiError.message}${ambiguous ? afterLook : ""}`,
            hint,
            maybeApplied: ambiguous,
            code: apiError.code,
        });
    }

    /** The API's `{ error: { message, code } }`, its message cut short and without the key. */
    private apiError(text: string): { message: string; code?: string } {
        let message = "no error message";
        let code: string | undefined;
        try {
            type Body = { error?: { message?: unknown; code?: unknown } | string; message?: unknown };
            const body = JSON.parse(text) as Body;
            const error = typeof body.error === "object" && body.error !== null ? body.error : undefined;
            const raw = error?.message ?? (typeof body.error === "string" ? body.error : body.message);
            if (typeof raw === "string" && raw !== "") message = raw;
            if (typeof error?.code === "string") code = error.code;
        } catch {
            if (text.trim() !== "") message = "(the error answer is not JSON)";
        }
        const key = this.settings.adminKey();
        return { message: redactSecret(message.slice(0, 300), key), code };
    }
}
