import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/main";
import { RUNBOOK_SIGNATURE } from "../../cli/runbookFile";
import { repoPath } from "../support/paths";

const EXAMPLE = repoPath("examples", "entra-district", "Pulumi.lincoln.yaml");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(
        argv,
        (t) => {
            out += t;
        },
        (t) => {
            err += t;
        },
    );
    return { code, out, err };
}

/** Every entry under `dir`: files with their content, links with their target. */
function snapshot(dir: string): Record<string, string> {
    const entries: Record<string, string> = {};
    for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
        const full = path.join(dir, name);
        const stat = fs.lstatSync(full);
        entries[name] = stat.isSymbolicLink()
            ? `link -> ${fs.readlinkSync(full)}`
            : stat.isFile()
              ? fs.readFileSync(full, "utf8")
              : "dir";
    }
    return entries;
}

describe("chatgpt-identity plan: writing the runbook safely", () => {
    let dir: string;
    let stackFile: string;
    let victim: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "runbook-"));
        stackFile = path.join(dir, "Pulumi.lincoln.yaml");
        fs.copyFileSync(EXAMPLE, stackFile);
        victim = path.join(dir, "notes.md");
        fs.writeFileSync(victim, "my own notes\n");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const refused = async (runbook: string, reason: RegExp, ...extra: string[]) => {
        const before = snapshot(dir);
        const { code, out, err } = await run("plan", stackFile, "--runbook", runbook, ...extra);
        assert.equal(code, 4, err);
        assert.match(out, /^chatgpt-identity plan: /, "the plan is still printed");
        assert.match(out, /What `pulumi up` would create \(20 resources\)/);
        assert.doesNotMatch(out, /Runbook of the remaining manual steps written/);
        assert.match(
            err,
            new RegExp(
                `^chatgpt-identity: The runbook was not written to ${runbook.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${reason.source}`,
            ),
        );
        assert.deepEqual(snapshot(dir), before, "no file was created, changed or removed");
    };

    it("writes a new runbook after the plan, and replaces one it wrote before", async () => {
        const runbook = path.join(dir, "runbook.md");
        const first = await run("plan", stackFile, "--runbook", runbook);
        assert.equal(first.code, 0, first.err);
        assert.ok(first.out.endsWith(`Runbook of the remaining manual steps written to ${runbook}\n`));
        const text = fs.readFileSync(runbook, "utf8");
        assert.ok(text.startsWith(`${RUNBOOK_SIGNATURE}: Lincoln Unified School District\n`));
        fs.writeFileSync(runbook, `${RUNBOOK_SIGNATURE}: stale\n`);
        assert.equal((await run("plan", stackFile, "--runbook", runbook)).code, 0);
        assert.equal(fs.readFileSync(runbook, "utf8"), text);
        assert.deepEqual(fs.readdirSync(dir).sort(), ["Pulumi.lincoln.yaml", "notes.md", "runbook.md"]);
    });

    it("never writes through a symbolic link (exit 4), even with --overwrite-runbook", async () => {
        const link = path.join(dir, "runbook.md");
        fs.symlinkSync(victim, link);
        await refused(link, /it is a symbolic link/);
        await refused(link, /it is a symbolic link/, "--overwrite-runbook");
        const dangling = path.join(dir, "dangling.md");
        fs.symlinkSync(path.join(dir, "created-through-link.md"), dangling);
        await refused(dangling, /it is a symbolic link/);
    });

    it("never writes over the stack file (exit 4), even with --overwrite-runbook", async () => {
        await refused(stackFile, /it is the stack file being planned/, "--overwrite-runbook");
    });

    it("does not replace a file it did not write unless asked (exit 4); --overwrite-runbook replaces it", async () => {
        await refused(victim, /the file exists and was not written by chatgpt-identity\. Pass --overwrite-runbook/);
        const { code } = await run("plan", stackFile, "--runbook", victim, "--overwrite-runbook");
        assert.equal(code, 0);
        assert.ok(fs.readFileSync(victim, "utf8").startsWith(RUNBOOK_SIGNATURE));
    });

    it("reports a path it cannot write (exit 4) with the plan still printed", async () => {
        await refused(
            path.join(dir, "notes.md", "runbook.md"),
            /a part of the path is not a folder\. Choose a writable path/,
        );
        await refused(path.join(dir, "missing", "runbook.md"), /its folder does not exist\. Choose a writable path/);
        await refused(dir, /it is not a regular file/);
    });
});
