import { parseArgs } from "node:util";
import { FaultInjector } from "./faults";
import { isUuid, randomWorkspaceCredentials } from "./model";
import { EmulatorFaults, EmulatorOptions, EmulatorWorkspace } from "./types";

export const usage = `Usage: npm run emulator -- [options]

Workspaces (repeat the three flags for several workspaces; the n-th of each belong together;
a value left out is generated at random and printed):
  --workspace-id UUID        ChatGPT workspace id
  --admin-key KEY            that workspace's Admin key (Bearer on /v1/manage/workspaces/{id}/...)
  --scim-token TOKEN         that workspace's SCIM token (Bearer on /scim/v2/{id}/...)

Server:
  --port N                   TCP port on 127.0.0.1 (default 0: any free port)
  --requests-per-minute N    per workspace, method and route (default 100, the real API's)
  --data FILE                load state from FILE and save it after every change (default: memory only)
  --control-token TOKEN      require 'Authorization: Bearer TOKEN' on /_emulator/... (default: loopback only)

Faults (seeded, deterministic for a request sequence):
  --latency-ms N             delay added to every API answer
  --rate-429 R               share (0..1) of API requests answered 429 with Retry-After, changing nothing
  --rate-5xx R               share (0..1) of API requests answered 503 with Retry-After, changing nothing
  --rate-lost-answer R       share (0..1) of API requests applied, then dropped without an answer
  --retry-after S            Retry-After seconds on faulted answers (default 1)
  --seed N                   seed of the fault sequence (default 1)

  --help                     this text`;

export type CliResult = { help: true } | { help: false; options: EmulatorOptions };

/** Parses the CLI flags (`--flag value` or `--flag=value`); throws an Error naming the flag on bad input. */
export function parseCliArgs(argv: string[]): CliResult {
    const { values } = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
            "workspace-id": { type: "string", multiple: true },
            "admin-key": { type: "string", multiple: true },
            "scim-token": { type: "string", multiple: true },
            port: { type: "string" },
            "requests-per-minute": { type: "string" },
            data: { type: "string" },
            "control-token": { type: "string" },
            "latency-ms": { type: "string" },
            "rate-429": { type: "string" },
            "rate-5xx": { type: "string" },
            "rate-lost-answer": { type: "string" },
            "retry-after": { type: "string" },
            seed: { type: "string" },
            help: { type: "boolean", short: "h" },
        },
    });
    if (values.help) return { help: true };
    const options: EmulatorOptions = { workspaces: workspacesFrom(values) };
    if (values.port !== undefined) options.port = integer("--port", values.port, 0, 65535);
    if (values["requests-per-minute"] !== undefined) {
        options.requestsPerMinute = integer("--requests-per-minute", values["requests-per-minute"], 1, 1_000_000);
    }
    if (values.data !== undefined) options.dataFile = values.data;
    if (values["control-token"] !== undefined) options.controlToken = values["control-token"];
    const faults: EmulatorFaults = {};
    if (values["latency-ms"] !== undefined) faults.latencyMs = number("--latency-ms", values["latency-ms"]);
    if (values["rate-429"] !== undefined) faults.rate429 = number("--rate-429", values["rate-429"]);
    if (values["rate-5xx"] !== undefined) faults.rate5xx = number("--rate-5xx", values["rate-5xx"]);
    if (values["rate-lost-answer"] !== undefined)
        faults.rateLostAnswer = number("--rate-lost-answer", values["rate-lost-answer"]);
    if (values["retry-after"] !== undefined) faults.retryAfterSeconds = number("--retry-after", values["retry-after"]);
    if (values.seed !== undefined) faults.seed = integer("--seed", values.seed, -2147483648, 4294967295);
    if (Object.keys(faults).length > 0) {
        new FaultInjector(faults); // throws, naming the setting, on invalid values
        options.faults = faults;
    }
    return { help: false, options };
}

function workspacesFrom(values: {
    "workspace-id"?: string[];
    "admin-key"?: string[];
    "scim-token"?: string[];
}): EmulatorWorkspace[] {
    const ids = values["workspace-id"] ?? [];
    const keys = values["admin-key"] ?? [];
    const tokens = values["scim-token"] ?? [];
    const count = Math.max(ids.length, keys.length, tokens.length, 1);
    for (const id of ids) if (!isUuid(id)) throw new Error(`--workspace-id must be a UUID, got '${id}'.`);
    return Array.from({ length: count }, (_, i) => {
        const random = randomWorkspaceCredentials();
        return {
            id: ids[i] ?? random.id,
            adminKey: keys[i] ?? random.adminKey,
            scimToken: tokens[i] ?? random.scimToken,
        };
    });
}

function number(flag: string, text: string): number {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n)) throw new Error(`${flag} must be a number, got '${text}'.`);
    return n;
}

function integer(flag: string, text: string, min: number, max: number): number {
    const n = number(flag, text);
    if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${flag} must be an integer from ${min} to ${max}, got '${text}'.`);
    return n;
}
