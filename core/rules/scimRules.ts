import { IDP_DISPLAY_NAMES, Rule, configPath, finding, listing, plural } from "./types";

/** SCIM-2: SSO is not required for SCIM. */
export const scim2ScimWithoutSso: Rule = {
    id: "SCIM-2",
    summary: "Explains SCIM without SSO (allowed).",
    check(config) {
        if (!config.scim.enabled || config.sso.stage !== "off") return [];
        return [finding("SCIM-2", "info", configPath("scim", "enabled"), {
            message: "SCIM provisions users while SSO is off; this is supported.",
            why: "Provisioned users receive an invitation and sign in with a password or Google, Microsoft or Apple until SSO is turned on.",
            fix: "No action needed; set sso.stage to testing when you are ready to test SSO.",
        })];
    },
};

/** SCIM-3: SCIM and automatic account creation do not run together (override allowed, with a warning). */
export const scim3NoAacWithScim: Rule = {
    id: "SCIM-3",
    summary: "Automatic account creation is off while SCIM is on, unless explicitly allowed.",
    check(config) {
        if (!config.scim.enabled || !config.settings.automaticAccountCreation) return [];
        const why = "Automatic account creation adds anyone who signs in with a verified-domain address and never removes them, so people SCIM deprovisions (leavers, students who moved) can come back, and the two compete over who manages each account.";
        if (config.settings.allowAutomaticAccountCreationWithScim) {
            return [finding("SCIM-3", "warning", configPath("settings", "automaticAccountCreation"), {
                message: "Automatic account creation runs together with SCIM (allowed by settings.allowAutomaticAccountCreationWithScim).",
                why,
                fix: "Turn automatic account creation off once SCIM covers everyone who needs access, and remove the override.",
            })];
        }
        return [finding("SCIM-3", "error", configPath("settings", "automaticAccountCreation"), {
            message: "Automatic account creation is on while SCIM is enabled.",
            why,
            fix: "Set settings.automaticAccountCreation: false and let SCIM provision users. If you must run both for a transition, set settings.allowAutomaticAccountCreationWithScim: true.",
        })];
    },
};

/** SCIM-4: SCIM skips users who already exist through AAC or a manual invite until matched. */
export const scim4ExistingUsersSkipped: Rule = {
    id: "SCIM-4",
    summary: "Explains which existing members SCIM does not manage yet (needs facts).",
    check(config, facts) {
        if (!config.scim.enabled) return [];
        const path = configPath("scim", "enabled");
        const users = facts.unmanagedUsers;
        if (users === undefined) {
            return [finding("SCIM-4", "info", path, {
                message: "Could not check for members who joined through automatic account creation or a manual invite (no workspace facts were given).",
                why: "SCIM skips people who already exist that way: they become SCIM-managed only when their email matches and they are in a synced group, and until then SCIM will not remove them.",
                fix: `Review Members in the workspace; put existing members you want managed into a group assigned to the SCIM app in ${IDP_DISPLAY_NAMES[config.idp]}.`,
            })];
        }
        if (users.length === 0) return [];
        const aac = users.filter((u) => u.source === "aac").length;
        const invited = users.length - aac;
        const sources = [aac ? `${aac} through automatic account creation` : "", invited ? `${invited} through a manual invite` : ""].filter(Boolean);
        return [finding("SCIM-4", "info", path, {
            message: `${plural(users.length, "member")} joined ${listing(sources)} and ${users.length === 1 ? "is" : "are"} not SCIM-managed.`,
            why: "SCIM skips them until their email matches and they are in a synced group; until then SCIM does not update or deprovision them.",
            fix: `Add these people to a group assigned to the SCIM app in ${IDP_DISPLAY_NAMES[config.idp]}, or remove those who should not have access.`,
        })];
    },
};

/** SCIM-5: unexpected members mean automatic account creation is on. */
export const scim5AacExplainsUnexpectedMembers: Rule = {
    id: "SCIM-5",
    summary: "Names automatic account creation as the source of members nobody invited.",
    check(config) {
        if (!config.settings.automaticAccountCreation) return [];
        return [finding("SCIM-5", "info", configPath("settings", "automaticAccountCreation"), {
            message: `Automatic account creation is on: anyone who signs in with an address on ${listing(config.domains.map((d) => d.name))} becomes a member.`,
            why: "Members that nobody invited (\"where did these users come from?\") come from automatic account creation, and it never removes them.",
            fix: "If only invited or SCIM-provisioned people should be members, set settings.automaticAccountCreation: false.",
        })];
    },
};
