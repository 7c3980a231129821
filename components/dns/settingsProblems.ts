import { z } from "zod";

/** One problem in an adapter's settings, with a dotted path relative to `dns.settings`. */
export interface SettingsProblem {
    path: string;
    message: string;
}

/** Joins a zod path with dots, so a domain key reads as written: `zoneIds.staff.district.k12.us`. */
export function dottedPath(path: readonly PropertyKey[]): string {
    return path.map((key) => (typeof key === "number" ? `[${key}]` : String(key))).join(".").replace(/\.\[/g, "[");
}

/**
 * Turns zod issues of an adapter's settings schema into problems; the schema carries the messages. `allowedKeys` names the settings
 * the adapter takes, so that a misspelt key is answered with the right spelling.
 */
export function settingsProblemsFromZod(adapter: string, error: z.ZodError, allowedKeys: readonly string[]): SettingsProblem[] {
    return error.issues.flatMap((issue): SettingsProblem[] => {
        if (issue.code === "unrecognized_keys") {
            return issue.keys.map((key) => ({
                path: dottedPath([...issue.path, key]),
                message: allowedKeys.length === 0
                    ? `the ${adapter} DNS adapter takes no settings; remove "${key}"`
                    : `unknown setting "${key}" for the ${adapter} DNS adapter; it takes ${allowedKeys.map((k) => `"${k}"`).join(", ")}`,
            }));
        }
        return [{ path: dottedPath(issue.path), message: issue.message }];
    });
}
