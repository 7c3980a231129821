import * as assert from "node:assert/strict";
import { ChatGptAdminClient, ChatGptAdminApiError, ListProgress } from "../../../clients/chatgptAdmin";
import { KEY, PREFIX, ScriptedServer, WORKSPACE, fakeClock, json, startScriptedServer, user } from "./scriptedServer";

function client(url: string, progress: ListProgress[] = []) {
    const clock = fakeClock();
    return new ChatGptAdminClient({
        workspaceId: WORKSPACE,
        adminKey: () => KEY,
        baseUrl: url,
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        onProgress: (p) => progress.push(p),
    });
}

describe("clients/chatgptAdmin lists", () => {
    let server: ScriptedServer | undefined;
    afterEach(async () => {
        await server?.stop();
        server = undefined;
    });

    it("listUsers pages with limit=1000 and after=<last id> until has_more is false, reporting progress", async () => {
        server = await startScriptedServer((req, res) => {
            assert.equal(req.path, `${PREFIX}/users`);
            const after = req.query.get("after");
            if (!after)
                return json(res, 200, {
                    object: "list",
                    data: [user("u1"), user("u2")],
                    first_id: "u1",
                    last_id: "u2",
                    has_more: true,
                });
            if (after === "u2")
                return json(res, 200, {
                    object: "list",
                    data: [user("u3")],
                    first_id: "u3",
                    last_id: "u3",
                    has_more: false,
                });
            json(res, 400, { error: { message: `unexpected after ${after}` } });
        });
        const progress: ListProgress[] = [];
        const users = await client(server.url, progress).listUsers();
        assert.deepEqual(
            users.map((u) => u.id),
            ["u1", "u2", "u3"],
        );
        assert.deepEqual(
            server.seen.map((r) => `${r.method} ${r.query}`),
            ["GET limit=1000", "GET limit=1000&after=u2"],
        );
        assert.ok(server.seen.every((r) => r.auth === `Bearer ${KEY}`));
        assert.deepEqual(progress, [
            { route: "GET /users", pages: 1, items: 2 },
            { route: "GET /users", pages: 2, items: 3 },
        ]);
    });

    it("listGroupUsers pages with limit=100 and the opaque cursor", async () => {
        server = await startScriptedServer((req, res) => {
            assert.equal(req.path, `${PREFIX}/groups/grp_7/users`);
            const cursor = req.query.get("cursor");
            if (!cursor)
                return json(res, 200, {
                    object: "list",
                    data: [user("m1", { email: null })],
                    last_id: "m1",
                    cursor: "opaque+/=",
                    has_more: true,
                });
            if (cursor === "opaque+/=")
                return json(res, 200, {
                    object: "list",
                    data: [user("m2")],
                    last_id: "m2",
                    cursor: null,
                    has_more: false,
                });
            json(res, 400, { error: { message: "bad cursor" } });
        });
        const members = await client(server.url).listGroupUsers("grp_7");
        assert.deepEqual(
            members.map((m) => [m.id, m.email]),
            [
                ["m1", null],
                ["m2", "m2@district.example"],
            ],
        );
        assert.deepEqual(
            server.seen.map((r) => r.query.toString()),
            ["limit=100", "limit=100&cursor=opaque%2B%2F%3D"],
        );
    });

    it("listGroups follows either a next_cursor or last_id, whichever the API offers", async () => {
        server = await startScriptedServer((req, res) => {
            const group = (id: string) => ({
                object: "directory.workspace.group",
                id,
                name: `[USAGE]_STAFF_${id}`,
                source: "scim",
            });
            if (req.query.get("cursor") === "p2")
                return json(res, 200, { data: [group("g2")], has_more: true, last_id: "g2" });
            if (req.query.get("after") === "g2") return json(res, 200, { data: [group("g3")], has_more: false });
            json(res, 200, { data: [group("g1")], has_more: true, next_cursor: "p2" });
        });
        const groups = await client(server.url).listGroups();
        assert.deepEqual(
            groups.map((g) => g.id),
            ["g1", "g2", "g3"],
        );
        assert.equal(groups[0].source, "scim", "unknown fields are kept");
        assert.deepEqual(
            server.seen.map((r) => r.query.toString()),
            ["limit=100", "limit=100&cursor=p2", "limit=100&after=g2"],
        );
    });

    it("refuses a page without has_more, naming the route and the field", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, { object: "list", data: [user("u1")] }));
        await assert.rejects(client(server.url).listUsers(), (error: ChatGptAdminApiError) => {
            assert.equal(error.kind, "invalid_response");
            assert.equal(error.route, `GET /manage/workspaces/${WORKSPACE}/users`);
            assert.match(error.message, /the answer's field has_more is wrong: the list page has no boolean has_more/);
            return true;
        });
    });

    it("refuses has_more: true on a cursor route without a cursor", async () => {
        server = await startScriptedServer((_req, res) =>
            json(res, 200, { data: [user("m1")], last_id: "m1", cursor: null, has_more: true }),
        );
        await assert.rejects(client(server.url).listGroupUsers("g1"), {
            kind: "invalid_response",
            message: new RegExp(
                "field next_cursor/cursor is wrong: has_more is true but the page gives no way to continue",
            ),
        });
        assert.equal(server.seen.length, 1);
    });

    it("keeps unknown fields and fails on a missing required field, naming it", async () => {
        server = await startScriptedServer((req, res) => {
            if (req.path.endsWith("/invites")) {
                return json(res, 200, {
                    data: [
                        { id: "inv1", email: "a@x.example", expires_at: 9 },
                        { id: "inv2", status: "pending" },
                    ],
                    has_more: false,
                });
            }
            json(res, 200, { data: [user("u1", { future_field: { nested: true } })], has_more: false });
        });
        const c = client(server.url);
        const [u1] = await c.listUsers();
        assert.deepEqual(u1.future_field, { nested: true });
        await assert.rejects(c.listInvites(), (error: ChatGptAdminApiError) => {
            assert.equal(error.kind, "invalid_response");
            assert.equal(
                error.message,
                `GET /manage/workspaces/${WORKSPACE}/invites failed (invalid_response): the answer's ` +
                    "field data[1].email is missing. the API answered in a shape this client does not know: " +
                    "report it " +
                    "with " +
                    "the route and field",
            );
            return true;
        });
    });

    it("fails on a user without is_scim_managed and on a group without a name", async () => {
        server = await startScriptedServer((req, res) => {
            if (req.path.endsWith("/groups")) return json(res, 200, { data: [{ id: "g1" }], has_more: false });
            json(res, 200, { data: [{ id: "u1", email: "u1@x.example" }], has_more: false });
        });
        await assert.rejects(client(server.url).listUsers(), /field data\[0\]\.is_scim_managed is missing/);
        await assert.rejects(client(server.url).listGroups(), /field data\[0\]\.name is missing/);
    });

    it("refuses an answer without a data list", async () => {
        server = await startScriptedServer((_req, res) => json(res, 200, { users: [], has_more: false }));
        await assert.rejects(client(server.url).listUsers(), /field data is wrong: the list page has no data array/);
    });
});
