import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { main } from "../../cli/main";
import { repoPath } from "../support/paths";

const EXAMPLE = repoPath("examples", "entra-district", "Pulumi.lincoln.yaml");
const GOLDEN_MARKDOWN = repoPath("tests", "cli", "fixtures", "entra-district.plan.md");
const schema = JSON.parse(fs.readFileSync(repoPath("schema", "plan-output.schema.json"), "utf8"));
const pkg = JSON.parse(fs.readFileSync(repoPath("package.json"), "utf8"));

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

describe("chatgpt-identity plan output formats", () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-output-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("--format json is a versioned document that its JSON Schema (shipped in the package) accepts", async () => {
        const { code, out } = await run("plan", EXAMPLE, "--no-runbook", "--format=json");
        assert.equal(code, 0);
        const doc = JSON.parse(out);
        assert.equal(doc.formatVersion, 1);
        assert.equal(doc.schema, "@chatgpt-identity/pulumi/schema/plan-output.schema.json");
        assert.deepEqual(doc.tool, { name: pkg.name, version: pkg.version });
        assert.ok(validate(doc), JSON.stringify(validate.errors));
        assert.equal(pkg.exports["./schema/plan-output.schema.json"], "./schema/plan-output.schema.json");
        assert.ok(pkg.files.includes("schema"));
    });

    it("a blocked plan and an unreadable stack file are valid documents too; a document without its version is not", async () => {
        const bad = path.join(dir, "Pulumi.bad.yaml");
        fs.writeFileSync(bad, "config:\n  chatgpt-identity:workspace:\n    name: X\n");
        const blocked = JSON.parse((await run("plan", bad, "--no-runbook", "--format", "json")).out);
        assert.equal(blocked.ok, false);
        assert.ok(validate(blocked), JSON.stringify(validate.errors));
        const missing = JSON.parse((await run("plan", path.join(dir, "none.yaml"), "--format", "json")).out) as Record<
            string,
            unknown
        >;
        assert.ok(validate(missing), JSON.stringify(validate.errors));
        delete missing.formatVersion;
        assert.equal(validate(missing), false);
    });

    it("--format markdown renders the example district exactly (golden file)", async () => {
        const { code, out, err } = await run("plan", EXAMPLE, "--no-runbook", "--format", "markdown");
        assert.equal(code, 0);
        assert.equal(err, "");
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN_MARKDOWN, out);
        assert.equal(
            out.replaceAll(path.relative(process.cwd(), EXAMPLE), "<stack file>"),
            fs.readFileSync(GOLDEN_MARKDOWN, "utf8").replaceAll(path.relative(process.cwd(), EXAMPLE), "<stack file>"),
        );
    });

    it("--format markdown shows a problem that enforces a rule with its rule id, why and fix", async () => {
        const stack = path.join(dir, "Pulumi.encrypted.yaml");
        const example = fs.readFileSync(EXAMPLE, "utf8");
        fs.writeFileSync(
            stack,
            example.replace("      stage: testing\n", "      stage: testing\n      assertionEncryption: true\n"),
        );
        const { code, out } = await run("plan", stack, "--no-runbook", "--format", "markdown");
        assert.equal(code, 1);
        const lines = out.split("\n");
        const at = lines.findIndex((l) => l.startsWith("- **SSO-6** `workspace.sso.assertionEncryption`: "));
        assert.ok(at > 0, out);
        assert.match(lines[at + 1], /^ {2}- Why: .*encrypted SAML assertions/i);
        assert.match(lines[at + 2], /^ {2}- Fix: /);
    });
});
