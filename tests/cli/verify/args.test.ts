import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { adminKeys, workspaceKeyEnvName } from "../../../cli/verify/adminKeys";
import { parseVerifyArgs, resolveStackFile } from "../../../cli/verify/args";

describe("cli verify: arguments", () => {
    it("parses every option", () => {
        assert.deepEqual(
            parseVerifyArgs([
                "Pulumi.lincoln.yaml",
                "--format",
                "json",
                "--strict",
                "--details",
                "--dns-server",
                "127.0.0.1:5353",
                "--workspace",
                "high-school",
                "--workspace-id",
                "6F1C2A9E-4B7D-4E0A-9C3F-2D8E5B1A7C40",
                "--admin-key-env",
                "LINCOLN_KEY",
                "--base-url",
                "https://api.chatgpt.com/v1",
            ]),
            {
                stackFile: "Pulumi.lincoln.yaml",
                format: "json",
                strict: true,
                details: true,
                dnsServer: "127.0.0.1:5353",
                workspace: "high-school",
                workspaceId: "6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40",
                adminKeyEnv: "LINCOLN_KEY",
                baseUrl: "https://api.chatgpt.com/v1",
            },
        );
        assert.equal(parseVerifyArgs(["--help"]), "help");
        assert.deepEqual(parseVerifyArgs(["--format=json", "--dns-server=127.0.0.1:53"]), {
            format: "json",
            strict: false,
            details: false,
            dnsServer: "127.0.0.1:53",
        });
    });

    it("refuses bad usage with a message that names the option and the fix", () => {
        const refuses = (args: string[], message: string) => assert.throws(() => parseVerifyArgs(args), { message });
        refuses(["--format", "yaml"], '--format must be text or json, not "yaml"');
        refuses(
            ["--dns-server", "ns1.example.org"],
            '--dns-server: "ns1.example.org" is not an IP address (with an optional :port), e.g. 192.0.2.53 or ' +
                "127.0.0.1:5353",
        );
        refuses(
            ["--workspace-id", "lincoln"],
            `--workspace-id must be the workspace's UUID from the admin console, not "lincoln"`,
        );
        refuses(["--bogus"], "Unknown option --bogus");
        // Not --strict plus a stack file named "false" (as node:util.parseArgs refuses it for plan).
        refuses(["--strict=false"], "--strict takes no value");
        refuses(["Pulumi.a.yaml", "--details=yes"], "--details takes no value");
        refuses(["a.yaml", "b.yaml"], 'Only one stack file can be verified at a time (got "a.yaml" and "b.yaml")');
        refuses(["--admin-key-env"], "--admin-key-env needs a value");
        refuses(
            ["--admin-key", "sk-test"],
            "--admin-key is accepted only with a loopback --base-url (the local emulator); for a real workspace " +
                "set CHATGPT_ADMIN_KEY or use --admin-key-env NAME",
        );
        refuses(
            ["--admin-key", "sk-test", "--base-url", "https://api.chatgpt.com/v1"],
            "--admin-key is accepted only with a loopback --base-url (the local emulator); for a real workspace " +
                "set CHATGPT_ADMIN_KEY or use --admin-key-env NAME",
        );
    });

    it("takes --admin-key for the emulator on loopback, and no usage message ever repeats the key", () => {
        const parsed = parseVerifyArgs(["--admin-key", "emu-key-123", "--base-url", "http://127.0.0.1:4010/v1"]);
        assert.equal(parsed !== "help" && parsed.adminKey, "emu-key-123");
        assert.throws(
            () =>
                parseVerifyArgs([
                    "--admin-key",
                    "emu-key-123",
                    "--base-url",
                    "http://127.0.0.1:1/v1",
                    "--admin-key-env",
                    "X",
                ]),
            (e: Error) => !e.message.includes("emu-key-123"),
        );
    });

    it("finds the only Pulumi.<stack>.yaml of the directory, and says so when there is none or several", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-args-"));
        try {
            assert.throws(() => resolveStackFile(undefined, dir), {
                message: "No STACK_FILE given and no Pulumi.<stack>.yaml in the current directory",
            });
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: x\n");
            fs.writeFileSync(path.join(dir, "Pulumi.lincoln.yaml"), "config: {}\n");
            assert.equal(resolveStackFile(undefined, dir), path.join(dir, "Pulumi.lincoln.yaml"));
            fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
            assert.throws(() => resolveStackFile(undefined, dir), {
                message:
                    "No STACK_FILE given and several stack files here (Pulumi.dev.yaml, Pulumi.lincoln.yaml): name one",
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("cli verify: admin keys (workspace-scoped, from the environment at call time)", () => {
    it("CHATGPT_ADMIN_KEY_<KEY> per workspace; CHATGPT_ADMIN_KEY only when one workspace is verified", () => {
        assert.equal(workspaceKeyEnvName("high-school"), "CHATGPT_ADMIN_KEY_HIGH_SCHOOL");
        const env: Record<string, string | undefined> = {
            CHATGPT_ADMIN_KEY: "plain",
            CHATGPT_ADMIN_KEY_HIGH_SCHOOL: "hs",
        };
        const one = adminKeys({}, env, ["default"]);
        assert.equal(one.adminKey("default"), "plain");
        assert.equal(one.whereFrom("default"), "CHATGPT_ADMIN_KEY_DEFAULT or CHATGPT_ADMIN_KEY");
        const two = adminKeys({}, env, ["district", "high-school"]);
        assert.equal(two.adminKey("district"), undefined);
        assert.equal(two.adminKey("high-school"), "hs");
        env.CHATGPT_ADMIN_KEY_HIGH_SCHOOL = "rotated";
        assert.equal(two.adminKey("high-school"), "rotated");
    });

    it("--admin-key-env and --admin-key name one workspace's key", () => {
        assert.equal(
            adminKeys({ adminKeyEnv: "LINCOLN_KEY" }, { LINCOLN_KEY: "k" }, ["default"]).adminKey("default"),
            "k",
        );
        assert.throws(() => adminKeys({ adminKeyEnv: "LINCOLN_KEY" }, {}, ["district", "high-school"]), {
            message:
                "--admin-key-env gives one workspace's key, but 2 workspaces are verified (district, " +
                "high-school): choose one with --workspace KEY, or set CHATGPT_ADMIN_KEY_DISTRICT, " +
                "CHATGPT_ADMIN_KEY_HIGH_SCHOOL",
        });
    });
});
