import { buildGroupName } from "../../core/naming/groupName";
import { Finding } from "../../core/rules/types";
import { WorkspaceGroup } from "../../clients/chatgptAdmin";
import { IDP_NAMES, VerifyConfig, VerifyWorkspaceSpec } from "../config";
import { CheckResult, WorkspaceSnapshot } from "../types";

/** GRP-4: analytics show aggregate trends only from this many members. */
export const MIN_ANALYTICS_MEMBERS = 10;

/** How one declared group stands in the workspace. */
export interface GroupState {
    name: string;
    /** Index in the workspace's `groups`. */
    index: number;
    /** The SCIM-pushed group of that name, if any (`is_scim_managed` not false). */
    scimGroup?: WorkspaceGroup;
    /** Local (console-made) groups of that name. */
    localGroups: WorkspaceGroup[];
    /** Members of the SCIM group, else of the local one; undefined when neither exists. */
    members?: number;
}

export function groupStates(ws: VerifyWorkspaceSpec, snapshot: WorkspaceSnapshot): GroupState[] {
    return ws.groups.map((g, index) => {
        const name = buildGroupName(g);
        const same = snapshot.groups.filter((wg) => wg.name === name);
        const scimGroup = same.find((wg) => wg.is_scim_managed !== false);
        const localGroups = same.filter((wg) => wg.is_scim_managed === false);
        const counted = scimGroup ?? localGroups[0];
        return {
            name,
            index,
            scimGroup,
            localGroups,
            members: counted ? snapshot.memberCounts[counted.id] : undefined,
        };
    });
}

const s = (n: number) => (n === 1 ? "" : "s");

/** GRP-2, ROLE-2, GRP-3, GRP-4 for each group the workspace declares. */
export function groupFindings(
    config: VerifyConfig,
    ws: VerifyWorkspaceSpec,
    states: readonly GroupState[],
): {
    checks: CheckResult[];
    findings: Finding[];
} {
    const checks: CheckResult[] = [];
    const findings: Finding[] = [];
    const idp = IDP_NAMES[config.idp];
    const where = `workspace "${ws.name}"`;
    for (const g of states) {
        const path = `${ws.path}.groups[${g.index}]`;
        const check = (rule: CheckResult["rule"], status: CheckResult["status"], detail: string) =>
            checks.push({ rule, kind: "group", subject: g.name, workspace: ws.key, status, detail });
        if (g.scimGroup) {
            check("GRP-2", "pass", `pushed by SCIM, ${g.members} member${s(g.members ?? 0)}`);
        } else if (ws.scim.enabled) {
            check(
                "GRP-2",
                "fail",
                g.localGroups.length ? "not pushed by SCIM (only a local group of that name)" : "not in the workspace",
            );
            findings.push({
                id: "GRP-2",
                severity: "error",
                path,
                message: `Group ${g.name} has not been pushed to ${where} by SCIM.`,
                why:
                    "Groups come from the IdP through SCIM (GRP-2); until it arrives, its members get no " +
                    "group-based access, limits or analytics.",
                fix:
                    `In ${idp}, assign ${g.name} to this workspace's SCIM app and start (or wait for) provisioning, ` +
                    `then run verify again.`,
            });
        } else {
            check(
                "GRP-2",
                "skipped",
                g.localGroups.length
                    ? "SCIM is off; a local group of that name exists"
                    : "SCIM is off; not in the workspace",
            );
            findings.push({
                id: "GRP-2",
                severity: "info",
                path,
                message:
                    `Group ${g.name} is not pushed to ${where}: SCIM is off for this workspace ` +
                    `(${ws.path}.scim.enabled).`,
                why: "Groups are created in the IdP and pushed through SCIM (GRP-2); with SCIM off, none arrives.",
                fix: `Set ${ws.path}.scim.enabled: true and run pulumi up, or keep the group out of this phase.`,
            });
        }
        if (!g.scimGroup) {
            (ws.customRoles ?? []).forEach((role, r) =>
                role.groups.forEach((mapped, m) => {
                    if (mapped !== g.name) return;
                    findings.push({
                        id: "ROLE-2",
                        severity: "error",
                        path: `${ws.path}.customRoles[${r}].groups[${m}]`,
                        message:
                            `Custom role "${role.name}" is mapped to ${g.name}, which SCIM has not pushed to ` +
                            `${where} yet.`,
                        why:
                            "Groups are mapped to custom roles only after they appear in the workspace (ROLE-2); " +
                            "the console offers only groups that exist.",
                        fix:
                            `Get ${g.name} pushed first (GRP-2), then map it to "${role.name}" in the console and ` +
                            `run verify again.`,
                    });
                }),
            );
        }
        if (g.localGroups.length > 0) {
            check("GRP-3", "fail", `a local group named ${g.name} exists`);
            findings.push({
                id: "GRP-3",
                severity: "warning",
                path,
                message:
                    `${where[0].toUpperCase()}${where.slice(1)} has a local group named ` +
                    `${g.name}${g.scimGroup ? " besides the one SCIM pushed" : ""}.`,
                why:
                    "Local groups are for pilots and tests; one with a SCIM group's name duplicates the structure " +
                    "once SCIM pushes it (GRP-3).",
                fix: `Move anyone who needs it into the IdP group, then delete the local ${g.name} in the console.`,
            });
        }
        const spec = ws.groups[g.index];
        if (spec.usage === "ANALYTICS" && g.members !== undefined) {
            if (g.members >= MIN_ANALYTICS_MEMBERS) {
                check("GRP-4", "pass", `${g.members} members, at least ${MIN_ANALYTICS_MEMBERS}`);
            } else {
                check("GRP-4", "fail", `${g.members} member${s(g.members)}, fewer than ${MIN_ANALYTICS_MEMBERS}`);
                findings.push({
                    id: "GRP-4",
                    severity: "warning",
                    path,
                    message:
                        `Analytics group ${g.name} has ${g.members} member${s(g.members)} in ${where}, fewer than ` +
                        `${MIN_ANALYTICS_MEMBERS}.`,
                    why:
                        `Analytics show aggregate trends only for groups of at least ${MIN_ANALYTICS_MEMBERS} ` +
                        `people; smaller groups show nothing or risk identifying individuals (GRP-4).`,
                    fix:
                        `Add members to ${g.name} in ${idp}, merge it into a larger group, or drop the ANALYTICS ` +
                        `usage prefix.`,
                });
            }
        }
    }
    return { checks, findings };
}
