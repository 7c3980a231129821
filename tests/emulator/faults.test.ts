import * as assert from "node:assert/strict";
import OpenAI from "openai";
import { RunningEmulator, startEmulator } from "../../emulator";
import { LINCOLN, call, chatgpt, platform, scim, twoWorkspaces } from "./helpers";

const limitBody = (amount: number) => ({
    override_monthly_usage_limit: { type: "limited", limit_amount: { amount, unit: "credit" } },
});

describe("emulator: fault injection", () => {
    let emulator: RunningEmulator | undefined;
    afterEach(async () => {
        await emulator?.stop();
        emulator = undefined;
    });

    it("answers 429 with Retry-After and changes nothing", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces, faults: { rate429: 1, retryAfterSeconds: 7 } });
        const refused = await chatgpt(emulator, "POST", "/invites", { email: "a@lincoln.k12.us" });
        assert.deepEqual(
            [refused.status, refused.headers.get("retry-after"), refused.body.error.code],
            [429, "7", "rate_limit_exceeded"],
        );
        const scimRefused = await scim(emulator, "POST", "/Groups", { displayName: "FUNCTION_Support" });
        assert.deepEqual([scimRefused.status, scimRefused.body.status], [429, "429"]);

        emulator.setFaults({ rate429: 0 });
        assert.equal(
            (await chatgpt(emulator, "GET", "/invites")).body.data.length,
            0,
            "the faulted POST created nothing",
        );
        assert.equal(
            (await chatgpt(emulator, "GET", "/groups")).body.data.length,
            0,
            "the faulted SCIM push created nothing",
        );
        assert.deepEqual(
            emulator.requestLog.map((e) => [e.method, e.route, e.status, e.workspace, e.fault]),
            [
                ["POST", "/v1/manage/workspaces/:workspaceId/invites", 429, LINCOLN.id, "rate_limited"],
                ["POST", "/scim/v2/:workspaceId/Groups", 429, LINCOLN.id, "rate_limited"],
                ["GET", "/v1/manage/workspaces/:workspaceId/invites", 200, LINCOLN.id, undefined],
                ["GET", "/v1/manage/workspaces/:workspaceId/groups", 200, LINCOLN.id, undefined],
            ],
        );
    });

    it("answers 503 with Retry-After, which the openai SDK retries until it succeeds (API Platform routes)", async () => {
        emulator = await startEmulator({ faults: { rate5xx: 1, retryAfterSeconds: 0 } });
        const refused = await chatgpt(emulator, "PATCH", "/usage_limits/workspace", limitBody(10));
        assert.deepEqual(
            [refused.status, refused.headers.get("retry-after"), refused.body.error.type],
            [503, "0", "server_error"],
        );

        emulator.setFaults({ rate5xx: 0.5, seed: 42 });
        const client = new OpenAI({
            adminAPIKey: emulator.apiPlatformOrgs[0].adminKey,
            apiKey: null as unknown as string,
            baseURL: emulator.apiBaseUrl,
            maxRetries: 10,
        });
        for (let i = 0; i < 5; i++)
            await client.admin.organization.roles.create({ role_name: `Role ${i}`, permissions: [] });
        emulator.setFaults({ rate5xx: 0 });
        const names = (await client.admin.organization.roles.list()).data.map((r) => r.name);
        assert.deepEqual(
            names,
            ["Role 0", "Role 1", "Role 2", "Role 3", "Role 4"],
            "no duplicates: faulted POSTs applied nothing",
        );
        const posts = emulator.requestLog.filter((e) => e.method === "POST");
        assert.equal(posts.filter((e) => e.status === 200).length, 5);
        assert.ok(
            posts.some((e) => e.status === 503),
            "with rate 0.5 some POSTs were faulted",
        );
        assert.equal(
            (await chatgpt(emulator, "GET", "/usage_limits/workspace")).body.override_monthly_usage_limit,
            null,
        );
    });

    it("lost answers: the write is applied, then the connection drops without an answer", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces, faults: { rateLostAnswer: 1 } });
        await assert.rejects(chatgpt(emulator, "POST", "/invites", { email: "pilot@lincoln.k12.us" }), /fetch failed/);
        await assert.rejects(chatgpt(emulator, "PATCH", "/usage_limits/workspace", limitBody(300)), /fetch failed/);
        emulator.setFaults({ rateLostAnswer: 0 });
        const invites = (await chatgpt(emulator, "GET", "/invites")).body.data;
        assert.deepEqual(
            invites.map((i: any) => i.email),
            ["pilot@lincoln.k12.us"],
            "the lost POST created the invite",
        );
        const limit = (await chatgpt(emulator, "GET", "/usage_limits/workspace")).body.override_monthly_usage_limit;
        assert.equal(limit.limit_amount.amount, 300, "the lost PATCH set the limit");
        assert.deepEqual(
            emulator.requestLog.slice(0, 2).map((e) => [e.method, e.status, e.fault]),
            [
                ["POST", 200, "lost_answer"],
                ["PATCH", 200, "lost_answer"],
            ],
        );
        const again = await chatgpt(emulator, "POST", "/invites", { email: "pilot@lincoln.k12.us" });
        assert.equal(
            again.status,
            200,
            "a blind retry makes a duplicate pending invite, which a client must avoid by looking first",
        );
        assert.equal((await chatgpt(emulator, "GET", "/invites")).body.data.length, 2);
    });

    it("is deterministic for a seed and settable at run time through /_emulator/faults", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces });
        const sequence = async () => {
            const outcomes = [];
            for (let i = 0; i < 30; i++) {
                outcomes.push(
                    await chatgpt(emulator!, "GET", "/users").then(
                        (a) => a.status,
                        () => "lost",
                    ),
                );
            }
            return outcomes;
        };
        const set = await call(emulator, undefined, "PUT", "/_emulator/faults", {
            rate429: 0.2,
            rate5xx: 0.2,
            rateLostAnswer: 0.2,
            seed: 7,
        });
        assert.equal(set.status, 200);
        assert.deepEqual(set.body, {
            latencyMs: 0,
            rate429: 0.2,
            rate5xx: 0.2,
            rateLostAnswer: 0.2,
            retryAfterSeconds: 1,
            seed: 7,
        });
        const first = await sequence();
        await call(emulator, undefined, "PUT", "/_emulator/faults", { seed: 7 });
        assert.deepEqual(await sequence(), first);
        for (const outcome of [429, 503, 200, "lost"])
            assert.ok(first.includes(outcome), `${outcome} in ${first.join(",")}`);

        const invalid = await call(emulator, undefined, "PUT", "/_emulator/faults", { rate429: 0.8, rate5xx: 0.5 });
        assert.equal(invalid.status, 400);
        assert.match(invalid.body.error.message, /must be at most 1/);
        const unknown = await call(emulator, undefined, "PUT", "/_emulator/faults", { rate500: 1 });
        assert.match(unknown.body.error.message, /faults.rate500 is not a fault setting/);
        assert.throws(() => emulator!.setFaults({ latencyMs: -1 }), /faults.latencyMs must be a number between 0/);
        assert.equal(
            emulator.requestLog.filter((e) => e.path.startsWith("/_emulator")).length,
            0,
            "control calls are not logged",
        );
    });

    it("adds latency to every API answer and faults API Platform routes too", async () => {
        emulator = await startEmulator({ faults: { latencyMs: 150 } });
        const started = Date.now();
        await chatgpt(emulator, "GET", "/users");
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 140, `took ${elapsed} ms`);
        emulator.setFaults({ latencyMs: 0, rate429: 1 });
        assert.equal((await platform(emulator, "GET", "/organization/roles")).status, 429);
    });
});
