import { GROUP_NAME_CONVENTION, GROUP_NAME_EXAMPLE, groupPartProblem } from "../naming/groupName";
import { Finding, IDP_DISPLAY_NAMES, Rule, configPath, finding, listing, plural } from "./types";
import { NEXT_PHASE, PHASE_GROUP_RANGES, currentPhaseText, declaredGroupNames, groupCountFits, nextPhaseText } from "./rolloutPhase";

/** The smallest group size that shows analytics trends without identifying people (GRP-4). */
export const MIN_ANALYTICS_GROUP_SIZE = 10;

/** GRP-1: names follow `[USAGE]_[DIMENSION]_[GROUP]`. */
export const grp1NamingConvention: Rule = {
    id: "GRP-1",
    summary: "Every group name follows [USAGE]_[DIMENSION]_[GROUP].",
    check(config) {
        return config.groups.flatMap((g, i) => {
            const problems = (["usage", "dimension", "group"] as const)
                .filter((part) => part !== "usage" || g.usage !== undefined)
                .map((part) => groupPartProblem(part, String(g[part] ?? "")))
                .filter((p): p is string => p !== undefined);
            if (problems.length === 0) return [];
            return [finding("GRP-1", "error", configPath("groups", i), {
                message: `Group ${i + 1} does not follow the naming convention: ${problems.join("; ")}.`,
                why: "Consistent names tell IT and workspace admins what each group is for and keep analytics and role mappings readable.",
                fix: `Names follow ${GROUP_NAME_CONVENTION}, e.g. ${GROUP_NAME_EXAMPLE} or FUNCTION_Support; fix the usage, dimension or group part.`,
            })];
        });
    },
};

/** GRP-2: groups live in the IdP and reach the workspace through SCIM. */
export const grp2GroupsPushedBySCIM: Rule = {
    id: "GRP-2",
    summary: "Explains that declared groups reach the workspace only through SCIM.",
    check(config) {
        if (config.scim.enabled || config.groups.length === 0) return [];
        return [finding("GRP-2", "info", configPath("groups"), {
            message: `The groups are created in ${IDP_DISPLAY_NAMES[config.idp]} but SCIM is off, so they do not appear in the workspace.`,
            why: "Groups reach ChatGPT only when SCIM pushes them; without SCIM they cannot be used for analytics, roles or feature rollouts.",
            fix: "Enable SCIM (scim.enabled and scim.baseUrl) when the groups should appear in the workspace.",
        })];
    },
};

/** GRP-3: a local group with the same name as a SCIM group duplicates the structure. */
export const grp3LocalGroupDuplicates: Rule = {
    id: "GRP-3",
    summary: "No local workspace group has the name of a SCIM-pushed group (needs facts).",
    check(config, facts) {
        if (!config.scim.enabled || config.groups.length === 0) return [];
        if (facts.localGroups === undefined) {
            return [finding("GRP-3", "info", configPath("groups"), {
                message: "Could not check for local workspace groups with the same names as these groups (the workspace's groups were not read).",
                why: "A local group that later becomes SCIM-managed duplicates the group structure and confuses role mappings and analytics.",
                fix: "In the workspace's Groups page, retire local groups whose names match the groups pushed by SCIM.",
            })];
        }
        const local = new Set(facts.localGroups);
        return declaredGroupNames(config).flatMap((name, i) => local.has(name) ? [finding("GRP-3", "warning", configPath("groups", i), {
            message: `A local workspace group named ${name} already exists; SCIM will push a second group with the same name.`,
            why: "Two groups with one name split members, roles and analytics between them.",
            fix: `Move the local group's members and role mappings to the SCIM group in ${IDP_DISPLAY_NAMES[config.idp]}, then delete the local group.`,
        })] : []);
    },
};

/** GRP-4: analytics groups need at least 10 members. */
export const grp4AnalyticsGroupSize: Rule = {
    id: "GRP-4",
    summary: `ANALYTICS groups have at least ${MIN_ANALYTICS_GROUP_SIZE} members (members, expectedMemberCount or facts).`,
    check(config, facts) {
        const names = declaredGroupNames(config);
        return config.groups.flatMap((g, i): Finding[] => {
            if (g.usage !== "ANALYTICS") return [];
            const count = facts.groupMemberCounts?.[names[i]] ?? g.members?.length ?? g.expectedMemberCount;
            const why = `Analytics show aggregate trends only for groups of at least ${MIN_ANALYTICS_GROUP_SIZE} people; smaller groups either show nothing or risk identifying individuals.`;
            if (count === undefined) {
                return [finding("GRP-4", "info", configPath("groups", i), {
                    message: `Could not check the size of analytics group ${names[i]} (no members, expectedMemberCount or member count known).`,
                    why,
                    fix: `Set groups[${i}].expectedMemberCount to the group's head count.`,
                })];
            }
            if (count >= MIN_ANALYTICS_GROUP_SIZE) return [];
            return [finding("GRP-4", "warning", configPath("groups", i), {
                message: `Analytics group ${names[i]} has ${count} member${count === 1 ? "" : "s"}, fewer than ${MIN_ANALYTICS_GROUP_SIZE}.`,
                why,
                fix: `Merge it into a broader group (e.g. a function or school rather than a team) or drop the ANALYTICS usage.`,
            })];
        });
    },
};

/** GRP-5: phases of 1-2 pilot groups, then 5-15 Level 1 groups, then the rest. */
export const grp5RolloutPhase: Rule = {
    id: "GRP-5",
    summary: "The number of groups fits the rollout phase; explains what the next phase changes.",
    check(config) {
        if (config.groups.length === 0 && !config.scim.enabled) return [];
        const count = config.groups.length;
        const range = PHASE_GROUP_RANGES[config.phase];
        const findings: Finding[] = [];
        if (!groupCountFits(config.phase, count)) {
            findings.push(finding("GRP-5", "warning", configPath("groups"), {
                message: `Phase ${config.phase} expects ${range.label}, and ${count} ${count === 1 ? "is" : "are"} declared (${listing(declaredGroupNames(config)) || "none"}).`,
                why: "Rolling out in small phases lets you check provisioning, sign-in and analytics with a few stable groups before thousands of users are invited.",
                fix: count < range.min
                    ? `Declare at least ${plural(range.min, "group")} for this phase, or set phase to the phase you are actually in.`
                    : `Keep ${range.max} stable group${range.max === 1 ? "" : "s"} for this phase and hold the other ${count - (range.max ?? 0)} back until ${NEXT_PHASE[config.phase] ?? "later"}, or set phase to the phase you are actually in.`,
            }));
        }
        findings.push(finding("GRP-5", "info", configPath("phase"), {
            message: `${currentPhaseText(config)} ${nextPhaseText(config)}`,
            why: "Each phase provisions more people at once; problems found in a small phase affect a few users instead of the whole district.",
            fix: "Move to the next phase (change phase and groups together) once sign-in, provisioning and group sync have been checked in this one.",
        }));
        return findings;
    },
};

