import { Finding } from "../../core/rules/types";
import { IDP_NAMES, VerifyConfig, VerifyWorkspaceSpec } from "../config";
import { ChecklistItem, WorkspaceSnapshot } from "../types";
import { GroupState } from "./groupChecks";
import { emailDomain } from "./memberChecks";

/** GRP-5: the group counts of each phase (the scim-provisioning guide's phases). */
export const PHASE_SCOPE: Record<VerifyWorkspaceSpec["phase"], { min: number; max?: number; text: string }> = {
    pilot: { min: 1, max: 2, text: "Pilot scope: 1–2 stable groups" },
    level1: { min: 5, max: 15, text: "Level 1 scope: 5–15 groups, nothing matrixed or very granular yet" },
    full: { min: 1, text: "Full rollout scope: the remaining groups" },
};

export const PHASE_NAMES: Record<VerifyWorkspaceSpec["phase"], string> = {
    pilot: "Pilot",
    level1: "Level 1",
    full: "Full rollout",
};

/**
 * The guide's validation list for the workspace's phase, each item done, open or to be done by hand, from what
 * was read. "Joiner/leaver flow works" needs a change in the IdP between two reads, so it stays a by-hand item.
 */
export function phaseChecklist(
    config: VerifyConfig,
    ws: VerifyWorkspaceSpec,
    snapshot: WorkspaceSnapshot,
    groups: readonly GroupState[],
): ChecklistItem[] {
    const idp = IDP_NAMES[config.idp];
    const scope = PHASE_SCOPE[ws.phase];
    const pushed = groups.filter((g) => g.scimGroup);
    const missing = groups.filter((g) => !g.scimGroup).map((g) => g.name);
    const withLocal = groups.filter((g) => g.localGroups.length > 0).map((g) => g.name);
    const empty = pushed.filter((g) => (g.members ?? 0) === 0).map((g) => g.name);
    const listed = new Set(config.domains.map((d) => d.name));
    const unmanaged = snapshot.users.filter((u) => u.is_scim_managed === false);
    const unmanagedListed = unmanaged.filter((u) => listed.has(emailDomain(u.email)));
    const offDomain = snapshot.users.filter((u) => !listed.has(emailDomain(u.email)));
    const scimManaged = snapshot.users.length - unmanaged.length;
    const scimOff = `SCIM is off for this workspace: set ${ws.path}.scim.enabled: true and run pulumi up`;
    const item = (text: string, open: string | undefined): ChecklistItem =>
        open ? { text, status: "open", next: open } : { text, status: "done" };

    const inRange = groups.length >= scope.min && (scope.max === undefined || groups.length <= scope.max);
    return [
        item(
            scope.text,
            inRange
                ? undefined
                : `${groups.length} group${groups.length === 1 ? " is" : "s are"} declared; this phase takes ` +
                      `${scope.min}${scope.max ? `–${scope.max}` : " or more"} (GRP-5)`,
        ),
        item(
            "Users appear as expected (managed vs. manual)",
            !ws.scim.enabled
                ? scimOff
                : scimManaged === 0
                  ? `no member is SCIM-managed yet: add the pilot cohort to a synced group in ${idp}`
                  : unmanagedListed.length || offDomain.length
                    ? `${unmanaged.length} member${unmanaged.length === 1 ? " is" : "s are"} not SCIM-managed ` +
                      `(SCIM-4)${offDomain.length ? `, ${offDomain.length} on unlisted domains (DOM-2)` : ""}`
                    : undefined,
        ),
        item(
            "Group sync appears as expected",
            !ws.scim.enabled
                ? scimOff
                : missing.length
                  ? `assign ${missing.join(", ")} to the SCIM app in ${idp} and let it push them (GRP-2)`
                  : withLocal.length
                    ? `local groups share SCIM names: ${withLocal.join(", ")} (GRP-3)`
                    : empty.length
                      ? `pushed without members: ${empty.join(", ")}`
                      : undefined,
        ),
        {
            text: "Joiner/leaver flow works as intended",
            status: "by-hand",
            next:
                `in ${idp}, add a test user to a synced group and remove another, then run verify again: the joiner ` +
                `shows as SCIM-managed, the leaver is gone`,
        },
        item(
            "Existing manually invited users become SCIM-managed once matched by email and assigned to a synced group",
            !ws.scim.enabled
                ? scimOff
                : unmanagedListed.length
                  ? `${unmanagedListed.length} member${unmanagedListed.length === 1 ? "" : "s"} on listed domains ` +
                    `still not SCIM-managed: assign them to a synced group in ${idp} (SCIM-4)`
                  : undefined,
        ),
    ];
}

/** GRP-5 as an info finding when items are still open (never blocking: the list is the phase's next steps). */
export function checklistFinding(ws: VerifyWorkspaceSpec, items: readonly ChecklistItem[]): Finding[] {
    const open = items.filter((i) => i.status !== "done");
    const notDone = items.filter((i) => i.status === "open");
    if (notDone.length === 0) return [];
    return [
        {
            id: "GRP-5",
            severity: "info",
            path: `${ws.path}.phase`,
            message:
                `${PHASE_NAMES[ws.phase]} validation of workspace "${ws.name}": ${items.length - open.length} of ` +
                `${items.length} items done; open: ${notDone.map((i) => i.text).join("; ")}.`,
            why: "Roll out in phases (GRP-5): widen to the next phase only once this phase's validation list holds.",
            fix: `${notDone.map((i) => `${i.next}`).join("; ")}.`,
        },
    ];
}
