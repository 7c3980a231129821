import { WorkspaceConfig } from "../config/schema";
import { PHASE_GROUP_RANGES, currentPhaseText, nextPhaseText } from "../rules";
import { plural } from "../rules/types";

/** The current rollout phase and what moving to the next one changes (GRP-5). Deterministic text. */
export function phaseSummary(config: WorkspaceConfig): string {
    const range = PHASE_GROUP_RANGES[config.phase];
    const count = config.groups.length;
    let fit = "";
    if (count < range.min) fit = " That is fewer groups than this phase expects: add the phase's groups before moving on.";
    else if (range.max !== undefined && count > range.max) fit = ` That is more groups than this phase expects: hold ${plural(count - range.max, "group")} back until the next phase, or change the phase.`;
    return `${currentPhaseText(config)}${fit} ${nextPhaseText(config)}`;
}
