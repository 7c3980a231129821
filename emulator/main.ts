#!/usr/bin/env node
import { startEmulator } from "./index";
import { parseCliArgs } from "./cliArgs";

/**
 * Runs the emulator until SIGINT/SIGTERM. It prints the tenants' admin keys and SCIM tokens: it is a
 * local rehearsal tool on 127.0.0.1, never a place for real credentials.
 */
async function main(): Promise<void> {
    let options;
    try {
        options = parseCliArgs(process.argv.slice(2));
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n`);
        process.exit(2);
    }
    const emulator = await startEmulator({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
    const lines = [
        "chatgpt-identity workspace API emulator (local rehearsal tool: keys below are fake and printed on purpose)",
        `Emulator listening on ${emulator.url}`,
        `API base URL (chatgpt-identity:apiBaseUrl / CHATGPT_IDENTITY_API_BASE_URL): ${emulator.apiBaseUrl}`,
        `SCIM base URL (give it to the IdP SCIM app): ${emulator.scimBaseUrl}`,
        ...emulator.tenants.flatMap((t) => [`tenant ${t.id}: admin key ${t.adminKey}`, `tenant ${t.id}: SCIM token ${t.scimToken}`]),
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
