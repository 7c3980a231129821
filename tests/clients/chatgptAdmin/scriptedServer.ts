import * as http from "node:http";
import { AddressInfo } from "node:net";

/** A scripted stand-in for the ChatGPT admin API on 127.0.0.1; records every request; bounded in requests. */

export interface SeenRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    auth?: string;
    body: string;
}

export type Handler = (req: SeenRequest, res: http.ServerResponse, raw: http.IncomingMessage) => void;

export interface ScriptedServer {
    /** Base URL including /v1. */
    url: string;
    seen: SeenRequest[];
    stop: () => Promise<void>;
}

export async function startScriptedServer(handler: Handler, maxRequests = 500): Promise<ScriptedServer> {
    const seen: SeenRequest[] = [];
    const server = http.createServer((raw, res) => {
        let body = "";
        raw.on("data", (chunk) => (body += chunk));
        raw.on("end", () => {
            const url = new URL(raw.url ?? "/", "http://127.0.0.1");
            const req = {
                method: raw.method ?? "",
                path: url.pathname,
                query: url.searchParams,
                auth: raw.headers.authorization,
                body,
            };
            seen.push(req);
            if (seen.length > maxRequests)
                return json(res, 599, { error: { message: "scripted server: too many requests" } });
            handler(req, res, raw);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    return {
        url,
        seen,
        stop: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

export function json(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
}

export const WORKSPACE = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
export const KEY = "fake-chatgpt-admin-key-not-real-7c41d";
export const PREFIX = `/v1/manage/workspaces/${WORKSPACE}`;

/** A fake clock: `sleep` advances `now` and records each pause. */
export function fakeClock(start = 1_700_000_000_000) {
    const clock = {
        t: start,
        sleeps: [] as number[],
        now: () => clock.t,
        sleep: async (ms: number) => {
            clock.sleeps.push(ms);
            clock.t += ms;
        },
    };
    return clock;
}

export function user(id: string, extra: Record<string, unknown> = {}) {
    return {
        object: "workspace.user",
        id,
        email: `${id}@district.example`,
        name: id,
        role: "standard-user",
        seat_type: "default",
        is_scim_managed: true,
        ...extra,
    };
}

/**
 * A discrete-event clock for concurrent sleepers: time jumps to the earliest wake-up once every pending
 * microtask has run, so parallel waits overlap as they would in real time.
 */
export function virtualClock(start = 0) {
    const pending: { at: number; resolve: () => void }[] = [];
    let scheduled = false;
    const clock = {
        t: start,
        now: () => clock.t,
        sleep: (ms: number) =>
            new Promise<void>((resolve) => {
                pending.push({ at: clock.t + ms, resolve });
                if (!scheduled) {
                    scheduled = true;
                    setImmediate(advance);
                }
            }),
    };
    function advance() {
        scheduled = false;
        if (pending.length === 0) return;
        pending.sort((a, b) => a.at - b.at);
        clock.t = Math.max(clock.t, pending[0].at);
        while (pending.length > 0 && pending[0].at <= clock.t) pending.shift()!.resolve();
    }
    return clock;
}
