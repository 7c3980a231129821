import * as assert from "node:assert/strict";
import { main } from "../../cli/main";
import { terminalSafe } from "../../cli/terminalText";
import { VERIFY_EXIT } from "../../cli/verify/exitCodes";
import { verifyMain } from "../../cli/verify/runVerify";
import { startEmulator } from "../../emulator";
import { captureIo, STAFF_TOKEN, TOKEN, WORKSPACE_ID, workspaceForm, writeStack } from "./verify/support";

const LINCOLN = { id: WORKSPACE_ID, adminKey: "emulator-admin-key-lincoln", scimToken: "emulator-scim-lincoln" };

const TITLE_CHANGE = "\u001b]0;pwned\u0007";
const RED = "\u001b[31m";
const CSI = "\u009b2J";

describe("cli: names and values never drive the terminal", () => {
    it("shows control characters and bidi overrides as \\u{..}, keeping newlines and tabs", () => {
        assert.equal(terminalSafe(`a${RED}b\n\tc${CSI}\u202ed`), "a\\u{1b}[31mb\n\tc\\u{9b}2J\\u{202e}d");
    });

    it("verify (text): a TXT value found in DNS reaches stdout escaped", async () => {
        const stack = writeStack(workspaceForm());
        try {
            const { io, stdout, stderr } = captureIo({
                cwd: stack.dir,
                resolveTxt: async () => [`${RED}openai-domain-verification=x${TITLE_CHANGE}`],
            });
            assert.equal(await verifyMain([], io), VERIFY_EXIT.unreadable);
            assert.doesNotMatch(stdout() + stderr(), /[\u001b\u0007]/);
            assert.match(stdout(), /only "\\u\{1b\}\[31mopenai-domain-verification=x\\u\{1b\}\]0;pwned\\u\{7\}"/);
        } finally {
            stack.remove();
        }
    });

    it("verify (json): the same value stays exact, as JSON escapes it", async () => {
        const stack = writeStack(workspaceForm());
        try {
            const found = `${RED}openai-domain-verification=x`;
            const { io, stdout } = captureIo({ cwd: stack.dir, resolveTxt: async () => [found] });
            assert.equal(await verifyMain(["--format", "json"], io), VERIFY_EXIT.unreadable);
            assert.deepEqual(JSON.parse(stdout()).domains[0].found, [found]);
        } finally {
            stack.remove();
        }
    });

    it("plan --live (text and markdown): a member's email from the admin API is printed escaped", async function () {
        this.timeout(30000);
        const emulator = await startEmulator({ workspaces: [LINCOLN] });
        const stack = writeStack(workspaceForm());
        try {
            emulator.seedUser(LINCOLN.id, { email: "evil@lincoln.k12.us", source: "aac" });
            // The API answers with an email holding escape codes (the emulator itself would refuse one).
            const fetchWithEscapes: typeof fetch = async (input, init) => {
                const response = await fetch(input, init);
                const body = (await response.text()).replace("evil@", "evil\\u001b]0;pwned\\u0007@");
                return new Response(body, { status: response.status, headers: response.headers });
            };
            for (const format of ["text", "markdown"]) {
                let out = "";
                let err = "";
                await main(
                    [
                        "plan",
                        stack.file,
                        "--format",
                        format,
                        "--no-runbook",
                        "--live",
                        "--base-url",
                        emulator.apiBaseUrl,
                    ],
                    (t) => (out += t),
                    (t) => (err += t),
                    {
                        env: { CHATGPT_ADMIN_KEY: LINCOLN.adminKey },
                        resolveTxt: async (name) => (name === "lincoln.k12.us" ? [TOKEN] : [STAFF_TOKEN]),
                        client: { fetch: fetchWithEscapes },
                    },
                );
                assert.doesNotMatch(out + err, /[\u001b\u0007]/, format);
                assert.match(out, /evil\\u\{1b\}\]0;pwned\\u\{7\}@lincoln\.k12\.us/, format);
            }
        } finally {
            await emulator.stop();
            stack.remove();
        }
    });
});
