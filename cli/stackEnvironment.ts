/**
 * Stack files that import Pulumi ESC environments (`environment:` in Pulumi.<stack>.yaml). The
 * offline plan cannot open an environment (no credentials), so a config value the file does not
 * set may still come from one: such a value is unknown, never missing. How `stackFile` uses it:
 *
 *     const environments = readStackEnvironments(doc, path);          // [] when none, throws on a bad shape
 *     const lookup = lookupConfig(values, "chatgpt-identity:scimToken", environments);
 *     // lookup.state: "set" (in the file) | "unknown" (may come from ESC: lookup.note says so) | "absent"
 */

/** `environment:` is not a list of environment names; the message names the fix. */
export class StackEnvironmentError extends Error {}

/** Stands in for a value that may come from an ESC environment, as `[secret]` stands in for a secret. */
export const UNKNOWN_FROM_ENVIRONMENT = "[unknown: set by a Pulumi ESC environment, read at apply time]";

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*){0,2}(@[A-Za-z0-9._-]+)?$/;

/**
 * The ESC environments a stack file imports, in order: `environment: [org/env, ...]` or
 * `environment: { imports: [...] }`. Returns [] when the file imports none.
 */
export function readStackEnvironments(doc: unknown, file: string): string[] {
    const section = (doc as { environment?: unknown } | null)?.environment;
    if (section === undefined || section === null) return [];
    const list = Array.isArray(section) ? section : (section as { imports?: unknown }).imports;
    const bad = (why: string) =>
        new StackEnvironmentError(
            `Stack file ${file}: "environment:" ${why}; expected a list of Pulumi ESC environment names such as "my-org/chatgpt-identity"`,
        );
    if (!Array.isArray(list)) throw bad("is not a list");
    return list.map((name, i) => {
        if (typeof name !== "string" || !ENVIRONMENT_NAME.test(name))
            throw bad(`entry ${i + 1} (${JSON.stringify(name)}) is not an environment name`);
        return name;
    });
}

export type ConfigLookup =
    { state: "set"; value: unknown } | { state: "unknown"; environments: string[]; note: string } | { state: "absent" };

function list(names: string[]): string {
    return names.map((n) => `\`${n}\``).join(", ");
}

/** A config key as the offline plan sees it: set in the file, possibly set by ESC (unknown), or absent. */
export function lookupConfig(values: Record<string, unknown>, key: string, environments: string[]): ConfigLookup {
    if (key in values) return { state: "set", value: values[key] };
    if (environments.length === 0) return { state: "absent" };
    return {
        state: "unknown",
        environments,
        note: `${key} is not in the stack file; it may be set by the Pulumi ESC environment${environments.length === 1 ? "" : "s"} ${list(environments)}, which the offline plan cannot read: \`pulumi preview\` will show its value`,
    };
}
