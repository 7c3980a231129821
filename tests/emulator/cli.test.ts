import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { once } from "node:events";
import { REPO_ROOT } from "../support/paths";

const root = REPO_ROOT;
// Compiled test runs exercise the compiled CLI (what `npm run emulator` starts); ts-node runs the source.
const emulatorArgs = __filename.endsWith(".js")
    ? [path.join(root, "dist", "emulator", "main.js")]
    : ["-r", "ts-node/register/transpile-only", "emulator/main.ts"];

/** Runs emulator/main.ts under ts-node (the npm script runs the compiled file the same way). */
function runCli(args: string[]): ChildProcess {
    return spawn(process.execPath, [...emulatorArgs, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
}

function readUntil(child: ChildProcess, pattern: RegExp, timeoutMs = 15000): Promise<{ match: RegExpMatchArray; output: string }> {
    return new Promise((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in output:\n${output}`)), timeoutMs);
        child.stdout!.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            const match = output.match(pattern);
            if (match) {
                clearTimeout(timer);
                resolve({ match, output });
            }
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
    });
}

describe("emulator CLI", () => {
    let child: ChildProcess | undefined;
    afterEach(() => {
        if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });

    it("prints the URLs and credentials, serves requests and stops cleanly on SIGTERM", async () => {
        child = runCli(["--port", "0", "--rate-429", "0", "--seed", "3"]);
        const { output } = await readUntil(child, /Press Ctrl\+C to stop\./);
        const url = output.match(/Emulator listening on (http:\/\/127\.0\.0\.1:\d+)/)![1];
        assert.ok(output.includes(`API base URL (chatgpt-identity:apiBaseUrl / CHATGPT_IDENTITY_API_BASE_URL): ${url}/v1`));
        assert.ok(output.includes(`SCIM base URL (give it to the IdP SCIM app): ${url}/scim/v2`));
        assert.ok(output.includes("local rehearsal tool"));
        const adminKey = output.match(/tenant default: admin key (\S+)/)![1];
        const response = await fetch(`${url}/v1/organization/identity/settings`, { headers: { authorization: `Bearer ${adminKey}` } });
        assert.equal(response.status, 200);

        const exited = once(child, "exit");
        child.kill("SIGTERM");
        const [code] = await exited;
        assert.equal(code, 0);
        await assert.rejects(fetch(`${url}/v1/organization/identity/settings`), "the port is closed after stop");
    });

    it("exits with status 2 and the usage on an unknown flag", async () => {
        child = spawn(process.execPath, [...emulatorArgs, "--bogus"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
        const [code] = await once(child, "exit");
        assert.equal(code, 2);
        assert.match(stderr, /Unknown option '--bogus'/);
        assert.match(stderr, /Usage: npm run emulator --/);
    });
});
