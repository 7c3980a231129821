import { declaredGroupNames, tenantGroups } from "./groups";
import { TenantConfig, WorkspaceSpec } from "./tenantConfig";
import { Finding, IDP_DISPLAY_NAMES, Rule, domainNames, finding, listing } from "./types";

const domainList = (config: TenantConfig) => listing(domainNames(config));

/** SSO-1: one stage value (off, testing, enabled, enforced); testing keeps the IdP app to test users. */
export const sso1OneStage: Rule = {
    id: "SSO-1",
    summary: "While testing, SCIM does not provision people who cannot sign in yet.",
    enforcedByConfig:
        "sso.stage is one value: off, testing, enabled or enforced; anything else, and sso.enabled/sso.enforced " +
        "switches, are refused.",
    workspace({ config, workspace, wsPath }) {
        if (config.sso.stage !== "testing" || !workspace.scim.enabled) return [];
        const others = declaredGroupNames(workspace).filter((n) => n !== config.sso.testGroup);
        if (others.length === 0) return [];
        return [
            finding("SSO-1", "warning", wsPath("groups"), {
                message:
                    `SSO is at stage "testing" while SCIM provisions the members of ` +
                    `${listing(others)}, who are not assigned to the SSO app.`,
                why:
                    `At stage testing SSO is on in the workspace, so password sign-in is off for ` +
                    `provisioned users on ${domainList(config)}; but only the test users are assigned to ` +
                    `the SSO app in ${IDP_DISPLAY_NAMES[config.idp]}, so the other provisioned users can ` +
                    `sign in only with Google, Microsoft or Apple, or not at all.`,
                fix:
                    "While testing, keep only the test users in the groups assigned to the SCIM app (for " +
                    "example one TESTING_ group named in sso.testGroup), or finish testing and move " +
                    "sso.stage to enabled before SCIM provisions everyone else.",
            }),
        ];
    },
};

/** SSO-2: test first with a few users, record who signed in, then enforce. */
export const sso2TestBeforeEnforcing: Rule = {
    id: "SSO-2",
    summary:
        "Testing names its test users or group; enforcing needs recorded tested users (or an explicit " +
        "acknowledgement).",
    enforcedByConfig: "An sso.testGroup that is not one of the declared groups is refused.",
    tenant({ config, path }) {
        const sso = config.sso;
        const findings: Finding[] = [];
        if (sso.stage === "testing" && sso.testUsers.length === 0 && sso.testGroup === undefined) {
            findings.push(
                finding("SSO-2", "error", path("sso", "testUsers"), {
                    message: 'SSO is at stage "testing" but no test users or test group are listed.',
                    why:
                        "While testing, only the assigned test users can sign in through the SSO app, so " +
                        "with none nobody can confirm that SSO works before it affects everyone.",
                    fix:
                        "List two or three staff addresses under sso.testUsers (or name one access group " +
                        "in sso.testGroup).",
                }),
            );
        }
        if (sso.stage === "enforced" && sso.testedUsers.length === 0) {
            findings.push(
                sso.acknowledgeUntestedEnforcement
                    ? finding("SSO-2", "warning", path("sso", "acknowledgeUntestedEnforcement"), {
                          message:
                              "SSO is enforced without any recorded tested users " +
                              "(acknowledgeUntestedEnforcement is true).",
                          why:
                              "If SSO is misconfigured, enforcement blocks every provisioned user on the " +
                              "verified domains from signing in, with no password or Google/Apple fallback.",
                          fix:
                              "Have a few test users sign in, list them under sso.testedUsers and remove " +
                              "acknowledgeUntestedEnforcement.",
                      })
                    : finding("SSO-2", "error", path("sso", "stage"), {
                          message:
                              'SSO stage "enforced" needs the test users who have signed in successfully, ' +
                              "and sso.testedUsers is empty.",
                          why:
                              "Enforcing untested SSO can lock every provisioned user on the verified " +
                              "domains out: password and Google/Apple sign-in are both turned off.",
                          fix:
                              "Use stage testing first, have each test user sign in, list those who " +
                              "succeeded under sso.testedUsers, then set the stage to enforced. To enforce " +
                              "anyway, set sso.acknowledgeUntestedEnforcement: true.",
                      }),
            );
        }
        if (sso.stage === "enabled" && sso.testedUsers.length === 0) {
            findings.push(
                finding("SSO-2", "info", path("sso", "testedUsers"), {
                    message: "No tested users are recorded yet; enforcing SSO will require them.",
                    why:
                        "Recording who signed in successfully is the evidence that enforcement will not " +
                        "lock users out.",
                    fix: "After each test user signs in through SSO, add their address to sso.testedUsers.",
                }),
            );
        }
        const testGroup =
            sso.testGroup === undefined ? undefined : tenantGroups(config).find((g) => g.name === sso.testGroup)?.group;
        const membersUnknown = testGroup !== undefined && testGroup.members === undefined;
        // Addresses are compared case-insensitively: `Pat.Lee@` and `pat.lee@` are one person.
        const testers = new Set([...sso.testUsers, ...(testGroup?.members ?? [])].map((a) => a.toLowerCase()));
        sso.testedUsers.forEach((address, i) => {
            if (membersUnknown || testers.has(address.toLowerCase())) return;
            findings.push(
                finding("SSO-2", "warning", path("sso", "testedUsers", i), {
                    message:
                        `${address} is recorded as tested but is not one of the test ` +
                        `users${sso.testGroup ? ` or a member of ${sso.testGroup}` : ""}.`,
                    why:
                        "Only assigned test users can sign in while testing, so this record may be a " +
                        "typo, and the person who really tested is not on the list.",
                    fix:
                        "Check the address; add it to sso.testUsers if this person tested, or remove it " +
                        "from sso.testedUsers.",
                }),
            );
        });
        return findings;
    },
};

/** SSO-3: SSO only affects users who are provisioned in the workspace and on a verified domain. */
export const sso3WhoSsoAffects: Rule = {
    id: "SSO-3",
    summary: "Explains, once, whom SSO affects at the current stage.",
    standingInfo: true,
    tenant({ config, path }) {
        const stage = config.sso.stage;
        if (stage === "off") return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        const social =
            stage === "enforced"
                ? "Google, Microsoft and Apple sign-in are off too"
                : "Google, Microsoft and Apple sign-in still work";
        // While testing only the test users are assigned to the SSO app, so only they can use it.
        const through =
            stage === "testing"
                ? `can no longer sign in with a password, and only the test users can sign in through ` +
                  `${idp} (the others are not assigned to the SSO app yet)`
                : `sign in through ${idp} instead of a password`;
        return [
            finding("SSO-3", "info", path("sso", "stage"), {
                message:
                    `At stage "${stage}", users who are provisioned in a workspace and have an ` +
                    `address on ${domainList(config)} ${through}; ${social}.`,
                why:
                    "SSO adds nobody to a workspace: people who are not provisioned keep their personal " +
                    "ChatGPT accounts, and provisioned people on other domains keep password and social " +
                    "sign-in.",
                fix:
                    "Provision the people who should use the workspace (SCIM groups or invites); do not " +
                    "expect SSO to bring them in.",
            }),
        ];
    },
};

/** SSO-8: enforced SSO is why users can no longer sign in with Google or Apple. */
export const sso8SocialLoginAtEnforcement: Rule = {
    id: "SSO-8",
    summary: "Explains, once, that enforcement turns off Google, Microsoft and Apple sign-in.",
    standingInfo: true,
    tenant({ config, path }) {
        const stage = config.sso.stage;
        if (stage === "off") return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        return [
            stage === "enforced"
                ? finding("SSO-8", "info", path("sso", "stage"), {
                      message:
                          `SSO is enforced: provisioned users on ${domainList(config)} can no longer ` +
                          `sign in with Google, Microsoft or Apple.`,
                      why:
                          `Users who used "Continue with Google" or Apple will see that option fail and ` +
                          `must sign in through ${idp}.`,
                      fix:
                          "Tell users before enforcement; point help-desk tickets about Google/Apple " +
                          "sign-in to this change.",
                  })
                : finding("SSO-8", "info", path("sso", "stage"), {
                      message:
                          `Moving to stage "enforced" will also turn off Google, Microsoft and Apple ` +
                          `sign-in for provisioned users on ${domainList(config)}.`,
                      why:
                          `Users who sign in with "Continue with Google" or Apple today will have to use ` +
                          `${idp}; this is the usual cause of "I can no longer sign in with Google" tickets.`,
                      fix: "Announce the change to users and the help desk before you set sso.stage to enforced.",
                  }),
        ];
    },
};

/** How members reach one workspace, in a few words. */
function memberSource(workspace: WorkspaceSpec): "SCIM" | "automatic account creation" | "invites" {
    if (workspace.scim.enabled) return "SCIM";
    return workspace.settings.automaticAccountCreation ? "automatic account creation" : "invites";
}

const SOURCE_TEXT: Record<ReturnType<typeof memberSource>, string> = {
    SCIM: "Members come from SCIM: only people in groups assigned to the SCIM app are provisioned.",
    "automatic account creation": "Members come from automatic account creation when they first sign in.",
    invites:
        "Nothing adds members automatically (SCIM and automatic account creation are off): invite each " +
        "person under Members.",
};

/**
 * Whether something makes the test users members of this workspace: SCIM, AAC, or invites sent by the stack.
 */
function provisionsTestUsers(workspace: WorkspaceSpec): boolean {
    return (
        workspace.scim.enabled ||
        workspace.settings.automaticAccountCreation ||
        (workspace.invites.testUsers && workspace.manageWorkspace)
    );
}

/** SSO-9: a successful IdP login is not enough; the user must be a member of the workspace. */
export const sso9ProvisioningStillNeeded: Rule = {
    id: "SSO-9",
    summary:
        "Explains, once, where members come from; on Okta someone must be assigned to the SSO app; " +
        "something makes the test users members.",
    standingInfo: true,
    enforcedByConfig:
        "invites.testUsers without manageWorkspace, or with no sso.testUsers, is refused (the stack could " +
        "send no invite).",
    tenant({ config, path, peekFact }) {
        if (config.sso.stage === "off") return [];
        const idp = IDP_DISPLAY_NAMES[config.idp];
        const findings: Finding[] = [...oktaSsoAppAssignedToNobody(config, path("workspaces"))];
        const first = config.workspaces[0];
        if (config.sso.stage === "testing" && !config.workspaces.some(provisionsTestUsers)) {
            // Test users invited by hand show up among the members the live reader sees.
            const members = new Set((peekFact("unmanagedUsers") ?? []).map((u) => u.email.toLowerCase()));
            const missing = config.sso.testUsers.filter((u) => !members.has(u.toLowerCase()));
            if (missing.length > 0) {
                findings.push(
                    finding("SSO-9", "warning", `${first.path}.invites.testUsers`, {
                        message:
                            `Nothing makes the test users (${listing(missing)}) members of a workspace: SCIM ` +
                            `and automatic account creation are off and the stack sends no invites.`,
                        why:
                            "A test user who signs in through the IdP but is not a member gets an access " +
                            "error, so the test proves nothing.",
                        fix:
                            "Set invites.testUsers: true with manageWorkspace: true so the stack invites them. If " +
                            "you invited them in the admin console, `chatgpt-identity plan --live` sees them as " +
                            "members (or list them under facts.unmanagedUsers) and this warning goes.",
                    }),
                );
            }
        }
        const sources = config.workspaces.map(memberSource);
        const source =
            new Set(sources).size === 1
                ? SOURCE_TEXT[sources[0]]
                : `Members come from ${listing(config.workspaces.map((w, i) => `${sources[i]} in ${w.name}`))}.`;
        findings.push(
            finding("SSO-9", "info", path("sso", "stage"), {
                message:
                    `Signing in through ${idp} is not enough: a user also needs to be a member of a ` +
                    `workspace. ${source}`,
                why:
                    "A person who signs in successfully but is not provisioned gets an access error " +
                    "instead of the workspace.",
                fix:
                    "Before testing or announcing SSO, check that each user appears under Members in the " +
                    "workspace.",
            }),
        );
        return findings;
    },
};

/**
 * From stage enabled the Okta SSO app is assigned to the access groups only (Entra opens its app
 * to the tenant instead); with no group in any workspace nobody could sign in once SSO is required.
 */
function oktaSsoAppAssignedToNobody(config: TenantConfig, path: string): Finding[] {
    if (config.idp !== "okta" || (config.sso.stage !== "enabled" && config.sso.stage !== "enforced")) return [];
    if (tenantGroups(config).length > 0) return [];
    const groupsPath = config.workspaces.length === 1 ? `${config.workspaces[0].path}.groups` : path;
    const social =
        config.sso.stage === "enforced" ? ", and with enforcement not with Google, Microsoft or Apple either" : "";
    return [
        finding("SSO-9", "error", groupsPath, {
            message:
                `SSO is at stage "${config.sso.stage}" but no access group is declared, so nobody is ` +
                `assigned to the Okta SSO app.`,
            why:
                `From stage enabled, password sign-in is off for provisioned users on ` +
                `${domainList(config)}; without an assignment in Okta none of them can sign in through ` +
                `SSO${social}.`,
            fix:
                "Declare the access groups whose members use ChatGPT under groups (they are assigned to " +
                "the SSO app), or keep sso.stage at testing until they exist.",
        }),
    ];
}
