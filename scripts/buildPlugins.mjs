// Completes two plugin folders in dist/ after tsc, from this clone or inside the installed package:
// - dist/policy: a self-contained CrossGuard pack (`pulumi preview --policy-pack <it>`);
// - dist/components/languages: the component provider for Python, YAML, Go and C#
//   (`pulumi package add <it>`). Pulumi derives its schema from TypeScript declarations, so the
//   folder gets a tsconfig.json and a plugin.ts entry that re-exports the compiled component.
// Files are rewritten only when their content changes, so an unchanged tree stays unchanged.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

function write(file, text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
}
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

const policy = path.join(root, "dist", "policy");
write(path.join(policy, "PulumiPolicy.yaml"), fs.readFileSync(path.join(root, "policy", "PulumiPolicy.yaml"), "utf8"));
write(
    path.join(policy, "package.json"),
    json({
        name: "chatgpt-identity-policy-pack",
        version: pkg.version,
        private: true,
        description:
            "The chatgpt-identity CrossGuard policy pack, compiled; its modules resolve from the package it ships in.",
        main: "index.js",
    }),
);

const languages = path.join(root, "dist", "components", "languages");
write(
    path.join(languages, "PulumiPlugin.yaml"),
    fs.readFileSync(path.join(root, "components", "languages", "PulumiPlugin.yaml"), "utf8"),
);
// The package name is the Pulumi package name: type tokens are chatgpt-identity:index:<Component>.
write(
    path.join(languages, "package.json"),
    json({
        name: "chatgpt-identity",
        version: pkg.version,
        description: pkg.description,
        main: "plugin.js",
    }),
);
write(
    path.join(languages, "tsconfig.json"),
    json({
        compilerOptions: {
            strict: true,
            target: "ES2022",
            module: "commonjs",
            moduleResolution: "node",
            skipLibCheck: true,
            esModuleInterop: true,
        },
        files: ["plugin.ts"],
    }),
);
// The folder's package.json sends `require("<folder>")` here, so this is the folder's index too.
write(path.join(languages, "plugin.ts"), 'export * from "./index";\n');
write(path.join(languages, "plugin.js"), '"use strict";\nmodule.exports = require("./index");\n');
