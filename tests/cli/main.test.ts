import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_RUNBOOK, DEFAULT_STACK_FILE, main, parseCommandLine, UsageError, USAGE } from "../../cli/main";
import { EXIT } from "../../cli/exitCodes";
import { VERIFY_EXIT, VERIFY_USAGE } from "../../cli/verify";
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
            live: false,
        });
    });

    it("takes a stack file and options in any order, with `--opt value` or `--opt=value`", () => {
        assert.deepEqual(plan(["plan", "--strict", "Pulumi.prod.yaml", "--format", "json", "--no-runbook"]), {
            stackFile: "Pulumi.prod.yaml",
            format: "json",
            strict: true,
            runbook: undefined,
            overwriteRunbook: false,
            live: false,
        });
        assert.deepEqual(
            plan(["plan", "--format=markdown", "--runbook=out.md", "--overwrite-runbook", "Pulumi.x.yaml"]),
            {
                stackFile: "Pulumi.x.yaml",
                format: "markdown",
                strict: false,
                runbook: "out.md",
                overwriteRunbook: true,
                live: false,
            },
        );
    });

    it("rejects what it does not understand, saying what is wrong in one line", () => {
        const usage = (argv: string[], message: string) =>
            assert.throws(
                () => parseCommandLine(argv),
                (e: Error) => e instanceof UsageError && e.message === message,
            );
        usage(
            ["apply"],
            'Unknown command "apply"; the commands are `chatgpt-identity plan` and `chatgpt-identity verify`',
        );
        usage(
            ["--strict", "verify"],
            "`verify` comes first, before its options: `chatgpt-identity verify [STACK_FILE] [options]`",
        );
        usage(["plan", "--base-url", "http://127.0.0.1:1/v1"], "--base-url is used only with --live");
        usage(
            ["plan", "--live", "--base-url", "api.chatgpt.com"],
            "--base-url must be an http(s) URL such as https://api.chatgpt.com/v1",
        );
        usage(["plan", "--format", "xml"], '--format must be text, json, markdown, not "xml"');
        usage(["plan", "--runbook"], "--runbook needs a value");
        usage(["plan", "--force"], "Unknown option --force");
        usage(["plan", "--strict=yes"], "--strict takes no value");
        usage(["plan", "a.yaml", "b.yaml"], 'Only one stack file can be planned at a time (got "a.yaml" and "b.yaml")');
        usage(["plan", "--runbook", "x.md", "--no-runbook"], "--runbook and --no-runbook contradict each other");
    });

    it("takes --live and, with it, --base-url for plan", () => {
        assert.deepEqual(plan(["plan", "--live", "--base-url=http://127.0.0.1:9/v1", "--no-runbook"]), {
            stackFile: DEFAULT_STACK_FILE,
            format: "text",
            strict: false,
            runbook: undefined,
            overwriteRunbook: false,
            live: true,
            baseUrl: "http://127.0.0.1:9/v1",
        });
    });

    it("hands everything after `verify` to verify's own parser, and runs it (help exit 0, usage errors exit 2)", async () => {
        assert.deepEqual(parseCommandLine(["verify", "Pulumi.x.yaml", "--format", "json", "--details"]), {
            kind: "verify",
            args: ["Pulumi.x.yaml", "--format", "json", "--details"],
        });
        assert.deepEqual(await run("verify", "--help"), { code: 0, out: `${VERIFY_USAGE}\n`, err: "" });
        assert.deepEqual(await run("verify", "--format", "yaml"), {
            code: 2,
            out: "",
            err:
                'chatgpt-identity verify: --format must be text or json, not "yaml"\n' +
                "Try `chatgpt-identity verify --help` for the options.\n",
        });
        assert.deepEqual(await run("verify", "/nonexistent/Pulumi.x.yaml"), {
            code: 2,
            out: "",
            err: "chatgpt-identity verify: Cannot read stack file /nonexistent/Pulumi.x.yaml: no such file\n",
        });
    });

    it("names both commands and verify's own help in the top-level usage; exit 5 is verify's unreadable workspace", () => {
        assert.match(
            USAGE,
            /^Usage: chatgpt-identity plan \[STACK_FILE\] \[options\]\n {7}chatgpt-identity verify \[STACK_FILE\] \[options\]\n/,
        );
        assert.match(USAGE, /`chatgpt-identity verify --help` lists its options/);
        assert.match(USAGE, /^ {2}--live {2}/m);
        assert.equal(EXIT.workspaceUnreadable, VERIFY_EXIT.unreadable);
        assert.equal(EXIT.planBlocked, VERIFY_EXIT.findings);
        assert.equal(EXIT.usage, VERIFY_EXIT.usage);
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
        for (const code of [0, 1, 2, 3, 4, 5]) {
            assert.match(USAGE, new RegExp(`^  ${code}  `, "m"));
            assert.match(readme, new RegExp(`\`${code}\` `));
        }
    });
});
