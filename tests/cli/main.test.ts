import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_RUNBOOK, DEFAULT_STACK_FILE, main, parseCommandLine, UsageError, USAGE } from "../../cli/main";
import { repoPath } from "../support/paths";

const VERSION = JSON.parse(fs.readFileSync(repoPath("package.json"), "utf8")).version as string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(
        argv,
        (t) => {
            out += t;
        },
        (t) => {
            err += t;
        },
    );
    return { code, out, err };
}

const plan = (argv: string[]) => {
    const parsed = parseCommandLine(argv);
    assert.equal(parsed.kind, "plan");
    return (parsed as { options: unknown }).options;
};

describe("chatgpt-identity command line", () => {
    it("plans the bundled example by default", () => {
        assert.deepEqual(plan(["plan"]), {
            stackFile: DEFAULT_STACK_FILE,
            format: "text",
            strict: false,
            runbook: DEFAULT_RUNBOOK,
            overwriteRunbook: false,
        });
    });

    it("takes a stack file and options in any order, with `--opt value` or `--opt=value`", () => {
        assert.deepEqual(plan(["plan", "--strict", "Pulumi.prod.yaml", "--format", "json", "--no-runbook"]), {
            stackFile: "Pulumi.prod.yaml",
            format: "json",
            strict: true,
            runbook: undefined,
            overwriteRunbook: false,
        });
        assert.deepEqual(
            plan(["plan", "--format=markdown", "--runbook=out.md", "--overwrite-runbook", "Pulumi.x.yaml"]),
            {
                stackFile: "Pulumi.x.yaml",
                format: "markdown",
                strict: false,
                runbook: "out.md",
                overwriteRunbook: true,
            },
        );
    });

    it("rejects what it does not understand, saying what is wrong in one line", () => {
        const usage = (argv: string[], message: string) =>
            assert.throws(
                () => parseCommandLine(argv),
                (e: Error) => e instanceof UsageError && e.message === message,
            );
        usage(["apply"], 'Unknown command "apply"; the command is `chatgpt-identity plan`');
        usage(["plan", "--format", "xml"], '--format must be text, json, markdown, not "xml"');
        usage(["plan", "--runbook"], "--runbook needs a value");
        usage(["plan", "--force"], "Unknown option --force");
        usage(["plan", "--strict=yes"], "--strict takes no value");
        usage(["plan", "a.yaml", "b.yaml"], 'Only one stack file can be planned at a time (got "a.yaml" and "b.yaml")');
        usage(["plan", "--runbook", "x.md", "--no-runbook"], "--runbook and --no-runbook contradict each other");
    });

    it("shows help and version on stdout, exit 0", async () => {
        assert.deepEqual(parseCommandLine([]), { kind: "help" });
        assert.deepEqual(parseCommandLine(["plan", "--help"]), { kind: "help" });
        assert.deepEqual(await run("--help"), { code: 0, out: `${USAGE}\n`, err: "" });
        assert.deepEqual(await run("--version"), { code: 0, out: `@chatgpt-identity/pulumi ${VERSION}\n`, err: "" });
        assert.deepEqual(await run("-V"), { code: 0, out: `@chatgpt-identity/pulumi ${VERSION}\n`, err: "" });
    });

    it("puts a usage error on stderr with a one-line hint, not the full help (exit 2)", async () => {
        assert.deepEqual(await run("plan", "--frmat", "json"), {
            code: 2,
            out: "",
            err: "chatgpt-identity: Unknown option --frmat\nTry `chatgpt-identity --help` for the options.\n",
        });
    });

    it("puts an unreadable stack file on stderr (exit 2); with --format json the failed plan still goes to stdout", async () => {
        const missing = path.join(path.dirname(DEFAULT_STACK_FILE), "Pulumi.nope.yaml");
        const text = await run("plan", missing, "--no-runbook");
        assert.equal(text.code, 2);
        assert.equal(text.out, "");
        assert.equal(text.err, `chatgpt-identity: Cannot read stack file ${missing}: no such file\n`);
        const json = await run("plan", missing, "--no-runbook", "--format=json");
        assert.equal(json.code, 2);
        assert.equal(JSON.parse(json.out).ok, false);
    });

    it("documents every exit code in --help and README", () => {
        const readme = fs.readFileSync(repoPath("README.md"), "utf8");
        for (const code of [0, 1, 2, 3, 4]) {
            assert.match(USAGE, new RegExp(`^  ${code}  `, "m"));
            assert.match(readme, new RegExp(`\`${code}\` `));
        }
    });
});
