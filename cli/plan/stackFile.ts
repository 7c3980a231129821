import * as fs from "node:fs";
import { parse } from "yaml";
import { CONFIG_NAMESPACE, SCIM_TOKEN_KEY, TENANT_CONFIG_KEY, WORKSPACE_CONFIG_KEY } from "../../core/config/load";

/** A Pulumi stack config file as the plan command needs it: values, and which ones are secret. */
export interface StackFileConfig {
    /** Config values keyed `namespace:key`; objects stay objects. Secrets are placeholders. */
    values: Record<string, unknown>;
    /** Keys whose values are encrypted in the file (`secure:`); the plan never sees them. */
    secretKeys: string[];
}

export class StackFileError extends Error {}

export const SECRET_PLACEHOLDER = "[secret: read from the stack at apply time]";
export const WORKSPACE_KEY = `${CONFIG_NAMESPACE}:${WORKSPACE_CONFIG_KEY}`;
export const TENANT_KEY = `${CONFIG_NAMESPACE}:${TENANT_CONFIG_KEY}`;
export const SCIM_TOKEN_CONFIG_KEY = `${CONFIG_NAMESPACE}:${SCIM_TOKEN_KEY}`;

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && Object.keys(value).length === 1 && "secure" in value;
}

/** Reads `Pulumi.<stack>.yaml`; encrypted values become placeholders so no key is ever needed. */
export function readStackFile(path: string): StackFileConfig {
    let text: string;
    try {
        text = fs.readFileSync(path, "utf8");
    } catch (e) {
        throw new StackFileError(
            `Cannot read stack file ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
        );
    }
    let doc: unknown;
    try {
        doc = parse(text);
    } catch (e) {
        throw new StackFileError(`Stack file ${path} is not valid YAML: ${(e as Error).message}`);
    }
    const config = (doc as { config?: unknown } | null)?.config;
    if (typeof config !== "object" || config === null) {
        throw new StackFileError(
            `Stack file ${path} has no "config:" section; expected the key ${WORKSPACE_KEY} or ${TENANT_KEY}`,
        );
    }
    const values: Record<string, unknown> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(config)) {
        if (isSecure(value)) {
            values[key] = SECRET_PLACEHOLDER;
            secretKeys.push(key);
        } else {
            values[key] = value;
        }
    }
    if (!(WORKSPACE_KEY in values) && !(TENANT_KEY in values)) {
        throw new StackFileError(
            `Stack file ${path} sets neither ${WORKSPACE_KEY} nor ${TENANT_KEY}; see "Config reference" in README.md`,
        );
    }
    return { values, secretKeys };
}
