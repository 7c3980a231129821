import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import { ChatGptAdminApiError, ChatGptAdminClient, isChatGptAdminApiError } from "../../../clients/chatgptAdmin";
import { KEY, ScriptedServer, WORKSPACE, fakeClock, json, startScriptedServer, user } from "./scriptedServer";

function client(url: string, extra: Partial<ConstructorParameters<typeof ChatGptAdminClient>[0]> = {}) {
    const clock = fakeClock(Date.parse("2026-11-25T12:00:00Z"));
    const c = new ChatGptAdminClient({
        workspaceId: WORKSPACE,
        adminKey: () => KEY,
        baseUrl: url,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        ...extra,
    });
    return { c, clock };
}

async function failure(promise: Promise<unknown>): Promise<ChatGptAdminApiError> {
    try {
        await promise;
    } catch (error) {
        assert.ok(isChatGptAdminApiError(error), `not a ChatGptAdminApiError: ${error}`);
        return error;
    }
    assert.fail("expected a failure");
}

const page = (data: unknown[]) => ({ object: "list", data, has_more: false });

describe("clients/chatgptAdmin retries and errors", () => {
    let server: ScriptedServer | undefined;
    afterEach(async () => {
        await server?.stop();
        server = undefined;
    });

    it("honours Retry-After in seconds on 429 and as an HTTP date on 503", async () => {
        let calls = 0;
        server = await startScriptedServer((_req, res) => {
            calls++;
            if (calls === 1) return json(res, 429, { error: { message: "slow down" } }, { "retry-after": "7" });
            if (calls === 2)
                return json(
                    res,
                    503,
                    { error: { message: "busy" } },
                    { "retry-after": "Wed, 25 Nov 2026 12:00:19 GMT" },
                );
            json(res, 200, page([user("u1")]));
        });
        const { c, clock } = client(server.url);
        assert.equal((await c.listUsers()).length, 1);
        assert.equal(server.seen.length, 3);
        assert.deepEqual(clock.sleeps, [7000, 12000]);
    });

    it("backs off with jitter on 5xx without Retry-After and gives up after maxRetries with kind server", async () => {
        server = await startScriptedServer((_req, res) => json(res, 502, { error: { message: "bad gateway" } }));
        const { c, clock } = client(server.url, { maxRetries: 3 });
        const error = await failure(c.getWorkspaceUsageLimit());
        assert.equal(error.kind, "server");
        assert.equal(error.status, 502);
        assert.equal(error.maybeApplied, false, "a GET applies nothing");
        assert.equal(server.seen.length, 4);
        assert.deepEqual(clock.sleeps, [125, 250, 500]);
    });

    it("times out an attempt that gets no answer and retries a GET, then reports kind timeout", async () => {
        server = await startScriptedServer(() => undefined);
        const { c } = client(server.url, { timeoutMs: 150, maxRetries: 1 });
        const error = await failure(c.listGroups());
        assert.equal(error.kind, "timeout");
        assert.match(error.message, /no complete answer within 150 ms/);
        assert.equal(server.seen.length, 2);
    });

    it("401 is kind authentication with the Admin key hint, not retried", async () => {
        server = await startScriptedServer((_req, res) =>
            json(res, 401, { error: { message: "Invalid API key", code: "invalid_api_key" } }),
        );
        const error = await failure(client(server.url).c.listUsers());
        assert.equal(error.kind, "authentication");
        assert.equal(error.status, 401);
        assert.equal(error.code, "invalid_api_key");
        assert.equal(
            error.hint,
            "the admin key is wrong or revoked: create a workspace-scoped Admin key in the OpenAI " +
                "Admin Console → Credentials → Admin keys",
        );
        assert.equal(
            error.message,
            `GET /manage/workspaces/${WORKSPACE}/users failed (authentication 401): ` +
                `invalid_api_key: Invalid API key. ${error.hint}`,
        );
        assert.equal(server.seen.length, 1);
    });

    it("403 is kind permission naming the scope the route needs and the workspace", async () => {
        server = await startScriptedServer((_req, res) => json(res, 403, { error: { message: "forbidden" } }));
        const c = client(server.url).c;
        const onLimit = await failure(c.setGroupUsageLimit("g1", null));
        assert.equal(onLimit.kind, "permission");
        assert.equal(
            onLimit.hint,
            `the admin key lacks the "write usage limits" permission for workspace ${WORKSPACE} ` +
                "(or was made in another workspace): give it that permission in the OpenAI Admin Console → " +
                "Credentials → " +
                "Admin keys, or use a key of this workspace",
        );
        assert.match((await failure(c.listUsers())).hint, /lacks the "read users" permission/);
        assert.match((await failure(c.listGroupUsers("g1"))).hint, /lacks the "read groups" permission/);
        assert.match(
            (await failure(c.createInvite({ email: "a@b.example" }))).hint,
            /lacks the "write invites" permission/,
        );
    });

    it("404 on a workspace-level route says the workspace id is wrong or the plan has no admin API", async () => {
        server = await startScriptedServer((_req, res) => json(res, 404, { error: { message: "Not found" } }));
        const c = client(server.url).c;
        for (const call of [() => c.listUsers(), () => c.getWorkspaceUsageLimit(), () => c.listGroups()]) {
            const error = await failure(call());
            assert.equal(error.kind, "not_found");
            assert.equal(
                error.hint,
                `workspace ${WORKSPACE} was not found, or its plan has no admin API (ChatGPT ` +
                    "Enterprise and Edu only): check workspaceId against the OpenAI Admin Console and the " +
                    "workspace's plan",
            );
        }
        const item = await failure(c.getGroupUsageLimit("grp_9"));
        assert.equal(item.kind, "not_found");
        assert.equal(item.hint, `no group grp_9 in workspace ${WORKSPACE}: it was deleted or the id is wrong`);
        const invite = await failure(c.deleteInvite("inv_1"));
        assert.equal(invite.hint, `no invite inv_1 in workspace ${WORKSPACE}: it was deleted or the id is wrong`);
        assert.equal(server.seen.length, 5, "404 is not retried");
    });

    it("409 is kind conflict and 400 kind invalid_request, neither retried", async () => {
        let status = 409;
        server = await startScriptedServer((_req, res) => json(res, status, { error: { message: "nope", code: "x" } }));
        const c = client(server.url).c;
        assert.equal((await failure(c.deleteInvite("inv_1"))).kind, "conflict");
        status = 400;
        assert.equal((await failure(c.setWorkspaceUsageLimit(null))).kind, "invalid_request");
        assert.equal(server.seen.length, 2);
    });

    it("a missing admin key is kind authentication and nothing is sent", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, page([])));
        const error = await failure(client(server.url, { adminKey: () => undefined }).c.listUsers());
        assert.equal(error.kind, "authentication");
        assert.match(
            error.message,
            /no admin key: set the secret stack config chatgpt-identity:adminKey or CHATGPT_ADMIN_KEY/,
        );
        assert.equal(server.seen.length, 0);
    });

    it("the key is never in message, stack, inspect or JSON of error or client, even if echoed", async () => {
        server = await startScriptedServer((req, res) =>
            json(res, 401, { error: { message: `key ${req.auth?.slice(7)} is revoked` } }),
        );
        const { c } = client(server.url);
        const error = await failure(c.listUsers());
        assert.match(error.message, /key \[redacted\] is revoked/);
        for (const text of [
            error.message,
            error.stack ?? "",
            inspect(error, { depth: 5 }),
            JSON.stringify(error),
            inspect(c, { depth: 10, showHidden: true }),
            JSON.stringify(c),
            String(c),
        ]) {
            assert.ok(!text.includes(KEY), `key leaked in: ${text.slice(0, 200)}`);
        }
        assert.ok(!Object.values(c).some((v) => v === KEY));
    });

    it("a dropped connection is kind connection", async () => {
        server = await startScriptedServer((_req, _res, raw) => raw.socket.destroy());
        const error = await failure(client(server.url, { maxRetries: 1 }).c.listUsers());
        assert.equal(error.kind, "connection");
        assert.equal(server.seen.length, 2);
    });

    it("a non-JSON success answer is kind invalid_response", async () => {
        server = await startScriptedServer((_req, res) => {
            res.writeHead(200);
            res.end("<html>login</html>");
        });
        const error = await failure(client(server.url).c.getWorkspaceUsageLimit());
        assert.equal(error.kind, "invalid_response");
        assert.match(error.message, /the answer is not JSON/);
    });
});
