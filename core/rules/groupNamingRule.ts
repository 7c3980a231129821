import { GROUP_NAME_CONVENTION, swappedPartsSuggestion } from "../naming/groupName";
import { groupName } from "./groups";
import { Rule, finding } from "./types";

/**
 * GRP-1: names follow `[USAGE]_[DIMENSION]_[GROUP]`; a DIMENSION that is really a group gets a proposed name.
 */
export const grp1NamingConvention: Rule = {
    id: "GRP-1",
    summary: "A DIMENSION that looks like a group (a department or a role) gets a warning with the corrected name.",
    enforcedByConfig:
        "Each group's USAGE, DIMENSION and GROUP parts must have the convention's shape; the gate answers " +
        "with the convention and an example.",
    workspace({ workspace, wsPath }) {
        return workspace.groups.flatMap((group, i) => {
            const proposal = swappedPartsSuggestion(group);
            if (proposal === undefined) return [];
            const { usage, dimension, group: part } = proposal.parts;
            return [
                finding("GRP-1", "warning", wsPath("groups", i, "dimension"), {
                    message: `Group ${groupName(group)}: ${proposal.reason}; did you mean ${proposal.name}?`,
                    why:
                        `Names follow ${GROUP_NAME_CONVENTION}: the DIMENSION says how people are grouped ` +
                        `(FUNCTION, REGION, ROLE, SCHOOL) and the GROUP which group it is, so that ` +
                        `analytics and role mappings line up across groups.`,
                    fix:
                        `Rename it to ${proposal.name} (${usage ? `usage: ${usage}, ` : ""}dimension: ` +
                        `${dimension}, group: ${part}) before SCIM pushes it; renaming later creates a new ` +
                        `group in the workspace.`,
                }),
            ];
        });
    },
};
