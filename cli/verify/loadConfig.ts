import * as fs from "node:fs";
import { parse } from "yaml";
import { ConfigProblem, loadStackConfig, TenantConfig } from "../../core/config/load";
import { StackFileError } from "../plan/stackFile";

export type LoadedConfig = { ok: true; config: TenantConfig } | { ok: false; problems: ConfigProblem[] };

/** The stack file's config values (`secure:` values stay opaque objects: verify never decrypts them). */
function readStackValues(file: string): Record<string, unknown> {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new StackFileError(
            `Cannot read stack file ${file}: ${code === "ENOENT" ? "no such file" : (e as Error).message}`,
        );
    }
    let doc: unknown;
    try {
        doc = parse(text);
    } catch (e) {
        throw new StackFileError(`Stack file ${file} is not valid YAML: ${(e as Error).message}`);
    }
    const config = (doc as { config?: unknown } | null)?.config;
    if (typeof config !== "object" || config === null) {
        throw new StackFileError(
            `Stack file ${file} has no "config:" section; expected chatgpt-identity:workspace or ` +
                `chatgpt-identity:tenant`,
        );
    }
    return config as Record<string, unknown>;
}

/**
 * Reads the stack file and validates it through the one config loader (both forms). Throws StackFileError.
 * Verify reads with its own workspace-scoped keys (environment) and never applies, so the secrets an apply
 * needs (SCIM tokens, the stack's admin keys) are not checked.
 */
export function loadVerifyConfig(stackFile: string): LoadedConfig {
    const loaded = loadStackConfig(readStackValues(stackFile), { checkSecrets: false });
    return loaded.ok ? { ok: true, config: loaded.config } : { ok: false, problems: loaded.problems };
}
