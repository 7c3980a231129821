#!/usr/bin/env node
import { startEmulator } from "./index";
import { CliResult, parseCliArgs, usage } from "./cliArgs";

/**
 * Runs the emulator until SIGINT/SIGTERM. It prints the workspaces' Admin keys and SCIM tokens: it is a local
 * rehearsal tool on 127.0.0.1, never a place for real credentials.
 */
async function main(): Promise<void> {
    let parsed: CliResult;
    try {
        parsed = parseCliArgs(process.argv.slice(2));
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n\n${usage}\n`);
        process.exit(2);
    }
    if (parsed.help) {
        process.stdout.write(`${usage}\n`);
        return;
    }
    const options = parsed.options;
    const emulator = await startEmulator({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
    const lines = [
        "chatgpt-identity emulator of the ChatGPT admin API (local rehearsal tool: keys below are fake and printed on purpose)",
        `Emulator listening on ${emulator.url}`,
        `API base URL: ${emulator.apiBaseUrl}`,
        ...emulator.workspaces.flatMap((w) => [
            `workspace ${w.id}: admin key ${w.adminKey}`,
            `workspace ${w.id}: SCIM base URL ${emulator.scimBaseUrl(w.id)}`,
            `workspace ${w.id}: SCIM token ${w.scimToken}`,
        ]),
        ...emulator.apiPlatformOrgs.map((o) => `API Platform org ${o.id}: admin key ${o.adminKey}`),
        options.dataFile ? `State file: ${options.dataFile}` : "State: in memory (use --data FILE to keep it)",
        "Press Ctrl+C to stop.",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    const shutdown = (signal: string) => {
        process.stdout.write(`Received ${signal}, stopping.\n`);
        emulator.stop().then(
            () => process.exit(0),
            (err) => {
                process.stderr.write(`Stop failed: ${(err as Error).message}\n`);
                process.exit(1);
            },
        );
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err) => {
    process.stderr.write(`Emulator failed to start: ${(err as Error).message}\n`);
    process.exit(1);
});
