import { declaredGroupNames } from "./groups";
import { Finding, Rule, finding, listing, plural } from "./types";

/**
 * ROLE-1: the workspace defaults are the baseline; custom roles and group limits only add. A group
 * credit limit below the workspace's default takes credits away from that group: a warning, not an
 * error, because a lower limit for one group can be deliberate; the fix is to lower the baseline and
 * raise the groups that need more. Without a workspace `usageLimit` the baseline is whatever the
 * console holds, so nothing is compared.
 */
export const role1BaselineOnlyGrows: Rule = {
    id: "ROLE-1",
    summary: "No group credit limit is below the workspace's default limit (the baseline).",
    enforcedByConfig:
        "A custom role grants at least one extra permission, from a closed set (publish-gpts, " +
        "publish-skills, higher-credit-limit, feature:<name>): nothing that takes a permission away.",
    workspace({ workspace, wsPath }) {
        const baseline = workspace.usageLimit?.credits;
        if (baseline === undefined) return [];
        const names = declaredGroupNames(workspace);
        return workspace.groups.flatMap((group, i): Finding[] => {
            const credits = group.usageLimit?.credits;
            if (credits === undefined || credits >= baseline) return [];
            return [
                finding("ROLE-1", "warning", wsPath("groups", i, "usageLimit", "credits"), {
                    message:
                        `Group ${names[i]} gets ${plural(credits, "credit")} a month, below the ` +
                        `workspace default of ${baseline}.`,
                    why:
                        "The workspace default is the baseline for everyone; group limits are meant to " +
                        "grant more. A lower group limit takes credits away from its members, depending on " +
                        "which groups they happen to be in.",
                    fix:
                        `If ${names[i]} should have less, lower usageLimit.credits to ${credits} and give ` +
                        `the groups that need more a higher limit; otherwise raise this group's limit to ` +
                        `at least ${baseline} or remove it.`,
                }),
            ];
        });
    },
};

/** ROLE-2: groups are mapped to roles only once they appear in the workspace (or API organization). */
export const role2MapPushedGroupsOnly: Rule = {
    id: "ROLE-2",
    summary:
        "Custom roles map groups SCIM pushes to this workspace (console steps, no API); API Platform " +
        "mappings wait for the organization's groups.",
    enforcedByConfig:
        "A custom role or an apiPlatform.roleMappings entry naming a group that is not declared (in that " +
        "workspace, for custom roles) is refused.",
    tenant({ config, path }) {
        const mappings = config.apiPlatform.roleMappings;
        if (mappings.length === 0) return [];
        return [
            finding("ROLE-2", "info", path("apiPlatform", "roleMappings"), {
                message:
                    `API Platform roles are mapped to ${listing(mappings.map((m) => m.group))}; each ` +
                    `mapping applies once the group exists in the API Platform organization.`,
                why:
                    "SCIM is per workspace and per organization: a workspace's SCIM app does not push " +
                    "groups to the API Platform, so a mapping to a group the organization does not have " +
                    "gives nobody the role.",
                fix: config.apiPlatform.manage
                    ? "Push these groups to the API Platform organization through its own directory sync " +
                      "before `pulumi up` maps them."
                    : "apiPlatform.manage is false, so `pulumi up` does not apply the mappings: set it to " +
                      "true (with the API Platform admin key) or map the groups in the API Platform " +
                      "settings once they are there.",
            }),
        ];
    },
    workspace({ workspace, wsPath }) {
        if (workspace.customRoles.length === 0) return [];
        const mapped = [...new Set(workspace.customRoles.flatMap((r) => r.groups))];
        if (mapped.length > 0 && !workspace.scim.enabled) {
            return [
                finding("ROLE-2", "error", wsPath("customRoles"), {
                    message:
                        `Custom roles map ${listing(mapped)}, but SCIM is off in this workspace, so ` +
                        `these groups never appear in it.`,
                    why:
                        "Custom roles can only be mapped to groups that exist in the workspace; nobody " +
                        "would get the extra permissions.",
                    fix:
                        "Enable SCIM (scim.enabled and scim.baseUrl) so the groups are pushed, or remove " +
                        "the groups from customRoles for now.",
                }),
            ];
        }
        const roles = workspace.customRoles.map((r) => r.name);
        return [
            finding("ROLE-2", "info", wsPath("customRoles"), {
                message:
                    `${plural(roles.length, "custom role")} (${listing(roles)}) ` +
                    `${roles.length === 1 ? "is" : "are"} created in the admin console, not by \`pulumi ` +
                    `up\`: ChatGPT has no API for custom roles.`,
                why:
                    "Nobody gets the extra permissions until the roles exist and the pushed groups are " +
                    "mapped to them.",
                fix:
                    "Once SCIM has pushed the groups, create the roles and map the groups in the admin " +
                    "console as the runbook lists them.",
            }),
        ];
    },
};
