import { VerifyCommandOptions, VerifyUsageError } from "./args";

/** The environment variable holding the admin key of workspace `key`: `CHATGPT_ADMIN_KEY_<KEY>`. */
export function workspaceKeyEnvName(workspaceKey: string): string {
    return `CHATGPT_ADMIN_KEY_${workspaceKey.toUpperCase().replace(/-/g, "_")}`;
}

export const SINGLE_WORKSPACE_KEY_ENV = "CHATGPT_ADMIN_KEY";

export interface AdminKeys {
    /** The key for a workspace, read from the environment at call time; never stored. */
    adminKey: (workspaceKey: string) => string | undefined;
    /** Where the key of a workspace is looked for, for the "no admin key" message. */
    whereFrom: (workspaceKey: string) => string;
}

/**
 * Where each workspace's admin key comes from. Admin keys are workspace-scoped, so `--admin-key-env`,
 * `--admin-key` and the plain `CHATGPT_ADMIN_KEY` apply only when one workspace is verified.
 */
export function adminKeys(
    options: Pick<VerifyCommandOptions, "adminKey" | "adminKeyEnv">,
    env: Record<string, string | undefined>,
    selectedKeys: readonly string[],
): AdminKeys {
    const single = selectedKeys.length === 1;
    if (options.adminKey !== undefined || options.adminKeyEnv !== undefined) {
        if (!single) {
            throw new VerifyUsageError(
                `${options.adminKey !== undefined ? "--admin-key" : "--admin-key-env"} gives one workspace's ` +
                    `key, but ${selectedKeys.length} workspaces are verified (${selectedKeys.join(", ")}): choose ` +
                    `one with --workspace KEY, or set ${selectedKeys.map(workspaceKeyEnvName).join(", ")}`,
            );
        }
        const given = options.adminKey;
        const name = options.adminKeyEnv;
        return given !== undefined
            ? { adminKey: () => given, whereFrom: () => "--admin-key" }
            : {
                  adminKey: () => env[name!] || undefined,
                  whereFrom: () => `the environment variable ${name} (--admin-key-env)`,
              };
    }
    return {
        adminKey: (key) =>
            env[workspaceKeyEnvName(key)] || (single ? env[SINGLE_WORKSPACE_KEY_ENV] || undefined : undefined),
        whereFrom: (key) =>
            single ? `${workspaceKeyEnvName(key)} or ${SINGLE_WORKSPACE_KEY_ENV}` : workspaceKeyEnvName(key),
    };
}
