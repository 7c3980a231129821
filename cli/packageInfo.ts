import * as fs from "node:fs";
import * as path from "node:path";

/** The package's own folder, whether this runs compiled (dist/cli), from source (cli) or installed. */
function findPackageRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "examples"))) return dir;
        if (path.dirname(dir) === dir) return from;
    }
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
};

export const PACKAGE_NAME = manifest.name;
export const PACKAGE_VERSION = manifest.version;
