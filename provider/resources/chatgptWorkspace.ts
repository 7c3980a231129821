import { z } from "zod";
import {
    ChatGptAdminClient,
    DEFAULT_CHATGPT_ADMIN_BASE_URL,
    DEFAULT_REQUESTS_PER_MINUTE,
    LimitRule,
    UsageLimit,
    WorkspaceGroup,
} from "../../clients/chatgptAdmin";
import { ProviderSettings, chatgptCredentials } from "./providerSettings";
import { isPollTimeout, pollUntil } from "../../clients/shared/poll";
import { resourceError } from "./common";
import { providerNow, providerSleep, providerTestClock } from "./testClock";

/** Which workspace a resource works on, and which secret config key holds that workspace's Admin key. */
export interface WorkspaceTarget {
    workspaceId: string;
    /** `adminKey` (default, or env CHATGPT_ADMIN_KEY) or `adminKey-<workspace key>` in the tenant form. */
    adminKeyConfigKey?: string;
}

/** Schema of `adminKeyConfigKey`: a config key name, never a key. */
export const ADMIN_KEY_CONFIG_KEY_PATTERN = /^adminKey(-[a-z0-9][a-z0-9-]*)?$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The check schema of a WorkspaceTarget, for every resource on the ChatGPT admin API. Built when called
 * (never at module load), like the resources' own schemas, so that nothing of zod is serialized.
 */
export function workspaceTargetShape() {
    return {
        workspaceId: z
            .string()
            .regex(UUID, { error: "workspaceId must be the workspace's UUID (admin console → Workspace settings)" }),
        adminKeyConfigKey: z
            .string()
            .regex(ADMIN_KEY_CONFIG_KEY_PATTERN, {
                error: "adminKeyConfigKey is a config key name: adminKey or adminKey-<workspace key>",
            })
            .optional(),
    };
}

/**
 * The ChatGPT admin API client for one workspace, built inside a provider method call from
 * configure's settings or the environment (a client kept on the provider would be serialized).
 */
export function chatgptClient(
    settings: ProviderSettings | undefined,
    target: WorkspaceTarget,
    onProgress?: (line: string) => void,
): ChatGptAdminClient {
    const workspaceId = target.workspaceId;
    const credentials = chatgptCredentials(settings, target.adminKeyConfigKey);
    const clock = providerTestClock(); // tests only (testClock.ts); undefined in a real run
    const owner = `${credentials.baseUrl ?? DEFAULT_CHATGPT_ADMIN_BASE_URL}|${workspaceId}`;
    const limit = credentials.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE;
    return new ChatGptAdminClient({
        workspaceId,
        adminKey: credentials.adminKey,
        ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
        ...(credentials.requestsPerMinute ? { requestsPerMinute: credentials.requestsPerMinute } : {}),
        ...(onProgress
            ? {
                  onProgress: (p) => {
                      if (p.pages % 10 === 0) onProgress(`progress: ${p.route}: ${p.items} read in ${p.pages} pages`);
                  },
              }
            : {}),
        ...(clock
            ? {
                  now: () => clock.now(),
                  sleep: (ms: number) => clock.sleep(ms),
                  fetch: clock.fetch,
                  pacer: clock.pacer?.(owner, limit),
              }
            : {}),
    });
}

export function isNotFoundError(error: unknown): boolean {
    return (error as { kind?: unknown } | undefined)?.kind === "not_found";
}

/** A monthly credit limit as the API's rule. */
export function creditRule(credits: number): LimitRule {
    return { type: "limited", limit_amount: { amount: credits, unit: "credit" } };
}

/**
 * The credits of an override; null when the object inherits; otherwise what a rule set by hand that is not a credit
 * limit says ("unlimited", "50 usd"), never to be mistaken for the same number of credits.
 */
export function overrideCredits(limit: UsageLimit): number | null | string {
    const rule = limit.override_monthly_usage_limit;
    if (!rule) return null;
    if (rule.type === "unlimited") return "unlimited";
    const { amount, unit } = rule.limit_amount;
    return unit === "credit" ? amount : `${amount} ${unit}`;
}

export const DEFAULT_GROUP_WAIT_SECONDS = 300;
export const DEFAULT_GROUP_POLL_SECONDS = 10;

/**
 * Waits until SCIM has pushed every named group into the workspace (ROLE-2, GRP-2), listing the groups
 * once per look (the poll helper), for at most `waitSeconds`; then fails with what is missing. A group
 * is matched by name among the SCIM-managed groups only: a local workspace group of that name is not
 * used (GRP-3). A group without `is_scim_managed` in the answer counts as pushed.
 */
export async function waitForPushedGroups(
    client: Pick<ChatGptAdminClient, "listGroups">,
    label: string,
    names: readonly string[],
    waitSeconds: number,
    pollSeconds: number,
): Promise<Map<string, string>> {
    let last: WorkspaceGroup[] = [];
    try {
        return await pollUntil(
            async () => {
                last = await client.listGroups();
                const pushed = new Map(last.filter((g) => g.is_scim_managed !== false).map((g) => [g.name, g.id]));
                return names.every((n) => pushed.has(n)) ? pushed : undefined;
            },
            {
                timeoutMs: waitSeconds * 1000,
                intervalMs: Math.max(1, pollSeconds * 1000),
                describe: `SCIM groups in the workspace (${label})`,
                now: providerNow,
                sleep: providerSleep,
            },
        );
    } catch (e) {
        if (!isPollTimeout(e)) throw e;
        const pushed = new Set(last.filter((g) => g.is_scim_managed !== false).map((g) => g.name));
        const local = new Set(last.filter((g) => g.is_scim_managed === false).map((g) => g.name));
        const missing = names.filter((n) => !pushed.has(n));
        const detail = missing
            .map((n) => (local.has(n) ? `${n} (exists only as a local workspace group, GRP-3)` : n))
            .join(", ");
        throw resourceError(
            `${label}: ROLE-2: ${missing.length} group(s) have not been pushed to the workspace by SCIM after ${e.checks} looks over ${waitSeconds} s: ${detail}. ` +
                "Groups appear only after the IdP pushes them (GRP-2): check that each is assigned to the workspace's SCIM app and pushed, then run `pulumi up` again",
        );
    }
}
