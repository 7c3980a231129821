import { spawnSync } from "child_process";
import * as path from "path";

/** The repository root under ts-node, or dist/ when compiled: either way the modules below resolve. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * Runs `script` in a fresh Node process (TypeScript through ts-node) from the repository root, so
 * that require.cache starts empty; the script prints one JSON line that is returned parsed.
 */
export function runInFreshNode<T>(script: string): T {
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 30000,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    });
    if (child.status !== 0) throw new Error(`child node exited ${child.status}: ${child.stderr}`);
    const lastLine = child.stdout.trim().split("\n").pop() ?? "";
    return JSON.parse(lastLine) as T;
}

/** Script prefix that makes `@pulumi/cloudflare` unresolvable, as when a user never installed it. */
export const BLOCK_CLOUDFLARE = `
const Module = require("module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    if (request === "@pulumi/cloudflare" || request.startsWith("@pulumi/cloudflare/")) {
        const err = new Error("Cannot find module '" + request + "'");
        err.code = "MODULE_NOT_FOUND";
        throw err;
    }
    return resolve.call(this, request, ...rest);
};
`;

/** Whether any module of `@pulumi/cloudflare` is loaded, as a script expression. */
export const CLOUDFLARE_LOADED = `Object.keys(require.cache).some((k) => k.includes("@pulumi/cloudflare"))`;
