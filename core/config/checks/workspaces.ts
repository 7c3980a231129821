import { slug } from "../../naming/slug";
import { at, TenantDraft } from "../draft";
import { ADMIN_KEY, API_PLATFORM_ADMIN_KEY } from "../normalize";
import { quote } from "../paths";
import { ConfigProblem } from "../problems";
import { SCIM7_WHY, SSO9_WHY } from "../ruleText";
import { collisions } from "./collisions";

/**
 * A SCIM base URL as compared for SCIM-7: without case (two console URLs that differ only in case are one
 * copied twice), no trailing slash, no fragment.
 */
function scimUrlIdentity(url: string): string {
    try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, "")}${parsed.search}`.toLowerCase();
    } catch {
        return url.toLowerCase();
    }
}

/** What a config key that is not this workspace's SCIM token holds, or undefined when it may hold one. */
function otherConfigKey(key: string): string | undefined {
    if (key === ADMIN_KEY) return "the ChatGPT admin key";
    if (key.startsWith(`${ADMIN_KEY}-`)) return `the ChatGPT admin key of workspace ${key.slice(ADMIN_KEY.length + 1)}`;
    if (key === API_PLATFORM_ADMIN_KEY) return "the API Platform admin key";
    if (key === "workspace" || key === "tenant") return "the stack config itself";
    return undefined;
}

/**
 * Workspace identity collisions, SCIM per workspace (SCIM-7), workspace ids, test users, invites, and the
 * workspace keys named by facts.unmanagedUsers.
 */
export function workspaceProblems(config: TenantDraft): ConfigProblem[] {
    const root = config.path;
    const ws = config.workspaces;
    const problems: ConfigProblem[] = [];
    if (config.form === "tenant") {
        problems.push(
            ...collisions(
                ws.map((w) => ({ identity: w.key, path: at(w.path, "key"), shown: w.key })),
                (a) =>
                    `two workspaces have the key ${quote(a.shown)}; keys name resources and secrets, so each is unique`,
            ),
        );
        problems.push(
            ...collisions(
                ws.map((w) => ({ identity: slug(w.name), path: at(w.path, "name"), shown: w.name })),
                (a, b) =>
                    `workspace names ${quote(a.shown)} and ${quote(b.shown)} reduce to the same name ` +
                    `${quote(slug(b.shown))} ` +
                    "in IdP app names; give each workspace a distinct name",
            ),
        );
    }
    problems.push(
        ...collisions(
            ws
                .filter((w) => w.workspaceId !== undefined)
                .map((w) => ({
                    identity: w.workspaceId as string,
                    path: at(w.path, "workspaceId"),
                    shown: w.workspaceId as string,
                })),
            (a) =>
                `two workspaces have the workspace id ${quote(a.shown)}; each entry is a different ChatGPT workspace`,
        ),
    );
    const scimOn = ws.filter((w) => w.scim.enabled && w.scim.baseUrl !== undefined);
    problems.push(
        ...collisions(
            scimOn.map((w) => ({
                identity: scimUrlIdentity(w.scim.baseUrl as string),
                path: at(w.path, "scim", "baseUrl"),
                shown: w.scim.baseUrl as string,
            })),
            (a) => `two workspaces share the SCIM base URL ${quote(a.shown)}`,
            {
                rule: "SCIM-7",
                why: SCIM7_WHY,
                fix: "Copy each workspace's own SCIM base URL from its Directory Sync wizard.",
            },
        ),
    );
    problems.push(
        ...collisions(
            ws
                .filter((w) => w.scim.enabled)
                .map((w) => ({
                    identity: w.scim.tokenKey,
                    path: at(w.path, "scim", "tokenKey"),
                    shown: w.scim.tokenKey,
                })),
            (a) => `two workspaces read their SCIM token from the same secret ${quote(a.shown)}`,
            {
                rule: "SCIM-7",
                why: SCIM7_WHY,
                fix: "Remove scim.tokenKey to use the default scimToken-<key>, one secret per workspace.",
            },
        ),
    );
    for (const w of ws) {
        if (w.scim.enabled && w.scim.baseUrl === undefined) {
            problems.push({
                path: at(w.path, "scim", "baseUrl"),
                message:
                    "required when scim.enabled is true: copy the SCIM base URL from the ChatGPT Directory Sync wizard",
            });
        }
        const heldThere = otherConfigKey(w.scim.tokenKey);
        if (heldThere !== undefined && config.form === "tenant") {
            problems.push({
                path: at(w.path, "scim", "tokenKey"),
                message: `${quote(w.scim.tokenKey)} is the config key of ${heldThere}, not a SCIM token`,
                fix: "Remove scim.tokenKey to use the default scimToken-<key>, the workspace's own secret.",
            });
        }
        if (config.form === "workspace" && w.scim.tokenKey !== "scimToken") {
            problems.push({
                path: at(w.path, "scim", "tokenKey"),
                message:
                    "the workspace form always reads the SCIM token from chatgpt-identity:scimToken; remove tokenKey " +
                    "(it is for the tenant form)",
            });
        }
        if (config.idp === "entra" && w.scim.oktaProvisioningEnabled) {
            problems.push({
                path: at(w.path, "scim", "oktaProvisioningEnabled"),
                message:
                    "applies to idp: okta only; remove it (Entra provisioning is configured as code, groups are in " +
                    "scope as soon as they are assigned)",
            });
        }
        if (w.manageWorkspace && w.workspaceId === undefined) {
            problems.push({
                path: at(w.path, "workspaceId"),
                message:
                    "required when manageWorkspace is true: copy the workspace id (a UUID) from the ChatGPT admin " +
                    "console",
            });
        }
        if (w.invites.testUsers && config.sso.testUsers.length === 0) {
            problems.push({
                path: at(w.path, "invites", "testUsers"),
                message: `is true but ${at(root, "sso", "testUsers")} is empty: there is nobody to invite`,
                rule: "SSO-9",
                why: SSO9_WHY,
                fix: "List the test users in sso.testUsers, or remove invites.testUsers.",
            });
        }
        if (w.invites.testUsers && !w.manageWorkspace) {
            problems.push({
                path: at(w.path, "invites", "testUsers"),
                message: "invites are sent through the ChatGPT admin API, which this workspace does not use",
                rule: "SSO-9",
                why: SSO9_WHY,
                fix:
                    "Set manageWorkspace: true (with workspaceId and the admin key), or invite the test users in the " +
                    "admin console and remove invites.testUsers.",
            });
        }
    }
    const keys = ws.map((w) => w.key);
    (config.facts.unmanagedUsers ?? []).forEach((user, i) => {
        if (user.workspace === undefined || keys.includes(user.workspace)) return;
        problems.push({
            path: at(root, "facts", "unmanagedUsers", i, "workspace"),
            message: `${quote(user.workspace)} is not a workspace of this config (workspace keys: ${keys.join(", ")})`,
        });
    });
    for (const list of ["testUsers", "testedUsers"] as const) {
        problems.push(
            ...collisions(
                config.sso[list].map((u, i) => ({
                    identity: u.toLowerCase(),
                    path: at(root, "sso", list, i),
                    shown: u,
                })),
                (a, b) =>
                    `${quote(b.shown)} repeats ${quote(a.shown)}: addresses compare without case, so this is one user`,
            ),
        );
    }
    return problems;
}
