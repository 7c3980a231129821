import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { authenticateOrg, authenticateScim, authenticateWorkspace, quietIdentity } from "./auth";
import { FaultDecision, FaultInjector } from "./faults";
import { ApiError, BodyTooLarge, HandlerResponse, RequestContext, readJsonBody } from "./http";
import { RateLimiter } from "./rateLimiter";
import { Router } from "./router";
import { StateStore } from "./store";
import { RequestLogEntry } from "./types";

/** chatgpt: /v1/manage/…; platform: the rest of /v1 (API Platform); scim: /scim/v2/…; control: /_emulator/…. */
type Area = "chatgpt" | "platform" | "scim" | "control" | "other";

export interface ServerParts {
    router: Router;
    store: StateStore;
    faults: FaultInjector;
    rateLimiter: RateLimiter;
    requestLog: RequestLogEntry[];
    maxBodyBytes: number;
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    maxConnections: number;
    controlToken?: string;
    /** The port, known once listening: the Host check accepts 127.0.0.1:PORT and localhost:PORT only. */
    port: () => number;
    log?: (line: string) => void;
}

/**
 * The request pipeline: Host check (DNS-rebinding guard), routing, fault decision and latency (before any
 * state is touched, so a 429/503 fault changes nothing), authentication, rate limit, bounded JSON body,
 * handler, error formatting, request log. A "lost answer" fault runs the handler and then drops the
 * connection without answering.
 */
export function createEmulatorServer(parts: ServerParts): Server {
    const server = createServer(
        {
            headersTimeout: parts.headersTimeoutMs,
            requestTimeout: parts.requestTimeoutMs,
            connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(parts.headersTimeoutMs / 2))),
        },
        (req, res) => {
            handle(parts, req, res).catch((err) => {
                parts.log?.(`emulator: failed to answer ${req.method} ${req.url}: ${(err as Error).message}`);
                if (!res.headersSent) res.writeHead(500);
                res.end();
            });
        },
    );
    server.maxConnections = parts.maxConnections;
    return server;
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const pathname = url.pathname;
    const area = areaOf(pathname);
    const entry: RequestLogEntry = { method, path: pathname, status: 0 };
    let decision: FaultDecision = { kind: "none" };
    let response: HandlerResponse;
    try {
        checkHost(req, parts.port());
        const match = parts.router.match(method, pathname);
        if (match.kind !== "not_found") entry.route = match.route;
        if (area === "control") checkControlAccess(req, parts.controlToken);
        if (area === "chatgpt" || area === "platform" || area === "scim") {
            decision = parts.faults.decide();
            if (parts.faults.latencyMs > 0) await sleep(parts.faults.latencyMs);
            if (decision.kind === "rate_limited" || decision.kind === "unavailable") {
                Object.assign(entry, quietIdentity(parts.store, req.headers), { fault: decision.kind });
                req.resume();
                throw faultError(decision);
            }
        }
        if (match.kind === "not_found")
            throw new ApiError(404, "unknown_url", `Unknown request URL: ${method} ${pathname}.`);
        if (match.kind === "method_not_allowed") {
            throw new ApiError(
                405,
                "method_not_allowed",
                `Method ${method} is not allowed on ${pathname}; allowed: ${match.allowed.join(", ")}.`,
                {
                    headers: { allow: match.allowed.join(", ") },
                },
            );
        }
        const ctx: RequestContext = {
            method,
            pathname,
            query: url.searchParams,
            params: match.params,
            body: undefined,
        };
        if (area === "chatgpt") {
            ctx.workspace = authenticateWorkspace(parts.store, req.headers, match.params.workspaceId ?? "");
            entry.workspace = ctx.workspace.id;
            const taken = parts.rateLimiter.take(`${ctx.workspace.id} ${method} ${match.route}`);
            if (!taken.ok) {
                req.resume();
                throw new ApiError(
                    429,
                    "rate_limit_exceeded",
                    `Rate limit reached for ${method} ${match.route} in this workspace. Retry after ${taken.retryAfterSeconds} s.`,
                    { type: "rate_limit_error", headers: { "retry-after": String(taken.retryAfterSeconds) } },
                );
            }
        } else if (area === "platform") {
            ctx.org = authenticateOrg(parts.store, req.headers);
            entry.org = ctx.org.id;
        } else if (area === "scim") {
            ctx.workspace = authenticateScim(parts.store, req.headers, match.params.workspaceId ?? "");
            entry.workspace = ctx.workspace.id;
        }
        try {
            ctx.body = await readJsonBody(req, parts.maxBodyBytes);
        } catch (err) {
            if (!(err instanceof BodyTooLarge)) throw err;
            res.setHeader("connection", "close");
            throw new ApiError(
                413,
                "request_too_large",
                `The request body is larger than ${parts.maxBodyBytes} bytes.`,
            );
        }
        response = await match.handler(ctx);
    } catch (err) {
        response = errorResponse(err, area, parts.log);
    }
    entry.status = response.status;
    if (decision.kind === "lost_answer") entry.fault = "lost_answer";
    if (area !== "control" && area !== "other") parts.requestLog.push(entry);
    parts.log?.(
        `${method} ${pathname} ${response.status}${entry.fault ? ` fault=${entry.fault}` : ""} ${Date.now() - started}ms`,
    );
    if (decision.kind === "lost_answer") {
        req.socket.destroy();
        return;
    }
    send(res, response);
}

function areaOf(pathname: string): Area {
    if (pathname.startsWith("/v1/manage/")) return "chatgpt";
    if (pathname === "/v1" || pathname.startsWith("/v1/")) return "platform";
    if (pathname.startsWith("/scim/v2/")) return "scim";
    if (pathname.startsWith("/_emulator/")) return "control";
    return "other";
}

/** DNS-rebinding guard: a page on another origin that resolves to 127.0.0.1 still sends its own Host. */
function checkHost(req: IncomingMessage, port: number): void {
    const host = (req.headers.host ?? "").toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        throw new ApiError(
            421,
            "misdirected_request",
            `Host '${req.headers.host ?? ""}' is not served here; use 127.0.0.1:${port} or localhost:${port}.`,
        );
    }
}

function checkControlAccess(req: IncomingMessage, controlToken: string | undefined): void {
    const remote = req.socket.remoteAddress ?? "";
    if (remote !== "127.0.0.1" && remote !== "::1" && remote !== "::ffff:127.0.0.1") {
        throw new ApiError(403, "forbidden", "The emulator control API answers loopback clients only.");
    }
    if (controlToken !== undefined && req.headers.authorization !== `Bearer ${controlToken}`) {
        throw new ApiError(
            401,
            "invalid_control_token",
            "Send the emulator control token: 'Authorization: Bearer <control token>'.",
        );
    }
}

function faultError(decision: { kind: "rate_limited" | "unavailable"; retryAfterSeconds: number }): ApiError {
    const headers = { "retry-after": String(decision.retryAfterSeconds) };
    return decision.kind === "rate_limited"
        ? new ApiError(
              429,
              "rate_limit_exceeded",
              "Rate limit reached for requests (emulated fault). Retry after the Retry-After delay.",
              { type: "rate_limit_error", headers },
          )
        : new ApiError(
              503,
              "service_unavailable",
              "The server is temporarily unavailable (emulated fault). Retry after the Retry-After delay.",
              { type: "server_error", headers },
          );
}

function errorResponse(err: unknown, area: Area, log: ((line: string) => void) | undefined): HandlerResponse {
    const error =
        err instanceof ApiError
            ? err
            : (log?.(`emulator: internal error: ${(err as Error)?.stack ?? String(err)}`),
              new ApiError(500, "internal_error", "The emulator failed to handle this request; see its log.", {
                  type: "server_error",
              }));
    const headers = { ...(error.options.headers ?? {}) };
    if (area === "scim") {
        return {
            status: error.status,
            headers: { ...headers, "content-type": "application/scim+json" },
            body: {
                schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
                status: String(error.status),
                // RFC 7644 §3.12 defines scimType for 400 and 409 answers only.
                ...(error.options.scimType && (error.status === 400 || error.status === 409)
                    ? { scimType: error.options.scimType }
                    : {}),
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
                param: error.options.param ?? null,
                code: error.code,
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
