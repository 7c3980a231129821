import { ConfigForm } from "./model";
import { ConfigProblem } from "./problems";
import { at } from "./draft";
import { SSO1_WHY, SSO10 } from "./ruleText";

/** Switches of other SSO tools that the one `sso.stage` replaces (SSO-1). */
const STAGE_SWITCHES = ["enabled", "enforced"];

const MOVED_ROLES = (root: string) =>
    `moved: API Platform organization roles and their group mappings go under ${root}apiPlatform.roles and ` +
    `${root}apiPlatform.roleMappings; ChatGPT custom roles (publish GPTs, publish skills, higher credit limits, ` +
    `feature access) go under customRoles, which the runbook lists as admin-console steps (no API exists)`;

const TENANT_KEYS = ["idp", "domains", "dns", "apiPlatform", "facts"];
const WORKSPACE_KEYS = [
    "workspaceId",
    "phase",
    "scim",
    "groups",
    "settings",
    "usageLimit",
    "invites",
    "customRoles",
    "manageWorkspace",
];

function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Keys the schema would only call "unknown" but that have a story: settings that moved (`roles`,
 * `roleAssignments`, `sso.apiPlatformSsoEnabled` in the tenant form), SSO switches instead of the one
 * stage (SSO-1), a second SSO section (SSO-10),
 * settings at the wrong level of the tenant form. Reports them and removes them before the schema runs.
 */
export function prescan(raw: unknown, form: ConfigForm): { raw: unknown; problems: ConfigProblem[] } {
    if (!isMapping(raw)) return { raw, problems: [] };
    const problems: ConfigProblem[] = [];
    const copy: Record<string, unknown> = { ...raw };
    const root = form;
    for (const key of ["roles", "roleAssignments"]) {
        if (key in copy) {
            problems.push({
                path: at(root, key),
                message: `"${key}" ${MOVED_ROLES(form === "tenant" ? "tenant." : "")}`,
            });
            delete copy[key];
        }
    }
    if (isMapping(copy.sso) && STAGE_SWITCHES.some((key) => key in (copy.sso as object))) {
        const sso: Record<string, unknown> = { ...copy.sso };
        for (const key of STAGE_SWITCHES.filter((k) => k in sso)) {
            problems.push({
                path: at(root, "sso", key),
                message: `is not a setting: SSO has one stage, sso.stage, not switches that can contradict each other`,
                rule: "SSO-1",
                why: SSO1_WHY,
                fix:
                    `Remove sso.${key} and set sso.stage: off, testing, enabled or enforced (enforced once the test ` +
                    `users signed in).`,
            });
            delete sso[key];
        }
        copy.sso = sso;
    }
    if (form === "workspace") {
        const sso = copy.sso;
        const apiPlatform = copy.apiPlatform;
        if (isMapping(sso) && "apiPlatformSsoEnabled" in sso && isMapping(apiPlatform) && "ssoEnabled" in apiPlatform) {
            problems.push({
                path: `${at(root, "sso", "apiPlatformSsoEnabled")} and ${at(root, "apiPlatform", "ssoEnabled")}`,
                message:
                    "say it once: sso.apiPlatformSsoEnabled is the old spelling of apiPlatform.ssoEnabled; keep " +
                    "apiPlatform.ssoEnabled",
            });
        }
        return { raw: copy, problems };
    }
    if (isMapping(copy.sso) && "apiPlatformSsoEnabled" in copy.sso) {
        problems.push({
            path: at(root, "sso", "apiPlatformSsoEnabled"),
            message: "moved: write it as tenant.apiPlatform.ssoEnabled",
        });
        const { apiPlatformSsoEnabled: _moved, ...rest } = copy.sso;
        copy.sso = rest;
    }
    for (const key of WORKSPACE_KEYS) {
        if (key in copy) {
            problems.push({
                path: at(root, key),
                message: `is a workspace setting: move it into each entry of tenant.workspaces`,
            });
            delete copy[key];
        }
    }
    if (Array.isArray(copy.workspaces)) {
        copy.workspaces = copy.workspaces.map((entry, i) => {
            if (!isMapping(entry)) return entry;
            const ws: Record<string, unknown> = { ...entry };
            const path = (key: string) => at(root, "workspaces", i, key);
            if ("sso" in ws) {
                problems.push({
                    path: path("sso"),
                    message: "a workspace cannot have an SSO connection of its own",
                    ...SSO10,
                });
                delete ws.sso;
            }
            for (const key of ["roles", "roleAssignments"]) {
                if (key in ws) {
                    problems.push({ path: path(key), message: `"${key}" ${MOVED_ROLES("tenant.")}` });
                    delete ws[key];
                }
            }
            for (const key of TENANT_KEYS) {
                if (key in ws) {
                    problems.push({
                        path: path(key),
                        message: `is a tenant setting, shared by every workspace: move it to tenant.${key}`,
                    });
                    delete ws[key];
                }
            }
            return ws;
        });
    }
    return { raw: copy, problems };
}
