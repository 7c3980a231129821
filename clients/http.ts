import { ApiErrorBody, errorForStatus, redact } from "./errors";
import { DEFAULT_RETRY_POLICY, RetryPolicy, backoffDelay, isNotAppliedStatus, isRetryableStatus, parseRetryAfter } from "./retry";

/**
 * A small typed client for the project-defined identity endpoints (docs/workspace-api.md) on
 * node's fetch: per-attempt timeout, retries with backoff + jitter on 408/429/5xx and network
 * errors honouring `Retry-After`, typed errors, cursor pagination. A POST that creates is never
 * retried blindly: only when the answer proves nothing was applied (429/503), otherwise the caller's
 * `lookup` looks again first.
 */

export interface HttpClientOptions {
    /** Base URL including the version, e.g. https://api.openai.com/v1. */
    baseUrl: string;
    /** Admin key sent as a bearer token; never part of a message. */
    adminKey: string;
    policy?: Partial<RetryPolicy>;
    /** Injected for tests; default global fetch. */
    fetch?: typeof fetch;
}

/** Called after an ambiguous create failure: returns the object if the create did land. */
export type CreateLookup<T> = () => Promise<T | undefined>;

interface ListPage<T> {
    data?: T[];
    has_more?: boolean;
    last_id?: string | null;
    next?: string | null;
}

type Attempt =
    | { kind: "answer"; status: number; body: unknown; retryAfterMs?: number }
    | { kind: "no-answer"; reason: string };

export class HttpClient {
    private readonly policy: RetryPolicy;
    private readonly baseUrl: string;

    constructor(private readonly options: HttpClientOptions) {
        this.policy = { ...DEFAULT_RETRY_POLICY, ...(options.policy ?? {}) };
        this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    }

    get<T>(path: string): Promise<T> {
        return this.request<T>("GET", path, undefined, { kind: "idempotent" });
    }

    patch<T>(path: string, body: Record<string, unknown>): Promise<T> {
        return this.request<T>("PATCH", path, body, { kind: "idempotent" });
    }

    delete<T>(path: string): Promise<T> {
        return this.request<T>("DELETE", path, undefined, { kind: "idempotent" });
    }

    /** A POST whose repetition is harmless (e.g. verify). */
    postIdempotent<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
        return this.request<T>("POST", path, body, { kind: "idempotent" });
    }

    /** A POST that creates: retried without looking only after 429/503; otherwise `lookup` first. */
    create<T>(path: string, body: Record<string, unknown>, lookup: CreateLookup<T>): Promise<T> {
        return this.request<T>("POST", path, body, { kind: "create", lookup });
    }

    /** Every item of a cursor-paginated list (`limit`/`after`, `has_more`, `last_id`). */
    async list<T extends { id?: string }>(path: string, pageSize = 100): Promise<T[]> {
        const items: T[] = [];
        let after: string | undefined;
        for (;;) {
            const query = new URLSearchParams({ limit: String(pageSize) });
            if (after) query.set("after", after);
            const page = await this.get<ListPage<T>>(`${path}?${query}`);
            const data = page.data ?? [];
            items.push(...data);
            const next = page.last_id ?? page.next ?? data[data.length - 1]?.id ?? undefined;
            if (!page.has_more || !next || next === after) return items;
            after = next;
        }
    }

    private async request<T>(method: string, path: string, body: Record<string, unknown> | undefined, mode: { kind: "idempotent" } | { kind: "create"; lookup: CreateLookup<T> }): Promise<T> {
        const label = `${method} ${path.split("?")[0]}`;
        for (let attempt = 1; ; attempt++) {
            const outcome = await this.attempt(method, path, body);
            if (outcome.kind === "answer" && outcome.status >= 200 && outcome.status < 300) return outcome.body as T;
            const status = outcome.kind === "answer" ? outcome.status : undefined;
            const error = outcome.kind === "answer"
                ? errorForStatus(label, status, this.errorBody(outcome.body))
                : errorForStatus(label, undefined, { message: outcome.reason });
            const retryable = isRetryableStatus(status);
            if (!retryable || attempt >= this.policy.maxAttempts) throw error;
            const retryAfterMs = outcome.kind === "answer" ? outcome.retryAfterMs : undefined;
            await this.policy.sleep(backoffDelay(this.policy, attempt, retryAfterMs));
            if (mode.kind === "create" && !isNotAppliedStatus(status)) {
                // The create may have landed (timeout, 500, 502, 504, dropped connection): look first.
                const found = await mode.lookup();
                if (found !== undefined) return found;
            }
        }
    }

    private async attempt(method: string, path: string, body: Record<string, unknown> | undefined): Promise<Attempt> {
        const doFetch = this.options.fetch ?? fetch;
        const headers: Record<string, string> = { Authorization: `Bearer ${this.options.adminKey}`, Accept: "application/json" };
        if (body !== undefined) headers["Content-Type"] = "application/json";
        let response: Response;
        try {
            response = await doFetch(`${this.baseUrl}${path}`, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(this.policy.timeoutMs),
            });
        } catch (err) {
            const name = (err as Error)?.name;
            const reason = name === "TimeoutError" || name === "AbortError"
                ? `no answer within ${this.policy.timeoutMs} ms`
                : `network error: ${redact(String((err as Error)?.message ?? err), [this.options.adminKey])}`;
            return { kind: "no-answer", reason };
        }
        let text: string;
        try {
            text = await response.text();
        } catch {
            return { kind: "no-answer", reason: `answer cut off or slower than ${this.policy.timeoutMs} ms` };
        }
        let parsed: unknown;
        try {
            parsed = text === "" ? undefined : JSON.parse(text);
        } catch {
            parsed = undefined;
        }
        return { kind: "answer", status: response.status, body: parsed, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) };
    }

    private errorBody(body: unknown): ApiErrorBody {
        const error = (body as { error?: ApiErrorBody } | undefined)?.error;
        if (!error || typeof error !== "object") return {};
        return { ...error, message: error.message === undefined ? undefined : redact(String(error.message), [this.options.adminKey]) };
    }
}
