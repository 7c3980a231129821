import * as assert from "node:assert/strict";
import { ChatGptAdminClient } from "../../../clients/chatgptAdmin";
import { KEY, ScriptedServer, WORKSPACE, json, startScriptedServer } from "./scriptedServer";

const make = (baseUrl: string, workspaceId = WORKSPACE) =>
    new ChatGptAdminClient({ workspaceId, adminKey: () => KEY, baseUrl, sleep: async () => undefined });

describe("clients/chatgptAdmin input checks", () => {
    let server: ScriptedServer | undefined;
    afterEach(async () => {
        await server?.stop();
        server = undefined;
    });

    it("validates the workspace UUID at construction", () => {
        for (const bad of ["", "default", "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4", `${WORKSPACE}/../x`]) {
            assert.throws(() => make("https://api.chatgpt.com/v1", bad), {
                name: "ChatGptAdminApiError",
                kind: "invalid_request",
                message:
                    /^new ChatGptAdminClient failed \(invalid_request\): workspaceId ".*" is not a UUID\. copy the /,
            });
        }
        assert.equal(make("https://api.chatgpt.com/v1", WORKSPACE.toUpperCase()).workspaceId, WORKSPACE);
    });

    it("refuses plain http unless the host is loopback", () => {
        for (const bad of [
            "http://api.chatgpt.com/v1",
            "http://10.0.0.5:8080/v1",
            "http://127.0.0.1.evil.example/v1",
            "ftp://127.0.0.1/v1",
            "https://user:pw@api.chatgpt.com/v1",
            "not a url",
        ]) {
            assert.throws(() => make(bad), { kind: "invalid_request", route: "new ChatGptAdminClient" }, bad);
        }
        assert.throws(
            () => make("http://api.chatgpt.com/v1"),
            /plain http to api\.chatgpt\.com, which would send the admin key in clear/,
        );
        for (const ok of [
            "https://api.chatgpt.com/v1/",
            "http://127.0.0.1:4010/v1",
            "http://127.8.9.10/v1",
            "http://localhost:4010/v1",
            "http://[::1]:4010/v1",
        ]) {
            assert.equal(make(ok).baseUrl, ok.replace(/\/$/, ""));
        }
        assert.equal(make(undefined as unknown as string).baseUrl, "https://api.chatgpt.com/v1");
    });

    it("refuses ids that are not one path segment, before any request", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, { data: [], has_more: false }));
        const c = make(server.url);
        for (const bad of ["a/b", "..", ".", "x?y", "x#y", "%2e%2e", "a\u0000b", "a\nb", "a b", "a\\b", ""]) {
            await assert.rejects(
                c.listGroupUsers(bad),
                { kind: "invalid_request", message: /groupId/ },
                JSON.stringify(bad),
            );
            await assert.rejects(
                c.deleteInvite(bad),
                { kind: "invalid_request", message: /inviteId/ },
                JSON.stringify(bad),
            );
            await assert.rejects(c.setGroupUsageLimit(bad, null), { kind: "invalid_request" }, JSON.stringify(bad));
        }
        assert.equal(server.seen.length, 0);
        await c.listGroupUsers("grp_01H.x:y-z");
        assert.equal(server.seen.length, 1);
    });
});
