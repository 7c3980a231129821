import * as fs from "node:fs";
import { parse } from "yaml";
import {
    CONFIG_NAMESPACE,
    ConfigProblem,
    SCIM_TOKEN_KEY,
    TENANT_CONFIG_KEY,
    WORKSPACE_CONFIG_KEY,
} from "../../core/config/load";
import { readStackEnvironments, StackEnvironmentError } from "../stackEnvironment";

/** A Pulumi stack config file as the plan command needs it: values, and which ones are secret. */
export interface StackFileConfig {
    /** Config values keyed `namespace:key`; objects stay objects. Secrets are placeholders. */
    values: Record<string, unknown>;
    /** Keys whose values are encrypted in the file (`secure:`); the plan never sees them. */
    secretKeys: string[];
    /**
     * The Pulumi ESC environments the file imports (`environment:`), in order; [] when none. A key the file
     * does not set may come from one of them: unknown to the offline plan, never missing.
     */
    environments?: string[];
}

export class StackFileError extends Error {}

export const SECRET_PLACEHOLDER = "[secret: read from the stack at apply time]";
export const WORKSPACE_KEY = `${CONFIG_NAMESPACE}:${WORKSPACE_CONFIG_KEY}`;
export const TENANT_KEY = `${CONFIG_NAMESPACE}:${TENANT_CONFIG_KEY}`;
export const SCIM_TOKEN_CONFIG_KEY = `${CONFIG_NAMESPACE}:${SCIM_TOKEN_KEY}`;

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && Object.keys(value).length === 1 && "secure" in value;
}

/**
 * Reads `Pulumi.<stack>.yaml` in either form (`chatgpt-identity:workspace` or `chatgpt-identity:tenant`), for
 * `plan` and `verify` alike; encrypted values become placeholders so no key is ever needed. A file that sets
 * neither key is accepted only when it imports an ESC environment that may set it (see configOnlyInEnvironment).
 */
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
    let environments: string[];
    try {
        environments = readStackEnvironments(doc, path);
    } catch (e) {
        if (e instanceof StackEnvironmentError) throw new StackFileError(e.message);
        throw e;
    }
    const config = (doc as { config?: unknown } | null)?.config ?? (environments.length > 0 ? {} : undefined);
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
    if (!(WORKSPACE_KEY in values) && !(TENANT_KEY in values) && environments.length === 0) {
        throw new StackFileError(
            `Stack file ${path} sets neither ${WORKSPACE_KEY} nor ${TENANT_KEY}; see "Config reference" in README.md`,
        );
    }
    return { values, secretKeys, environments };
}

/**
 * When the file sets neither config key but imports ESC environments, the structured config can only come from
 * them, and the offline plan cannot open an environment: the problem says so and what to do. Undefined otherwise.
 */
export function configOnlyInEnvironment(stack: StackFileConfig): ConfigProblem | undefined {
    const environments = stack.environments ?? [];
    if (WORKSPACE_KEY in stack.values || TENANT_KEY in stack.values || environments.length === 0) return undefined;
    const names = environments.map((n) => `\`${n}\``).join(", ");
    const plural = environments.length === 1 ? "" : "s";
    return {
        path: TENANT_KEY,
        message:
            `the stack file sets neither ${WORKSPACE_KEY} nor ${TENANT_KEY}, so the config can only come from the ` +
            `Pulumi ESC environment${plural} ${names}, which this command cannot open without credentials`,
        fix:
            `Run \`pulumi preview\` (it opens the environment${plural}), or put the ${WORKSPACE_KEY} (or ` +
            `${TENANT_KEY}) section in the stack file and keep only secrets in ESC, so that this command can read it`,
    };
}
