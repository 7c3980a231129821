import * as assert from "node:assert/strict";
import { ChatGptAdminApiError, ChatGptAdminClientOptions } from "../../clients/chatgptAdmin";
import { factsFromLiveState, readLiveFacts } from "../../verify/liveFacts";
import { readLiveState } from "../../verify/liveState";
import { readWorkspaceSnapshot } from "../../verify/workspaceSnapshot";
import {
    TOKEN,
    STAFF_TOKEN,
    WORKSPACE_ID,
    fakeReader,
    group,
    healthySnapshot,
    liveState,
    tenantConfig,
    user,
} from "./support";

const dnsAllPresent = async (name: string) => (name === "lincoln.k12.us" ? [TOKEN] : [STAFF_TOKEN]);

describe("verify: the live reader", () => {
    it(
        "reads users, groups and invites once, and pages members only of declared groups without a " + "member_count",
        async () => {
            const teachers = group("FUNCTION_Teachers", true, "g-teachers");
            const analytics = { ...group("ANALYTICS_SCHOOL_Lincoln-High", true, "g-analytics"), member_count: 11 };
            const { reader, calls } = fakeReader({
                users: [user("a@lincoln.k12.us")],
                groups: [teachers, analytics, group("FUNCTION_Other", true, "g-other")],
                members: { "g-teachers": [user("a@lincoln.k12.us"), user("b@lincoln.k12.us")] },
            });
            const snap = await readWorkspaceSnapshot(reader, ["FUNCTION_Teachers", "ANALYTICS_SCHOOL_Lincoln-High"]);
            assert.deepEqual(calls, ["listUsers", "listGroups", "listInvites", "listGroupUsers g-teachers"]);
            assert.deepEqual(snap.memberCounts, { "g-teachers": 2, "g-analytics": 11 });
        },
    );

    it(
        "builds the client with the workspace id, a key read at call time and the progress labelled " + "by workspace",
        async () => {
            const config = tenantConfig();
            const env: Record<string, string | undefined> = { KEY: "first" };
            let seen: ChatGptAdminClientOptions | undefined;
            const progress: unknown[] = [];
            await readLiveState(config, {
                adminKey: () => env.KEY,
                baseUrl: "http://127.0.0.1:9/v1",
                resolveTxt: dnsAllPresent,
                onProgress: (p) => progress.push(p),
                createReader: (options) => {
                    seen = options;
                    options.onProgress?.({ route: "GET /users", pages: 1, items: 1000 });
                    return fakeReader({ users: [], groups: [] }).reader;
                },
            });
            assert.equal(seen?.workspaceId, WORKSPACE_ID);
            assert.equal(seen?.baseUrl, "http://127.0.0.1:9/v1");
            env.KEY = "second";
            assert.equal(seen?.adminKey(), "second");
            assert.equal(JSON.stringify(seen).includes("first"), false);
            assert.deepEqual(progress, [{ workspace: "default", route: "GET /users", pages: 1, items: 1000 }]);
        },
    );

    it("without a key nothing is requested and the workspace is unreadable (no-key)", async () => {
        let created = 0;
        const live = await readLiveState(tenantConfig(), {
            adminKey: () => undefined,
            resolveTxt: dnsAllPresent,
            createReader: () => (created++, fakeReader({ users: [], groups: [] }).reader),
        });
        assert.equal(created, 0);
        assert.deepEqual(
            live.workspaces.map((w) => w.unreadable),
            [
                {
                    workspace: "default",
                    reason: "no-key",
                    message: 'Workspace "Lincoln Public Schools" (workspace) cannot be read: no admin key was given',
                },
            ],
        );
    });

    it("maps 401, 403, 404 and a connection failure to reasons that say which, with the client's hint", async () => {
        const cases: [ChatGptAdminApiError["kind"], number | undefined, string][] = [
            ["authentication", 401, "authentication"],
            ["permission", 403, "permission"],
            ["not_found", 404, "not-found"],
            ["connection", undefined, "unreachable"],
            ["server", 503, "failed"],
        ];
        for (const [kind, status, reason] of cases) {
            const error = new ChatGptAdminApiError({
                kind,
                status,
                route: "GET /users",
                detail: "no",
                hint: `hint for ${kind}`,
            });
            const live = await readLiveState(tenantConfig(), {
                adminKey: () => "k",
                resolveTxt: dnsAllPresent,
                createReader: () => ({
                    ...fakeReader({ users: [], groups: [] }).reader,
                    listUsers: async () => {
                        throw error;
                    },
                }),
            });
            assert.equal(live.workspaces[0].unreadable?.reason, reason);
            assert.match(live.workspaces[0].unreadable!.message, new RegExp(`hint for ${kind}$`));
        }
        const live = await readLiveState(tenantConfig(), {
            adminKey: () => "k",
            resolveTxt: dnsAllPresent,
            createReader: () => ({
                ...fakeReader({ users: [], groups: [] }).reader,
                listUsers: async () => {
                    throw new ChatGptAdminApiError({
                        kind: "authentication",
                        status: 401,
                        route: "GET /users",
                        detail: "bad key",
                        hint: "",
                    });
                },
            }),
        });
        assert.equal(
            live.workspaces[0].unreadable?.message,
            'Workspace "Lincoln Public Schools" (workspace) cannot be read: the admin key was refused (401): it ' +
                "is wrong, revoked or belongs to another workspace",
        );
    });

    it("a bug is not dressed up as an unreadable workspace", async () => {
        await assert.rejects(
            readLiveState(tenantConfig(), {
                adminKey: () => "k",
                resolveTxt: dnsAllPresent,
                createReader: () => ({
                    ...fakeReader({ users: [], groups: [] }).reader,
                    listUsers: async () => {
                        throw new TypeError("oops");
                    },
                }),
            }),
            TypeError,
        );
    });

    it("reads only the selected workspaces, one after the other", async () => {
        const base = tenantConfig({ form: "tenant" });
        const config = {
            ...base,
            workspaces: [
                { ...base.workspaces[0], key: "district", path: "tenant.workspaces[0]" },
                {
                    ...base.workspaces[0],
                    key: "high-school",
                    path: "tenant.workspaces[1]",
                    workspaceId: "0b7e4c1a-2f3d-4e5a-8b9c-1d2e3f4a5b6c",
                },
            ],
        };
        const ids: string[] = [];
        const live = await readLiveState(config, {
            adminKey: () => "k",
            resolveTxt: dnsAllPresent,
            workspaces: ["high-school"],
            createReader: (o) => (ids.push(o.workspaceId), fakeReader({ users: [], groups: [] }).reader),
        });
        assert.deepEqual(ids, ["0b7e4c1a-2f3d-4e5a-8b9c-1d2e3f4a5b6c"]);
        assert.deepEqual(
            live.workspaces.map((w) => w.spec.key),
            ["high-school"],
        );
    });
});

describe("verify: live facts for plan --live (core/facts model)", () => {
    it("local groups, unmanaged members with source and workspace, declared groups' member counts", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.users.push(user("walk.in@lincoln.k12.us", false), user("coach@gmail.com", false));
        const facts = factsFromLiveState(config, liveState(config, snap));
        assert.deepEqual(facts, {
            txtRecordsPresent: ["lincoln.k12.us", "staff.lincoln.k12.us"],
            unreadable: [],
            localGroups: ["FUNCTION_Unrelated"],
            unmanagedUsers: [
                { email: "walk.in@lincoln.k12.us", source: "invite", workspace: "default" },
                { email: "coach@gmail.com", source: "invite", workspace: "default" },
            ],
            groupMemberCounts: { FUNCTION_Teachers: 3, "ANALYTICS_SCHOOL_Lincoln-High": 12 },
        });
    });

    it("counts only groups SCIM pushed: a local group of a declared name is a local group, not an arrived one", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.groups[0] = { ...snap.groups[0], is_scim_managed: false };
        const facts = factsFromLiveState(config, liveState(config, snap));
        assert.deepEqual(facts.groupMemberCounts, { "ANALYTICS_SCHOOL_Lincoln-High": 12 });
        assert.deepEqual(facts.localGroups, ["FUNCTION_Teachers", "FUNCTION_Unrelated"]);
    });

    it("leaves the workspace facts out (unknown, not empty) when no workspace could be read", async () => {
        const facts = await readLiveFacts(tenantConfig(), { adminKey: () => undefined, resolveTxt: async () => [] });
        assert.deepEqual(Object.keys(facts).sort(), ["txtRecordsPresent", "unreadable"]);
        assert.equal(facts.unreadable[0].reason, "no-key");
    });
});
