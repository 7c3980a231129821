import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { main } from "../../../cli/main";
import { runPlan } from "../../../cli/plan/runPlan";
import { readStackFile, StackFileError } from "../../../cli/plan/stackFile";
import { verifyMain } from "../../../cli/verify";
import { captureIo, workspaceForm } from "../verify/support";

const ENV = "lincoln-usd/chatgpt-identity";

describe("chatgpt-identity plan: stack files that import Pulumi ESC environments (issue 11)", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-esc-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const write = (doc: Record<string, unknown>) => {
        const file = path.join(dir, "Pulumi.lincoln.yaml");
        fs.writeFileSync(file, stringify(doc));
        return file;
    };
    const manage = workspaceForm({ manageWorkspace: true });

    it("a secret only an environment can set is unknown until apply, with a note naming it, never missing", async () => {
        const file = write({ environment: [ENV], config: { "chatgpt-identity:workspace": manage } });
        const stack = readStackFile(file);
        assert.deepEqual(stack.environments, [ENV]);
        const plan = await runPlan(stack, {}, {});
        assert.equal(plan.ok, true);
        assert.deepEqual(plan.problems, []);
        const from =
            `it may be set by the Pulumi ESC environment \`${ENV}\`, which the offline plan cannot read: ` +
            "`pulumi preview` will show its value; unknown until apply, not missing";
        assert.deepEqual(plan.notes, [
            `chatgpt-identity:scimToken is not in the stack file; ${from}`,
            `chatgpt-identity:adminKey is not in the stack file; ${from}`,
        ]);
        assert.ok(plan.resources.length > 0, "the rest is planned");
    });

    it("without an environment the same missing secrets are notes that `pulumi up` will stop", async () => {
        const plan = await runPlan(readStackFile(write({ config: { "chatgpt-identity:workspace": manage } })), {}, {});
        assert.equal(plan.ok, true);
        assert.equal(plan.notes.length, 2);
        for (const note of plan.notes)
            assert.match(note, /is missing: .* `pulumi up` will stop until you run `pulumi config set --secret/);
    });

    it("a secret set in the file stays the file's (secure), not unknown", async () => {
        const file = write({
            environment: { imports: [ENV] },
            config: { "chatgpt-identity:workspace": workspaceForm(), "chatgpt-identity:scimToken": { secure: "v1:x" } },
        });
        const plan = await runPlan(readStackFile(file), {}, {});
        assert.equal(plan.ok, true);
        assert.deepEqual(plan.notes, []);
    });

    it("the config section only in an environment: one problem that says the plan cannot see it and what to do (exit 1)", async () => {
        const file = write({
            environment: [ENV, "shared/secrets"],
            config: { "chatgpt-identity:scimToken": { secure: "v1:x" } },
        });
        const plan = await runPlan(readStackFile(file), {}, {});
        assert.equal(plan.ok, false);
        assert.deepEqual(plan.resources, []);
        assert.deepEqual(plan.problems, [
            {
                path: "chatgpt-identity:tenant",
                message:
                    "the stack file sets neither chatgpt-identity:workspace nor chatgpt-identity:tenant, so the config " +
                    "can only come from the Pulumi ESC environments `lincoln-usd/chatgpt-identity`, `shared/secrets`, " +
                    "which this command cannot open without credentials",
                fix:
                    "Run `pulumi preview` (it opens the environments), or put the chatgpt-identity:workspace (or " +
                    "chatgpt-identity:tenant) section in the stack file and keep only secrets in ESC, so that this " +
                    "command can read it",
            },
        ]);
        let out = "";
        const code = await main(
            ["plan", file, "--no-runbook"],
            (t) => (out += t),
            () => undefined,
            { env: {} },
        );
        assert.equal(code, 1);
        assert.match(out, /which this command cannot open without credentials/);
    });

    it("verify reads the same file with the same reader and says it cannot see the config (exit 2)", async () => {
        const file = write({ environment: [ENV] });
        const { io, stderr } = captureIo({ cwd: dir });
        assert.equal(await verifyMain([file], io), 2);
        assert.match(
            stderr(),
            /^chatgpt-identity verify: Stack file .*Pulumi\.lincoln\.yaml: the stack file sets neither/,
        );
    });

    it("refuses an environment: section that is not a list of names as an unreadable stack file", () => {
        const file = write({ environment: "lincoln", config: { "chatgpt-identity:workspace": workspaceForm() } });
        assert.throws(
            () => readStackFile(file),
            (e: Error) => e instanceof StackFileError && /"environment:" is not a list/.test(e.message),
        );
    });

    it("reads both config forms with one reader (plan and verify)", () => {
        const tenant = write({ config: { "chatgpt-identity:tenant": { name: "x" } } });
        assert.deepEqual(Object.keys(readStackFile(tenant).values), ["chatgpt-identity:tenant"]);
        assert.ok(
            !fs.existsSync(path.join(__dirname, "..", "..", "..", "cli", "verify", "loadConfig.js")) ||
                !fs
                    .readFileSync(path.join(__dirname, "..", "..", "..", "cli", "verify", "loadConfig.js"), "utf8")
                    .includes("yaml"),
            "verify has no YAML reader of its own",
        );
    });
});
