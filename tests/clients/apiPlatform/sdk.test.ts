import * as assert from "node:assert/strict";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import { NO_SDK_RETRY, createAdminSdk, createWithLookup, listAll } from "../../../clients/apiPlatform/sdk";

describe("provider/client openai SDK helpers", () => {
    let server: http.Server;
    let url: string;
    const seen: string[] = [];
    let roles: { id: string; name: string }[] = [];
    let failNextPost = false;

    before(async () => {
        server = http.createServer((req, res) => {
            let body = "";
            req.on("data", (c) => (body += c));
            req.on("end", () => {
                seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
                res.setHeader("content-type", "application/json");
                if (req.method === "POST") {
                    roles.push({ id: `role_${roles.length + 1}`, name: JSON.parse(body).role_name });
                    if (failNextPost) {
                        failNextPost = false;
                        res.statusCode = 500;
                        res.end(JSON.stringify({ error: { message: "applied, answer lost" } }));
                        return;
                    }
                    res.end(JSON.stringify(roles[roles.length - 1]));
                    return;
                }
                const q = new URL(req.url!, "http://x").searchParams;
                const start = q.get("after") ? roles.findIndex((r) => r.id === q.get("after")) + 1 : 0;
                const data = roles.slice(start, start + Number(q.get("limit") ?? 20));
                const hasMore = start + data.length < roles.length;
                res.end(
                    JSON.stringify({
                        object: "list",
                        data,
                        has_more: hasMore,
                        next: hasMore ? data[data.length - 1].id : null,
                    }),
                );
            });
        });
        await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    });
    after(async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
    });
    beforeEach(() => {
        seen.length = 0;
        roles = [];
    });

    it("the SDK client is built per call with the admin key as bearer; a create POST that failed after applying is found, not re-posted", async () => {
        const sdk = createAdminSdk({ adminKey: "sk-admin-sdk-test-0001", apiBaseUrl: url });
        const find = async () =>
            (
                await listAll<{ id: string; name: string }>(
                    (after) => sdk.admin.organization.roles.list({ limit: 100, ...(after ? { after } : {}) }) as any,
                )
            ).find((r) => r.name === "Codex");
        failNextPost = true;
        const role = await createWithLookup(
            "POST /organization/roles",
            () =>
                sdk.admin.organization.roles.create(
                    { role_name: "Codex", permissions: ["codex.use"] },
                    NO_SDK_RETRY,
                ) as any,
            find,
            { sleep: async () => {} },
        );
        assert.deepEqual(role, { id: "role_1", name: "Codex" });
        assert.equal(seen.filter((s) => s.startsWith("POST")).length, 1, "one POST: the lookup found the role");
        assert.ok(seen.every((s) => s.endsWith("Bearer sk-admin-sdk-test-0001")));
    });

    it("listAll follows `next` across pages", async () => {
        roles = Array.from({ length: 130 }, (_, i) => ({ id: `role_${i}`, name: `R${i}` }));
        const sdk = createAdminSdk({ adminKey: "sk-admin-sdk-test-0001", apiBaseUrl: url });
        const all = await listAll<{ id: string }>(
            (after) => sdk.admin.organization.roles.list({ limit: 100, ...(after ? { after } : {}) }) as any,
        );
        assert.equal(all.length, 130);
        assert.equal(seen.length, 2);
    });
});
