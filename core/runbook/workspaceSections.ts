import { CONFIG_NAMESPACE } from "../config/load";
import { TenantConfig, WorkspaceSpec } from "../config/model";
import { listing, plural } from "../rules/types";
import { phaseSummary } from "./phaseSummary";
import { IDENTITY_PAGE, Section, code, fieldOf, idpOf, steps } from "./text";
import { RunbookFacts } from "./types";

/** The sections about one workspace: its SCIM directory, its settings, roles, limits and phase. */

const single = (config: TenantConfig) => config.workspaces.length === 1;
/** "In ChatGPT" for a one-workspace stack, "In the Riverside Staff workspace" otherwise. */
const inWorkspace = (config: TenantConfig, ws: WorkspaceSpec) =>
    single(config) ? "in ChatGPT" : `in the ${ws.name} workspace`;

/** What assigning the access groups to the SCIM app does at this `pulumi up` (GRP-2). */
export function groupProvisioning(config: TenantConfig, ws: WorkspaceSpec): string {
    if (config.idp !== "okta") return "their members are provisioned and invited (GRP-2)";
    if (ws.scim.oktaProvisioningEnabled)
        return "their members are provisioned and invited, and the groups are pushed to the workspace (GRP-2)";
    return `their members are provisioned only once SCIM provisioning is switched on in the Okta console, and the groups are pushed only after you then set ${code(fieldOf(config, ws, "scim.oktaProvisioningEnabled: true"))} and run ${code("pulumi up")} again (see "Finish SCIM Directory Sync", GRP-2)`;
}

/** The SSO stage in one workspace of a multi-workspace tenant (SSO-1): set in its own settings, no API. */
export function stageSection(config: TenantConfig, ws: WorkspaceSpec, stageStep: string): Section | undefined {
    if (config.sso.stage === "off") return undefined;
    return {
        title: "Turn SSO on in this workspace (SSO-1, SSO-2)",
        lines: [
            `Once the metadata URL is in the tenant's SSO wizard: in the ${ws.name} workspace, open ${IDENTITY_PAGE} → SSO: ${stageStep}`,
        ],
    };
}

export function scimFinishSection(config: TenantConfig, ws: WorkspaceSpec, facts: RunbookFacts): Section | undefined {
    if (!ws.scim.enabled) return undefined;
    const idp = idpOf(config);
    const manual = (facts.scimManualSteps?.[ws.key] ?? []).map((s) => s.replace(/^\d+\.\s+/, ""));
    const lines: string[] = [];
    if (manual.length > 0) {
        lines.push(
            `1. Do these steps in ${idp}; they cannot be done as code:`,
            "",
            ...manual.map((s, i) => `   ${i + 1}. ${s}`),
            "",
        );
    }
    const members = single(config) ? "Members" : `Members of ${ws.name}`;
    const items = [
        // The IdP's own steps may already cover the mappings (SCIM-6); do not ask twice.
        ...(!manual.some((s) => s.includes("SCIM-6"))
            ? [
                  `Check the attribute mappings of the SCIM app in ${idp}: the user's email as the identifier (userName), and given name and family name filled; otherwise names show as email addresses (SCIM-6).${config.idp === "entra" ? " The provider cannot manage Entra's mappings: check them in the Entra admin center → Enterprise applications → the SCIM app → Provisioning → Mappings." : ""}`,
              ]
            : []),
        ws.settings.automaticAccountCreation
            ? "Automatic account creation is still on next to SCIM (allowed by override): turn it off once SCIM covers everyone (SCIM-3)."
            : "Keep automatic account creation off while SCIM is on (SCIM-3).",
        `Validate: add a test user to an assigned group and check they appear under ${members}; remove them and check they are removed from the workspace.`,
    ];
    const offset = manual.length > 0 ? 1 : 0;
    lines.push(...items.map((item, i) => `${offset + i + 1}. ${item}`));
    return { title: "Finish SCIM Directory Sync (SCIM-3, SCIM-6)", lines };
}

/** Convention names of the groups with a credit limit, and the limit. */
function groupLimits(ws: WorkspaceSpec): { group: string; credits: number }[] {
    return ws.groups.flatMap((g) => (g.usageLimit ? [{ group: g.name, credits: g.usageLimit.credits }] : []));
}

/** The credit limits of a workspace (ROLE-1): through the API when managed, else console steps. */
function creditLimitWork(ws: WorkspaceSpec): { what: string; console: string; after?: string }[] {
    const work: { what: string; console: string; after?: string }[] = [];
    if (ws.usageLimit) {
        work.push({
            what: `sets the workspace's default monthly credit limit to ${ws.usageLimit.credits} credits, the baseline of every member (ROLE-1)`,
            console: `Set the workspace's default monthly credit limit to ${ws.usageLimit.credits} credits, the baseline of every member (ROLE-1).`,
        });
    }
    const limits = groupLimits(ws);
    if (limits.length > 0) {
        work.push({
            what: `sets the monthly credit limit of ${plural(limits.length, "group")} (${listing(limits.map((l) => `${l.group}: ${l.credits}`))})`,
            after: "once SCIM has pushed the groups; it waits a bounded time for them and then names the missing ones (ROLE-2)",
            console: `Once SCIM has pushed the groups (ROLE-2), set each group's monthly credit limit: ${listing(limits.map((l) => `${l.group}: ${l.credits} credits`))}.`,
        });
    }
    return work;
}

/**
 * What `pulumi up` does through the ChatGPT admin API for a managed workspace (docs/chatgpt-admin-api.md).
 * Pilot invites exist only there: the gate refuses `invites.testUsers` without `manageWorkspace` (SSO-9).
 */
export function workspaceApiWork(config: TenantConfig, ws: WorkspaceSpec): { what: string; after?: string }[] {
    const work: { what: string; after?: string }[] = creditLimitWork(ws);
    if (ws.invites.testUsers && config.sso.testUsers.length > 0) {
        work.push({
            what: `invites the test users who are not yet members (${listing(config.sso.testUsers.map(code))}); a member or an already invited user is never invited again (SSO-9)`,
        });
    }
    return work;
}

/** Credit limits a person sets in the console when the stack does not manage the workspace. */
export function workspaceConsoleSection(config: TenantConfig, ws: WorkspaceSpec): Section | undefined {
    const work = creditLimitWork(ws);
    if (ws.manageWorkspace || work.length === 0) return undefined;
    const field = (f: string) => code(fieldOf(config, ws, f));
    const adminKey = code(`${CONFIG_NAMESPACE}:${ws.adminKeyConfigKey}`);
    return {
        title: "Set the credit limits (ROLE-1, ROLE-2)",
        lines: [
            `${field("manageWorkspace")} is false, so ${code("pulumi up")} does not call the ChatGPT admin API; do these in the ChatGPT admin console${single(config) ? "" : ` of ${ws.name}`} (or set ${field("manageWorkspace: true")}, ${field("workspaceId")} and an Admin key as the secret ${adminKey}, see README):`,
            "",
            ...steps(work.map((w) => w.console)),
        ],
    };
}

/** Automatic account creation and external invites: workspace settings with no API (SCIM-3, WS-1). */
export function accountCreationSection(config: TenantConfig, ws: WorkspaceSpec): Section {
    const aac = ws.settings.automaticAccountCreation;
    const external = ws.settings.externalInvites;
    return {
        title: "Set account creation and invites (SCIM-3, SCIM-5, WS-1)",
        lines: [
            `No API changes these workspace settings; set them ${inWorkspace(config, ws)} under ${IDENTITY_PAGE}:`,
            "",
            ...steps([
                `Automatic account creation: **${aac ? "on" : "off"}** (${code(fieldOf(config, ws, "settings.automaticAccountCreation"))}). ${
                    aac
                        ? 'Anyone who signs in with an address on a verified domain is added to the workspace, and is never removed by it (SCIM-5: the answer to "where did these users come from?").'
                        : "Nobody joins just by signing in with an address on a verified domain."
                }${ws.scim.enabled && !aac ? " Keep it off while SCIM is on (SCIM-3)." : ""}`,
                `External invites (invites to addresses outside the verified domains): **${external ? "allowed" : "blocked"}** (${code(fieldOf(config, ws, "settings.externalInvites"))}, WS-1).${external ? "" : " Members can then invite only addresses on the verified domains."}`,
            ]),
        ],
    };
}

/**
 * ChatGPT workspace custom roles (publish GPTs, publish skills, …): no API, so always console steps,
 * after the groups appear in the workspace (ROLE-1, ROLE-2). Not API Platform organization roles.
 */
export function customRolesSection(config: TenantConfig, ws: WorkspaceSpec): Section | undefined {
    const roles = ws.customRoles;
    if (roles.length === 0) return undefined;
    return {
        title: "Create the ChatGPT custom roles and map the groups (ROLE-1, ROLE-2)",
        lines: [
            `No API creates ChatGPT custom roles; do it ${inWorkspace(config, ws)} under Workspace settings → Roles (role-based access control). The workspace's default settings stay the baseline for everyone; a role grants only extra permissions (ROLE-1).`,
            "",
            ...steps([
                `Create each role with only these grants:\n\n${roles.map((r) => `   - ${r.name}: ${listing(r.grants.map(code))}`).join("\n")}\n`,
                `Once SCIM has pushed the groups and they appear in the workspace (Members → Groups), assign each role to its groups (ROLE-2):\n\n${roles.map((r) => `   - ${r.name} → ${r.groups.length > 0 ? listing(r.groups) : "no group yet"}`).join("\n")}`,
            ]),
        ],
    };
}

export function phaseSection(config: TenantConfig, ws: WorkspaceSpec): Section {
    return { title: "Rollout phase (GRP-5)", lines: [phaseSummary(ws, config.idp)] };
}
