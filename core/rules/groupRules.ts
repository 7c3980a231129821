import { IDP_DISPLAY_NAMES, Finding, Rule, finding, listing, plural } from "./types";
import { NEXT_PHASE, PHASE_GROUP_RANGES, currentPhaseText, groupCountFits, nextPhaseText } from "./rolloutPhase";
import { declaredGroupNames } from "./groups";

/** The smallest group size that shows analytics trends without identifying people (GRP-4). */
export const MIN_ANALYTICS_GROUP_SIZE = 10;

/** GRP-2: groups live in the IdP and reach the workspace through SCIM. */
export const grp2GroupsPushedBySCIM: Rule = {
    id: "GRP-2",
    summary: "Explains that declared groups reach the workspace only through SCIM.",
    standingInfo: true,
    workspace({ config, workspace, wsPath }) {
        if (workspace.scim.enabled || workspace.groups.length === 0) return [];
        return [
            finding("GRP-2", "info", wsPath("groups"), {
                message:
                    `The groups are created in ${IDP_DISPLAY_NAMES[config.idp]} but SCIM is off, so ` +
                    `they do not appear in the workspace.`,
                why:
                    "Groups reach ChatGPT only when SCIM pushes them; without SCIM they cannot be used " +
                    "for analytics, roles or feature rollouts.",
                fix: "Enable SCIM (scim.enabled and scim.baseUrl) when the groups should appear in the workspace.",
            }),
        ];
    },
};

/** GRP-3: a local group with the same name as a SCIM group duplicates the structure. */
export const grp3LocalGroupDuplicates: Rule = {
    id: "GRP-3",
    summary: "No local workspace group has the name of a group SCIM pushes (fact localGroups).",
    workspace({ config, workspace, wsPath, fact }) {
        if (!workspace.scim.enabled || workspace.groups.length === 0) return [];
        const localGroups = fact("localGroups");
        if (localGroups === undefined) return [];
        const local = new Map(localGroups.map((g) => [g.toLowerCase(), g]));
        return declaredGroupNames(workspace).flatMap((name, i) => {
            const localName = local.get(name.toLowerCase());
            return localName !== undefined
                ? [
                      finding("GRP-3", "warning", wsPath("groups", i), {
                          message:
                              `A local workspace group named ${localName} already exists; SCIM will push a ` +
                              `second group with the same name` +
                              `${localName === name ? "" : ` (${name}; names compare without case)`}.`,
                          why: "Two groups with one name split members, roles and analytics between them.",
                          fix:
                              `Move the local group's members and role mappings to the SCIM group in ` +
                              `${IDP_DISPLAY_NAMES[config.idp]}, then delete the local group.`,
                      }),
                  ]
                : [];
        });
    },
};

/** GRP-4: analytics groups need at least 10 members. */
export const grp4AnalyticsGroupSize: Rule = {
    id: "GRP-4",
    summary:
        `ANALYTICS groups have at least ${MIN_ANALYTICS_GROUP_SIZE} members (fact groupMemberCounts, ` +
        `else members or expectedMemberCount).`,
    workspace({ workspace, wsPath, fact, peekFact }) {
        const names = declaredGroupNames(workspace);
        return workspace.groups.flatMap((g, i): Finding[] => {
            if (g.usage !== "ANALYTICS") return [];
            const declared = g.members?.length ?? g.expectedMemberCount;
            // A live count wins over the config's; a group the counts do not list has not reached the workspace yet.
            const counts = declared === undefined ? fact("groupMemberCounts") : peekFact("groupMemberCounts");
            const count = counts?.[names[i]] ?? declared;
            if (count === undefined || count >= MIN_ANALYTICS_GROUP_SIZE) return [];
            return [
                finding("GRP-4", "warning", wsPath("groups", i), {
                    message:
                        `Analytics group ${names[i]} has ${plural(count, "member")}, fewer than ` +
                        `${MIN_ANALYTICS_GROUP_SIZE}.`,
                    why:
                        `Analytics show aggregate trends only for groups of at least ` +
                        `${MIN_ANALYTICS_GROUP_SIZE} people; smaller groups either show nothing or risk ` +
                        `identifying individuals.`,
                    fix:
                        "Merge it into a broader group (e.g. a function or school rather than a team) or " +
                        "drop the ANALYTICS usage.",
                }),
            ];
        });
    },
};

/** GRP-5: phases of 1-2 pilot groups, then 5-15 Level 1 groups, then the rest. */
export const grp5RolloutPhase: Rule = {
    id: "GRP-5",
    summary: "The number of groups fits the workspace's rollout phase; explains what the next phase changes.",
    standingInfo: true,
    workspace({ config, workspace, wsPath }) {
        if (workspace.groups.length === 0 && !workspace.scim.enabled) return [];
        const count = workspace.groups.length;
        const phase = workspace.phase;
        const range = PHASE_GROUP_RANGES[phase];
        const findings: Finding[] = [];
        if (!groupCountFits(phase, count)) {
            findings.push(
                finding("GRP-5", "warning", wsPath("groups"), {
                    message:
                        `Phase ${phase} expects ${range.label}, and ${count} ` +
                        `${count === 1 ? "is" : "are"} declared ` +
                        `(${listing(declaredGroupNames(workspace)) || "none"}).`,
                    why:
                        "Rolling out in small phases lets you check provisioning, sign-in and analytics " +
                        "with a few stable groups before thousands of users are invited.",
                    fix:
                        count < range.min
                            ? `Declare at least ${plural(range.min, "group")} for this phase, or set phase ` +
                              `to the phase you are actually in.`
                            : `Keep ${range.max} stable group${range.max === 1 ? "" : "s"} for this phase ` +
                              `and hold the other ${count - (range.max ?? 0)} back until ` +
                              `${NEXT_PHASE[phase] ?? "later"}, or set phase to the phase you are ` +
                              `actually in.`,
                }),
            );
        }
        findings.push(
            finding("GRP-5", "info", wsPath("phase"), {
                message: `${currentPhaseText(workspace)} ${nextPhaseText(workspace, config.idp)}`,
                why:
                    "Each phase provisions more people at once; problems found in a small phase affect a " +
                    "few users instead of the whole district.",
                fix:
                    "Move to the next phase (change phase and groups together) once sign-in, provisioning " +
                    "and group sync have been checked in this one.",
            }),
        );
        return findings;
    },
};
