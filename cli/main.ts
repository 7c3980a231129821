#!/usr/bin/env node
import * as fs from "node:fs";
import * as path from "node:path";
import { workspaceView } from "../core/config/load";
import { renderRunbook } from "../core/runbook";
import { renderPlanJson, renderPlanText } from "./plan/render";
import { PlanResult, runPlan } from "./plan/runPlan";
import { readStackFile, StackFileError } from "./plan/stackFile";

/** The package's own folder, whether this runs compiled (dist/cli) or from source (cli). */
function packageRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "examples"))) return dir;
        if (path.dirname(dir) === dir) return from;
    }
}

const PACKAGE_ROOT = packageRoot(__dirname);
export const DEFAULT_STACK_FILE = path.join(PACKAGE_ROOT, "examples", "entra-district", "Pulumi.lincoln.yaml");
export const DEFAULT_RUNBOOK = "chatgpt-identity-runbook.md";

const USAGE = `Usage: chatgpt-identity plan [STACK_FILE] [options]

Shows what \`pulumi up\` would do for a stack config file (Pulumi.<stack>.yaml), with no
credentials and no Pulumi CLI: rollout checks, the resources by system, the values to hand off,
and a Markdown runbook of the steps a person must still do.
STACK_FILE defaults to the bundled example district.

Options:
  --format text|json   output format (default text)
  --strict             exit non-zero on warnings as well as errors
  --runbook FILE       where to write the runbook (default ${DEFAULT_RUNBOOK})
  --no-runbook         do not write a runbook
  -h, --help           this text

Exit status: 0 plan is clean; 1 configuration problems or rule errors (or warnings with --strict);
2 usage or unreadable stack file.`;

export interface PlanOptions {
    stackFile: string;
    format: "text" | "json";
    strict: boolean;
    runbook?: string;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): PlanOptions | "help" {
    const [command, ...rest] = argv;
    if (command === undefined || command === "-h" || command === "--help" || command === "help") return "help";
    if (command !== "plan") throw new UsageError(`Unknown command "${command}"; the command is \`chatgpt-identity plan\``);
    const options: PlanOptions = { stackFile: DEFAULT_STACK_FILE, format: "text", strict: false, runbook: DEFAULT_RUNBOOK };
    let stackFileGiven = false;
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const value = () => {
            const v = rest[++i];
            if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
            return v;
        };
        if (arg === "-h" || arg === "--help") return "help";
        else if (arg === "--strict") options.strict = true;
        else if (arg === "--no-runbook") options.runbook = undefined;
        else if (arg === "--runbook") options.runbook = value();
        else if (arg === "--format") {
            const f = value();
            if (f !== "text" && f !== "json") throw new UsageError(`--format must be text or json, not "${f}"`);
            options.format = f;
        } else if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}`);
        else if (stackFileGiven) throw new UsageError(`Only one stack file can be planned at a time (got "${options.stackFile}" and "${arg}")`);
        else {
            options.stackFile = arg;
            stackFileGiven = true;
        }
    }
    return options;
}

export function exitCodeFor(plan: PlanResult, strict: boolean): number {
    if (!plan.ok) return 1;
    if (strict && plan.findings.some((f) => f.severity === "warning")) return 1;
    return 0;
}

export async function main(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
    let options: PlanOptions | "help";
    try {
        options = parseArgs(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        write(`${e.message}\n\n${USAGE}\n`);
        return 2;
    }
    if (options === "help") {
        write(`${USAGE}\n`);
        return 0;
    }
    const shownPath = path.relative(process.cwd(), options.stackFile) || options.stackFile;
    let plan: PlanResult;
    try {
        plan = await runPlan(readStackFile(options.stackFile));
    } catch (e) {
        if (!(e instanceof StackFileError)) throw e;
        // A pipeline that asked for JSON gets JSON even here, in the shape of a failed plan.
        const failed: PlanResult = { ok: false, problems: [{ path: shownPath, message: e.message }], findings: [], notes: [], resources: [] };
        write(options.format === "json" ? `${renderPlanJson(failed, shownPath)}\n` : `${e.message}\n`);
        return 2;
    }
    let runbookPath: string | undefined;
    if (plan.ok && plan.config && plan.handoff && options.runbook) {
        runbookPath = options.runbook;
        fs.writeFileSync(runbookPath, renderRunbook(workspaceView(plan.config), {
            txtRecords: plan.handoff.txtRecords.map((r) => ({ domain: r.domain, name: r.name, value: r.value })),
            sso: plan.handoff.sso,
            scimManualSteps: plan.handoff.scimManualSteps,
        }));
    }
    if (options.format === "json") {
        write(`${renderPlanJson(plan, shownPath, runbookPath)}\n`);
    } else {
        write(`${renderPlanText(plan, shownPath)}\n`);
        if (runbookPath) write(`Runbook of the remaining manual steps written to ${runbookPath}\n`);
    }
    return exitCodeFor(plan, options.strict);
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => { process.exitCode = code; },
        (e) => {
            process.stderr.write(`chatgpt-identity: unexpected failure: ${(e as Error).message}\n`);
            process.exitCode = 3;
        },
    );
}
