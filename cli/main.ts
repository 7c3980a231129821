#!/usr/bin/env node
import * as path from "node:path";
import { TenantFacts } from "../core/facts";
import { renderRunbook } from "../core/runbook";
import { DEFAULT_RUNBOOK, DEFAULT_STACK_FILE, Invocation, parseCommandLine, PlanOptions, UsageError } from "./args";
import { EXIT, EXIT_STATUS_HELP } from "./exitCodes";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./packageInfo";
import { renderVersionedPlanJson } from "./planJson";
import { renderPlanText } from "./plan/render";
import { renderPlanMarkdown } from "./plan/renderMarkdown";
import { PlanResult, runPlan } from "./plan/runPlan";
import { LivePlanIo, livePlanFacts } from "./plan/live";
import { readStackFile, StackFileConfig, StackFileError } from "./plan/stackFile";
import { RunbookWriteError, writeRunbookFile } from "./runbookFile";
import { terminalSafe } from "./terminalText";
import { processVerifyIo, verifyMain, VerifyIo } from "./verify";

export { DEFAULT_RUNBOOK, DEFAULT_STACK_FILE, UsageError };
export { parseCommandLine };

export const USAGE = `Usage: chatgpt-identity plan [STACK_FILE] [options]
       chatgpt-identity verify [STACK_FILE] [options]
       chatgpt-identity --version | --help

Shows what \`pulumi up\` would do for a stack config file (Pulumi.<stack>.yaml), with no
credentials and no Pulumi CLI: rollout checks, the resources by system, the values to hand off,
and a Markdown runbook of the steps a person must still do.
STACK_FILE defaults to the bundled example district. A stack file that imports Pulumi ESC
environments (environment:) is planned too: a value only an environment can set is shown as
unknown until apply, never as missing.

\`verify\` reads the live workspace(s) (GET requests only) and DNS and holds them against the
stack file; \`chatgpt-identity verify --help\` lists its options.

Options of plan:
  --format text|json|markdown  output format (default text); json follows
                               schema/plan-output.schema.json, markdown suits a pull-request comment
  --strict                     exit 1 on warnings as well as errors
  --runbook FILE               where to write the runbook (default ${DEFAULT_RUNBOOK}); written after
                               the plan is printed, never through a symbolic link, never over the
                               stack file or over a file this command did not write
  --overwrite-runbook          let --runbook replace a file this command did not write
  --no-runbook                 do not write a runbook
  --live                       add what the live workspaces show (local groups, unmanaged members,
                               group sizes; read-only) to the config's facts: admin keys from
                               CHATGPT_ADMIN_KEY_<KEY> (or CHATGPT_ADMIN_KEY for one workspace);
                               without a key it says so and plans with the config's facts
  --base-url URL               with --live: the admin API base URL (default
                               https://api.chatgpt.com/v1), e.g. the local emulator's
  -V, --version                print the version
  -h, --help                   this text

${EXIT_STATUS_HELP}`;

const HINT = "Try `chatgpt-identity --help` for the options.";

export type Write = (text: string) => void;

export function exitCodeFor(plan: PlanResult, strict: boolean): number {
    if (!plan.ok) return EXIT.planBlocked;
    if (strict && plan.findings.some((f) => f.severity === "warning")) return EXIT.planBlocked;
    return EXIT.ok;
}

function render(plan: PlanResult, options: PlanOptions, shownPath: string, runbookPath?: string): string {
    switch (options.format) {
        case "json":
            return `${renderVersionedPlanJson(plan, shownPath, runbookPath)}\n`;
        case "markdown":
            return terminalSafe(renderPlanMarkdown(plan, shownPath, runbookPath));
        case "text":
            return terminalSafe(`${renderPlanText(plan, shownPath)}\n`);
    }
}

function runbookText(plan: PlanResult): string | undefined {
    if (!plan.ok || !plan.config || !plan.handoff) return undefined;
    return renderRunbook(plan.config, {
        txtRecords: plan.handoff.txtRecords.map((r) => ({ domain: r.domain, name: r.name, value: r.value })),
        sso: plan.handoff.sso,
        scimManualSteps: Object.fromEntries(plan.handoff.scimManualStepsByWorkspace.map((w) => [w.key, w.steps])),
        findings: plan.findings,
    });
}

/** What the command reads from its surroundings besides argv; tests replace parts of it. */
export interface CommandIo {
    /** Admin keys for `plan --live` are read from here at call time. */
    env: Record<string, string | undefined>;
    /** For tests: the TXT resolver and client hooks of the live reader (`plan --live`). */
    resolveTxt?: LivePlanIo["resolveTxt"];
    client?: LivePlanIo["client"];
    /** Where `verify` writes and reads; default the process's. */
    verify?: Partial<VerifyIo>;
}

/** `plan --live`: the facts to plan with, or the exit code when a workspace could not be read. */
async function liveFacts(
    stack: StackFileConfig,
    options: PlanOptions,
    io: CommandIo,
    err: Write,
): Promise<{ facts?: TenantFacts } | { code: number }> {
    const live = await livePlanFacts(stack, {
        env: io.env,
        baseUrl: options.baseUrl,
        resolveTxt: io.resolveTxt,
        client: io.client,
    });
    if (live.kind === "unreadable") {
        for (const u of live.unreadable) err(terminalSafe(`chatgpt-identity: ${u.message}\n`));
        return { code: EXIT.workspaceUnreadable };
    }
    for (const note of live.notes) err(terminalSafe(`chatgpt-identity: ${note}\n`));
    return { facts: live.facts };
}

async function plan(options: PlanOptions, out: Write, err: Write, io: CommandIo): Promise<number> {
    const shownPath = path.relative(process.cwd(), options.stackFile) || options.stackFile;
    let result: PlanResult;
    try {
        const stack = readStackFile(options.stackFile);
        let facts: TenantFacts | undefined;
        if (options.live) {
            const live = await liveFacts(stack, options, io, err);
            if ("code" in live) return live.code;
            facts = live.facts;
        }
        result = await runPlan(stack, { facts });
    } catch (e) {
        if (!(e instanceof StackFileError)) throw e;
        // A pipeline that asked for JSON gets JSON even here, in the shape of a failed plan.
        if (options.format === "json") {
            const failed: PlanResult = {
                ok: false,
                problems: [{ path: shownPath, message: e.message }],
                findings: [],
                notes: [],
                resources: [],
            };
            out(`${renderVersionedPlanJson(failed, shownPath)}\n`);
        }
        err(`chatgpt-identity: ${e.message}\n`);
        return EXIT.usage;
    }
    const runbook = options.runbook ? runbookText(result) : undefined;
    // The plan names the runbook it is about to write; the file is written only after the plan is out.
    out(render(result, options, shownPath, runbook === undefined ? undefined : options.runbook));
    const code = exitCodeFor(result, options.strict);
    if (runbook === undefined || options.runbook === undefined) return code;
    try {
        writeRunbookFile(options.runbook, runbook, {
            stackFile: options.stackFile,
            overwrite: options.overwriteRunbook,
        });
    } catch (e) {
        if (!(e instanceof RunbookWriteError)) throw e;
        err(`chatgpt-identity: ${e.message}\n`);
        return EXIT.runbookNotWritten;
    }
    if (options.format === "text") out(`Runbook of the remaining manual steps written to ${options.runbook}\n`);
    return code;
}

/** The command: stdout gets the plan (or help/version), stderr gets errors with a one-line hint. */
export async function main(
    argv: string[],
    out: Write = (t) => process.stdout.write(t),
    err: Write = (t) => process.stderr.write(t),
    io: CommandIo = { env: process.env },
): Promise<number> {
    let invocation: Invocation;
    try {
        invocation = parseCommandLine(argv);
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        err(`chatgpt-identity: ${e.message}\n${HINT}\n`);
        return EXIT.usage;
    }
    switch (invocation.kind) {
        case "help":
            out(`${USAGE}\n`);
            return EXIT.ok;
        case "version":
            out(`${PACKAGE_NAME} ${PACKAGE_VERSION}\n`);
            return EXIT.ok;
        case "plan":
            return plan(invocation.options, out, err, io);
        case "verify":
            return verifyMain(invocation.args, {
                ...processVerifyIo(),
                env: io.env,
                stdout: out,
                stderr: err,
                ...io.verify,
            });
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (e) => {
            process.stderr.write(`chatgpt-identity: unexpected failure: ${(e as Error).message}\n`);
            process.exitCode = EXIT.internal;
        },
    );
}
