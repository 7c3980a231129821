import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { main } from "../../cli/main";
import { RunningEmulator, startEmulator } from "../../emulator";
import { repoPath } from "../support/paths";
import { STAFF_TOKEN, TOKEN, WORKSPACE_ID, workspaceForm, writeStack } from "./verify/support";

const schema = JSON.parse(fs.readFileSync(repoPath("schema", "verify-output.schema.json"), "utf8"));
const pkg = JSON.parse(fs.readFileSync(repoPath("package.json"), "utf8"));
const LINCOLN = { id: WORKSPACE_ID, adminKey: "emulator-admin-key-lincoln", scimToken: "emulator-scim-lincoln" };

describe("chatgpt-identity verify --format json: its JSON Schema (shipped in the package)", function () {
    this.timeout(30000);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    let emulator: RunningEmulator;
    let stack: ReturnType<typeof writeStack>;
    beforeEach(async () => {
        emulator = await startEmulator({ workspaces: [LINCOLN] });
        stack = writeStack(workspaceForm());
        emulator.seedUser(LINCOLN.id, { email: "early.teacher@lincoln.k12.us", source: "invite" });
        emulator.seedLocalGroup(LINCOLN.id, "ROLLOUT_ROLE_Teachers");
    });
    afterEach(async () => {
        await emulator.stop();
        stack.remove();
    });

    const verify = async (env: Record<string, string>) => {
        let out = "";
        let err = "";
        const code = await main(
            ["verify", stack.file, "--format", "json", "--base-url", emulator.apiBaseUrl],
            (t) => (out += t),
            (t) => (err += t),
            {
                env,
                verify: {
                    stderrIsTTY: false,
                    cwd: stack.dir,
                    resolveTxt: async (name) => (name === "lincoln.k12.us" ? [TOKEN] : [STAFF_TOKEN]),
                },
            },
        );
        return { code, doc: JSON.parse(out) as Record<string, unknown>, err };
    };

    it("accepts the report of a workspace that was read (through the command, exit 1 on findings)", async () => {
        const { code, doc } = await verify({ CHATGPT_ADMIN_KEY: LINCOLN.adminKey });
        assert.equal(code, 1);
        assert.equal(doc.formatVersion, 1);
        assert.ok(validate(doc), JSON.stringify(validate.errors));
        assert.equal((doc.workspaces as { counts: { members: number } }[])[0].counts.members, 1);
        assert.equal(pkg.exports["./schema/verify-output.schema.json"], "./schema/verify-output.schema.json");
    });

    it("accepts the report of a workspace that could not be read (exit 5); refuses one without its version", async () => {
        const { code, doc, err } = await verify({ CHATGPT_ADMIN_KEY: "wrong-key" });
        assert.equal(code, 5);
        assert.match(err, /the admin key was refused \(401\)/);
        assert.ok(validate(doc), JSON.stringify(validate.errors));
        assert.deepEqual(
            (doc.unreadable as { reason: string }[]).map((u) => u.reason),
            ["authentication"],
        );
        delete doc.formatVersion;
        assert.equal(validate(doc), false);
    });
});
