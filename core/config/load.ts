import { z } from "zod";
import { WorkspaceConfig, workspaceConfigSchema } from "./schema";

/** The Pulumi config namespace and key that hold the structured workspace object. */
export const CONFIG_NAMESPACE = "chatgpt-identity";
export const CONFIG_KEY = "workspace";
/** Secret config key holding the SCIM bearer token from the Directory Sync wizard. */
export const SCIM_TOKEN_KEY = "scimToken";

/** One problem in the config, with the dotted path it concerns, e.g. `workspace.groups[2].dimension`. */
export interface ConfigProblem {
    path: string;
    message: string;
}

export type ConfigResult =
    | { ok: true; config: WorkspaceConfig }
    | { ok: false; problems: ConfigProblem[] };

export function formatPath(path: readonly PropertyKey[], root = CONFIG_KEY): string {
    return path.reduce<string>(
        (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`),
        root,
    );
}

/** Validates the raw config object; every problem is reported, each with its path. */
export function parseWorkspaceConfig(raw: unknown): ConfigResult {
    const result = workspaceConfigSchema.safeParse(raw);
    if (result.success) return { ok: true, config: result.data };
    return { ok: false, problems: result.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i) })) };
}

function issueMessage(issue: z.core.$ZodIssue): string {
    if (issue.code === "unrecognized_keys") {
        return `unknown setting${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: check the spelling against the config reference in README.md`;
    }
    if (issue.code === "invalid_type" && issue.input === undefined) return `is required (expected ${issue.expected})`;
    return issue.message;
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
    return problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n");
}

export class ConfigError extends Error {
    constructor(readonly problems: ConfigProblem[]) {
        super(`The chatgpt-identity configuration has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was changed:\n${formatProblems(problems)}`);
        this.name = "ConfigError";
    }
}

/** Parses or throws a ConfigError listing every problem. */
export function loadWorkspaceConfig(raw: unknown): WorkspaceConfig {
    const result = parseWorkspaceConfig(raw);
    if (!result.ok) throw new ConfigError(result.problems);
    return result.config;
}
