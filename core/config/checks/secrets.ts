import { at, TenantDraft } from "../draft";
import { ConfigProblem } from "../problems";
import { API_PLATFORM_ADMIN_KEY } from "../normalize";

/** The Pulumi config namespace of every key of this package. */
export const CONFIG_NAMESPACE = "chatgpt-identity";
/** Environment variables that stand in for a secret (workspace form admin key; API Platform admin key). */
export const ADMIN_KEY_ENV = "CHATGPT_ADMIN_KEY";
export const API_PLATFORM_ADMIN_KEY_ENV = "OPENAI_ADMIN_KEY";

/**
 * Which secrets are present: config keys with or without the namespace (`chatgpt-identity:scimToken` or
 * `scimToken`) and names of environment variables that are set (`CHATGPT_ADMIN_KEY`).
 */
export type SecretsPresent = ReadonlySet<string>;

function has(present: SecretsPresent, key: string): boolean {
    return present.has(key) || present.has(`${CONFIG_NAMESPACE}:${key}`);
}

const setSecret = (key: string, what: string) => `pulumi config set --secret ${CONFIG_NAMESPACE}:${key} <${what}>`;

/**
 * Secrets the apply will need: each Entra workspace with SCIM on needs its SCIM token (Okta takes the
 * token in its own console); each workspace with manageWorkspace its admin key (workspace-scoped, so one
 * per workspace in the tenant form); apiPlatform.manage the API Platform admin key.
 */
export function secretProblems(config: TenantDraft, present: SecretsPresent): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    for (const ws of config.workspaces) {
        if (config.idp === "entra" && ws.scim.enabled && !has(present, ws.scim.tokenKey)) {
            problems.push({
                path: at(ws.path, "scim", "enabled"),
                message:
                    `the SCIM token of workspace "${ws.key}" is missing: the secret ` +
                    `${CONFIG_NAMESPACE}:${ws.scim.tokenKey} is not set`,
                fix: setSecret(ws.scim.tokenKey, "token from this workspace's Directory Sync wizard"),
            });
        }
        const envOk = config.form === "workspace" && present.has(ADMIN_KEY_ENV);
        if (ws.manageWorkspace && !has(present, ws.adminKeyConfigKey) && !envOk) {
            problems.push({
                path: at(ws.path, "manageWorkspace"),
                message:
                    `the admin key of workspace "${ws.key}" is missing: the secret ` +
                    `${CONFIG_NAMESPACE}:${ws.adminKeyConfigKey} is not set` +
                    (config.form === "workspace" ? ` and ${ADMIN_KEY_ENV} is not in the environment` : ""),
                fix:
                    setSecret(
                        ws.adminKeyConfigKey,
                        "admin key from the OpenAI Admin Console → Credentials → Admin keys",
                    ) + (config.form === "workspace" ? ` (or export ${ADMIN_KEY_ENV})` : ""),
            });
        }
    }
    if (
        config.apiPlatform.manage &&
        !has(present, API_PLATFORM_ADMIN_KEY) &&
        !present.has(API_PLATFORM_ADMIN_KEY_ENV)
    ) {
        problems.push({
            path: at(config.path, "apiPlatform", "manage"),
            message:
                `the API Platform admin key is missing: the secret ` +
                `${CONFIG_NAMESPACE}:${API_PLATFORM_ADMIN_KEY} is not set and ${API_PLATFORM_ADMIN_KEY_ENV} is not ` +
                `in the environment`,
            fix:
                `${setSecret(API_PLATFORM_ADMIN_KEY, "organization admin key sk-admin-...")} (or export ` +
                `${API_PLATFORM_ADMIN_KEY_ENV})`,
        });
    }
    return problems;
}
