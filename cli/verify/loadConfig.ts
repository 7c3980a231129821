import { ConfigProblem, loadStackConfig, TenantConfig } from "../../core/config/load";
import { configOnlyInEnvironment, readStackFile, StackFileError } from "../plan/stackFile";

export type LoadedConfig = { ok: true; config: TenantConfig } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads the stack file with the plan's reader (both forms; `secure:` values stay opaque: verify never decrypts
 * them) and validates it through the one config loader. Throws StackFileError, also when only an ESC environment
 * can hold the config. Verify reads with its own workspace-scoped keys (environment) and never applies, so the
 * secrets an apply needs (SCIM tokens, the stack's admin keys) are not checked.
 */
export function loadVerifyConfig(stackFile: string): LoadedConfig {
    const stack = readStackFile(stackFile);
    const onlyInEnvironment = configOnlyInEnvironment(stack);
    if (onlyInEnvironment)
        throw new StackFileError(`Stack file ${stackFile}: ${onlyInEnvironment.message}. ${onlyInEnvironment.fix}`);
    const loaded = loadStackConfig(stack.values, { checkSecrets: false });
    return loaded.ok ? { ok: true, config: loaded.config } : { ok: false, problems: loaded.problems };
}
