import * as assert from "node:assert/strict";
import { loadTenantConfig } from "../../core/config/load";
import { mergeFacts } from "../../core/facts";
import { evaluateRules } from "../../core/rules";
import { RunningEmulator, startEmulator } from "../../emulator";
import { readLiveFacts } from "../../verify/liveFacts";
import { ScimPush } from "./scimPush";
import { STAFF_TOKEN, TOKEN, WORKSPACE_ID } from "./support";

const WS = { id: WORKSPACE_ID, adminKey: "emulator-admin-key-facts", scimToken: "emulator-scim-facts" };

describe("verify: the live reader feeds the rule engine through the one fact model (plan --live)", () => {
    let emulator: RunningEmulator;
    beforeEach(async () => {
        emulator = await startEmulator({ workspaces: [WS] });
    });
    afterEach(() => emulator.stop());

    it(
        "local groups (GRP-3), unmanaged members (SCIM-4) and pushed groups' sizes (GRP-4) come from " +
            "the workspace",
        async () => {
            const config = loadTenantConfig(
                {
                    name: "Lincoln Unified School District",
                    idp: "entra",
                    workspaceId: WORKSPACE_ID,
                    domains: [
                        { name: "lincoln.k12.us", verificationToken: TOKEN },
                        { name: "staff.lincoln.k12.us", verificationToken: STAFF_TOKEN },
                    ],
                    scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" },
                    groups: [
                        { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
                        { usage: "ANALYTICS", dimension: "SCHOOL", group: "Lincoln" },
                    ],
                },
                "workspace",
            );
            const scim = new ScimPush(emulator.scimBaseUrl(WS.id), WS.scimToken);
            const ids = [
                await scim.user("t1@lincoln.k12.us", "T", "One"),
                await scim.user("t2@lincoln.k12.us", "T", "Two"),
            ];
            await scim.group("ANALYTICS_SCHOOL_Lincoln", ids);
            emulator.seedLocalGroup(WS.id, "ROLLOUT_ROLE_Teachers");
            emulator.seedUser(WS.id, { email: "early@lincoln.k12.us", source: "invite" });

            const live = await readLiveFacts(config, {
                adminKey: () => WS.adminKey,
                baseUrl: emulator.apiBaseUrl,
                resolveTxt: async () => [TOKEN, STAFF_TOKEN],
            });
            assert.deepEqual(live.unreadable, []);
            const facts = mergeFacts(config.facts, live);
            assert.deepEqual(facts, {
                localGroups: ["ROLLOUT_ROLE_Teachers"],
                unmanagedUsers: [{ email: "early@lincoln.k12.us", source: "invite", workspace: "default" }],
                groupMemberCounts: { ANALYTICS_SCHOOL_Lincoln: 2 },
            });
            const findings = evaluateRules(config, facts);
            const ids2 = findings.map((f) => `${f.id} ${f.severity} ${f.path}`);
            assert.ok(ids2.includes("GRP-3 warning workspace.groups[0]"), ids2.join("\n"));
            assert.ok(ids2.includes("GRP-4 warning workspace.groups[1]"), ids2.join("\n"));
            assert.ok(
                findings.some((f) => f.id === "SCIM-4" && f.message.includes("early@lincoln.k12.us")),
                ids2.join("\n"),
            );
            assert.equal(emulator.requestLog.filter((e) => e.path.startsWith("/v1/") && e.method !== "GET").length, 0);
        },
    );
});
