import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../cli/main";
import { repoPath } from "../../support/paths";

/**
 * The runbooks `chatgpt-identity plan` writes for the bundled examples, compared with the golden files in
 * tests/cli/plan/fixtures (the Entra district's is also checked by tests/cli/plan/plan.test.ts). To
 * regenerate one after a deliberate change: `node dist/cli/main.js plan <stack file> --runbook <fixture>
 * --overwrite-runbook`, then read it in full before committing.
 */
const GOLDEN = [
    { stack: ["examples", "k12-two-workspaces", "Pulumi.district.yaml"], fixture: "k12-two-workspaces.runbook.md" },
    { stack: ["examples", "entra-district", "Pulumi.lincoln.yaml"], fixture: "entra-district.runbook.md" },
];

describe("runbook: golden files of the examples", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "runbook-golden-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const { stack, fixture } of GOLDEN) {
        it(`${stack.slice(1).join("/")} gives ${fixture}`, async () => {
            const runbook = path.join(dir, fixture);
            const code = await main(
                ["plan", repoPath(...stack), "--runbook", runbook, "--format", "json"],
                () => undefined,
                () => undefined,
            );
            assert.equal(code, 0);
            assert.equal(
                fs.readFileSync(runbook, "utf8"),
                fs.readFileSync(repoPath("tests", "cli", "plan", "fixtures", fixture), "utf8"),
            );
        });
    }
});
