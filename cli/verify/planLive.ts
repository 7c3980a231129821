import { TenantConfig } from "../../core/config/load";
import { LiveFactsResult, ReadLiveFactsOptions, readLiveFacts } from "../../verify/liveFacts";
import { adminKeys } from "./adminKeys";

/**
 * For `plan --live`: the live facts of every workspace that has a `workspaceId` and an admin key in the environment
 * (`CHATGPT_ADMIN_KEY_<KEY>`, or `CHATGPT_ADMIN_KEY` for a single workspace), read-only. Workspaces without either
 * are left out of the read and listed in `unreadable`, so the rules say what they could not judge.
 */
export async function readLiveFactsFromEnvironment(
    config: TenantConfig,
    options: Omit<ReadLiveFactsOptions, "adminKey"> & { env: Record<string, string | undefined> },
): Promise<LiveFactsResult> {
    const { env, ...read } = options;
    const keys = adminKeys(
        {},
        env,
        config.workspaces.map((w) => w.key),
    );
    return readLiveFacts(config, { ...read, adminKey: keys.adminKey });
}
