import * as assert from "node:assert/strict";
import { request } from "node:http";
import { connect } from "node:net";
import { once } from "node:events";
import { RunningEmulator, startEmulator } from "../../emulator";
import { JEFFERSON, LINCOLN, call, chatgpt, platform, scim, scimUser, twoWorkspaces } from "./helpers";

/** A raw request with a chosen Host header (fetch does not let a caller set Host). */
function withHost(
    emulator: RunningEmulator,
    host: string,
    path: string,
    token?: string,
): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
        const req = request(
            `${emulator.url}${path}`,
            {
                headers: { host, ...(token ? { authorization: `Bearer ${token}` } : {}) },
            },
            (res) => {
                let text = "";
                res.on("data", (c: Buffer) => (text += c.toString()));
                res.on("end", () =>
                    resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
                );
            },
        );
        req.on("error", reject);
        req.end();
    });
}

describe("emulator: authentication, isolation and bounds", () => {
    let emulator: RunningEmulator | undefined;
    afterEach(async () => {
        await emulator?.stop();
        emulator = undefined;
    });

    it("answers 401 for a missing or wrong key, 403 for another workspace's key, 404 for an unknown workspace", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces });
        const missing = await call(emulator, undefined, "GET", `/v1/manage/workspaces/${LINCOLN.id}/users`);
        assert.deepEqual([missing.status, missing.body.error.code], [401, "missing_api_key"]);
        const wrong = await chatgpt(emulator, "GET", "/users", undefined, { key: "test-admin-key-wrong-123456" });
        assert.deepEqual([wrong.status, wrong.body.error.code], [401, "invalid_api_key"]);
        assert.ok(!JSON.stringify(wrong.body).includes("test-admin-key-wrong-123456"), "the key is never echoed");
        const scimToken = await chatgpt(emulator, "GET", "/users", undefined, { key: LINCOLN.scimToken });
        assert.equal(scimToken.status, 401, "a SCIM token is not an Admin key");
        const orgKey = await chatgpt(emulator, "GET", "/users", undefined, {
            key: emulator.apiPlatformOrgs[0].adminKey,
        });
        assert.equal(orgKey.status, 401, "an API Platform org key is not a workspace Admin key");

        const other = await chatgpt(emulator, "GET", "/users", undefined, { key: JEFFERSON.adminKey });
        assert.deepEqual([other.status, other.body.error.code], [403, "workspace_forbidden"]);
        const unknown = await call(
            emulator,
            LINCOLN.adminKey,
            "GET",
            "/v1/manage/workspaces/9f0e0c4c-0000-4000-8000-000000000000/users",
        );
        assert.deepEqual([unknown.status, unknown.body.error.code], [404, "workspace_not_found"]);
        const notUuid = await call(emulator, LINCOLN.adminKey, "GET", "/v1/manage/workspaces/lincoln/users");
        assert.equal(notUuid.status, 404);
        const unknownRoute = await chatgpt(emulator, "GET", "/roles");
        assert.deepEqual(
            [unknownRoute.status, unknownRoute.body.error.code],
            [404, "unknown_url"],
            "only routes of the real API exist",
        );
    });

    it("keeps several workspaces apart: members, groups, limits and SCIM directories", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces });
        const lincolnUser = emulator.seedUser(LINCOLN.id, { email: "a@lincoln.k12.us", source: "aac" });
        emulator.seedUser(JEFFERSON.id, { email: "b@jefferson.k12.us", source: "invite" });
        await scim(emulator, "POST", "/Users", scimUser("c@jefferson.k12.us"), { workspace: 1 });
        await chatgpt(emulator, "PATCH", "/usage_limits/workspace", {
            override_monthly_usage_limit: { type: "limited", limit_amount: { amount: 100, unit: "credit" } },
        });
        const lincoln = (await chatgpt(emulator, "GET", "/users")).body.data.map((u: any) => u.email);
        const jefferson = (await chatgpt(emulator, "GET", "/users", undefined, { workspace: 1 })).body.data.map(
            (u: any) => u.email,
        );
        assert.deepEqual(lincoln, ["a@lincoln.k12.us"]);
        assert.deepEqual(jefferson, ["b@jefferson.k12.us", "c@jefferson.k12.us"]);
        const crossRead = await call(
            emulator,
            JEFFERSON.adminKey,
            "GET",
            `/v1/manage/workspaces/${JEFFERSON.id}/users/${lincolnUser.id}`,
        );
        assert.equal(crossRead.status, 404, "another workspace's user id is unknown here");
        const jLimit = await chatgpt(emulator, "GET", "/usage_limits/workspace", undefined, { workspace: 1 });
        assert.equal(jLimit.body.override_monthly_usage_limit, null);
        const crossScim = await scim(emulator, "GET", "/Users", undefined, { workspace: 1, token: LINCOLN.scimToken });
        assert.equal(crossScim.status, 401, "a workspace's SCIM token opens only its own directory (SCIM-7)");
        assert.deepEqual(
            emulator.requestLog.map((e) => e.workspace),
            [JEFFERSON.id, LINCOLN.id, LINCOLN.id, JEFFERSON.id, JEFFERSON.id, JEFFERSON.id, undefined],
        );
    });

    it("refuses a foreign Host header (DNS-rebinding guard) on every route, control included", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces });
        const port = new URL(emulator.url).port;
        const path = `/v1/manage/workspaces/${LINCOLN.id}/users`;
        assert.equal((await withHost(emulator, `localhost:${port}`, path, LINCOLN.adminKey)).status, 200);
        assert.equal((await withHost(emulator, `127.0.0.1:${port}`, path, LINCOLN.adminKey)).status, 200);
        const evil = await withHost(emulator, `attacker.example:${port}`, path, LINCOLN.adminKey);
        assert.deepEqual([evil.status, evil.body.error.code], [421, "misdirected_request"]);
        assert.equal(
            (await withHost(emulator, "127.0.0.1", path, LINCOLN.adminKey)).status,
            421,
            "the port must match",
        );
        assert.equal((await withHost(emulator, `evil.test:${port}`, "/_emulator/requests")).status, 421);
        assert.equal(
            (await withHost(emulator, `evil.test:${port}`, `/scim/v2/${LINCOLN.id}/Users`, LINCOLN.scimToken)).status,
            421,
        );
    });

    it("answers 413 for a body over the limit and 400 for names over their length", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces, limits: { maxBodyBytes: 1024 } });
        const big = await chatgpt(emulator, "POST", "/invites", { email: "a@x.org", padding: "x".repeat(2000) });
        assert.deepEqual([big.status, big.body.error.code], [413, "request_too_large"]);
        assert.equal((await chatgpt(emulator, "GET", "/invites")).body.data.length, 0);
        const longName = await scim(emulator, "POST", "/Groups", { displayName: "G".repeat(300) });
        assert.deepEqual([longName.status, longName.body.scimType], [400, "invalidValue"]);
    });

    it("bounds the objects stored per workspace", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces, limits: { maxObjectsPerWorkspace: 2 } });
        assert.equal((await chatgpt(emulator, "POST", "/invites", { email: "a@x.org" })).status, 200);
        assert.equal((await chatgpt(emulator, "POST", "/invites", { email: "b@x.org" })).status, 200);
        const full = await chatgpt(emulator, "POST", "/invites", { email: "c@x.org" });
        assert.deepEqual([full.status, full.body.error.code], [507, "object_limit_reached"]);
        assert.equal((await scim(emulator, "POST", "/Users", scimUser("d@x.org"))).status, 507);
        assert.equal((await chatgpt(emulator, "POST", "/invites", { email: "c@x.org" }, { workspace: 1 })).status, 200);
        for (const name of ["A", "B"])
            assert.equal((await platform(emulator, "POST", "/organization/groups", { name })).status, 200);
        assert.equal(
            (await platform(emulator, "POST", "/organization/roles", { role_name: "C", permissions: [] })).status,
            507,
        );
    });

    it("rate limits per workspace, method and route with Retry-After in seconds", async () => {
        let clock = 1_000_000;
        emulator = await startEmulator({ workspaces: twoWorkspaces, requestsPerMinute: 3, now: () => clock });
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await chatgpt(emulator, "GET", "/users")).status);
        clock += 20_000;
        const limited = await chatgpt(emulator, "GET", "/users");
        assert.deepEqual([...statuses, limited.status], [200, 200, 200, 429]);
        assert.equal(limited.headers.get("retry-after"), "40", "the oldest request leaves the 60 s window in 40 s");
        assert.deepEqual(
            [limited.body.error.code, limited.body.error.type],
            ["rate_limit_exceeded", "rate_limit_error"],
        );
        assert.equal((await chatgpt(emulator, "GET", "/invites")).status, 200, "another route has its own budget");
        assert.equal(
            (await chatgpt(emulator, "POST", "/invites", { email: "a@x.org" })).status,
            200,
            "another method too",
        );
        assert.equal(
            (await chatgpt(emulator, "GET", "/users", undefined, { workspace: 1 })).status,
            200,
            "another workspace too",
        );
        assert.equal(
            (await chatgpt(emulator, "GET", "/users/user-x")).status,
            404,
            "route templates, not paths, are counted",
        );
        clock += 40_001;
        assert.equal((await chatgpt(emulator, "GET", "/users")).status, 200, "the window moved on");
    });

    it("closes a connection whose client is too slow to send its headers", async () => {
        emulator = await startEmulator({
            workspaces: twoWorkspaces,
            limits: { headersTimeoutMs: 200, requestTimeoutMs: 400 },
        });
        const socket = connect(Number(new URL(emulator.url).port), "127.0.0.1");
        await once(socket, "connect");
        let received = "";
        socket.on("data", (c: Buffer) => (received += c.toString()));
        socket.write(`GET /v1/manage/workspaces/${LINCOLN.id}/users HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
        await once(socket, "close");
        assert.match(received, /^HTTP\/1\.1 408/);
    });

    it("refuses connections beyond the configured maximum", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces, limits: { maxConnections: 1 } });
        const holder = connect(Number(new URL(emulator.url).port), "127.0.0.1");
        await once(holder, "connect");
        await new Promise((resolve) => setTimeout(resolve, 50));
        await assert.rejects(chatgpt(emulator, "GET", "/users"), /fetch failed/);
        holder.destroy();
        await once(holder, "close");
        let status: number | string = "never tried";
        for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
            // The server sees the close a moment after the client does.
            status = await chatgpt(emulator, "GET", "/users").then(
                (a) => a.status,
                () => "refused",
            );
            if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        assert.equal(status, 200, "a freed slot serves again");
    });

    it("serves the control API to loopback clients, with the control token when one is set", async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces, controlToken: "test-control-token-1" });
        assert.equal((await call(emulator, undefined, "GET", "/_emulator/requests")).status, 401);
        assert.equal((await call(emulator, LINCOLN.adminKey, "GET", "/_emulator/requests")).status, 401);
        const seeded = await call(
            emulator,
            "test-control-token-1",
            "POST",
            `/_emulator/workspaces/${LINCOLN.id}/users`,
            { email: "aac@lincoln.k12.us", source: "aac" },
        );
        assert.deepEqual([seeded.status, seeded.body.source, seeded.body.is_scim_managed], [201, "aac", false]);
        const group = await call(
            emulator,
            "test-control-token-1",
            "POST",
            `/_emulator/workspaces/${LINCOLN.id}/groups`,
            { name: "TESTING_LOCAL", member_ids: [seeded.body.id] },
        );
        assert.equal(group.status, 201);
        const invite = await chatgpt(emulator, "POST", "/invites", { email: "new@lincoln.k12.us" });
        const accepted = await call(
            emulator,
            "test-control-token-1",
            "POST",
            `/_emulator/workspaces/${LINCOLN.id}/invites/${invite.body.id}/accept`,
        );
        assert.deepEqual([accepted.status, accepted.body.source], [201, "invite"]);
        const log = await call(emulator, "test-control-token-1", "GET", "/_emulator/requests");
        assert.deepEqual(
            log.body.data.map((e: any) => [e.method, e.route, e.status]),
            [["POST", "/v1/manage/workspaces/:workspaceId/invites", 200]],
            "control calls are not logged",
        );
        const reset = await call(emulator, "test-control-token-1", "POST", "/_emulator/reset");
        assert.equal(reset.status, 200);
        assert.equal((await chatgpt(emulator, "GET", "/users")).body.data.length, 0);
        assert.equal(emulator.requestLog.length, 1, "reset cleared the log; the GET above is the only entry");
    });
});
