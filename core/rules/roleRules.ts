import { Finding, Rule, configPath, finding, listing } from "./types";
import { declaredGroupNames } from "./rolloutPhase";

/** A permission that takes something away instead of granting it (`-gpts.publish`, `deny:connectors`, `codex.disabled`). */
const RESTRICTIVE_PERMISSION = /^(?:[-!~]|(?:deny|disable|disallow|block|restrict|revoke|remove|no)[-_.:\s])|[._:-](?:deny|disabled?|disallow|blocked?|restricted|off|none)$/i;

/** ROLE-1: the workspace defaults are the baseline; custom roles only add permissions. */
export const role1RolesOnlyAdd: Rule = {
    id: "ROLE-1",
    summary: "Custom roles grant at least one extra permission and never take one away.",
    check(config) {
        const findings: Finding[] = [];
        config.roles.forEach((role, i) => {
            if (role.permissions.length === 0) {
                findings.push(finding("ROLE-1", "error", configPath("roles", i, "permissions"), {
                    message: `Custom role "${role.name}" grants no permissions.`,
                    why: "A custom role exists to give a group something beyond the workspace defaults; an empty role changes nothing and misleads whoever reads the mappings.",
                    fix: "List the extra permissions it grants (e.g. publishing GPTs, higher credit limits) or remove the role.",
                }));
            }
            role.permissions.forEach((permission, pi) => {
                if (!RESTRICTIVE_PERMISSION.test(permission.trim())) return;
                findings.push(finding("ROLE-1", "error", configPath("roles", i, "permissions", pi), {
                    message: `Custom role "${role.name}" uses "${permission}", which takes a permission away instead of granting one.`,
                    why: "Default workspace settings are the baseline for everyone; restrictions placed in roles make a user's access depend on which groups they happen to be in.",
                    fix: "Change the restriction in the workspace's default settings, and keep custom roles for extra permissions only.",
                }));
            });
        });
        return findings;
    },
};

/** ROLE-2: groups are mapped to roles only once SCIM has pushed them. */
export const role2MapPushedGroupsOnly: Rule = {
    id: "ROLE-2",
    summary: "Role mappings target declared groups that SCIM pushes; without manageWorkspace, roles and mappings are created by hand.",
    check(config) {
        const findings: Finding[] = [];
        if (!config.manageWorkspace && (config.roles.length > 0 || config.roleAssignments.length > 0)) {
            findings.push(finding("ROLE-2", "info", configPath("manageWorkspace"), {
                message: "Custom roles or role mappings are declared, but manageWorkspace is false, so `pulumi up` does not create them.",
                why: "Nobody gets the extra permissions until the roles exist in the workspace and the pushed groups are mapped to them.",
                fix: "Create the roles and, once SCIM has pushed the groups, the mappings in the ChatGPT admin console (the runbook lists them); or set manageWorkspace: true so the stack manages them.",
            }));
        }
        if (config.roleAssignments.length === 0) return findings;
        if (!config.scim.enabled) {
            return [...findings, finding("ROLE-2", "error", configPath("roleAssignments"), {
                message: `Role mappings are declared for ${listing(config.roleAssignments.map((a) => a.group))}, but SCIM is off, so these groups never appear in the workspace.`,
                why: "Custom roles can only be mapped to groups that exist in the workspace; the mappings would fail and nobody would get the extra permissions.",
                fix: "Enable SCIM (scim.enabled and scim.baseUrl) so the groups are pushed, or remove roleAssignments for now.",
            })];
        }
        const names = declaredGroupNames(config);
        return [...findings, ...config.roleAssignments.flatMap((assignment, i) => names.includes(assignment.group) ? [] : [finding("ROLE-2", "error", configPath("roleAssignments", i, "group"), {
            message: `Role mapping ${i + 1} targets "${assignment.group}", which is not one of the declared groups (${listing(names) || "none"}).`,
            why: "Only groups pushed by SCIM appear in the workspace; a mapping to any other group gives nobody the role.",
            fix: "Use the name of a group declared under groups, or declare the group first.",
        })])];
    },
};
