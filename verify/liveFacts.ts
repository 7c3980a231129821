import { buildGroupName } from "../core/naming/groupName";
import { VerifyConfig } from "./config";
import { groupStates } from "./checks/groupChecks";
import { unmanagedMembers } from "./checks/memberChecks";
import { LiveReadOptions, LiveState, readLiveState } from "./liveState";
import { MemberSource, UnreadableWorkspace } from "./types";

/**
 * The facts the rule engine takes (`TenantFacts` of the config contract), as far as the live workspaces show
 * them. Declared here field for field so a `TenantFacts` consumer accepts it.
 */
export interface LiveTenantFacts {
    /** GRP-3: names of local (not SCIM-managed) groups in any read workspace that share a declared group's name. */
    localGroups?: string[];
    /** SCIM-4: members no SCIM directory manages, with their likely source, once per address. */
    unmanagedUsers?: { email: string; source: MemberSource }[];
    /** GRP-4: member counts of the declared groups found, by convention name (summed over workspaces). */
    groupMemberCounts?: Record<string, number>;
}

export interface LiveFactsResult extends LiveTenantFacts {
    /** Domains whose TXT record shows the expected verification value right now (DNS; not proof of verification). */
    txtRecordsPresent: string[];
    /** Workspaces that could not be read; their facts are missing, and the rules say what they could not judge. */
    unreadable: UnreadableWorkspace[];
}

/** Facts from a live state; a field stays undefined when no workspace could be read (the rules then say so). */
export function factsFromLiveState(config: VerifyConfig, live: LiveState): LiveFactsResult {
    const read = live.workspaces.filter((w) => w.snapshot);
    const base = {
        txtRecordsPresent: live.domains.filter((d) => d.status === "present").map((d) => d.domain),
        unreadable: live.workspaces.flatMap((w) => (w.unreadable ? [w.unreadable] : [])),
    };
    if (read.length === 0) return base;
    const localGroups = new Set<string>();
    const counts: Record<string, number> = {};
    const unmanaged = new Map<string, MemberSource>();
    for (const w of read) {
        for (const g of groupStates(w.spec, w.snapshot!)) {
            if (g.localGroups.length > 0) localGroups.add(g.name);
            if (g.members !== undefined) counts[g.name] = (counts[g.name] ?? 0) + g.members;
        }
        for (const u of unmanagedMembers(config, w.spec, w.snapshot!)) {
            const email = u.email.toLowerCase();
            if (!unmanaged.has(email)) unmanaged.set(email, u.source);
        }
    }
    const declared = new Set(config.workspaces.flatMap((w) => w.groups.map((g) => buildGroupName(g))));
    return {
        ...base,
        localGroups: [...localGroups].filter((n) => declared.has(n)),
        unmanagedUsers: [...unmanaged].map(([email, source]) => ({ email, source })),
        groupMemberCounts: counts,
    };
}

export interface ReadLiveFactsOptions extends Omit<LiveReadOptions, "adminKey"> {
    /** The Admin key for a workspace, read at call time; `() => process.env.CHATGPT_ADMIN_KEY` for a single one. */
    adminKey: (workspaceKey: string) => string | undefined;
}

/** The live reader for `plan --live`: DNS and the workspaces (GET only), turned into rule facts. */
export async function readLiveFacts(config: VerifyConfig, options: ReadLiveFactsOptions): Promise<LiveFactsResult> {
    return factsFromLiveState(config, await readLiveState(config, options));
}
