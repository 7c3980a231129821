import { VerifyConfig } from "./config";
import { groupStates } from "./checks/groupChecks";
import { unmanagedMembers } from "./checks/memberChecks";
import { LiveReadOptions, LiveState, readLiveState } from "./liveState";
import { UnreadableWorkspace } from "./types";
import { TenantFacts, UnmanagedUser } from "../core/facts";

/** The rule facts (`core/facts`) the live workspaces show, with what DNS showed and what could not be read. */
export interface LiveFactsResult extends TenantFacts {
    /** Domains whose TXT record shows the expected verification value right now (DNS; not proof of verification). */
    txtRecordsPresent: string[];
    /** Workspaces that could not be read; their facts are missing, and the rules say what they could not judge. */
    unreadable: UnreadableWorkspace[];
}

/**
 * Facts from a live state: every local group's name, every member no SCIM directory manages (per workspace), and
 * the member count of each declared group SCIM pushed (summed over workspaces). A field stays undefined when no
 * workspace could be read (the rules then say so).
 */
export function factsFromLiveState(config: VerifyConfig, live: LiveState): LiveFactsResult {
    const read = live.workspaces.filter((w) => w.snapshot);
    const base = {
        txtRecordsPresent: live.domains.filter((d) => d.status === "present").map((d) => d.domain),
        unreadable: live.workspaces.flatMap((w) => (w.unreadable ? [w.unreadable] : [])),
    };
    if (read.length === 0) return base;
    const localGroups = new Set<string>();
    const counts: Record<string, number> = {};
    const unmanagedUsers: UnmanagedUser[] = [];
    for (const w of read) {
        for (const g of w.snapshot!.groups) if (g.is_scim_managed === false) localGroups.add(g.name);
        for (const g of groupStates(w.spec, w.snapshot!)) {
            // Only pushed groups are counted: the rules read a group missing from the counts as not arrived yet.
            if (g.scimGroup && g.members !== undefined) counts[g.name] = (counts[g.name] ?? 0) + g.members;
        }
        for (const u of unmanagedMembers(config, w.spec, w.snapshot!))
            unmanagedUsers.push({ ...u, workspace: w.spec.key });
    }
    return { ...base, localGroups: [...localGroups], unmanagedUsers, groupMemberCounts: counts };
}

export interface ReadLiveFactsOptions extends Omit<LiveReadOptions, "adminKey"> {
    /** The Admin key for a workspace, read at call time; `() => process.env.CHATGPT_ADMIN_KEY` for a single one. */
    adminKey: (workspaceKey: string) => string | undefined;
}

/** The live reader for `plan --live`: DNS and the workspaces (GET only), turned into rule facts. */
export async function readLiveFacts(config: VerifyConfig, options: ReadLiveFactsOptions): Promise<LiveFactsResult> {
    return factsFromLiveState(config, await readLiveState(config, options));
}
