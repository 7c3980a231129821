import * as assert from "node:assert/strict";
import { execFileSync, ExecFileSyncOptions } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/paths";

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

/** The environment of a user's shell: none of the npm settings of the `npm test` that runs this. */
function userEnvironment(): NodeJS.ProcessEnv {
    const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig", "npm_config_cafile"]);
    return Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_") || keep.has(k.toLowerCase())),
    );
}

function run(command: string, args: string[], cwd: string, options: ExecFileSyncOptions = {}): string {
    return execFileSync(command, args, {
        cwd,
        env: userEnvironment(),
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        ...options,
    }) as string;
}

describe("package: packed, installed by name outside the repository, used as a district would", function () {
    this.timeout(600_000);
    let work: string;
    let project: string;
    let tarball: string;
    let installed: string;

    before(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), "chatgpt-identity-pack-"));
        assert.ok(
            !path.resolve(work).startsWith(path.resolve(REPO_ROOT)),
            "the install must be outside the repository",
        );
        const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], REPO_ROOT)) as {
            filename: string;
        }[];
        tarball = path.join(work, packed[0].filename);
        project = path.join(work, "district");
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "district", private: true }));
        // The IdP SDKs are optional peers: a district installs the one its stack uses (the example is Entra).
        run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, "@pulumi/azuread@^6"], project);
        installed = path.join(project, "node_modules", ...pkg.name.split("/"));
    });
    after(() => fs.rmSync(work, { recursive: true, force: true }));

    it("is a scoped, publishable package that ships the examples, the policy pack and the JSON Schema, not the tests", () => {
        assert.match(pkg.name, /^@chatgpt-identity\//);
        assert.equal(pkg.private, undefined);
        for (const file of [
            "examples/entra-district/index.ts",
            "examples/entra-district/Pulumi.lincoln.yaml",
            "examples/okta-enterprise/Pulumi.pilot.yaml",
            "dist/policy/PulumiPolicy.yaml",
            "dist/policy/package.json",
            "dist/policy/index.js",
            "dist/cli/main.js",
            "schema/plan-output.schema.json",
            "dist/components/languages/PulumiPlugin.yaml",
            "dist/components/languages/package.json",
            "dist/components/languages/plugin.ts",
            "dist/components/languages/identity.d.ts",
            "examples/python-district/__main__.py",
            "examples/yaml-district/Pulumi.yaml",
            "ci/github/chatgpt-identity-pull-request.yml",
            "ci/gitlab/chatgpt-identity.gitlab-ci.yml",
        ]) {
            assert.ok(fs.existsSync(path.join(installed, file)), `${file} is missing from the tarball`);
        }
        assert.equal(fs.existsSync(path.join(installed, "dist", "tests")), false);
        const policyPack = JSON.parse(fs.readFileSync(path.join(installed, "dist", "policy", "package.json"), "utf8"));
        assert.equal(policyPack.main, "index.js");
        assert.match(
            fs.readFileSync(path.join(installed, "dist", "policy", "PulumiPolicy.yaml"), "utf8"),
            /^runtime: nodejs$/m,
        );
    });

    it("resolves the library, the CLI, the policies and the schema through `exports`, and one @pulumi/pulumi (peer)", () => {
        const script = `
            const lib = require("${pkg.name}");
            const policies = require("${pkg.name}/policy");
            require.resolve("${pkg.name}/cli");
            require.resolve("${pkg.name}/schema/plan-output.schema.json");
            const own = require.resolve("@pulumi/pulumi", { paths: [require.resolve("${pkg.name}")] });
            console.log(typeof lib.deployFromStackConfig, Array.isArray(policies.policies), own === require.resolve("@pulumi/pulumi"));`;
        assert.equal(run(process.execPath, ["-e", script], project).trim(), "function true true");
    });

    it("compiles an example program against the installed package", () => {
        for (const file of ["index.ts", "Pulumi.yaml", "Pulumi.lincoln.yaml"]) {
            fs.copyFileSync(path.join(installed, "examples", "entra-district", file), path.join(project, file));
        }
        const tsconfig = {
            compilerOptions: {
                strict: true,
                target: "ES2022",
                module: "commonjs",
                esModuleInterop: true,
                skipLibCheck: true,
                types: [],
                outDir: "bin",
            },
            files: ["index.ts"],
        };
        fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(tsconfig));
        run(process.execPath, [TSC, "-p", "tsconfig.json"], project);
        assert.match(
            fs.readFileSync(path.join(project, "bin", "index.js"), "utf8"),
            new RegExp(`require\\("${pkg.name}"\\)`),
        );
    });

    it("runs the installed `chatgpt-identity --version` and `plan` on the copied stack file", () => {
        const bin = path.join(project, "node_modules", ".bin", "chatgpt-identity");
        assert.equal(run(bin, ["--version"], project), `${pkg.name} ${pkg.version}\n`);
        const out = run(bin, ["plan", "Pulumi.lincoln.yaml", "--runbook", "runbook.md"], project);
        assert.match(out, /^chatgpt-identity plan: Pulumi\.lincoln\.yaml$/m);
        assert.match(out, /What `pulumi up` would create \(\d+ resources\)/);
        assert.ok(fs.readFileSync(path.join(project, "runbook.md"), "utf8").startsWith("# ChatGPT identity runbook"));
        const bundled = run(bin, ["plan", "--no-runbook", "--format=json"], project);
        assert.equal(JSON.parse(bundled).ok, true);
    });
});
