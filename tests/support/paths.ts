import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root, whether the tests run from source (ts-node) or compiled (dist/tests). */
export const REPO_ROOT = ((): string => {
    for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        if (
            path.basename(dir) !== "dist" &&
            fs.existsSync(path.join(dir, "package.json")) &&
            fs.existsSync(path.join(dir, "tests"))
        )
            return dir;
    }
    throw new Error(`no repository root above ${__dirname}`);
})();

/** A path inside the repository's source tree (fixtures are not copied into dist/). */
export function repoPath(...segments: string[]): string {
    return path.join(REPO_ROOT, ...segments);
}
