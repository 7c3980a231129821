import { declaredGroupNames } from "./groups";
import { Finding, Rule, finding, listing, plural } from "./types";

/** A grant that takes something away instead of granting it (`-gpts.publish`, `deny:connectors`, `codex.disabled`). */
const RESTRICTIVE_GRANT = /^(?:[-!~]|(?:deny|disable|disallow|block|restrict|revoke|remove|no)[-_.:\s])|[._:-](?:deny|disabled?|disallow|blocked?|restricted|off|none)$/i;

/**
 * ROLE-1: the workspace defaults are the baseline; custom roles and group limits only add. A group
 * credit limit below the workspace's default takes credits away from that group: a warning, not an
 * error, because a lower limit for one group can be deliberate; the fix is to lower the baseline and
 * raise the groups that need more.
 */
export const role1BaselineOnlyGrows: Rule = {
    id: "ROLE-1",
    summary: "Custom roles only grant; no group credit limit is below the workspace's default limit.",
    workspace({ workspace, wsPath }) {
        const findings: Finding[] = [];
        workspace.customRoles.forEach((role, i) => role.grants.forEach((grant, gi) => {
            if (!RESTRICTIVE_GRANT.test(grant.trim())) return;
            findings.push(finding("ROLE-1", "error", wsPath("customRoles", i, "grants", gi), {
                message: `Custom role "${role.name}" uses "${grant}", which takes a permission away instead of granting one.`,
                why: "Default workspace settings are the baseline for everyone; restrictions placed in roles make a user's access depend on which groups they happen to be in.",
                fix: "Change the restriction in the workspace's default settings, and keep custom roles for extra permissions only.",
            }));
        }));
        const baseline = workspace.usageLimit?.credits;
        if (baseline === undefined) return findings;
        const names = declaredGroupNames(workspace);
        workspace.groups.forEach((group, i) => {
            const credits = group.usageLimit?.credits;
            if (credits === undefined || credits >= baseline) return;
            findings.push(finding("ROLE-1", "warning", wsPath("groups", i, "usageLimit", "credits"), {
                message: `Group ${names[i]} gets ${plural(credits, "credit")} a month, below the workspace default of ${baseline}.`,
                why: "The workspace default is the baseline for everyone; group limits are meant to grant more. A lower group limit takes credits away from its members, depending on which groups they happen to be in.",
                fix: `If ${names[i]} should have less, lower usageLimit.credits to ${credits} and give the groups that need more a higher limit; otherwise raise this group's limit to at least ${baseline} or remove it.`,
            }));
        });
        return findings;
    },
};

/** ROLE-2: groups are mapped to custom roles only once SCIM has pushed them. */
export const role2MapPushedGroupsOnly: Rule = {
    id: "ROLE-2",
    summary: "Custom roles map groups SCIM pushes to this workspace; they are console steps (no API), listed in the runbook.",
    workspace({ workspace, wsPath }) {
        if (workspace.customRoles.length === 0) return [];
        const mapped = [...new Set(workspace.customRoles.flatMap((r) => r.groups))];
        if (mapped.length > 0 && !workspace.scim.enabled) {
            return [finding("ROLE-2", "error", wsPath("customRoles"), {
                message: `Custom roles map ${listing(mapped)}, but SCIM is off in this workspace, so these groups never appear in it.`,
                why: "Custom roles can only be mapped to groups that exist in the workspace; nobody would get the extra permissions.",
                fix: "Enable SCIM (scim.enabled and scim.baseUrl) so the groups are pushed, or remove the groups from customRoles for now.",
            })];
        }
        return [finding("ROLE-2", "info", wsPath("customRoles"), {
            message: `${plural(workspace.customRoles.length, "custom role")} (${listing(workspace.customRoles.map((r) => r.name))}) ${workspace.customRoles.length === 1 ? "is" : "are"} created in the admin console, not by \`pulumi up\`: ChatGPT has no API for custom roles.`,
            why: "Nobody gets the extra permissions until the roles exist and the pushed groups are mapped to them.",
            fix: "Once SCIM has pushed the groups, create the roles and map the groups in the admin console as the runbook lists them.",
        })];
    },
};
