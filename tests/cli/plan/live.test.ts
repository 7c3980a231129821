import * as assert from "node:assert/strict";
import { main } from "../../../cli/main";
import { RunningEmulator, startEmulator } from "../../../emulator";
import { TOKEN, STAFF_TOKEN, WORKSPACE_ID, workspaceForm, writeStack } from "../verify/support";

const LINCOLN = { id: WORKSPACE_ID, adminKey: "emulator-admin-key-lincoln", scimToken: "emulator-scim-lincoln" };

type PlanJson = { findings: { findings: { id: string; severity: string; path: string }[] } };

describe("chatgpt-identity plan --live: the live reader's facts, against the emulator", function () {
    this.timeout(30000);
    let emulator: RunningEmulator;
    let stack: ReturnType<typeof writeStack>;

    beforeEach(async () => {
        emulator = await startEmulator({ workspaces: [LINCOLN] });
        stack = writeStack(workspaceForm());
        // A group made by hand in the workspace with the name of a declared group (GRP-3).
        emulator.seedLocalGroup(LINCOLN.id, "ROLLOUT_ROLE_Teachers");
    });
    afterEach(async () => {
        await emulator.stop();
        stack.remove();
    });

    const plan = async (args: string[], env: Record<string, string | undefined>) => {
        let out = "";
        let err = "";
        const code = await main(
            ["plan", stack.file, "--format", "json", "--no-runbook", ...args],
            (t) => (out += t),
            (t) => (err += t),
            { env, resolveTxt: async (name) => (name === "lincoln.k12.us" ? [TOKEN] : [STAFF_TOKEN]) },
        );
        return { code, out, err };
    };
    const grp3 = (out: string) =>
        (JSON.parse(out) as PlanJson).findings.findings
            .filter((f) => f.id === "GRP-3")
            .map((f) => `${f.severity} ${f.path}`);

    it("a local group with a declared group's name is a GRP-3 warning under --live, and not without it", async () => {
        const live = await plan(["--live", "--base-url", emulator.apiBaseUrl], { CHATGPT_ADMIN_KEY: LINCOLN.adminKey });
        assert.equal(live.err, "");
        assert.equal(live.code, 0);
        assert.deepEqual(grp3(live.out), ["warning workspace.groups[0]"]);
        assert.ok(
            emulator.requestLog.every((r) => r.method === "GET"),
            "--live only reads",
        );

        const requestsBefore = emulator.requestLog.length;
        const offline = await plan([], { CHATGPT_ADMIN_KEY: LINCOLN.adminKey });
        assert.equal(offline.code, 0);
        assert.deepEqual(grp3(offline.out), []);
        assert.equal(emulator.requestLog.length, requestsBefore, "without --live nothing is read");
    });

    it("without an admin key says so on stderr in one line and plans with the config's facts", async () => {
        const result = await plan(["--live", "--base-url", emulator.apiBaseUrl], {});
        assert.equal(result.code, 0);
        assert.equal(
            result.err,
            "chatgpt-identity: --live: no workspace was read (default: no admin key: set CHATGPT_ADMIN_KEY_DEFAULT " +
                "or CHATGPT_ADMIN_KEY); planned with the config's facts only\n",
        );
        assert.deepEqual(grp3(result.out), []);
        assert.equal(emulator.requestLog.length, 0);
    });

    it("a key the workspace refuses stops the plan with exit 5 and the reason, printing no plan", async () => {
        const result = await plan(["--live", "--base-url", emulator.apiBaseUrl], { CHATGPT_ADMIN_KEY: "not-the-key" });
        assert.equal(result.code, 5);
        assert.equal(result.out, "");
        assert.match(
            result.err,
            /^chatgpt-identity: Workspace "Lincoln Unified School District" \(workspace\) cannot be read: the admin key was refused \(401\)/,
        );
        assert.ok(!result.err.includes("not-the-key"), "the key is never printed");
    });
});
