import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { ConfigForm, ConfigProblem, parseTenantConfig } from "../../../core/config/load";

export const minimalWorkspace = { name: "Lincoln USD", idp: "entra", domains: [{ name: "lincoln.k12.us" }] };

export const minimalTenant = {
    name: "Riverside USD",
    idp: "entra",
    domains: [{ name: "riverside.k12.ca.us" }],
    workspaces: [
        { key: "staff", name: "Staff" },
        { key: "students", name: "Students" },
    ],
};

/** The problems of a config that must be refused, each as `path: message`. */
export function problems(raw: unknown, form: ConfigForm = "workspace"): string[] {
    return problemObjects(raw, form).map((p) => `${p.path}: ${p.message}`);
}

export function problemObjects(raw: unknown, form: ConfigForm = "workspace"): ConfigProblem[] {
    const result = parseTenantConfig(raw, form);
    assert.equal(result.ok, false, "expected the config to be refused");
    return result.ok ? [] : result.problems;
}

/** The repository root, from dist/tests/core/config or tests/core/config. */
export function repoRoot(): string {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "examples")) || path.basename(dir) === "dist") dir = path.dirname(dir);
    return dir;
}

/** Every example stack file: its path and its `config:` values. */
export function exampleStacks(): { file: string; values: Record<string, unknown> }[] {
    const root = path.join(repoRoot(), "examples");
    return fs
        .readdirSync(root)
        .sort()
        .flatMap((dir) =>
            fs
                .readdirSync(path.join(root, dir))
                .filter((f) => /^Pulumi\..+\.yaml$/.test(f))
                .map((f) => {
                    const file = path.join(root, dir, f);
                    return {
                        file: path.relative(repoRoot(), file),
                        values: (parse(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> }).config,
                    };
                }),
        );
}
