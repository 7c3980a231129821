import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { repoPath } from "../support/paths";

const GITHUB_DIR = repoPath("ci", "github");

/** The workflows' structure; actionlint runs over them in actionlint.test.ts (`npm run test:package`). */
describe("package: the copyable GitOps pipelines", function () {
    it("GitHub: plan comment and preview on pull requests, up behind an environment on merge, drift on a schedule", () => {
        const read = (f: string) => parse(fs.readFileSync(path.join(GITHUB_DIR, f), "utf8"));
        const pr = read("chatgpt-identity-pull-request.yml");
        assert.deepEqual(Object.keys(pr.on), ["pull_request"]);
        const planSteps = JSON.stringify(pr.jobs.plan.steps);
        assert.match(planSteps, /chatgpt-identity plan \\"\$STACK_FILE\\" --format markdown --no-runbook/);
        assert.match(planSteps, /gh pr comment/);
        // pulumi/actions comments as github-actions[bot] too: the plan edits only the comment with its marker.
        assert.doesNotMatch(planSteps, /--edit-last/, "--edit-last would overwrite the pulumi preview comment");
        assert.match(planSteps, /startswith\(env\.MARKER\)/);
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
