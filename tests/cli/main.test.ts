import * as assert from "node:assert/strict";
import { DEFAULT_RUNBOOK, DEFAULT_STACK_FILE, parseArgs, UsageError } from "../../cli/main";

describe("chatgpt-identity command line", () => {
    it("plans the bundled example by default", () => {
        assert.deepEqual(parseArgs(["plan"]), { stackFile: DEFAULT_STACK_FILE, format: "text", strict: false, runbook: DEFAULT_RUNBOOK });
    });

    it("takes a stack file and options in any order", () => {
        assert.deepEqual(parseArgs(["plan", "--strict", "Pulumi.prod.yaml", "--format", "json", "--no-runbook"]),
            { stackFile: "Pulumi.prod.yaml", format: "json", strict: true, runbook: undefined });
        assert.equal((parseArgs(["plan", "--runbook", "out.md"]) as { runbook: string }).runbook, "out.md");
    });

    it("rejects what it does not understand, saying what is wrong", () => {
        assert.throws(() => parseArgs(["apply"]), (e: Error) => e instanceof UsageError && e.message === 'Unknown command "apply"; the command is `chatgpt-identity plan`');
        assert.throws(() => parseArgs(["plan", "--format", "xml"]), /--format must be text or json, not "xml"/);
        assert.throws(() => parseArgs(["plan", "--runbook"]), /--runbook needs a value/);
        assert.throws(() => parseArgs(["plan", "--force"]), /Unknown option --force/);
        assert.throws(() => parseArgs(["plan", "a.yaml", "b.yaml"]), /Only one stack file/);
    });

    it("shows help", () => {
        assert.equal(parseArgs([]), "help");
        assert.equal(parseArgs(["plan", "--help"]), "help");
    });
});
