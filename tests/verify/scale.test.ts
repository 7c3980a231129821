import * as assert from "node:assert/strict";
import { ChatGptAdminClient } from "../../clients/chatgptAdmin";
import { RunningEmulator, startEmulator } from "../../emulator";
import { verifyTenant } from "../../verify/verifyTenant";
import { TOKEN, STAFF_TOKEN, WORKSPACE_ID, tenantConfig } from "./support";

const MEMBERS = 10_000;
const GROUPS = 1_000;
const WS = { id: WORKSPACE_ID, adminKey: "emulator-admin-key-scale", scimToken: "emulator-scim-scale" };

/** A clock shared by the client's pacer and the emulator's rate limiter: sleeping advances it at once. */
function virtualClock() {
    let t = Date.now();
    return {
        now: () => t,
        sleep: async (ms: number) => {
            t += ms;
        },
        elapsed: (from: number) => t - from,
    };
}

describe("verify: 10,000 members and 1,000 groups within the real rate limit (100 per minute per route)", function () {
    this.timeout(120000);
    let emulator: RunningEmulator;
    const clock = virtualClock();

    before(async () => {
        emulator = await startEmulator({
            workspaces: [WS],
            requestsPerMinute: 100,
            now: clock.now,
            limits: { maxObjectsPerWorkspace: 50_000 },
        });
        const ids: string[] = [];
        for (let i = 0; i < MEMBERS; i++) {
            const domain = i % 10 === 0 ? "staff.lincoln.k12.us" : "lincoln.k12.us";
            ids.push(emulator.seedUser(WS.id, { email: `member${i}@${domain}`, source: "invite" }).id);
        }
        for (let g = 0; g < GROUPS; g++) {
            emulator.seedLocalGroup(WS.id, `FUNCTION_G${String(g).padStart(4, "0")}`, ids.slice(g * 10, g * 10 + 10));
        }
    });
    after(() => emulator.stop());

    const routeCounts = () => {
        const counts: Record<string, number> = {};
        for (const e of emulator.requestLog)
            counts[`${e.method} ${e.route}`] = (counts[`${e.method} ${e.route}`] ?? 0) + 1;
        return counts;
    };

    const run = async (config: ReturnType<typeof tenantConfig>, stripMemberCount: boolean) => {
        emulator.requestLog.length = 0;
        const started = Date.now();
        const virtualStart = clock.now();
        const report = await verifyTenant(config, {
            adminKey: () => WS.adminKey,
            baseUrl: emulator.apiBaseUrl,
            resolveTxt: async (name) => [name === "lincoln.k12.us" ? TOKEN : STAFF_TOKEN],
            client: { now: clock.now, sleep: clock.sleep },
            createReader: (options) => {
                const client = new ChatGptAdminClient(options);
                if (!stripMemberCount) return client;
                return {
                    listUsers: () => client.listUsers(),
                    listInvites: () => client.listInvites(),
                    listGroupUsers: (id: string) => client.listGroupUsers(id),
                    listGroups: async () => (await client.listGroups()).map(({ member_count: _, ...g }) => g),
                };
            },
        });
        return { report, wallMs: Date.now() - started, pacedMs: clock.elapsed(virtualStart), counts: routeCounts() };
    };

    it(
        "a pilot (2 declared groups): users in pages of 1,000, groups in pages of 100, member counts " +
            "from the group list",
        async () => {
            const { report, wallMs, pacedMs, counts } = await run(
                tenantConfig(
                    {},
                    {
                        groups: [
                            { dimension: "FUNCTION", group: "G0000" },
                            { dimension: "FUNCTION", group: "G0001" },
                        ],
                    },
                ),
                false,
            );
            assert.deepEqual(counts, {
                "GET /v1/manage/workspaces/:workspaceId/users": 10,
                "GET /v1/manage/workspaces/:workspaceId/groups": 10,
                "GET /v1/manage/workspaces/:workspaceId/invites": 1,
            });
            assert.deepEqual(report.workspaces[0].counts, {
                members: MEMBERS,
                scimManaged: 0,
                notScimManaged: MEMBERS,
                pendingInvites: 0,
                groups: GROUPS,
            });
            assert.equal(emulator.requestLog.filter((e) => e.status === 429).length, 0);
            console.log(
                `      pilot: ${emulator.requestLog.length} GET requests, ${wallMs} ms wall (Node ${process.version}), ` +
                    `${pacedMs} ms waiting for the rate limit`,
            );
        },
    );

    it(
        "1,000 declared groups without member_count: one GET /groups/{id}/users per group, paced at " +
            "100 per minute",
        async () => {
            const groups = Array.from({ length: GROUPS }, (_, g) => ({
                dimension: "FUNCTION",
                group: `G${String(g).padStart(4, "0")}`,
            }));
            const { report, wallMs, pacedMs, counts } = await run(tenantConfig({}, { phase: "full", groups }), true);
            assert.deepEqual(counts, {
                "GET /v1/manage/workspaces/:workspaceId/users": 10,
                "GET /v1/manage/workspaces/:workspaceId/groups": 10,
                "GET /v1/manage/workspaces/:workspaceId/invites": 1,
                "GET /v1/manage/workspaces/:workspaceId/groups/:groupId/users": GROUPS,
            });
            assert.equal(
                emulator.requestLog.filter((e) => e.status === 429).length,
                0,
                "the client paces itself: no request is refused",
            );
            assert.equal(report.findings.filter((f) => f.id === "GRP-3").length, GROUPS);
            console.log(
                `      1,000 declared groups: ${emulator.requestLog.length} GET requests, ${wallMs} ms wall, ` +
                    `${(pacedMs / 60000).toFixed(1)} min waiting for the rate limit (virtual clock)`,
            );
        },
    );
});
