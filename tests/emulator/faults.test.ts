import * as assert from "node:assert/strict";
import OpenAI from "openai";
import { RunningEmulator, startEmulator } from "../../emulator";
import { admin, call, scim } from "./helpers";

describe("emulator: fault injection", () => {
    let emulator: RunningEmulator | undefined;
    afterEach(async () => {
        await emulator?.stop();
        emulator = undefined;
    });

    it("answers 429 with Retry-After and changes nothing", async () => {
        emulator = await startEmulator({ faults: { rate429: 1, retryAfterSeconds: 7 } });
        const refused = await admin(emulator, "POST", "/organization/roles", { role_name: "Publisher", permissions: [] });
        assert.equal(refused.status, 429);
        assert.equal(refused.headers.get("retry-after"), "7");
        assert.equal(refused.body.error.code, "rate_limit_exceeded");
        const scimRefused = await scim(emulator, "POST", "/Groups", { displayName: "FUNCTION_Support" });
        assert.equal(scimRefused.status, 429);
        assert.equal(scimRefused.body.status, "429");

        emulator.setFaults({ rate429: 0 });
        assert.equal((await admin(emulator, "GET", "/organization/roles")).body.data.length, 0, "the faulted POST created nothing");
        assert.equal((await admin(emulator, "GET", "/organization/groups")).body.data.length, 0, "the faulted SCIM push created nothing");
        assert.deepEqual(emulator.requestLog.map((e) => [e.method, e.path, e.status, e.tenant]), [
            ["POST", "/v1/organization/roles", 429, "default"],
            ["POST", "/scim/v2/Groups", 429, "default"],
            ["GET", "/v1/organization/roles", 200, "default"],
            ["GET", "/v1/organization/groups", 200, "default"],
        ]);
    });

    it("answers 503 with Retry-After, which the openai SDK retries until it succeeds", async () => {
        emulator = await startEmulator({ faults: { rate5xx: 1, retryAfterSeconds: 0 } });
        const refused = await admin(emulator, "PATCH", "/organization/identity/settings", { external_invites: false });
        assert.deepEqual([refused.status, refused.headers.get("retry-after"), refused.body.error.type], [503, "0", "server_error"]);
        assert.equal(emulator.requestLog.length, 1);

        emulator.setFaults({ rate5xx: 0.5, seed: 42 });
        const client = new OpenAI({ adminAPIKey: emulator.tenants[0].adminKey, apiKey: null as unknown as string, baseURL: emulator.apiBaseUrl, maxRetries: 10 });
        for (let i = 0; i < 5; i++) await client.admin.organization.roles.create({ role_name: `Role ${i}`, permissions: [] });
        emulator.setFaults({ rate5xx: 0 });
        const names = (await client.admin.organization.roles.list()).data.map((r) => r.name);
        assert.deepEqual(names, ["Role 0", "Role 1", "Role 2", "Role 3", "Role 4"], "no duplicates: faulted POSTs applied nothing");
        const posts = emulator.requestLog.filter((e) => e.method === "POST");
        assert.equal(posts.filter((e) => e.status === 200).length, 5);
        assert.ok(posts.some((e) => e.status === 503), "with rate 0.5 some POSTs were faulted");
        assert.equal((await admin(emulator, "GET", "/organization/identity/settings")).body.external_invites, true);
    });

    it("is deterministic for a seed and settable at run time through /_emulator/faults", async () => {
        emulator = await startEmulator();
        const sequence = async () => {
            const statuses = [];
            for (let i = 0; i < 20; i++) statuses.push((await admin(emulator!, "GET", "/organization/roles")).status);
            return statuses;
        };
        const set = await call(emulator, undefined, "PUT", "/_emulator/faults", { rate429: 0.2, rate5xx: 0.2, seed: 7 });
        assert.equal(set.status, 200);
        assert.deepEqual(set.body, { latencyMs: 0, rate429: 0.2, rate5xx: 0.2, retryAfterSeconds: 1, seed: 7 });
        const first = await sequence();
        await call(emulator, undefined, "PUT", "/_emulator/faults", { seed: 7 });
        assert.deepEqual(await sequence(), first);
        assert.ok(first.includes(429) && first.includes(503) && first.includes(200), first.join(","));

        const invalid = await call(emulator, undefined, "PUT", "/_emulator/faults", { rate429: 0.8, rate5xx: 0.5 });
        assert.equal(invalid.status, 400);
        assert.match(invalid.body.error.message, /rate429 \+ faults.rate5xx must be at most 1/);
        assert.throws(() => emulator!.setFaults({ latencyMs: -1 }), /faults.latencyMs must be a number between 0/);
        assert.equal(emulator.requestLog.filter((e) => e.path.startsWith("/_emulator")).length, 0, "control calls are not logged");
    });

    it("adds latency to every API answer", async () => {
        emulator = await startEmulator({ faults: { latencyMs: 150 } });
        const started = Date.now();
        await admin(emulator, "GET", "/organization/roles");
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 140, `took ${elapsed} ms`);
    });
});
