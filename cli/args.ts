import * as path from "node:path";
import { parseArgs as parseNodeArgs } from "node:util";
import { PACKAGE_ROOT } from "./packageInfo";

export const DEFAULT_STACK_FILE = path.join(PACKAGE_ROOT, "examples", "entra-district", "Pulumi.lincoln.yaml");
export const DEFAULT_RUNBOOK = "chatgpt-identity-runbook.md";

export const FORMATS = ["text", "json", "markdown"] as const;
export type PlanFormat = (typeof FORMATS)[number];

export interface PlanOptions {
    stackFile: string;
    format: PlanFormat;
    strict: boolean;
    /** Where to write the runbook; undefined with `--no-runbook`. */
    runbook?: string;
    /** Let the runbook replace an existing file this command did not write. */
    overwriteRunbook: boolean;
    /** `--live`: add what the live workspaces show (read-only; admin keys from the environment) to the facts. */
    live: boolean;
    /** `--base-url`: the admin API base URL for `--live` (default https://api.chatgpt.com/v1), e.g. the emulator's. */
    baseUrl?: string;
}

export type Invocation =
    | { kind: "help" }
    | { kind: "version" }
    | { kind: "plan"; options: PlanOptions }
    /** `verify` and every argument after it, parsed by `cli/verify`. */
    | { kind: "verify"; args: string[] };

/** A command line that cannot be run; its message says what is wrong in one line. */
export class UsageError extends Error {}

const OPTIONS = {
    format: { type: "string" },
    strict: { type: "boolean" },
    runbook: { type: "string" },
    "no-runbook": { type: "boolean" },
    "overwrite-runbook": { type: "boolean" },
    live: { type: "boolean" },
    "base-url": { type: "string" },
    help: { type: "boolean", short: "h" },
    version: { type: "boolean", short: "V" },
} as const;

/** Node's parse errors, as one line that names the option. */
function usageMessage(error: Error & { code?: string }): string {
    const option = /'(-[^' ]+)/.exec(error.message)?.[1];
    switch (error.code) {
        case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
            return `Unknown option ${option ?? error.message}`;
        case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
            if (/argument missing|ambiguous/.test(error.message)) return `${option ?? "An option"} needs a value`;
            return `${option ?? "An option"} takes no value`;
        default:
            return error.message.split(". ")[0];
    }
}

/**
 * `chatgpt-identity plan ...` by the conventions of `node:util.parseArgs` (`--format=json` works);
 * `chatgpt-identity verify ...` hands everything after `verify` to verify's own parser.
 */
export function parseCommandLine(argv: string[]): Invocation {
    if (argv[0] === "verify") return { kind: "verify", args: argv.slice(1) };
    let parsed;
    try {
        parsed = parseNodeArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
        if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError(usageMessage(e as Error));
        throw e;
    }
    const { values, positionals } = parsed;
    if (values.help) return { kind: "help" };
    if (values.version) return { kind: "version" };
    const [command, ...rest] = positionals;
    if (command === undefined || command === "help") return { kind: "help" };
    if (command === "verify")
        throw new UsageError(
            "`verify` comes first, before its options: `chatgpt-identity verify [STACK_FILE] [options]`",
        );
    if (command !== "plan")
        throw new UsageError(
            `Unknown command "${command}"; the commands are \`chatgpt-identity plan\` and \`chatgpt-identity verify\``,
        );
    if (rest.length > 1) {
        throw new UsageError(
            `Only one stack file can be planned at a time (got ${rest.map((r) => `"${r}"`).join(" and ")})`,
        );
    }
    const format = values.format ?? "text";
    if (!(FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format must be ${FORMATS.join(", ")}, not "${format}"`);
    }
    if (values.runbook !== undefined && values["no-runbook"])
        throw new UsageError("--runbook and --no-runbook contradict each other");
    if (values.runbook === "") throw new UsageError("--runbook needs a file name");
    const baseUrl = values["base-url"];
    if (baseUrl !== undefined && !values.live) throw new UsageError("--base-url is used only with --live");
    if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl))
        throw new UsageError("--base-url must be an http(s) URL such as https://api.chatgpt.com/v1");
    return {
        kind: "plan",
        options: {
            stackFile: rest[0] ?? DEFAULT_STACK_FILE,
            format: format as PlanFormat,
            strict: values.strict ?? false,
            runbook: values["no-runbook"] ? undefined : (values.runbook ?? DEFAULT_RUNBOOK),
            overwriteRunbook: values["overwrite-runbook"] ?? false,
            live: values.live ?? false,
            ...(baseUrl !== undefined ? { baseUrl } : {}),
        },
    };
}
