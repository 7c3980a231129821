import { IdpKind, WorkspaceSpec } from "./tenantConfig";
import { declaredGroupNames } from "./groups";
import { IDP_DISPLAY_NAMES, listing, plural } from "./types";

export { declaredGroupNames } from "./groups";

type Phase = WorkspaceSpec["phase"];

/** GRP-5: how many access groups each rollout phase expects (`max` undefined: no upper bound). */
export const PHASE_GROUP_RANGES: Record<Phase, { min: number; max?: number; label: string }> = {
    pilot: { min: 1, max: 2, label: "a pilot of 1–2 stable groups" },
    level1: { min: 5, max: 15, label: '5–15 "Level 1" groups' },
    full: { min: 1, label: "1 or more groups, with no upper limit" },
};

export const NEXT_PHASE: Record<Phase, Phase | undefined> = { pilot: "level1", level1: "full", full: undefined };

export function groupCountFits(phase: Phase, count: number): boolean {
    const range = PHASE_GROUP_RANGES[phase];
    return count >= range.min && (range.max === undefined || count <= range.max);
}

/** What the workspace's current phase holds, in one sentence. */
export function currentPhaseText(workspace: Pick<WorkspaceSpec, "phase" | "groups">): string {
    const names = declaredGroupNames(workspace);
    const held = names.length ? `${plural(names.length, "access group")} (${listing(names)})` : "no access groups";
    return `Phase ${workspace.phase} (${PHASE_GROUP_RANGES[workspace.phase].label}) with ${held}.`;
}

/** What moving to the next phase changes, for administrators and users (GRP-5). */
export function nextPhaseText(
    workspace: Pick<WorkspaceSpec, "phase" | "scim"> & { idp?: IdpKind },
    idpKind: IdpKind = workspace.idp ?? "entra",
): string {
    const next = NEXT_PHASE[workspace.phase];
    const idp = IDP_DISPLAY_NAMES[idpKind];
    const pushed = workspace.scim.enabled
        ? `each new group is created in ${idp}, assigned to the SCIM app and pushed to the workspace, so ` +
          `its members are provisioned and receive an invitation email`
        : `each new group is created in ${idp}, but with SCIM off nobody is provisioned by it: invite its ` +
          `members or enable SCIM`;
    if (next === "level1") {
        return (
            `Moving to level1 means growing to ${PHASE_GROUP_RANGES.level1.label} (functions, schools ` +
            `or roles): ${pushed}. Hold matrixed or very granular groups back until the analytics have ` +
            `been used for at least one enablement cycle.`
        );
    }
    if (next === "full") {
        return (
            `Moving to full lifts the group-count guidance: add the remaining groups, including more ` +
            `granular ones; ${pushed}.`
        );
    }
    return (
        "This is the last phase: add or remove groups as the district changes; removing a group from " +
        "the SCIM app deprovisions members who are in no other assigned group."
    );
}
