import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { ApiArea, authenticate } from "./auth";
import { FaultDecision, FaultInjector } from "./faults";
import { ApiError, HandlerResponse, readJsonBody } from "./http";
import { Router } from "./router";
import { StateStore } from "./store";
import { RequestLogEntry } from "./types";

type Area = ApiArea | "control" | "other";

export interface ServerParts {
    router: Router;
    store: StateStore;
    faults: FaultInjector;
    requestLog: RequestLogEntry[];
    log?: (line: string) => void;
}

/**
 * The request pipeline: fault decision and latency (before anything else, so a faulted request changes
 * nothing), authentication, routing, JSON body, handler, error formatting, request log.
 */
export function createEmulatorServer(parts: ServerParts): Server {
    return createServer((req, res) => {
        handle(parts, req, res).catch((err) => {
            parts.log?.(`emulator: failed to answer ${req.method} ${req.url}: ${(err as Error).message}`);
            if (!res.headersSent) res.writeHead(500);
            res.end();
        });
    });
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const pathname = url.pathname;
    const area = areaOf(pathname);
    let tenantId: string | undefined;
    let response: HandlerResponse;
    try {
        if (area === "admin" || area === "scim") {
            const decision = parts.faults.decide();
            if (parts.faults.latencyMs > 0) await sleep(parts.faults.latencyMs);
            if (decision.kind !== "none") {
                tenantId = quietTenant(parts.store, area, req);
                req.resume();
                throw faultError(decision);
            }
            tenantId = authenticate(parts.store, area, req.headers).id;
        }
        const match = parts.router.match(method, pathname);
        if (match.kind === "not_found") throw new ApiError(404, "unknown_url", `Unknown request URL: ${method} ${pathname}.`);
        if (match.kind === "method_not_allowed") {
            throw new ApiError(405, "method_not_allowed", `Method ${method} is not allowed on ${pathname}; allowed: ${match.allowed.join(", ")}.`, {
                headers: { allow: match.allowed.join(", ") },
            });
        }
        const body = await readJsonBody(req);
        const tenant = tenantId ? parts.store.tenant(tenantId) : undefined;
        response = await match.handler({ method, pathname, query: url.searchParams, params: match.params, body, tenant });
    } catch (err) {
        response = errorResponse(err, area, parts.log);
    }
    send(res, response);
    if (area === "admin" || area === "scim") {
        parts.requestLog.push({ method, path: pathname, status: response.status, ...(tenantId ? { tenant: tenantId } : {}) });
    }
    parts.log?.(`${method} ${pathname} ${response.status}${tenantId ? ` tenant=${tenantId}` : ""} ${Date.now() - started}ms`);
}

function areaOf(pathname: string): Area {
    if (pathname === "/v1" || pathname.startsWith("/v1/")) return "admin";
    if (pathname === "/scim/v2" || pathname.startsWith("/scim/v2/")) return "scim";
    if (pathname.startsWith("/_emulator/")) return "control";
    return "other";
}

/** For the request log only: which tenant a faulted request was for, without refusing it. */
function quietTenant(store: StateStore, area: ApiArea, req: IncomingMessage): string | undefined {
    try {
        return authenticate(store, area, req.headers).id;
    } catch {
        return undefined;
    }
}

function faultError(decision: Exclude<FaultDecision, { kind: "none" }>): ApiError {
    const headers = { "retry-after": String(decision.retryAfterSeconds) };
    return decision.kind === "rate_limited"
        ? new ApiError(429, "rate_limit_exceeded", "Rate limit reached for requests (emulated fault). Retry after the Retry-After delay.", { type: "rate_limit_error", headers })
        : new ApiError(503, "service_unavailable", "The server is temporarily unavailable (emulated fault). Retry after the Retry-After delay.", { type: "server_error", headers });
}

function errorResponse(err: unknown, area: Area, log: ((line: string) => void) | undefined): HandlerResponse {
    const error =
        err instanceof ApiError
            ? err
            : (log?.(`emulator: internal error: ${(err as Error)?.stack ?? String(err)}`),
              new ApiError(500, "internal_error", "The emulator failed to handle this request; see its log.", { type: "server_error" }));
    const headers = { ...(error.options.headers ?? {}) };
    if (area === "scim") {
        return {
            status: error.status,
            headers: { ...headers, "content-type": "application/scim+json" },
            body: {
                schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
                status: String(error.status),
                // RFC 7644 §3.12 defines scimType for 400 and 409 answers only.
                ...(error.options.scimType && (error.status === 400 || error.status === 409) ? { scimType: error.options.scimType } : {}),
                detail: error.message,
            },
        };
    }
    return {
        status: error.status,
        headers,
        body: {
            error: {
                message: error.message,
                type: error.options.type ?? (error.status >= 500 ? "server_error" : "invalid_request_error"),
                code: error.code,
                param: error.options.param ?? null,
            },
        },
    };
}

function send(res: ServerResponse, response: HandlerResponse): void {
    const headers: Record<string, string> = { ...(response.headers ?? {}) };
    if (response.status === 204 || response.body === undefined) {
        res.writeHead(response.status, headers);
        res.end();
        return;
    }
    const text = JSON.stringify(response.body);
    headers["content-type"] ??= "application/json";
    headers["content-length"] = String(Buffer.byteLength(text));
    res.writeHead(response.status, headers);
    res.end(text);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
