import { UnmanagedUser } from "../facts";
import { Finding, IDP_DISPLAY_NAMES, Rule, domainNames, finding, listing, plural } from "./types";

/** SCIM-2: SSO is not required for SCIM. */
export const scim2ScimWithoutSso: Rule = {
    id: "SCIM-2",
    summary: "Explains SCIM without SSO (allowed).",
    standingInfo: true,
    workspace({ config, workspace, wsPath }) {
        if (!workspace.scim.enabled || config.sso.stage !== "off") return [];
        return [
            finding("SCIM-2", "info", wsPath("scim", "enabled"), {
                message: "SCIM provisions users while SSO is off; this is supported.",
                why:
                    "Provisioned users receive an invitation and sign in with a password or Google, " +
                    "Microsoft or Apple until SSO is turned on.",
                fix: "No action needed; set sso.stage to testing when you are ready to test SSO.",
            }),
        ];
    },
};

/** SCIM-3: SCIM and automatic account creation do not run together (override allowed, with a warning). */
export const scim3NoAacWithScim: Rule = {
    id: "SCIM-3",
    summary: "Automatic account creation is off while SCIM is on, unless explicitly allowed.",
    workspace({ workspace, wsPath }) {
        if (!workspace.scim.enabled || !workspace.settings.automaticAccountCreation) return [];
        const why =
            "Automatic account creation adds anyone who signs in with a verified-domain address and never " +
            "removes them, so people SCIM deprovisions (leavers, students who moved) can come back, " +
            "and the two compete over who manages each account.";
        if (workspace.settings.allowAutomaticAccountCreationWithScim) {
            return [
                finding("SCIM-3", "warning", wsPath("settings", "automaticAccountCreation"), {
                    message:
                        "Automatic account creation runs together with SCIM (allowed by " +
                        "settings.allowAutomaticAccountCreationWithScim).",
                    why,
                    fix:
                        "Turn automatic account creation off once SCIM covers everyone who needs access, " +
                        "and remove the override.",
                }),
            ];
        }
        return [
            finding("SCIM-3", "error", wsPath("settings", "automaticAccountCreation"), {
                message: "Automatic account creation is on while SCIM is enabled.",
                why,
                fix:
                    "Set settings.automaticAccountCreation: false and let SCIM provision users. If you " +
                    "must run both for a transition, set settings.allowAutomaticAccountCreationWithScim: " +
                    "true.",
            }),
        ];
    },
};

/**
 * The unmanaged members of one workspace: those the facts attribute to it, or all of them when the tenant has
 * one workspace.
 */
function unmanagedIn(users: readonly UnmanagedUser[], key: string, onlyWorkspace: boolean): UnmanagedUser[] {
    return users.filter((u) => u.workspace === key || (onlyWorkspace && u.workspace === undefined));
}

/** The SCIM-4 finding naming `users`, at `path`. */
function unmanagedFinding(users: readonly UnmanagedUser[], path: string, idp: string): Finding {
    const ways: [UnmanagedUser["source"], string][] = [
        ["aac", "through automatic account creation"],
        ["invite", "through a manual invite"],
        ["unknown", "in another way"],
    ];
    const counted = ways
        .map(([source, how]) => ({ n: users.filter((u) => u.source === source).length, how }))
        .filter((w) => w.n > 0);
    const joined =
        counted.length === 1
            ? `joined ${counted[0].how}`
            : listing(counted.map((w, i) => `${w.n}${i === 0 ? " joined" : ""} ${w.how}`));
    const shown = users.slice(0, 5).map((u) => u.email);
    const more = users.length > shown.length ? ` and ${users.length - shown.length} more` : "";
    return finding("SCIM-4", "info", path, {
        message:
            `${plural(users.length, "member")} ${users.length === 1 ? "is" : "are"} not SCIM-managed ` +
            `(${shown.join(", ")}${more}): ${joined}.`,
        why:
            "SCIM skips them until their email matches and they are in a synced group; until then " +
            "SCIM does not update or deprovision them.",
        fix:
            `Add these people to a group assigned to the SCIM app in ${idp}, or remove those who should ` +
            `not have access.`,
    });
}

/**
 * SCIM-4: SCIM skips users who already exist through AAC or a manual invite until matched. Each
 * workspace names the members the facts attribute to it (all of them in a one-workspace tenant); in a
 * tenant with several workspaces, members the facts do not attribute (the stack file's `facts:` has no
 * workspace field) are named once, for the tenant.
 */
export const scim4ExistingUsersSkipped: Rule = {
    id: "SCIM-4",
    summary: "Names the members SCIM does not manage yet (fact unmanagedUsers).",
    tenant({ config, path, fact }) {
        if (config.workspaces.length === 1 || !config.workspaces.some((w) => w.scim.enabled)) return [];
        const all = fact("unmanagedUsers");
        const unattributed = (all ?? []).filter((u) => u.workspace === undefined);
        if (unattributed.length === 0) return [];
        return [unmanagedFinding(unattributed, path("facts", "unmanagedUsers"), IDP_DISPLAY_NAMES[config.idp])];
    },
    workspace({ config, workspace, wsPath, fact, peekFact }) {
        if (!workspace.scim.enabled) return [];
        const only = config.workspaces.length === 1;
        // With several workspaces the tenant check asks for the fact (and lists it as missing) once.
        const all = only ? fact("unmanagedUsers") : peekFact("unmanagedUsers");
        const users = unmanagedIn(all ?? [], workspace.key, only);
        if (users.length === 0) return [];
        return [unmanagedFinding(users, wsPath("scim", "enabled"), IDP_DISPLAY_NAMES[config.idp])];
    },
};

/** SCIM-5: unexpected members mean automatic account creation is on. */
export const scim5AacExplainsUnexpectedMembers: Rule = {
    id: "SCIM-5",
    summary: "Names automatic account creation as the source of members nobody invited.",
    standingInfo: true,
    workspace({ config, workspace, wsPath }) {
        if (!workspace.settings.automaticAccountCreation) return [];
        return [
            finding("SCIM-5", "info", wsPath("settings", "automaticAccountCreation"), {
                message:
                    `Automatic account creation is on: anyone who signs in with an address on ` +
                    `${listing(domainNames(config))} becomes a member.`,
                why:
                    'Members that nobody invited ("where did these users come from?") come from automatic ' +
                    "account creation, and it never removes them.",
                fix:
                    "If only invited or SCIM-provisioned people should be members, set " +
                    "settings.automaticAccountCreation: false.",
            }),
        ];
    },
};

/** SCIM-7: each workspace has its own SCIM app and token. */
export const scim7ScimPerWorkspace: Rule = {
    id: "SCIM-7",
    summary: "Each workspace has its own SCIM connection.",
    enforcedByConfig:
        "Two workspaces sharing a SCIM base URL or a SCIM token secret (scim.tokenKey) are refused; the " +
        "components build one SCIM app per workspace.",
};
