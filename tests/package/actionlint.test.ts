import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoPath } from "../support/paths";

const ACTIONLINT = repoPath("node_modules", "@tktco", "node-actionlint", "bin", "node-actionlint.js");
const GITHUB_DIR = repoPath("ci", "github");

/** Runs actionlint (rhysd/actionlint compiled to WebAssembly) on the workflow files in `dir`. */
function actionlint(dir: string): { code: number; output: string } {
    try {
        return {
            code: 0,
            output: execFileSync(process.execPath, [ACTIONLINT, "*.yml"], { cwd: dir, encoding: "utf8" }),
        };
    } catch (e) {
        const failure = e as { status: number; stdout: string; stderr: string };
        return { code: failure.status, output: failure.stdout + failure.stderr };
    }
}

/**
 * Part of `npm run test:package` (.mocharc.package.json), which CI runs after `npm test`: each actionlint run
 * compiles its WebAssembly first, seconds of a suite that otherwise takes milliseconds per test.
 */
describe("package: the copyable GitOps pipelines lint clean (actionlint)", function () {
    this.timeout(120_000);

    it("the GitHub Actions workflows (the copyable ones and this repository's own) lint clean with actionlint", () => {
        const { code, output } = actionlint(GITHUB_DIR);
        assert.equal(code, 0, output);
        assert.match(output, /Checking 3 workflow file\(s\)/);
        const own = actionlint(repoPath(".github", "workflows"));
        assert.equal(own.code, 0, own.output);
        assert.match(own.output, /Checking 1 workflow file\(s\)/);
    });

    it("actionlint is real: a broken copy fails, naming the line", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actionlint-"));
        try {
            const text = fs
                .readFileSync(path.join(GITHUB_DIR, "chatgpt-identity-drift.yml"), "utf8")
                .replace("id-token: write", "id-token: writ");
            fs.writeFileSync(path.join(dir, "broken.yml"), text);
            const { code, output } = actionlint(dir);
            assert.equal(code, 1);
            assert.match(output, /broken\.yml:\d+:\d+ "writ" is invalid for permission of scope "id-token"/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
