import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { main } from "../../../cli/main";
import { repoPath } from "../../support/paths";

const ENTRA_EXAMPLE = repoPath("examples", "entra-district", "Pulumi.lincoln.yaml");
const OKTA_EXAMPLE = repoPath("examples", "okta-enterprise", "Pulumi.pilot.yaml");
const GOLDEN_RUNBOOK = repoPath("tests", "cli", "plan", "fixtures", "entra-district.runbook.md");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(
        argv,
        (text) => {
            out += text;
        },
        (text) => {
            err += text;
        },
    );
    return { code, out, err };
}

describe("chatgpt-identity plan", () => {
    let dir: string;
    const stackFile = (name: string, workspace: unknown, extra: Record<string, unknown> = {}) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, stringify({ config: { "chatgpt-identity:workspace": workspace, ...extra } }));
        return file;
    };
    const exampleWorkspace = () =>
        (require("yaml").parse(fs.readFileSync(ENTRA_EXAMPLE, "utf8")) as { config: Record<string, any> }).config[
            "chatgpt-identity:workspace"
        ];

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("plans the example district: checks, resources by system, hand-offs, and the runbook (golden file)", async () => {
        const runbook = path.join(dir, "runbook.md");
        const { code, out } = await run("plan", ENTRA_EXAMPLE, "--runbook", runbook);
        assert.equal(code, 0, out);
        const sections = [
            "Lincoln Unified School District: idp entra, phase pilot, SSO stage testing, SCIM on, 3 groups, 2 domains",
            "Rollout checks",
            "What `pulumi up` would create (20 resources)",
            "  Identity provider: SSO app (10)",
            "  Identity provider: SCIM provisioning app (4)",
            "  Groups and assignments (6)",
            "Hand-off: DNS team",
            "Hand-off: ChatGPT SSO wizard and IdP",
            "Hand-off: steps that cannot be done as code",
            `Runbook of the remaining manual steps written to ${runbook}`,
        ];
        let at = -1;
        for (const s of sections) {
            const next = out.indexOf(s);
            assert.ok(next > at, `"${s}" missing or out of order in:\n${out}`);
            at = next;
        }
        assert.match(out, /Value: openai-domain-verification=dv-lincoln-staff-0002/);
        assert.match(out, /credentials=\[secret\]/, "the SCIM secret is shown as a secret");
        assert.match(
            out,
            /Note: the SCIM token of workspace "default" is missing: the secret chatgpt-identity:scimToken is not set; `pulumi up` will stop until you run `pulumi config set --secret chatgpt-identity:scimToken /,
        );
        assert.equal(fs.readFileSync(runbook, "utf8"), fs.readFileSync(GOLDEN_RUNBOOK, "utf8"));
    });

    it("plans the Okta example, with the console steps Okta cannot do as code", async () => {
        const { code, out } = await run("plan", OKTA_EXAMPLE, "--no-runbook");
        assert.equal(code, 0, out);
        assert.match(out, /Acme Corporation: idp okta/);
        assert.match(out, /\+ okta:app\.Saml {2}identity-okta-sso-app/);
        assert.match(out, /Group pushes are deferred until provisioning is on/);
        assert.match(
            out,
            /Hand-off: steps that cannot be done as code\n {2}1\. Okta Admin Console → Applications/,
            "each step is numbered once",
        );
        assert.doesNotMatch(out, /\d\. \d\. /);
        assert.doesNotMatch(out, /Runbook/);
    });

    it("lists every problem of an invalid config, creates nothing and exits 1", async () => {
        const file = stackFile("Pulumi.bad.yaml", {
            ...exampleWorkspace(),
            phase: "beta",
            groups: [{ dimension: "ROLE", group: "Lincoln_High" }],
            colour: "blue",
        });
        const { code, out } = await run("plan", file, "--no-runbook");
        assert.equal(code, 1);
        assert.match(out, /Configuration problems \(3\); nothing would be changed:/);
        // Problems print like findings: [rule or "config"] path, then the message (and Why/Fix when known).
        assert.match(out, /^ {2}\[config\] workspace\.phase\n {4}\S/m);
        assert.match(out, /^ {2}\[(config|GRP-1)\] workspace\.groups\[0\]/m);
        assert.match(out, /^ {2}\[config\] workspace\.colour\n/m);
        assert.match(out, /Plan stopped: fix the problems above; no resource would be created\./);
        assert.doesNotMatch(out, /would create/);
    });

    it("exits 1 on a rule error (SCIM-3) and names the rule, path and fix", async () => {
        const file = stackFile("Pulumi.aac.yaml", {
            ...exampleWorkspace(),
            settings: { automaticAccountCreation: true },
        });
        const { code, out } = await run("plan", file, "--no-runbook");
        assert.equal(code, 1);
        assert.match(out, /\[SCIM-3\] workspace\.settings\.automaticAccountCreation/);
        assert.match(out, /Plan stopped/);
    });

    it("prints a problem that carries a rule like a finding (rule id, path, message, Why, Fix), and as data in JSON (exit 1)", async () => {
        const workspace = exampleWorkspace();
        const file = stackFile("Pulumi.claims.yaml", {
            ...workspace,
            sso: { ...workspace.sso, claims: { email: "company.mail" } },
        });
        const text = await run("plan", file, "--no-runbook");
        assert.equal(text.code, 1, text.out);
        assert.match(
            text.out,
            new RegExp(
                [
                    "Configuration problems \\(1\\); nothing would be changed:",
                    " {2}\\[SSO-12\\] workspace\\.sso\\.claims\\.email",
                    ' {4}takes the email claim from "company\\.mail", which is not a mail or sign-in name attribute',
                    " {4}Why: The email claim must carry the address .*",
                    " {4}Fix: Use user\\.mail or user\\.userprincipalname.*",
                ].join("\n"),
            ),
        );
        assert.match(text.out, /Plan stopped/);
        const json = JSON.parse((await run("plan", file, "--no-runbook", "--format", "json")).out);
        assert.equal(json.ok, false);
        assert.deepEqual(
            json.problems.map((p: { path: string; rule?: string }) => [p.path, p.rule]),
            [["workspace.sso.claims.email", "SSO-12"]],
        );
        assert.match(json.problems[0].why, /^The email claim must carry/);
        assert.match(json.problems[0].fix, /^Use user\.mail/);
        assert.deepEqual(json.resources, []);
    });

    it("with --strict, exits 1 on warnings too", async () => {
        assert.equal((await run("plan", ENTRA_EXAMPLE, "--no-runbook")).code, 0);
        assert.equal((await run("plan", ENTRA_EXAMPLE, "--no-runbook", "--strict")).code, 1);
    });

    it("prints JSON for pipelines, with secrets hidden", async () => {
        const { code, out } = await run("plan", ENTRA_EXAMPLE, "--no-runbook", "--format", "json");
        assert.equal(code, 0);
        const plan = JSON.parse(out);
        assert.equal(plan.ok, true);
        assert.equal(plan.resources.length, 20);
        const secret = plan.resources.find(
            (r: { type: string }) => r.type === "azuread:index/synchronizationSecret:SynchronizationSecret",
        );
        assert.equal(secret.inputs.credentials, "[secret]");
        assert.deepEqual(
            plan.handoff.txtRecords.map((r: { domain: string }) => r.domain),
            ["lincoln.k12.us", "staff.lincoln.k12.us"],
        );
        assert.ok(plan.findings.findings.some((f: { id: string }) => f.id === "GRP-5"));
    });

    it("with --format json, a stack file it cannot read is still JSON for the pipeline (exit 2)", async () => {
        const missing = path.join(dir, "nope.yaml");
        const { code, out } = await run("plan", missing, "--format", "json");
        assert.equal(code, 2);
        const plan = JSON.parse(out);
        assert.equal(plan.ok, false);
        assert.equal(plan.problems.length, 1);
        assert.match(plan.problems[0].message, /^Cannot read stack file .*nope\.yaml: no such file$/);
        assert.deepEqual(plan.findings.summary, { error: 0, warning: 0, info: 0, blocking: false });
        assert.deepEqual(plan.resources, []);
    });

    it("exits 2 on a missing stack file or a bad option", async () => {
        const missing = await run("plan", path.join(dir, "nope.yaml"));
        assert.equal(missing.code, 2);
        assert.match(missing.err, /no such file/);
        assert.equal((await run("plan", "--format", "xml")).code, 2);
    });
});
