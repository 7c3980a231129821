import * as fs from "node:fs";
import * as path from "node:path";
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
/** Options without a value: `--strict=false` is refused, not read as `--strict` and a stack file "false". */
const FLAGS = new Set(["--strict", "--details", "--help"]);

export function isLoopbackUrl(url: string): boolean {
    try {
        const host = new URL(url).hostname;
        return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
    } catch {
        return false;
    }
}

/**
 * Parses the arguments after `verify` (`--format json` and `--format=json` alike). Throws VerifyUsageError (exit 2);
 * "help" for -h/--help.
 */
export function parseVerifyArgs(argv: readonly string[]): VerifyCommandOptions | "help" {
    const args = argv.flatMap((a) => {
        const eq = a.indexOf("=");
        if (!a.startsWith("--") || eq <= 2) return [a];
        if (FLAGS.has(a.slice(0, eq))) throw new VerifyUsageError(`${a.slice(0, eq)} takes no value`);
        return [a.slice(0, eq), a.slice(eq + 1)];
    });
    const options: VerifyCommandOptions = { format: "text", strict: false, details: false };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const value = () => {
            const v = args[++i];
            if (v === undefined || v.startsWith("--")) throw new VerifyUsageError(`${arg} needs a value`);
            return v;
        };
        if (arg === "-h" || arg === "--help") return "help";
        else if (arg === "--strict") options.strict = true;
        else if (arg === "--details") options.details = true;
        else if (arg === "--format") {
            const f = value();
            if (f !== "text" && f !== "json") throw new VerifyUsageError(`--format must be text or json, not "${f}"`);
            options.format = f;
        } else if (arg === "--dns-server") {
            const server = value();
            const problem = dnsServerProblem(server);
            if (problem) throw new VerifyUsageError(`--dns-server: ${problem}`);
            options.dnsServer = server;
        } else if (arg === "--workspace") options.workspace = value();
        else if (arg === "--workspace-id") {
            const id = value();
            if (!UUID.test(id))
                throw new VerifyUsageError(
                    `--workspace-id must be the workspace's UUID from the admin console, not "${id}"`,
                );
            options.workspaceId = id.toLowerCase();
        } else if (arg === "--admin-key-env") {
            const name = value();
            if (!ENV_NAME.test(name))
                throw new VerifyUsageError(
                    `--admin-key-env takes the name of an environment variable, such as CHATGPT_ADMIN_KEY`,
                );
            options.adminKeyEnv = name;
        } else if (arg === "--base-url") {
            const url = value();
            if (!/^https?:\/\//.test(url))
                throw new VerifyUsageError(`--base-url must be an http(s) URL such as https://api.chatgpt.com/v1`);
            options.baseUrl = url;
        } else if (arg === "--admin-key") {
            i++;
            if (args[i] === undefined || args[i].startsWith("--"))
                throw new VerifyUsageError("--admin-key needs a value");
            options.adminKey = args[i];
        } else if (arg.startsWith("-")) throw new VerifyUsageError(`Unknown option ${arg}`);
        else if (options.stackFile !== undefined) {
            throw new VerifyUsageError(
                `Only one stack file can be verified at a time (got "${options.stackFile}" and "${arg}")`,
            );
        } else options.stackFile = arg;
    }
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
