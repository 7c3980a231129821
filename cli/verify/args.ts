import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { dnsServerProblem } from "../../verify/dnsRecords";

export interface VerifyCommandOptions {
    /** The stack config file; undefined: the only `Pulumi.<stack>.yaml` in the working directory. */
    stackFile?: string;
    format: "text" | "json";
    strict: boolean;
    details: boolean;
    dnsServer?: string;
    /** Only this workspace key. */
    workspace?: string;
    workspaceId?: string;
    adminKeyEnv?: string;
    baseUrl?: string;
    /** Only for a loopback base URL (the emulator); never printed. */
    adminKey?: string;
}

export class VerifyUsageError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isLoopbackUrl(url: string): boolean {
    try {
        const host = new URL(url).hostname;
        return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
    } catch {
        return false;
    }
}

const OPTIONS = {
    help: { type: "boolean", short: "h" },
    strict: { type: "boolean" },
    details: { type: "boolean" },
    format: { type: "string" },
    "dns-server": { type: "string" },
    workspace: { type: "string" },
    "workspace-id": { type: "string" },
    "admin-key-env": { type: "string" },
    "base-url": { type: "string" },
    "admin-key": { type: "string" },
} as const;

/** node:util.parseArgs, with its errors turned into usage errors that name the option. */
function parse(argv: readonly string[]) {
    try {
        return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
        const code = (e as { code?: string }).code;
        const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, "");
        const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? "";
        if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new VerifyUsageError(`Unknown option ${option}`);
        if (/does not take an argument/.test(message)) throw new VerifyUsageError(`${option} takes no value`);
        if (/argument missing/.test(message)) throw new VerifyUsageError(`${option} needs a value`);
        throw new VerifyUsageError(message);
    }
}

/**
 * Parses the arguments after `verify` (`--format json` and `--format=json` alike). Throws VerifyUsageError (exit 2);
 * "help" for -h/--help.
 */
export function parseVerifyArgs(argv: readonly string[]): VerifyCommandOptions | "help" {
    const { values, positionals } = parse(argv);
    if (values.help) return "help";
    const options: VerifyCommandOptions = {
        format: "text",
        strict: values.strict === true,
        details: values.details === true,
    };
    if (values.format !== undefined) {
        if (values.format !== "text" && values.format !== "json")
            throw new VerifyUsageError(`--format must be text or json, not "${values.format}"`);
        options.format = values.format;
    }
    if (values["dns-server"] !== undefined) {
        const problem = dnsServerProblem(values["dns-server"]);
        if (problem) throw new VerifyUsageError(`--dns-server: ${problem}`);
        options.dnsServer = values["dns-server"];
    }
    if (values.workspace !== undefined) options.workspace = values.workspace;
    if (values["workspace-id"] !== undefined) {
        const id = values["workspace-id"];
        if (!UUID.test(id))
            throw new VerifyUsageError(
                `--workspace-id must be the workspace's UUID from the admin console, not "${id}"`,
            );
        options.workspaceId = id.toLowerCase();
    }
    if (values["admin-key-env"] !== undefined) {
        if (!ENV_NAME.test(values["admin-key-env"]))
            throw new VerifyUsageError(
                `--admin-key-env takes the name of an environment variable, such as CHATGPT_ADMIN_KEY`,
            );
        options.adminKeyEnv = values["admin-key-env"];
    }
    if (values["base-url"] !== undefined) {
        if (!/^https?:\/\//.test(values["base-url"]))
            throw new VerifyUsageError(`--base-url must be an http(s) URL such as https://api.chatgpt.com/v1`);
        options.baseUrl = values["base-url"];
    }
    if (values["admin-key"] !== undefined) options.adminKey = values["admin-key"];
    if (positionals.length > 1) {
        throw new VerifyUsageError(
            `Only one stack file can be verified at a time (got ${positionals.map((p) => `"${p}"`).join(" and ")})`,
        );
    }
    if (positionals.length === 1) options.stackFile = positionals[0];
    if (options.adminKey !== undefined && !(options.baseUrl && isLoopbackUrl(options.baseUrl))) {
        throw new VerifyUsageError(
            "--admin-key is accepted only with a loopback --base-url (the local emulator); for a real workspace " +
                "set CHATGPT_ADMIN_KEY or use --admin-key-env NAME",
        );
    }
    if (options.adminKey !== undefined && options.adminKeyEnv !== undefined) {
        throw new VerifyUsageError("give either --admin-key or --admin-key-env, not both");
    }
    return options;
}

/** The stack file to read: the one given, or the only `Pulumi.<stack>.yaml` in `cwd`. */
export function resolveStackFile(given: string | undefined, cwd: string): string {
    if (given !== undefined) return path.resolve(cwd, given);
    const candidates = fs
        .readdirSync(cwd)
        .filter((f) => /^Pulumi\.[^.]+\.ya?ml$/.test(f))
        .sort();
    if (candidates.length === 1) return path.join(cwd, candidates[0]);
    throw new VerifyUsageError(
        candidates.length === 0
            ? "No STACK_FILE given and no Pulumi.<stack>.yaml in the current directory"
            : `No STACK_FILE given and several stack files here (${candidates.join(", ")}): name one`,
    );
}
