import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { once } from "node:events";
import { createServer } from "node:net";
import { REPO_ROOT } from "../support/paths";
import { JEFFERSON, LINCOLN } from "./helpers";

const root = REPO_ROOT;
// Compiled test runs exercise the compiled CLI (what `npm run emulator` starts); ts-node runs the source.
const emulatorArgs = __filename.endsWith(".js")
    ? [path.join(root, "dist", "emulator", "main.js")]
    : ["-r", "ts-node/register/transpile-only", "emulator/main.ts"];

function runCli(args: string[]): ChildProcess {
    return spawn(process.execPath, [...emulatorArgs, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
}

function readUntil(child: ChildProcess, pattern: RegExp, timeoutMs = 15000): Promise<string> {
    return new Promise((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in output:\n${output}`)), timeoutMs);
        child.stdout!.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (pattern.test(output)) {
                clearTimeout(timer);
                resolve(output);
            }
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
    });
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const [code] = await once(child, "exit");
    return { code, stdout, stderr };
}

/** A port that was free a moment ago (the OS picks it; the listener is closed before the CLI binds it). */
async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

describe("emulator CLI", () => {
    let child: ChildProcess | undefined;
    afterEach(() => {
        if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });

    it("starts with the given port, workspaces, keys and tokens, serves them and stops cleanly on SIGTERM", async () => {
        const port = await freePort();
        child = runCli([
            `--port=${port}`,
            "--workspace-id",
            LINCOLN.id,
            "--admin-key",
            LINCOLN.adminKey,
            "--scim-token",
            LINCOLN.scimToken,
            `--workspace-id=${JEFFERSON.id}`,
            `--admin-key=${JEFFERSON.adminKey}`,
            `--scim-token=${JEFFERSON.scimToken}`,
            "--requests-per-minute",
            "2",
            "--seed",
            "3",
        ]);
        const output = await readUntil(child, /Press Ctrl\+C to stop\./);
        const url = `http://127.0.0.1:${port}`;
        assert.ok(output.includes(`Emulator listening on ${url}`), output);
        assert.ok(output.includes(`API base URL: ${url}/v1`));
        assert.ok(output.includes(`workspace ${LINCOLN.id}: admin key ${LINCOLN.adminKey}`));
        assert.ok(output.includes(`workspace ${LINCOLN.id}: SCIM base URL ${url}/scim/v2/${LINCOLN.id}`));
        assert.ok(output.includes(`workspace ${JEFFERSON.id}: SCIM token ${JEFFERSON.scimToken}`));
        assert.ok(output.includes("local rehearsal tool"));

        const users = `${url}/v1/manage/workspaces/${JEFFERSON.id}/users`;
        const get = () =>
            fetch(users, { headers: { authorization: `Bearer ${JEFFERSON.adminKey}` } }).then((r) => r.status);
        assert.deepEqual([await get(), await get(), await get()], [200, 200, 429], "--requests-per-minute 2");
        const scimAnswer = await fetch(`${url}/scim/v2/${LINCOLN.id}/Users`, {
            headers: { authorization: `Bearer ${LINCOLN.scimToken}` },
        });
        assert.equal(scimAnswer.status, 200);

        const exited = once(child, "exit");
        child.kill("SIGTERM");
        const [code] = await exited;
        assert.equal(code, 0);
        await assert.rejects(fetch(users), "the port is closed after stop");
    });

    it("generates and prints a random workspace when none is given", async () => {
        child = runCli(["--port", "0"]);
        const output = await readUntil(child, /Press Ctrl\+C to stop\./);
        const match = output.match(/workspace ([0-9a-f-]{36}): admin key (\S+)/);
        assert.ok(match, output);
        const url = output.match(/Emulator listening on (\S+)/)![1];
        const answer = await fetch(`${url}/v1/manage/workspaces/${match[1]}/usage_limits/workspace`, {
            headers: { authorization: `Bearer ${match[2]}` },
        });
        assert.equal(answer.status, 200);
        child.kill("SIGTERM");
        await once(child, "exit");
    });

    it("prints the usage for --help and exits 0", async () => {
        child = runCli(["--help"]);
        const { code, stdout } = await exitOf(child);
        assert.equal(code, 0);
        assert.match(stdout, /^Usage: npm run emulator -- \[options\]/);
        assert.match(stdout, /--requests-per-minute N/);
    });

    for (const [args, message] of [
        [["--bogus"], /Unknown option '--bogus'/],
        [["--port", "http"], /--port must be a number, got 'http'/],
        [["--workspace-id", "lincoln"], /--workspace-id must be a UUID, got 'lincoln'/],
        [["--requests-per-minute", "0"], /--requests-per-minute must be an integer from 1/],
        [["--rate-429", "0.8", "--rate-5xx", "0.5"], /must be at most 1/],
    ] as [string[], RegExp][]) {
        it(`exits with status 2 and a message on stderr for ${args.join(" ")}`, async () => {
            child = runCli(args);
            const { code, stderr, stdout } = await exitOf(child);
            assert.equal(code, 2, stderr);
            assert.match(stderr, message);
            assert.equal(stdout, "");
        });
    }
});
