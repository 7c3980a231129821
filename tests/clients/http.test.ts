import * as assert from "node:assert/strict";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import { HttpClient } from "../../clients/http";
import { ApiError, isApiError } from "../../clients/apiPlatform/errors";
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter } from "../../clients/shared/retryPolicy";

const KEY = "test-admin-key-secret-123456";

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

/** A local API on 127.0.0.1 whose answers the test scripts; records every request. */
async function startServer(handler: Handler) {
    const seen: { method: string; url: string; auth?: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
            seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
            handler(req, body, res);
        });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    return { url, seen, stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
}

const apiError = (message: string, code: string | null = null) => ({ error: { message, type: "invalid_request_error", code, param: null } });

function client(url: string, sleeps: number[], policy: Partial<typeof DEFAULT_RETRY_POLICY> = {}) {
    return new HttpClient({ baseUrl: url, adminKey: KEY, policy: { sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5, ...policy } });
}

describe("provider/client HttpClient", () => {
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    afterEach(async () => {
        await server?.stop();
        server = undefined;
    });

    it("retries 429 and 503, waiting at least Retry-After, and sends the admin key as a bearer token", async () => {
        let calls = 0;
        server = await startServer((_req, _body, res) => {
            calls++;
            if (calls === 1) return json(res, 429, apiError("slow down"), { "retry-after": "2" });
            if (calls === 2) return json(res, 503, apiError("busy"), { "retry-after": "1" });
            json(res, 200, { object: "organization.identity_settings", sso_stage: "off" });
        });
        const sleeps: number[] = [];
        const settings = await client(server.url, sleeps).get<{ sso_stage: string }>("/organization/identity/settings");
        assert.equal(settings.sso_stage, "off");
        assert.equal(server.seen.length, 3);
        assert.deepEqual(sleeps, [2000, 1000]);
        assert.ok(server.seen.every((r) => r.auth === `Bearer ${KEY}`));
    });

    it("backs off exponentially with jitter when no Retry-After is given, then gives up with a typed error", async () => {
        server = await startServer((_req, _body, res) => json(res, 500, apiError("internal")));
        const sleeps: number[] = [];
        await assert.rejects(client(server.url, sleeps, { maxAttempts: 4 }).get("/organization/identity/settings"), (err: unknown) => {
            assert.ok(isApiError(err) && err.name === "ServiceUnavailableError");
            assert.equal(err.message, "GET /organization/identity/settings failed: 500: internal");
            return true;
        });
        assert.equal(server.seen.length, 4);
        // random() = 0.5 of a ceiling 250, 500, 1000 ms
        assert.deepEqual(sleeps, [125, 250, 500]);
    });

    it("times out a request that gets no answer and retries it", async () => {
        server = await startServer(() => { /* never answers */ });
        const sleeps: number[] = [];
        const started = Date.now();
        await assert.rejects(client(server.url, sleeps, { maxAttempts: 2, timeoutMs: 150 }).get("/organization/identity/settings"), /failed: no answer: no answer within 150 ms/);
        assert.equal(server.seen.length, 2);
        assert.ok(Date.now() - started < 2000);
    });

    it("never retries a create POST blindly: after a 500 it looks first and returns what the lookup finds", async () => {
        server = await startServer((req, _body, res) => json(res, 500, apiError("lost the answer")));
        const sleeps: number[] = [];
        let lookups = 0;
        const created = await client(server.url, sleeps).create("/organization/identity/domains", { domain: "lincoln.k12.us" }, async () => {
            lookups++;
            return { id: "dom_1", domain: "lincoln.k12.us" };
        });
        assert.deepEqual(created, { id: "dom_1", domain: "lincoln.k12.us" });
        assert.equal(lookups, 1);
        assert.equal(server.seen.filter((r) => r.method === "POST").length, 1);
    });

    it("re-posts a create after a lookup finds nothing, and after 429/503 without looking", async () => {
        let posts = 0;
        server = await startServer((_req, body, res) => {
            posts++;
            if (posts === 1) return json(res, 503, apiError("busy"), { "retry-after": "0" });
            if (posts === 2) return json(res, 502, apiError("bad gateway"));
            json(res, 201, { id: "dom_2", ...JSON.parse(body) });
        });
        const sleeps: number[] = [];
        let lookups = 0;
        const created = await client(server.url, sleeps).create<{ id: string }>("/organization/identity/domains", { domain: "staff.lincoln.k12.us" }, async () => {
            lookups++;
            return undefined;
        });
        assert.equal(created.id, "dom_2");
        assert.equal(posts, 3);
        assert.equal(lookups, 1, "looked only after the 502, not after the 503");
        assert.deepEqual(server.seen.map((r) => r.body), Array(3).fill(JSON.stringify({ domain: "staff.lincoln.k12.us" })));
    });

    it("a create without an answer and without a lookup result is re-posted only after looking", async () => {
        let posts = 0;
        server = await startServer((req, _body, res) => {
            posts++;
            if (posts === 1) { req.socket.destroy(); return; }
            json(res, 201, { id: "dom_3" });
        });
        const order: string[] = [];
        const created = await client(server.url, []).create<{ id: string }>("/organization/identity/domains", { domain: "x.k12.us" }, async () => {
            order.push(`lookup after ${posts} post(s)`);
            return undefined;
        });
        assert.equal(created.id, "dom_3");
        assert.deepEqual(order, ["lookup after 1 post(s)"]);
    });

    it("maps statuses to typed errors carrying the API code and message, never the key", async () => {
        server = await startServer((req, _body, res) => {
            if (req.url!.includes("missing")) return json(res, 404, apiError("No domain found with id 'dom_x'."));
            if (req.url!.includes("limit")) return json(res, 429, apiError(`rate limited for key ${KEY}`), { "retry-after": "0" });
            json(res, 409, apiError("Domain 'lincoln.k12.us' is verified by another organization.", "domain_claimed"));
        });
        const c = client(server.url, [], { maxAttempts: 2 });
        await assert.rejects(c.get("/organization/identity/domains/missing"), (err: ApiError) => err.name === "NotFoundError" && err.status === 404);
        await assert.rejects(c.create("/organization/identity/domains", { domain: "lincoln.k12.us" }, async () => undefined), (err: unknown) => {
            assert.ok(isApiError(err) && err.name === "ConflictError");
            assert.equal(err.code, "domain_claimed");
            assert.equal(err.message, "POST /organization/identity/domains failed: 409 domain_claimed: Domain 'lincoln.k12.us' is verified by another organization.");
            return true;
        });
        await assert.rejects(c.get("/limit"), (err: unknown) => {
            assert.ok(isApiError(err) && err.name === "RateLimitError");
            assert.ok(!err.message.includes(KEY));
            assert.match(err.message, /rate limited for key \[redacted\]/);
            return true;
        });
    });

    it("follows cursor pagination to the end", async () => {
        const items = Array.from({ length: 250 }, (_, i) => ({ id: `dom_${String(i).padStart(3, "0")}` }));
        server = await startServer((req, _body, res) => {
            const q = new URL(req.url!, "http://x").searchParams;
            const start = q.get("after") ? items.findIndex((d) => d.id === q.get("after")) + 1 : 0;
            const limit = Number(q.get("limit"));
            const data = items.slice(start, start + limit);
            json(res, 200, { object: "list", data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: start + limit < items.length });
        });
        const all = await client(server.url, []).list<{ id: string }>("/organization/identity/domains");
        assert.deepEqual(all.map((d) => d.id), items.map((d) => d.id));
        assert.deepEqual(server.seen.map((r) => r.url), [
            "/v1/organization/identity/domains?limit=100",
            "/v1/organization/identity/domains?limit=100&after=dom_099",
            "/v1/organization/identity/domains?limit=100&after=dom_199",
        ]);
    });

    it("parses Retry-After and caps backoff", () => {
        assert.equal(parseRetryAfter("3"), 3000);
        assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
        assert.equal(parseRetryAfter(null), undefined);
        const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.999 };
        assert.equal(backoffDelay(policy, 1), 249);
        assert.equal(backoffDelay(policy, 10), 7992, "capped at maxDelayMs");
        assert.equal(backoffDelay(policy, 1, 5000), 5000, "never shorter than Retry-After");
        assert.equal(backoffDelay(policy, 1, 3_600_000), 60000, "Retry-After capped at maxRetryAfterMs");
    });
});
