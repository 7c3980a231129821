import { ChatGptAdminClient, LimitRule, UsageLimit, WorkspaceGroup } from "../../clients/chatgptAdmin";
import { ProviderSettings, chatgptCredentials } from "./providerSettings";
import { resourceError, sleep } from "./common";

/**
 * The ChatGPT admin API client for one workspace, built inside a provider method call from
 * configure's settings or the environment (a client kept on the provider would be serialized).
 */
export function chatgptClient(settings: ProviderSettings | undefined, workspaceId: string, onProgress?: (line: string) => void): ChatGptAdminClient {
    const credentials = chatgptCredentials(settings);
    return new ChatGptAdminClient({
        workspaceId,
        adminKey: credentials.adminKey,
        ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
        ...(credentials.requestsPerMinute ? { requestsPerMinute: credentials.requestsPerMinute } : {}),
        ...(onProgress ? { onProgress: (p) => { if (p.pages % 10 === 0) onProgress(`progress: ${p.route}: ${p.items} read in ${p.pages} pages`); } } : {}),
    });
}

export function isNotFoundError(error: unknown): boolean {
    return (error as { kind?: unknown } | undefined)?.kind === "not_found";
}

/** A monthly credit limit as the API's rule. */
export function creditRule(credits: number): LimitRule {
    return { type: "limited", limit_amount: { amount: credits, unit: "credit" } };
}

/** The credits of an override; null when the object inherits; "unlimited" when set so by hand. */
export function overrideCredits(limit: UsageLimit): number | null | "unlimited" {
    const rule = limit.override_monthly_usage_limit;
    if (!rule) return null;
    if (rule.type === "unlimited") return "unlimited";
    return rule.limit_amount.amount;
}

export const DEFAULT_GROUP_WAIT_SECONDS = 300;
export const DEFAULT_GROUP_POLL_SECONDS = 10;

/**
 * Waits until SCIM has pushed every named group into the workspace (ROLE-2, GRP-2), listing the groups
 * once per try, for at most `waitSeconds`; then fails with what is missing. A group is matched by name
 * among the SCIM-managed groups only: a local workspace group of that name is not used (GRP-3).
 */
export async function waitForPushedGroups(
    client: Pick<ChatGptAdminClient, "listGroups">,
    label: string,
    names: readonly string[],
    waitSeconds: number,
    pollSeconds: number,
    now: () => number = Date.now,
): Promise<Map<string, string>> {
    const deadline = now() + waitSeconds * 1000;
    for (let tries = 1; ; tries++) {
        const groups: WorkspaceGroup[] = await client.listGroups();
        const pushed = new Map(groups.filter((g) => g.is_scim_managed !== false).map((g) => [g.name, g.id]));
        const missing = names.filter((n) => !pushed.has(n));
        if (missing.length === 0) return pushed;
        if (now() + pollSeconds * 1000 > deadline) {
            const local = new Set(groups.filter((g) => g.is_scim_managed === false).map((g) => g.name));
            const detail = missing.map((n) => (local.has(n) ? `${n} (exists only as a local workspace group, GRP-3)` : n)).join(", ");
            throw resourceError(
                `${label}: ROLE-2: ${missing.length} group(s) have not been pushed to the workspace by SCIM after ${tries} tries over ${waitSeconds} s: ${detail}. ` +
                "Groups appear only after the IdP pushes them (GRP-2): check that each is assigned to the workspace's SCIM app and pushed, then run `pulumi up` again",
            );
        }
        await sleep(pollSeconds * 1000);
    }
}
