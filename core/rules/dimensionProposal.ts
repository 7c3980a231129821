/**
 * GRP-1: recognizes a group whose DIMENSION is not a dimension but a group value (a department, a
 * region, a role) and proposes the name it probably meant. The sets are deliberately small and only
 * used to suggest: USAGE and DIMENSION stay open sets (the gate checks their shape only).
 */
import { GroupNameParts, buildGroupName } from "../naming/groupName";

/** Dimensions the guides and districts use. A DIMENSION outside this set is fine unless it is a known group value. */
export const KNOWN_DIMENSIONS: readonly string[] = [
    "FUNCTION", "DEPARTMENT", "DEPT", "REGION", "BU", "ROLE", "SCHOOL", "GRADE", "CAMPUS", "TEAM",
    "LOCATION", "SITE", "SUBJECT", "PROGRAM", "COHORT", "LEVEL", "CODEX",
];

/** Values that are groups of a dimension, not dimensions, and the dimension they belong to. */
export const GROUP_VALUES: Readonly<Record<string, { dimension: string; kind: string }>> = Object.fromEntries([
    ...["ENGINEERING", "SALES", "SUPPORT", "MARKETING", "FINANCE", "HR", "IT", "LEGAL", "OPERATIONS", "RESEARCH", "PRODUCT", "DESIGN", "ADMINISTRATION"]
        .map((v) => [v, { dimension: "FUNCTION", kind: "department (a FUNCTION group)" }]),
    ...["NA", "EMEA", "APAC", "LATAM", "AMER"].map((v) => [v, { dimension: "REGION", kind: "region (a REGION group)" }]),
    ...["TEACHERS", "STUDENTS", "STAFF", "FACULTY", "ADMINS", "PRINCIPALS", "COUNSELORS"]
        .map((v) => [v, { dimension: "ROLE", kind: "role (a ROLE group)" }]),
]);

export interface DimensionProposal {
    /** The proposed convention name. */
    name: string;
    dimension: string;
    group: string;
    /** What the given DIMENSION looks like, for the message: `department (a FUNCTION group)`, `group`. */
    kind: string;
}

/** `Engineering` from `ENGINEERING`; short acronyms (`EMEA`, `HR`) stay upper case. */
function asGroupWord(value: string): string {
    return value.length <= 4 ? value : value.charAt(0) + value.slice(1).toLowerCase();
}

/** The corrected name when the DIMENSION is not a dimension; undefined when the name looks right. */
export function dimensionProposal(parts: GroupNameParts): DimensionProposal | undefined {
    const dimension = parts.dimension.toUpperCase();
    if (KNOWN_DIMENSIONS.includes(dimension)) return undefined;
    const swapped = parts.group.toUpperCase();
    const proposal = KNOWN_DIMENSIONS.includes(swapped)
        ? { dimension: swapped, group: asGroupWord(parts.dimension), kind: "group" }
        : GROUP_VALUES[dimension] && { dimension: GROUP_VALUES[dimension].dimension, group: asGroupWord(parts.dimension), kind: GROUP_VALUES[dimension].kind };
    if (!proposal) return undefined;
    try {
        return { ...proposal, name: buildGroupName({ usage: parts.usage, dimension: proposal.dimension, group: proposal.group }) };
    } catch {
        return undefined;
    }
}
