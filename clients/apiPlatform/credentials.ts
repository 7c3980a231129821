import type * as pulumi from "@pulumi/pulumi";

/**
 * Where the provider finds its admin key and base URL. Read in `configure` (the dynamic-provider
 * host passes the stack config there) or, failing that, from the environment at call time; never
 * captured in a variable that the dynamic-provider serialization would write into state.
 */

export const CONFIG_ADMIN_KEY = "chatgpt-identity:adminKey";
export const CONFIG_API_BASE_URL = "chatgpt-identity:apiBaseUrl";
export const ENV_ADMIN_KEY = "OPENAI_ADMIN_KEY";
export const ENV_API_BASE_URL = "CHATGPT_IDENTITY_API_BASE_URL";
export const DEFAULT_API_BASE_URL = "https://api.openai.com/v1";

/** What `configure` found in the stack config (either may be absent). */
export interface ConfiguredSettings {
    adminKey?: string;
    apiBaseUrl?: string;
}

export interface Credentials {
    adminKey: string;
    apiBaseUrl: string;
}

function text(value: unknown): string | undefined {
    if (typeof value === "string") return value === "" ? undefined : value;
    return undefined;
}

/** Reads the provider's settings from the config handed to `configure`. */
export function readProviderConfig(config: pulumi.dynamic.Config): ConfiguredSettings {
    return { adminKey: text(config.get(CONFIG_ADMIN_KEY)), apiBaseUrl: text(config.get(CONFIG_API_BASE_URL)) };
}

/** Stack config first, then the environment, then the production base URL. */
export function resolveCredentials(
    configured: ConfiguredSettings | undefined,
    env: NodeJS.ProcessEnv = process.env,
): Credentials {
    const adminKey = configured?.adminKey ?? text(env[ENV_ADMIN_KEY]);
    if (!adminKey) {
        throw new Error(
            `no workspace admin key: run \`pulumi config set --secret ${CONFIG_ADMIN_KEY} <key>\` or set ${ENV_ADMIN_KEY}`,
        );
    }
    const apiBaseUrl = configured?.apiBaseUrl ?? text(env[ENV_API_BASE_URL]) ?? DEFAULT_API_BASE_URL;
    return { adminKey, apiBaseUrl: apiBaseUrl.replace(/\/+$/, "") };
}
