/**
 * Access-group names by the convention `[USAGE]_[DIMENSION]_[GROUP]` (rule GRP-1).
 *
 * USAGE and DIMENSION are open sets: the source guide gives examples (ANALYTICS, ROLLOUT, TESTING;
 * FUNCTION, REGION, BU, CODEX), and districts add their own (ROLE, SCHOOL, GRADE, CAMPUS). A closed
 * list would reject real, well-formed names, so the convention is enforced by shape instead:
 * USAGE and DIMENSION are upper-case words, GROUP is a word with no underscore, so every name
 * parses back to exactly one set of parts.
 */

/** The parts of a convention name. */
export interface GroupNameParts {
    /** Optional purpose prefix, e.g. `ANALYTICS`, `ROLLOUT`, `TESTING`. Upper case, digits allowed. */
    usage?: string;
    /** The organisational dimension, e.g. `FUNCTION`, `REGION`, `BU`, `ROLE`, `SCHOOL`. */
    dimension: string;
    /** The group itself, e.g. `Engineering`, `EMEA`, `Lincoln-Elementary`. No underscores. */
    group: string;
}

export const GROUP_NAME_CONVENTION = "[USAGE]_[DIMENSION]_[GROUP] (USAGE optional)";
export const GROUP_NAME_EXAMPLE = "ANALYTICS_FUNCTION_Engineering";
export const MAX_GROUP_NAME_LENGTH = 120;

const UPPER_WORD = /^[A-Z][A-Z0-9]*$/;
const GROUP_WORD = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Why a part or a name is not valid, or undefined when it is. Pure; used by the config schema. */
export function groupPartProblem(part: keyof GroupNameParts, value: string): string | undefined {
    if (part === "group") {
        if (GROUP_WORD.test(value)) return undefined;
        return (
            `GROUP part ${JSON.stringify(value)} must be letters, digits or hyphens, with no underscore ` +
            `(use "Lincoln-Elementary" or "LincolnElementary", not "Lincoln_Elementary")`
        );
    }
    if (UPPER_WORD.test(value)) return undefined;
    return (
        `${part.toUpperCase()} part ${JSON.stringify(value)} must be one upper-case word (letters and digits, ` +
        `starting with a letter), e.g. ${part === "usage" ? "ANALYTICS or ROLLOUT" : "FUNCTION or SCHOOL"}`
    );
}

function conventionHint(): string {
    return `names follow ${GROUP_NAME_CONVENTION}, e.g. ${GROUP_NAME_EXAMPLE} or FUNCTION_Support`;
}

export class GroupNameError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "GroupNameError";
    }
}

/** Builds `USAGE_DIMENSION_GROUP` from its parts; throws a GroupNameError naming the bad part. */
export function buildGroupName(parts: GroupNameParts): string {
    const problems = (["usage", "dimension", "group"] as const)
        .filter((p) => p !== "usage" || parts.usage !== undefined)
        .map((p) => groupPartProblem(p, parts[p] ?? ""))
        .filter((p): p is string => p !== undefined);
    if (problems.length > 0) {
        throw new GroupNameError(`Invalid group name parts: ${problems.join("; ")}. GRP-1: ${conventionHint()}.`);
    }
    const name = [parts.usage, parts.dimension, parts.group].filter((p) => p !== undefined).join("_");
    if (name.length > MAX_GROUP_NAME_LENGTH) {
        throw new GroupNameError(
            `Group name "${name}" is ${name.length} characters; the limit is ${MAX_GROUP_NAME_LENGTH}.`,
        );
    }
    return name;
}

/** Parses a convention name back into its parts; throws a GroupNameError quoting the name. */
export function parseGroupName(name: string): GroupNameParts {
    const problem = groupNameProblem(name);
    if (problem !== undefined) throw new GroupNameError(problem);
    const segments = name.split("_");
    return segments.length === 3
        ? { usage: segments[0], dimension: segments[1], group: segments[2] }
        : { dimension: segments[0], group: segments[1] };
}

/** Why `name` breaks the convention (a message quoting it), or undefined when it is valid. */
export function groupNameProblem(name: string): string | undefined {
    const segments = name.split("_");
    const invalid = (why: string) => `Group name "${name}" is invalid: ${why}. GRP-1: ${conventionHint()}.`;
    if (name.length === 0) return invalid("it is empty");
    if (name.length > MAX_GROUP_NAME_LENGTH) return invalid(`it is longer than ${MAX_GROUP_NAME_LENGTH} characters`);
    if (segments.length < 2 || segments.length > 3) {
        return invalid(
            `it has ${segments.length} part${segments.length === 1 ? "" : "s"} separated by "_", expected 2 or 3`,
        );
    }
    const parts: (keyof GroupNameParts)[] =
        segments.length === 3 ? ["usage", "dimension", "group"] : ["dimension", "group"];
    const problems = parts.map((p, i) => groupPartProblem(p, segments[i])).filter((p): p is string => p !== undefined);
    return problems.length > 0 ? invalid(problems.join("; ")) : undefined;
}

export function isValidGroupName(name: string): boolean {
    return groupNameProblem(name) === undefined;
}

/**
 * DIMENSION words seen in the source guides and in districts. The set of dimensions stays open (any
 * upper-case word is valid); this list only serves to notice parts that look swapped.
 */
export const KNOWN_DIMENSIONS: readonly string[] = [
    "FUNCTION",
    "REGION",
    "BU",
    "ROLE",
    "SCHOOL",
    "GRADE",
    "CAMPUS",
    "CODEX",
    "DEPARTMENT",
    "DEPT",
    "TEAM",
    "SITE",
    "LOCATION",
    "LEVEL",
    "SUBJECT",
    "PROGRAM",
    "OFFICE",
    "COUNTRY",
    "DIVISION",
    "PROJECT",
    "COHORT",
    "BUILDING",
    "DISTRICT",
    "UNIT",
    "TIER",
    "SSO",
    "SCIM",
    "PILOT",
    "WAVE",
    "ACCESS",
    "YEAR",
    "CLASS",
];

/** Department and role words: a DIMENSION holding one of these is a GROUP in the wrong slot. */
const GROUP_LIKE_WORDS: Readonly<Record<string, string>> = {
    ENGINEERING: "FUNCTION",
    SUPPORT: "FUNCTION",
    SALES: "FUNCTION",
    MARKETING: "FUNCTION",
    FINANCE: "FUNCTION",
    HR: "FUNCTION",
    LEGAL: "FUNCTION",
    IT: "FUNCTION",
    OPERATIONS: "FUNCTION",
    RESEARCH: "FUNCTION",
    PRODUCT: "FUNCTION",
    DESIGN: "FUNCTION",
    ADMISSIONS: "FUNCTION",
    TRANSPORTATION: "FUNCTION",
    PAYROLL: "FUNCTION",
    ACCOUNTING: "FUNCTION",
    FACILITIES: "FUNCTION",
    MAINTENANCE: "FUNCTION",
    NUTRITION: "FUNCTION",
    TECHNOLOGY: "FUNCTION",
    CURRICULUM: "FUNCTION",
    COMMUNICATIONS: "FUNCTION",
    ATHLETICS: "FUNCTION",
    MATH: "SUBJECT",
    MATHEMATICS: "SUBJECT",
    SCIENCE: "SUBJECT",
    ENGLISH: "SUBJECT",
    HISTORY: "SUBJECT",
    ART: "SUBJECT",
    MUSIC: "SUBJECT",
    SPED: "SUBJECT",
    TEACHERS: "ROLE",
    STUDENTS: "ROLE",
    STAFF: "ROLE",
    FACULTY: "ROLE",
    ADMINS: "ROLE",
    PRINCIPALS: "ROLE",
    COUNSELORS: "ROLE",
    LIBRARIANS: "ROLE",
    SUBSTITUTES: "ROLE",
    MANAGERS: "ROLE",
};

/** `ENGINEERING` → `Engineering`; a word with lower-case letters stays as written. */
function asGroupWord(word: string): string {
    const cleaned = word
        .replace(/[_\s.]+/g, "-")
        .replace(/[^A-Za-z0-9-]/g, "")
        .replace(/^-+|-+$/g, "");
    if (cleaned !== cleaned.toUpperCase()) return cleaned;
    return cleaned.charAt(0) + cleaned.slice(1).toLowerCase();
}

function asUpperWord(word: string): string {
    return word.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** A proposed correction of group-name parts, with the reason in words. */
export interface GroupNameSuggestion {
    parts: GroupNameParts;
    name: string;
    reason: string;
}

/**
 * GRP-1, for the rule engine's warning: the DIMENSION slot holds what looks like a GROUP (a department
 * or role such as `Engineering`/`TEACHERS`, or mixed case), possibly with the DIMENSION in the GROUP slot.
 * Returns the corrected parts and name, or undefined when the parts look right. Pure.
 */
export function swappedPartsSuggestion(parts: GroupNameParts): GroupNameSuggestion | undefined {
    const dimensionUpper = asUpperWord(parts.dimension);
    if (KNOWN_DIMENSIONS.includes(dimensionUpper)) return undefined;
    const groupUpper = asUpperWord(parts.group);
    const mixedCase = parts.dimension !== parts.dimension.toUpperCase();
    const groupLike = GROUP_LIKE_WORDS[dimensionUpper] !== undefined;
    if (KNOWN_DIMENSIONS.includes(groupUpper) && !KNOWN_DIMENSIONS.includes(dimensionUpper)) {
        return suggestion(
            parts,
            { usage: parts.usage, dimension: groupUpper, group: asGroupWord(parts.dimension) },
            `${JSON.stringify(parts.group)} is a DIMENSION and ${JSON.stringify(parts.dimension)} a GROUP: the two ` +
                `parts look swapped`,
        );
    }
    if (!groupLike && !mixedCase) return undefined;
    const dimension = GROUP_LIKE_WORDS[dimensionUpper] ?? "FUNCTION";
    const group = asGroupWord(`${asGroupWord(parts.dimension)}-${asGroupWord(parts.group)}`);
    return suggestion(
        parts,
        { usage: parts.usage, dimension, group },
        `DIMENSION ${JSON.stringify(parts.dimension)} looks like a GROUP (a department, role or team name), ` +
            `not a dimension such as ${dimension}`,
    );
}

function suggestion(original: GroupNameParts, parts: GroupNameParts, reason: string): GroupNameSuggestion | undefined {
    const cleaned: GroupNameParts = { dimension: parts.dimension, group: parts.group };
    if (original.usage !== undefined && asUpperWord(original.usage) !== "") cleaned.usage = asUpperWord(original.usage);
    try {
        return { parts: cleaned, name: buildGroupName(cleaned), reason };
    } catch {
        return undefined;
    }
}

/**
 * A valid name built from the given (possibly malformed) parts, for GRP-1 messages: swapped parts are
 * put back, USAGE and DIMENSION upper-cased, underscores and spaces in GROUP turned into hyphens. Falls
 * back to the convention's own example when nothing usable is left.
 */
export function suggestGroupName(parts: GroupNameParts): string {
    const swapped = swappedPartsSuggestion(parts);
    if (swapped) return swapped.name;
    const usage = parts.usage === undefined ? undefined : asUpperWord(parts.usage);
    const candidate: GroupNameParts = {
        dimension: asUpperWord(parts.dimension).replace(/^[0-9]+/, "") || "FUNCTION",
        group: asGroupWord(parts.group) || "Example",
    };
    const usageWord = usage?.replace(/^[0-9]+/, "");
    if (usageWord) candidate.usage = usageWord;
    try {
        return buildGroupName(candidate);
    } catch {
        return GROUP_NAME_EXAMPLE;
    }
}
