import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
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

describe("package: the copyable GitOps pipelines", function () {
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

    it("GitHub: plan comment and preview on pull requests, up behind an environment on merge, drift on a schedule", () => {
        const read = (f: string) => parse(fs.readFileSync(path.join(GITHUB_DIR, f), "utf8"));
        const pr = read("chatgpt-identity-pull-request.yml");
        assert.deepEqual(Object.keys(pr.on), ["pull_request"]);
        const planSteps = JSON.stringify(pr.jobs.plan.steps);
        assert.match(planSteps, /chatgpt-identity plan \\"\$STACK_FILE\\" --format markdown --no-runbook/);
        assert.match(planSteps, /gh pr comment/);
        assert.equal(
            pr.jobs.preview.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@")).with.command,
            "preview",
        );
        assert.equal(pr.jobs.preview.permissions["id-token"], "write");
        const deploy = read("chatgpt-identity-deploy.yml");
        assert.deepEqual(deploy.on, { push: { branches: ["main"] } });
        assert.equal(deploy.jobs.up.environment, "chatgpt-identity");
        assert.equal(
            deploy.jobs.up.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@")).with.command,
            "up",
        );
        const drift = read("chatgpt-identity-drift.yml");
        assert.ok(drift.on.schedule[0].cron);
        assert.equal(
            drift.jobs.drift.steps.find((s: { uses?: string }) => s.uses?.startsWith("pulumi/actions@")).with[
                "expect-no-changes"
            ],
            true,
        );
        for (const wf of [pr, deploy, drift]) {
            const text = JSON.stringify(wf);
            assert.match(text, /node --version/);
            assert.doesNotMatch(
                text,
                /PULUMI_ACCESS_TOKEN|ARM_CLIENT_SECRET/,
                "credentials come from OIDC, not stored keys",
            );
        }
    });

    it("GitLab CI: the same stages, OIDC id_tokens, a manual deploy in a protected environment, a scheduled drift check", () => {
        // No GitLab CI linter runs offline (GitLab's lint is an API of a GitLab server): this checks the structure.
        const ci = parse(fs.readFileSync(repoPath("ci", "gitlab", "chatgpt-identity.gitlab-ci.yml"), "utf8"));
        assert.deepEqual(ci.stages, ["plan", "preview", "deploy", "drift"]);
        const jobs = Object.entries(ci).filter(
            ([name, job]) =>
                !name.startsWith(".") && typeof job === "object" && job !== null && "script" in (job as object),
        );
        assert.deepEqual(
            jobs.map(([name]) => name),
            ["plan", "preview", "deploy", "drift"],
        );
        for (const [name, job] of jobs as [string, { stage: string; extends: string; rules: unknown[] }][]) {
            assert.ok(ci.stages.includes(job.stage), `${name}: unknown stage`);
            assert.ok(ci[job.extends], `${name}: extends a template that does not exist`);
            assert.ok(Array.isArray(job.rules) && job.rules.length > 0, `${name}: no rules`);
        }
        assert.deepEqual(Object.keys(ci[".pulumi"].id_tokens), ["PULUMI_OIDC_TOKEN", "ARM_OIDC_TOKEN"]);
        assert.match(ci.plan.script.join("\n"), /chatgpt-identity plan "\$STACK_FILE" --format markdown --no-runbook/);
        assert.deepEqual(ci.deploy.rules[0].when, "manual");
        assert.equal(ci.deploy.environment.name, "chatgpt-identity");
        assert.match(ci.drift.script.join("\n"), /--expect-no-changes/);
        assert.match(ci.drift.rules[0].if, /schedule/);
    });
});
