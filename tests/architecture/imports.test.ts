import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/paths";

/**
 * The import rules of docs/ARCHITECTURE.md, checked against the code: which part may import which,
 * and which outside packages the pure parts may not load. A new top-level folder must be added here
 * and to the document before it can be imported.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
    core: ["core"],
    clients: ["clients", "core"],
    provider: ["provider", "clients", "core"],
    components: ["components", "provider", "clients", "core"],
    emulator: ["emulator"],
    verify: ["verify", "clients", "core"],
    offline: ["offline", "components", "provider", "core"],
    policy: ["policy", "core"],
    cli: ["cli", "offline", "verify", "components", "provider", "clients", "core", "package.json"],
    "index.ts": ["components"],
};

/** Outside packages a part must never load (the pure domain core, the stand-alone emulator). */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
    core: /^(@pulumi\/|openai$|@grpc\/)/,
    emulator: /^(@pulumi\/|openai$)/,
    clients: /^@pulumi\/(azuread|okta|cloudflare)/,
};

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...sourceFiles(full));
        else if (/\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
    }
    return out;
}

function partOf(relative: string): string {
    const first = relative.split(/[\\/]/)[0];
    return first;
}

function importsOf(file: string): string[] {
    const text = fs
        .readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
    return [...text.matchAll(SPECIFIER)].map((m) => m[1]);
}

describe("architecture: imports follow docs/ARCHITECTURE.md", () => {
    const parts = Object.keys(MAY_IMPORT);
    const files = parts.flatMap((part) => {
        const full = path.join(REPO_ROOT, part);
        if (!fs.existsSync(full)) return [];
        return fs.statSync(full).isDirectory() ? sourceFiles(full) : [full];
    });

    it("finds the parts' source files", () => {
        assert.ok(files.length > 50, `only ${files.length} files found under ${parts.join(", ")}`);
    });

    it("every relative import goes to a part its importer may use", () => {
        const violations: string[] = [];
        for (const file of files) {
            const from = partOf(path.relative(REPO_ROOT, file));
            for (const spec of importsOf(file).filter((s) => s.startsWith("."))) {
                const target = path.relative(REPO_ROOT, path.resolve(path.dirname(file), spec));
                const to = partOf(target);
                if (!MAY_IMPORT[from].includes(to)) {
                    violations.push(`${path.relative(REPO_ROOT, file)} imports ${spec} (${from} → ${to})`);
                }
            }
        }
        assert.deepEqual(violations, []);
    });

    it("the pure parts load no forbidden package", () => {
        const violations: string[] = [];
        for (const file of files) {
            const from = partOf(path.relative(REPO_ROOT, file));
            const forbidden = FORBIDDEN_PACKAGES[from];
            if (!forbidden) continue;
            for (const spec of importsOf(file).filter((s) => forbidden.test(s))) {
                violations.push(`${path.relative(REPO_ROOT, file)} imports ${spec}`);
            }
        }
        assert.deepEqual(violations, []);
    });

    it("nothing outside cli/ imports cli/", () => {
        const offenders = files.filter((file) => {
            const from = partOf(path.relative(REPO_ROOT, file));
            if (from === "cli") return false;
            return importsOf(file).some(
                (s) =>
                    s.startsWith(".") &&
                    partOf(path.relative(REPO_ROOT, path.resolve(path.dirname(file), s))) === "cli",
            );
        });
        assert.deepEqual(
            offenders.map((f) => path.relative(REPO_ROOT, f)),
            [],
        );
    });
});
