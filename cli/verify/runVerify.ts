import * as path from "node:path";
import { formatProblems } from "../../core/config/load";
import { LiveReadOptions } from "../../verify/liveState";
import { VerifyReport } from "../../verify/types";
import { verifyTenant } from "../../verify/verifyTenant";
import { StackFileError } from "../plan/stackFile";
import { adminKeys } from "./adminKeys";
import { VerifyCommandOptions, VerifyUsageError, parseVerifyArgs, resolveStackFile } from "./args";
import { VERIFY_EXIT } from "./exitCodes";
import { loadVerifyConfig } from "./loadConfig";
import { terminalSafe } from "../terminalText";
import { progressLine } from "./progress";
import { renderVerifyJson, renderVerifyText } from "./render";
import { VERIFY_USAGE } from "./usage";

/** Where verify writes and what it reads from its surroundings. */
export interface VerifyIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Only on a terminal is a progress line drawn (on stderr). */
    stderrIsTTY: boolean;
    /** Admin keys are read from here at call time. */
    env: Record<string, string | undefined>;
    cwd: string;
    /** For tests: a TXT resolver instead of DNS, and client hooks (pacing clock, fetch). */
    resolveTxt?: LiveReadOptions["resolveTxt"];
    client?: LiveReadOptions["client"];
}

export function processVerifyIo(): VerifyIo {
    return {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        stderrIsTTY: process.stderr.isTTY === true,
        env: process.env,
        cwd: process.cwd(),
    };
}

/** A usage error on stderr, as the other commands write it: the message, then a one-line hint. */
export function usageErrorText(message: string): string {
    return `chatgpt-identity verify: ${message}\nTry \`chatgpt-identity verify --help\` for the options.\n`;
}

/** 0 holds; 5 when any workspace was not read (the result is incomplete); 1 on errors (with --strict, warnings). */
export function verifyExitCode(report: VerifyReport, strict: boolean): number {
    if (report.unreadable.length > 0) return VERIFY_EXIT.unreadable;
    const blocking = report.findings.some((f) => f.severity === "error" || (strict && f.severity === "warning"));
    return blocking ? VERIFY_EXIT.findings : VERIFY_EXIT.ok;
}

/** Runs `chatgpt-identity verify` with parsed options; returns the exit code. Read-only. */
export async function runVerifyCommand(options: VerifyCommandOptions, io: VerifyIo): Promise<number> {
    const usage = (message: string) => {
        io.stderr(usageErrorText(message));
        return VERIFY_EXIT.usage;
    };
    let stackFile: string;
    let loaded;
    try {
        stackFile = resolveStackFile(options.stackFile, io.cwd);
        loaded = loadVerifyConfig(stackFile);
    } catch (e) {
        if (e instanceof VerifyUsageError) return usage(e.message);
        if (e instanceof StackFileError) {
            io.stderr(`chatgpt-identity verify: ${e.message}\n`);
            return VERIFY_EXIT.usage;
        }
        throw e;
    }
    const shown = path.relative(io.cwd, stackFile) || stackFile;
    if (!loaded.ok) {
        io.stderr(
            terminalSafe(
                `The configuration in ${shown} has problems; nothing was read:\n${formatProblems(loaded.problems)}\n`,
            ),
        );
        return VERIFY_EXIT.findings;
    }
    const config = loaded.config;
    const keys = config.workspaces.map((w) => w.key);
    if (options.workspace !== undefined && !keys.includes(options.workspace)) {
        return usage(
            `--workspace ${options.workspace}: the config has no workspace with that key (it has ${keys.join(", ")})`,
        );
    }
    const selected = options.workspace !== undefined ? [options.workspace] : keys;
    if (options.workspaceId !== undefined) {
        if (selected.length !== 1)
            return usage(`--workspace-id names one workspace; choose it with --workspace KEY (of ${keys.join(", ")})`);
        config.workspaces = config.workspaces.map((w) =>
            w.key === selected[0] ? { ...w, workspaceId: options.workspaceId } : w,
        );
    }
    const withoutId = config.workspaces.filter((w) => selected.includes(w.key) && !w.workspaceId);
    if (withoutId.length > 0) {
        return usage(
            withoutId
                .map(
                    (w) =>
                        `${w.path}.workspaceId is not set: copy the workspace's id from the admin console into ` +
                        `the config${selected.length === 1 ? ", or pass --workspace-id UUID" : ""}`,
                )
                .join("\n"),
        );
    }
    let keySource;
    try {
        keySource = adminKeys(options, io.env, selected);
    } catch (e) {
        if (e instanceof VerifyUsageError) return usage(e.message);
        throw e;
    }
    const progress = progressLine(io.stderrIsTTY, io.stderr);
    let report: VerifyReport;
    try {
        report = await verifyTenant(config, {
            adminKey: keySource.adminKey,
            baseUrl: options.baseUrl,
            dnsServer: options.dnsServer,
            workspaces: selected,
            details: options.details,
            onProgress: progress.update,
            resolveTxt: io.resolveTxt,
            client: io.client,
        });
    } finally {
        progress.done();
    }
    for (const u of report.unreadable) {
        if (u.reason === "no-key")
            u.message +=
                `: set ${keySource.whereFrom(u.workspace)} to the workspace's Admin key (Admin Console → ` +
                `Credentials → Admin keys)`;
    }
    io.stdout(
        `${options.format === "json" ? renderVerifyJson(report, shown) : terminalSafe(renderVerifyText(report, shown))}\n`,
    );
    for (const u of report.unreadable) io.stderr(terminalSafe(`${u.message}\n`));
    return verifyExitCode(report, options.strict);
}

/** `chatgpt-identity verify ARGS...` (the arguments after `verify`): parses, then runs; usage errors exit 2. */
export async function verifyMain(args: readonly string[], io: VerifyIo = processVerifyIo()): Promise<number> {
    let options;
    try {
        options = parseVerifyArgs(args);
    } catch (e) {
        if (!(e instanceof VerifyUsageError)) throw e;
        io.stderr(usageErrorText(e.message));
        return VERIFY_EXIT.usage;
    }
    if (options === "help") {
        io.stdout(`${VERIFY_USAGE}\n`);
        return VERIFY_EXIT.ok;
    }
    return runVerifyCommand(options, io);
}
