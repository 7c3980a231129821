import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { IDP_SDK_PACKAGES } from "../../components/workspaceIdentity";
import { REPO_ROOT } from "../support/paths";

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
const EXAMPLES = path.join(REPO_ROOT, "examples");
const examples = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, "package.json")));

/** The IdP an example's stack uses, read from its program or stack files (`idp: entra`, `idp="okta"`). */
function idpOf(example: string): keyof typeof IDP_SDK_PACKAGES {
    const text = fs
        .readdirSync(path.join(EXAMPLES, example))
        .filter((f) => /\.(ya?ml|py)$/.test(f))
        .map((f) => fs.readFileSync(path.join(EXAMPLES, example, f), "utf8"))
        .join("\n");
    const idps = [...new Set([...text.matchAll(/\bidp\s*[:=]\s*"?(entra|okta)\b/g)].map((m) => m[1]))];
    assert.equal(idps.length, 1, `${example}: one idp in its stack (found ${idps.join(", ") || "none"})`);
    return idps[0] as keyof typeof IDP_SDK_PACKAGES;
}

describe("package examples: each installs what its stack loads, by name", () => {
    it("finds the five examples", () => {
        assert.deepEqual(examples.sort(), [
            "entra-district",
            "k12-two-workspaces",
            "okta-enterprise",
            "python-district",
            "yaml-district",
        ]);
    });

    for (const example of examples) {
        it(`${example}: depends on ${pkg.name} by name, @pulumi/pulumi ^3 and the IdP SDK its stack chooses`, () => {
            const manifest = JSON.parse(fs.readFileSync(path.join(EXAMPLES, example, "package.json"), "utf8"));
            const deps: Record<string, string> = manifest.dependencies ?? {};
            assert.equal(deps[pkg.name], `^${pkg.version}`);
            assert.match(deps["@pulumi/pulumi"] ?? "", /^\^3\./);
            assert.ok(!Object.values(deps).some((v) => v.startsWith("file:")), "no file: dependency");
            const sdk = IDP_SDK_PACKAGES[idpOf(example)];
            assert.equal(deps[sdk], pkg.peerDependencies[sdk], `${example} needs ${sdk} (an optional peer)`);
            const program = path.join(EXAMPLES, example, "index.ts");
            if (fs.existsSync(program))
                assert.match(fs.readFileSync(program, "utf8"), /from "@chatgpt-identity\/pulumi"/);
        });
    }
});
