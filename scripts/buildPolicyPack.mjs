// Makes dist/policy a self-contained CrossGuard pack: `pulumi preview --policy-pack <dir>/dist/policy`
// runs the compiled policies, from this clone or from an installed package (node_modules/@chatgpt-identity/pulumi).
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pack = path.join(root, "dist", "policy");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
fs.mkdirSync(pack, { recursive: true });
fs.copyFileSync(path.join(root, "policy", "PulumiPolicy.yaml"), path.join(pack, "PulumiPolicy.yaml"));
const manifest = {
    name: "chatgpt-identity-policy-pack",
    version: pkg.version,
    private: true,
    description: "The chatgpt-identity CrossGuard policy pack, compiled; its modules resolve from the package it ships in.",
    main: "index.js",
};
const target = path.join(pack, "package.json");
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== text) fs.writeFileSync(target, text);
