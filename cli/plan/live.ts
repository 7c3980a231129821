import { loadStackConfig } from "../../core/config/load";
import { mergeFacts, TenantFacts } from "../../core/facts";
import { LiveReadOptions } from "../../verify/liveState";
import { UnreadableWorkspace } from "../../verify/types";
import { adminKeys } from "../verify/adminKeys";
import { readLiveFactsFromEnvironment } from "../verify/planLive";
import { StackFileConfig } from "./stackFile";

/** What `plan --live` reads from its surroundings (the admin keys at call time; test hooks). */
export interface LivePlanIo {
    env: Record<string, string | undefined>;
    /** The admin API base URL (`--base-url`); default the client's. */
    baseUrl?: string;
    resolveTxt?: LiveReadOptions["resolveTxt"];
    client?: LiveReadOptions["client"];
}

export type LivePlanFacts =
    /** The facts to plan with (the config's merged with the live ones); `notes`: what was not read, one line each. */
    | { kind: "facts"; facts?: TenantFacts; notes: string[] }
    /** A workspace with an id and a key could not be read (bad key, missing scope, no admin API, unreachable). */
    | { kind: "unreadable"; unreadable: UnreadableWorkspace[] };

/** Reasons a workspace is not read that are not failures: the plan goes on with the config's facts for it. */
const SKIPPED = new Set(["no-key", "no-workspace-id"]);

/**
 * `plan --live`: what the live workspaces show (GET only), merged over the config's `facts:` section. Without any
 * admin key the plan goes on with the config's facts and a note says so; a config the gate refuses is left to the
 * plan, which reports its problems.
 */
export async function livePlanFacts(stack: StackFileConfig, io: LivePlanIo): Promise<LivePlanFacts> {
    const loaded = loadStackConfig(stack.values, { has: () => true } as unknown as Set<string>);
    if (!loaded.ok) return { kind: "facts", notes: [] };
    const config = loaded.config;
    const keys = adminKeys(
        {},
        io.env,
        config.workspaces.map((w) => w.key),
    );
    const why = (w: (typeof config.workspaces)[number]) =>
        !w.workspaceId ? `${w.path}.workspaceId is not set` : `no admin key: set ${keys.whereFrom(w.key)}`;
    const skipped = config.workspaces.filter((w) => !w.workspaceId || !keys.adminKey(w.key));
    if (skipped.length === config.workspaces.length) {
        return {
            kind: "facts",
            notes: [
                `--live: no workspace was read (${skipped.map((w) => `${w.key}: ${why(w)}`).join("; ")}); ` +
                    "planned with the config's facts only",
            ],
        };
    }
    const live = await readLiveFactsFromEnvironment(config, {
        env: io.env,
        baseUrl: io.baseUrl,
        resolveTxt: io.resolveTxt,
        client: io.client,
    });
    const failed = live.unreadable.filter((u) => !SKIPPED.has(u.reason));
    if (failed.length > 0) return { kind: "unreadable", unreadable: failed };
    const { txtRecordsPresent: _dns, unreadable: _skipped, ...facts } = live;
    return {
        kind: "facts",
        facts: mergeFacts(config.facts, facts),
        notes: skipped.map(
            (w) => `--live: workspace ${w.key} was not read (${why(w)}); its facts come from the config`,
        ),
    };
}
