import type * as pulumi from "@pulumi/pulumi";

/**
 * Where the dynamic providers find their keys and base URLs. Read in `configure` (the dynamic-provider
 * host passes the stack config there) or, failing that, from the environment at call time; never
 * captured in a variable that the dynamic-provider serialization would write into state.
 */

/** ChatGPT admin API (api.chatgpt.com/v1): a workspace Admin key made in the OpenAI Admin Console. */
export const CONFIG_CHATGPT_ADMIN_KEY = "chatgpt-identity:adminKey";
export const ENV_CHATGPT_ADMIN_KEY = "CHATGPT_ADMIN_KEY";
export const CONFIG_CHATGPT_API_BASE_URL = "chatgpt-identity:chatgptApiBaseUrl";
export const ENV_CHATGPT_API_BASE_URL = "CHATGPT_IDENTITY_CHATGPT_API_BASE_URL";
/**
 * Pacing budget per method+route; default 100, the API's documented default limit. Lower it, never raise it above the
 * limit.
 */
export const CONFIG_CHATGPT_REQUESTS_PER_MINUTE = "chatgpt-identity:chatgptRequestsPerMinute";
export const ENV_CHATGPT_REQUESTS_PER_MINUTE = "CHATGPT_IDENTITY_CHATGPT_REQUESTS_PER_MINUTE";

/** API Platform Admin API (api.openai.com/v1, `openai` SDK): an organization Admin key. */
export const CONFIG_API_PLATFORM_ADMIN_KEY = "chatgpt-identity:apiPlatformAdminKey";
export const ENV_API_PLATFORM_ADMIN_KEY = "OPENAI_ADMIN_KEY";
export const CONFIG_API_PLATFORM_BASE_URL = "chatgpt-identity:apiBaseUrl";
export const ENV_API_PLATFORM_BASE_URL = "CHATGPT_IDENTITY_API_BASE_URL";
export const DEFAULT_API_PLATFORM_BASE_URL = "https://api.openai.com/v1";

/** What `configure` found in the stack config (any may be absent). */
export interface ProviderSettings {
    /**
     * Reads any other key of the stack config (per-workspace admin keys `chatgpt-identity:adminKey-<key>`), in the
     * host only.
     */
    configGet?: (key: string) => string | undefined;
    /** The per-workspace admin keys `configGet` has returned so far, so that errors can redact them. */
    adminKeysRead?: () => string[];
    chatgptAdminKey?: string;
    chatgptApiBaseUrl?: string;
    chatgptRequestsPerMinute?: number;
    apiPlatformAdminKey?: string;
    apiPlatformBaseUrl?: string;
}

function text(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

function positive(value: unknown): number | undefined {
    const n =
        typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Reads the provider's settings from the config handed to `configure`. */
export function readProviderSettings(config: pulumi.dynamic.Config): ProviderSettings {
    const adminKeysRead = new Set<string>();
    return {
        configGet: (key: string) => {
            const value = text(config.get(key));
            if (value && key.startsWith(`${CONFIG_CHATGPT_ADMIN_KEY}-`)) adminKeysRead.add(value);
            return value;
        },
        adminKeysRead: () => [...adminKeysRead],
        chatgptAdminKey: text(config.get(CONFIG_CHATGPT_ADMIN_KEY)),
        chatgptApiBaseUrl: text(config.get(CONFIG_CHATGPT_API_BASE_URL)),
        chatgptRequestsPerMinute: positive(config.get(CONFIG_CHATGPT_REQUESTS_PER_MINUTE)),
        apiPlatformAdminKey: text(config.get(CONFIG_API_PLATFORM_ADMIN_KEY)),
        apiPlatformBaseUrl: text(config.get(CONFIG_API_PLATFORM_BASE_URL)),
    };
}

export interface ChatGptCredentials {
    /** A function, so the key is read when a request is made and never kept in a field. */
    adminKey: () => string | undefined;
    /** Undefined: the client's default, https://api.chatgpt.com/v1. */
    baseUrl?: string;
    requestsPerMinute?: number;
}

/**
 * The default secret config key (without namespace) of a workspace's Admin key; the tenant form uses `adminKey-<key>`.
 */
export const DEFAULT_ADMIN_KEY_CONFIG_KEY = "adminKey";

/**
 * Stack config first, then (for the default key only) the environment. Admin keys are workspace-scoped:
 * `adminKeyConfigKey` names this workspace's secret (`adminKey` or `adminKey-<workspace key>`). Fails
 * with the fix when no key is set.
 */
export function chatgptCredentials(
    settings: ProviderSettings | undefined,
    adminKeyConfigKey = DEFAULT_ADMIN_KEY_CONFIG_KEY,
    env: NodeJS.ProcessEnv = process.env,
): ChatGptCredentials {
    const fullKey = `chatgpt-identity:${adminKeyConfigKey}`;
    const isDefault = adminKeyConfigKey === DEFAULT_ADMIN_KEY_CONFIG_KEY;
    const key = () =>
        isDefault ? (settings?.chatgptAdminKey ?? text(env[ENV_CHATGPT_ADMIN_KEY])) : settings?.configGet?.(fullKey);
    if (!key()) {
        throw new Error(
            `no ChatGPT workspace Admin key: run \`pulumi config set --secret ${fullKey} <key>\`${isDefault ? ` or set ${ENV_CHATGPT_ADMIN_KEY}` : ""} ` +
                "(OpenAI Admin Console → Credentials → Admin keys; scopes in docs/chatgpt-admin-api.md)",
        );
    }
    return {
        adminKey: key,
        baseUrl: settings?.chatgptApiBaseUrl ?? text(env[ENV_CHATGPT_API_BASE_URL]),
        requestsPerMinute: settings?.chatgptRequestsPerMinute ?? positive(env[ENV_CHATGPT_REQUESTS_PER_MINUTE]),
    };
}

/** The API Platform key and base URL, in the shape `createAdminSdk` takes. */
export function apiPlatformCredentials(
    settings: ProviderSettings | undefined,
    env: NodeJS.ProcessEnv = process.env,
): { adminKey: string; apiBaseUrl: string } {
    const adminKey = settings?.apiPlatformAdminKey ?? text(env[ENV_API_PLATFORM_ADMIN_KEY]);
    if (!adminKey) {
        throw new Error(
            `no API Platform Admin key: run \`pulumi config set --secret ${CONFIG_API_PLATFORM_ADMIN_KEY} <key>\` or set ${ENV_API_PLATFORM_ADMIN_KEY} ` +
                "(platform.openai.com → Organization settings → Admin keys)",
        );
    }
    const base = settings?.apiPlatformBaseUrl ?? text(env[ENV_API_PLATFORM_BASE_URL]) ?? DEFAULT_API_PLATFORM_BASE_URL;
    return { adminKey, apiBaseUrl: base.replace(/\/+$/, "") };
}

/** Every key the providers may hold, to redact from any message. */
export function knownSecrets(settings: ProviderSettings | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
    return [
        settings?.chatgptAdminKey,
        ...(settings?.adminKeysRead?.() ?? []),
        settings?.apiPlatformAdminKey,
        env[ENV_CHATGPT_ADMIN_KEY],
        env[ENV_API_PLATFORM_ADMIN_KEY],
    ].filter((s): s is string => typeof s === "string" && s.length >= 8);
}
