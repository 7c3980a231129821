import { IdpKind } from "../config/forms";
import { WorkspaceSpec } from "../config/model";
import { PHASE_GROUP_RANGES, currentPhaseText, nextPhaseText } from "../rules";
import { plural } from "../rules/types";

/** A workspace's current rollout phase and what moving to the next one changes (GRP-5). Deterministic text. */
export function phaseSummary(workspace: WorkspaceSpec, idp: IdpKind): string {
    const range = PHASE_GROUP_RANGES[workspace.phase];
    const count = workspace.groups.length;
    let fit = "";
    if (count < range.min)
        fit = " That is fewer groups than this phase expects: add the phase's groups before moving on.";
    else if (range.max !== undefined && count > range.max) {
        fit = ` That is more groups than this phase expects: hold ${plural(count - range.max, "group")} back until the next phase, or change the phase.`;
    }
    return `${currentPhaseText(workspace)}${fit} ${nextPhaseText(workspace, idp)}`;
}
