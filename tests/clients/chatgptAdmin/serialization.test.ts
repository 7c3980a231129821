import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ChatGptAdminClient, isChatGptAdminApiError } from "../../../clients/chatgptAdmin";
import { KEY, ScriptedServer, WORKSPACE, json, startScriptedServer, user } from "./scriptedServer";

/**
 * A dynamic provider builds the client inside its methods, and Pulumi's closure serialization copies the client's
 * code into the state: the client must work after that round trip and the text must hold no key.
 */
const ENV = "CHATGPT_IDENTITY_TEST_SERIALIZED_KEY";

async function serialized(): Promise<{ text: string; run: (url: string) => Promise<unknown> }> {
    const operation = async (baseUrl: string) => {
        const client = new ChatGptAdminClient({
            workspaceId: WORKSPACE,
            baseUrl,
            adminKey: () => process.env[ENV],
            maxRetries: 0,
        });
        try {
            return (await client.listUsers()).map((u) => u.id);
        } catch (error) {
            const e = error as Error & { kind?: string };
            return { kind: e.kind, message: e.message, branded: isChatGptAdminApiError(error), stack: e.stack };
        }
    };
    const { text, exportName } = await pulumi.runtime.serializeFunction(() => operation, { allowSecrets: false });
    const module = { exports: {} as Record<string, () => (url: string) => Promise<unknown>> };
    new Function("exports", "module", "require", text)(module.exports, module, require);
    return { text, run: (url) => module.exports[exportName]()(url) };
}

describe("clients/chatgptAdmin after Pulumi closure serialization", () => {
    let server: ScriptedServer | undefined;
    afterEach(async () => {
        await server?.stop();
        server = undefined;
        delete process.env[ENV];
    });

    it("lists users and keeps typed errors, and the serialized text holds no key", async function () {
        this.timeout(60000);
        process.env[ENV] = KEY;
        let status = 200;
        server = await startScriptedServer((_req, res) =>
            status === 200
                ? json(res, 200, { data: [user("u1")], has_more: false })
                : json(res, status, { error: { message: "no" } }),
        );
        const { text, run } = await serialized();
        assert.ok(!text.includes(KEY));
        assert.deepEqual(await run(server.url), ["u1"]);
        status = 403;
        const failed = (await run(server.url)) as { kind: string; message: string; branded: boolean; stack?: string };
        assert.equal(failed.kind, "permission");
        assert.equal(failed.branded, true);
        assert.ok(failed.stack?.startsWith(`ChatGptAdminApiError: ${failed.message}`), failed.stack);
        assert.match(failed.message, /failed \(permission 403\): no\. the admin key lacks the "read users" permission/);
    });
});
