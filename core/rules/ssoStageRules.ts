import { buildGroupName } from "../naming/groupName";
import { SSO_STAGES, WorkspaceConfig } from "../config/schema";
import { Finding, IDP_DISPLAY_NAMES, Rule, configPath, finding, listing, plural } from "./types";

const domainList = (config: WorkspaceConfig) => listing(config.domains.map((d) => d.name));

function groupNames(config: WorkspaceConfig): string[] {
    return config.groups.map((g) => {
        try {
            return buildGroupName(g);
        } catch {
            return "";
        }
    });
}

/** SSO-1: one stage value (off, testing, enabled, enforced); testing keeps the IdP app to test users. */
export const sso1OneStage: Rule = {
    id: "SSO-1",
    summary: "The SSO stage is one of off, testing, enabled, enforced; while testing, SCIM does not provision people who cannot sign in yet.",
    check(config) {
        const stage: string = config.sso.stage;
        if (!(SSO_STAGES as readonly string[]).includes(stage)) {
            return [finding("SSO-1", "error", configPath("sso", "stage"), {
                message: `SSO stage "${stage}" is not a stage.`,
                why: "The stage decides who can still sign in with a password or Google/Apple; an unknown value could lock users out.",
                fix: `Set sso.stage to one of ${SSO_STAGES.join(", ")}.`,
            })];
        }
        if (stage !== "testing" || !config.scim.enabled) return [];
        const others = groupNames(config).filter((n) => n !== config.sso.testGroup);
        if (others.length === 0) return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        return [finding("SSO-1", "warning", configPath("sso", "stage"), {
            message: `SSO is at stage "testing" while SCIM provisions the members of ${listing(others)}, who are not assigned to the SSO app.`,
            why: `At stage testing SSO is on in the workspace, so password sign-in is off for provisioned users on ${domainList(config)}; but only the test users are assigned to the SSO app in ${idp}, so the other provisioned users can sign in only with Google, Microsoft or Apple, or not at all.`,
            fix: "While testing, keep only the test users in the groups assigned to the SCIM app (for example one TESTING_ group named in sso.testGroup), or finish testing and move sso.stage to enabled before SCIM provisions everyone else.",
        })];
    },
};

/** SSO-2: test first with a few users, record who signed in, then enforce. */
export const sso2TestBeforeEnforcing: Rule = {
    id: "SSO-2",
    summary: "Testing names its test users or group; enforcing needs recorded tested users (or an explicit acknowledgement).",
    check(config) {
        const sso = config.sso;
        const findings: Finding[] = [];
        if (sso.stage === "testing" && sso.testUsers.length === 0 && sso.testGroup === undefined) {
            findings.push(finding("SSO-2", "error", configPath("sso", "testUsers"), {
                message: "SSO is at stage \"testing\" but no test users or test group are listed.",
                why: "While testing, only the assigned test users can sign in through the SSO app, so with none nobody can confirm that SSO works before it affects everyone.",
                fix: "List two or three staff addresses under sso.testUsers (or name one access group in sso.testGroup).",
            }));
        }
        if (sso.stage === "enforced" && sso.testedUsers.length === 0) {
            findings.push(sso.acknowledgeUntestedEnforcement
                ? finding("SSO-2", "warning", configPath("sso", "acknowledgeUntestedEnforcement"), {
                    message: "SSO is enforced without any recorded tested users (acknowledgeUntestedEnforcement is true).",
                    why: "If SSO is misconfigured, enforcement blocks every provisioned user on the verified domains from signing in, with no password or Google/Apple fallback.",
                    fix: "Have a few test users sign in, list them under sso.testedUsers and remove acknowledgeUntestedEnforcement.",
                })
                : finding("SSO-2", "error", configPath("sso", "stage"), {
                    message: "SSO stage \"enforced\" needs the test users who have signed in successfully, and sso.testedUsers is empty.",
                    why: "Enforcing untested SSO can lock every provisioned user on the verified domains out: password and Google/Apple sign-in are both turned off.",
                    fix: "Use stage testing first, have each test user sign in, list those who succeeded under sso.testedUsers, then set the stage to enforced. To enforce anyway, set sso.acknowledgeUntestedEnforcement: true.",
                }));
        }
        if (sso.stage === "enabled" && sso.testedUsers.length === 0) {
            findings.push(finding("SSO-2", "info", configPath("sso", "testedUsers"), {
                message: "No tested users are recorded yet; enforcing SSO will require them.",
                why: "Recording who signed in successfully is the evidence that enforcement will not lock users out.",
                fix: "After each test user signs in through SSO, add their address to sso.testedUsers.",
            }));
        }
        const names = sso.testGroup === undefined ? [] : groupNames(config);
        const testGroup = config.groups.find((_, i) => names[i] === sso.testGroup);
        const membersUnknown = testGroup !== undefined && testGroup.members === undefined;
        // Addresses are compared case-insensitively: `Pat.Lee@` and `pat.lee@` are one person.
        const testers = new Set([...sso.testUsers, ...(testGroup?.members ?? [])].map((a) => a.toLowerCase()));
        sso.testedUsers.forEach((address, i) => {
            if (membersUnknown || testers.has(address.toLowerCase())) return;
            findings.push(finding("SSO-2", "warning", configPath("sso", "testedUsers", i), {
                message: `${address} is recorded as tested but is not one of the test users${sso.testGroup ? ` or a member of ${sso.testGroup}` : ""}.`,
                why: "Only assigned test users can sign in while testing, so this record may be a typo, and the person who really tested is not on the list.",
                fix: `Check the address; add it to sso.testUsers if this person tested, or remove it from sso.testedUsers.`,
            }));
        });
        return findings;
    },
};

/** SSO-3: SSO only affects users who are provisioned in the workspace and on a verified domain. */
export const sso3WhoSsoAffects: Rule = {
    id: "SSO-3",
    summary: "Explains whom SSO affects at the current stage.",
    check(config) {
        const stage = config.sso.stage;
        if (stage === "off") return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        const social = stage === "enforced" ? "Google, Microsoft and Apple sign-in are off too" : "Google, Microsoft and Apple sign-in still work";
        // While testing only the test users are assigned to the SSO app, so only they can use it.
        const through = stage === "testing"
            ? `can no longer sign in with a password, and only the test users can sign in through ${idp} (the others are not assigned to the SSO app yet)`
            : `sign in through ${idp} instead of a password`;
        return [finding("SSO-3", "info", configPath("sso", "stage"), {
            message: `At stage "${stage}", users who are provisioned in the workspace and have an address on ${domainList(config)} ${through}; ${social}.`,
            why: "SSO adds nobody to the workspace: people who are not provisioned keep their personal ChatGPT accounts, and provisioned people on other domains keep password and social sign-in.",
            fix: "Provision the people who should use the workspace (SCIM groups or invites); do not expect SSO to bring them in.",
        })];
    },
};

/** SSO-8: enforced SSO is why users can no longer sign in with Google or Apple. */
export const sso8SocialLoginAtEnforcement: Rule = {
    id: "SSO-8",
    summary: "Explains that enforcement turns off Google, Microsoft and Apple sign-in.",
    check(config) {
        const stage = config.sso.stage;
        if (stage === "off") return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        return [stage === "enforced"
            ? finding("SSO-8", "info", configPath("sso", "stage"), {
                message: `SSO is enforced: provisioned users on ${domainList(config)} can no longer sign in with Google, Microsoft or Apple.`,
                why: `Users who used "Continue with Google" or Apple will see that option fail and must sign in through ${idp}.`,
                fix: "Tell users before enforcement; point help-desk tickets about Google/Apple sign-in to this change.",
            })
            : finding("SSO-8", "info", configPath("sso", "stage"), {
                message: `Moving to stage "enforced" will also turn off Google, Microsoft and Apple sign-in for provisioned users on ${domainList(config)}.`,
                why: `Users who sign in with "Continue with Google" or Apple today will have to use ${idp}; this is the usual cause of "I can no longer sign in with Google" tickets.`,
                fix: "Announce the change to users and the help desk before you set sso.stage to enforced.",
            })];
    },
};

/** SSO-9: a successful IdP login is not enough; the user must be a member of the workspace. */
export const sso9ProvisioningStillNeeded: Rule = {
    id: "SSO-9",
    summary: "Explains where members come from, since an IdP login alone does not grant access; on Okta, from stage enabled someone must be assigned to the SSO app.",
    check(config) {
        if (config.sso.stage === "off") return [];
        const lockout = oktaSsoAppAssignedToNobody(config);
        const source = config.scim.enabled
            ? "Members come from SCIM: only people in groups assigned to the SCIM app are provisioned."
            : config.settings.automaticAccountCreation
                ? "Members come from automatic account creation when they first sign in."
                : "Nothing adds members automatically (SCIM and automatic account creation are off): invite each person under Members.";
        return [...lockout, finding("SSO-9", "info", configPath("sso", "stage"), {
            message: `Signing in through ${IDP_DISPLAY_NAMES[config.idp]} is not enough: a user also needs to be a member of the workspace. ${source}`,
            why: "A person who signs in successfully but is not provisioned gets an access error instead of the workspace.",
            fix: "Before testing or announcing SSO, check that each user appears under Members in the workspace.",
        })];
    },
};


/**
 * From stage enabled the Okta SSO app is assigned to the access groups only (Entra opens its app
 * to the tenant instead); with no groups nobody could sign in once the workspace requires SSO.
 */
function oktaSsoAppAssignedToNobody(config: WorkspaceConfig): Finding[] {
    if (config.idp !== "okta" || (config.sso.stage !== "enabled" && config.sso.stage !== "enforced") || config.groups.length > 0) return [];
    return [finding("SSO-9", "error", configPath("groups"), {
        message: `SSO is at stage "${config.sso.stage}" but no access group is declared, so nobody is assigned to the Okta SSO app.`,
        why: `From stage enabled, password sign-in is off for provisioned users on ${domainList(config)}; without an assignment in Okta none of them can sign in through SSO${config.sso.stage === "enforced" ? ", and with enforcement not with Google, Microsoft or Apple either" : ""}.`,
        fix: "Declare the access groups whose members use ChatGPT under groups (they are assigned to the SSO app), or keep sso.stage at testing until they exist.",
    })];
}
