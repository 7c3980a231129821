import { EmulatorOptions } from "./types";

export const usage = `Usage: npm run emulator -- [--port N] [--data FILE] [--dns HOST:PORT] [--latency-ms N] [--rate-429 R] [--rate-5xx R] [--retry-after S] [--seed N]

  --port N          TCP port on 127.0.0.1 (default 0: any free port)
  --data FILE       load state from FILE and save it after every change (default: memory only)
  --dns HOST:PORT   DNS server used to verify domain TXT records; repeatable (default: system resolver)
  --latency-ms N    delay added to every API answer
  --rate-429 R      share (0..1) of API requests answered 429 with Retry-After
  --rate-5xx R      share (0..1) of API requests answered 503 with Retry-After
  --retry-after S   Retry-After seconds on faulted answers (default 1)
  --seed N          seed of the fault sequence (default 1)`;

/** Parses the CLI flags; throws an Error naming the flag on bad input. */
export function parseCliArgs(argv: string[]): EmulatorOptions {
    const options: EmulatorOptions = {};
    const faults: NonNullable<EmulatorOptions["faults"]> = {};
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value.\n${usage}`);
            return v;
        };
        const number = () => {
            const text = value();
            const n = Number(text);
            if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, got '${text}'.`);
            return n;
        };
        switch (flag) {
            case "--port": options.port = number(); break;
            case "--data": options.dataFile = value(); break;
            case "--dns": options.dnsServers = [...(options.dnsServers ?? []), value()]; break;
            case "--latency-ms": faults.latencyMs = number(); break;
            case "--rate-429": faults.rate429 = number(); break;
            case "--rate-5xx": faults.rate5xx = number(); break;
            case "--retry-after": faults.retryAfterSeconds = number(); break;
            case "--seed": faults.seed = number(); break;
            case "--help": case "-h": throw new Error(usage);
            default: throw new Error(`Unknown option '${flag}'.\n${usage}`);
        }
    }
    if (Object.keys(faults).length > 0) options.faults = faults;
    return options;
}
