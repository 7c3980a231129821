import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/paths";

/** The Markdown a district reads: the README, docs/, the examples' and the pipelines' READMEs. */
function docs(): string[] {
    const inDir = (dir: string) =>
        fs.existsSync(path.join(REPO_ROOT, dir))
            ? fs
                  .readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: "utf8" })
                  .filter((f) => f.endsWith(".md"))
                  .map((f) => path.join(dir, f))
            : [];
    return ["README.md", ...inDir("docs"), ...inDir("examples"), ...inDir("ci")];
}

describe("package docs: the command is never fetched from the registry by npx", () => {
    it("every `npx chatgpt-identity` line says --no (a missing install fails instead of downloading that name)", () => {
        const offending = docs().flatMap((file) =>
            fs
                .readFileSync(path.join(REPO_ROOT, file), "utf8")
                .split("\n")
                .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
                .filter(({ line }) => /\bnpx\s+(?!--no\b)(?:-\S+\s+)*chatgpt-identity\b/.test(line)),
        );
        assert.ok(docs().includes("README.md"));
        assert.deepEqual(offending, []);
    });
});
