import { CONFIG_NAMESPACE, SCIM_TOKEN_KEY } from "../config/load";
import { Finding } from "../rules";
import { declaredGroupNames } from "../rules/rolloutPhase";
import { IDP_DISPLAY_NAMES, listing, plural } from "../rules/types";
import { phaseSummary } from "./phaseSummary";
import { RunbookConfig as WorkspaceConfig, RunbookFacts } from "./types";
import { buildGroupName } from "../naming/groupName";

/** One titled part of the runbook; `lines` is Markdown. */
export interface Section {
    title: string;
    lines: string[];
}

const SCIM_TOKEN = `${CONFIG_NAMESPACE}:${SCIM_TOKEN_KEY}`;
const IDENTITY_PAGE = "Workspace settings → Identity & Access";
/** Where the tenant's shared SSO connection and verified domains live (one per tenant, SSO-10). */
const GLOBAL_IDENTITY_PAGE = "Global Admin Console → Identity & Access";
const code = (text: string) => `\`${text}\``;
const idpOf = (config: WorkspaceConfig) => IDP_DISPLAY_NAMES[config.idp];
const domainNames = (config: WorkspaceConfig) => config.domains.map((d) => d.name);
/** "a Microsoft Entra ID error", "an Okta error". */
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;

/** Numbered Markdown steps (a nested block under a step is indented by the caller). */
function steps(items: string[]): string[] {
    return items.map((item, i) => `${i + 1}. ${item}`);
}

export function domainSection(config: WorkspaceConfig, facts: RunbookFacts): Section {
    const manualDns = config.dns.adapter === "manual";
    // Domains have no API: the value always comes from the console (docs/chatgpt-admin-api.md).
    const pendingValue = (domain: string) => {
        const i = config.domains.findIndex((d) => d.name === domain);
        return `pending: add the domain under ${IDENTITY_PAGE} → Domains and copy the value it shows into ${code(`domains[${i}].verificationToken`)}`;
    };
    const table = [
        "| Domain | Record name | Type | Value |",
        "|---|---|---|---|",
        ...facts.txtRecords.map((r) => `| ${r.domain} | ${r.name} | TXT | ${r.value ? code(r.value) : pendingValue(r.domain)} |`),
    ];
    const names = domainNames(config);
    const sub = names.map((d) => ({ d, parent: names.find((p) => d.endsWith(`.${p}`)) })).find((x) => x.parent);
    const intro = sub
        ? `Each domain is verified on its own: ${sub.d} is not covered by ${sub.parent} (DOM-2). SSO can be turned on only for verified domains, so finish this part first (DOM-1).`
        : "Each domain is verified on its own; a subdomain is not covered by its parent (DOM-2). SSO can be turned on only for verified domains, so finish this part first (DOM-1).";
    const send = manualDns
        ? "Send these TXT records to the team that manages DNS for the district:"
        : `${code("pulumi up")} publishes these TXT records through the ${code(config.dns.adapter)} DNS adapter; check that they exist:`;
    const pending = facts.txtRecords.some((r) => !r.value) ? ["", "   A record marked pending has no value yet; send it as soon as the value is known."] : [];
    const verify = `In ChatGPT, open ${IDENTITY_PAGE} → Domains and press Verify next to each domain once its record is visible (no API can do this). If verification fails, wait and retry; the record must stay in DNS afterwards.`;
    return {
        title: "Verify the email domains (DOM-1, DOM-2, DOM-4)",
        lines: [
            intro,
            "",
            `1. ${send}`,
            "",
            ...table.map((l) => `   ${l}`),
            ...pending,
            "",
            `2. DNS changes can take up to 24 hours to be visible everywhere (DOM-4). Check a record with ${code("nslookup -type=TXT <record name>")}.`,
            `3. ${verify}`,
            "4. If verification reports that a domain is already verified by another OpenAI organization, retrying will not help (DOM-3): ask that organization's owner to remove it there.",
        ],
    };
}

function stageInWorkspace(config: WorkspaceConfig): string {
    // The SSO stage has no API: it is always set in the console, per workspace (SSO-1).
    const stage = config.sso.stage;
    if (stage === "testing") return "In the same wizard, turn SSO on and leave enforcement off while testing (SSO-2).";
    if (stage === "enabled") return "In the same wizard, keep SSO on and enforcement off until the test users are recorded (SSO-2).";
    return "In the same wizard, turn on SSO enforcement, after telling users (see \"What users will notice\").";
}

function apiPlatformStep(config: WorkspaceConfig): string {
    const value = config.sso.apiPlatformSsoEnabled;
    const unsupported = "ChatGPT SSO with API Platform SSO disabled is unsupported: newly provisioned users cannot sign in (SSO-4).";
    if (value === true) return `API Platform SSO is recorded as enabled: keep it on. ${unsupported}`;
    if (value === false) return `Enable SSO for the API Platform organizations of this tenant (they share one SSO connection with ChatGPT), then set ${code("sso.apiPlatformSsoEnabled: true")}. ${unsupported}`;
    return `Confirm that SSO is enabled for the API Platform organizations of this tenant (they share one SSO connection with ChatGPT) and record it with ${code("sso.apiPlatformSsoEnabled: true")}. ${unsupported}`;
}

/** Values a person copies out of the ChatGPT wizards before the first `pulumi up`. */
export function wizardSection(config: WorkspaceConfig, facts: RunbookFacts): Section {
    const idp = idpOf(config);
    const items: string[] = [];
    const notes: string[] = [];
    if (config.sso.stage === "off") {
        notes.push(`SSO stage is off: nothing to copy for SSO. To start SSO once the domains are verified, copy the Entity ID and ACS URL from ${IDENTITY_PAGE} → SSO into ${code("sso.entityId")} and ${code("sso.acsUrl")} and set ${code("sso.stage")} to ${code("testing")} with two or three ${code("sso.testUsers")}.`);
    } else {
        const entityId = facts.sso?.entityId ?? config.sso.entityId ?? "-";
        const acsUrl = facts.sso?.acsUrl ?? config.sso.acsUrl ?? "-";
        items.push(
            `In ChatGPT, open ${IDENTITY_PAGE} → SSO and start the SAML set-up. Check that the values it shows are exactly these (they are in the config, and ${code("pulumi up")} sets them on the ${idp} app); leave the wizard open: it needs the metadata URL that ${code("pulumi up")} produces (see \"Finish SSO in ChatGPT\"):\n\n` +
            [
                "| Wizard value | In the config | Value |",
                "|---|---|---|",
                `| Entity ID (Identifier) | ${code("sso.entityId")} | ${code(entityId)} |`,
                `| ACS (Reply) URL | ${code("sso.acsUrl")} | ${code(acsUrl)} |`,
            ].map((l) => `   ${l}`).join("\n") + "\n",
            apiPlatformStep(config),
        );
    }
    if (config.scim.enabled) {
        items.push(
            `In ChatGPT, open ${IDENTITY_PAGE} → Directory Sync (SCIM) and start the set-up. The wizard shows the SCIM base URL, which must equal ${code("scim.baseUrl")} (${code(config.scim.baseUrl ?? "-")}), and a bearer token that it shows only once.`,
            config.idp === "entra"
                ? `Store the token as a secret of this stack, never in a file, ticket or chat: run ${code(`pulumi config set --secret ${SCIM_TOKEN}`)} and paste the token when prompted. ${code("pulumi up")} stops without it.`
                // Okta takes the token in its admin console; the stack never sends it (no API accepts it).
                : `Keep the token for the ${idp} console step in "Finish SCIM Directory Sync": ${idp} takes it in its admin console, and ${code("pulumi up")} does not need it. Until then keep it in a password manager or as a secret of this stack (${code(`pulumi config set --secret ${SCIM_TOKEN}`)}), never in a file, ticket or chat.`,
        );
    } else {
        const source = config.settings.automaticAccountCreation
            ? "automatic account creation adds anyone who signs in with an address on a verified domain, and never removes them"
            : `invite each user under Members in the workspace, or enable SCIM (${code("scim.enabled")}, ${code("scim.baseUrl")}) to provision the access groups`;
        notes.push(`SCIM is off: nobody is provisioned from ${idp}; ${source}.`);
    }
    return {
        title: "Collect the values from the ChatGPT wizards (before `pulumi up`)",
        lines: [...steps(items), ...(items.length && notes.length ? [""] : []), ...notes],
    };
}

/** What the first (or next) `pulumi up` does, so the person knows what not to do by hand. */
export function applySection(config: WorkspaceConfig, facts: RunbookFacts): Section {
    const idp = idpOf(config);
    const done: string[] = [];
    if (config.sso.stage !== "off") {
        const app = facts.sso?.appName ? `the SSO app "${facts.sso.appName}"` : "the SSO app";
        const assignment = config.sso.stage === "testing"
            ? `while testing only the test users${config.sso.testGroup ? ` and the group ${config.sso.testGroup}` : ""} are assigned to it`
            : config.idp === "entra"
                ? "any user of the tenant may use it, and access still depends on workspace membership (SSO-9)"
                : "the access groups are assigned to it";
        done.push(`creates ${app} in ${idp} with the Entity ID and ACS URL above; it always sends email, given_name and family_name (SSO-7) and never encrypts assertions (SSO-6); ${assignment}.`);
    }
    if (config.scim.enabled) {
        done.push(`creates the SCIM provisioning app in ${idp}, separate from the SSO app (SCIM-1)${config.idp === "entra"
            ? ", gives it the base URL and token and starts provisioning"
            : `; provisioning itself is switched on by hand in the ${idp} console (see "Finish SCIM Directory Sync")`}.`);
    }
    if (config.groups.length > 0) {
        done.push(`creates or adopts the access groups ${listing(declaredGroupNames(config))} in ${idp}${config.scim.enabled ? ` and assigns them to the SCIM app: ${groupProvisioning(config)}` : ""}.`);
    }
    const api = workspaceApiWork(config);
    if (config.manageWorkspace) done.push(...api.map((a) => `through the ChatGPT admin API, ${a.what}${a.after ? `, ${a.after}` : ""}.`));
    return {
        title: "Run `pulumi up`",
        lines: [
            `Run ${code("pulumi up")} once the domains show as verified (DOM-1). It:`,
            "",
            ...done.map((d) => `- ${d}`),
            "",
            `It does not verify domains, change the SSO stage, automatic account creation, external invites or ChatGPT custom roles: no API exposes them, so they are the console steps of this runbook.`,
        ],
    };
}

/** What assigning the access groups to the SCIM app does at this `pulumi up` (GRP-2). */
function groupProvisioning(config: WorkspaceConfig): string {
    if (config.idp !== "okta") return "their members are provisioned and invited (GRP-2)";
    if (config.scim.oktaProvisioningEnabled) return "their members are provisioned and invited, and the groups are pushed to the workspace (GRP-2)";
    return `their members are provisioned only once SCIM provisioning is switched on in the Okta console, and the groups are pushed only after you then set ${code("scim.oktaProvisioningEnabled: true")} and run ${code("pulumi up")} again (see "Finish SCIM Directory Sync", GRP-2)`;
}

export function ssoFinishSection(config: WorkspaceConfig, facts: RunbookFacts): Section | undefined {
    if (config.sso.stage === "off") return undefined;
    const idp = idpOf(config);
    const metadata = facts.sso?.metadataUrl ? code(facts.sso.metadataUrl) : `shown by ${code("pulumi stack output ssoMetadataUrl")} after ${code("pulumi up")}`;
    return {
        title: "Finish SSO in ChatGPT (SSO-1, SSO-2)",
        lines: steps([
            `Paste the ${idp} SAML metadata URL into the ChatGPT SSO wizard: ${metadata}.`,
            stageInWorkspace(config),
        ]),
    };
}

export function scimFinishSection(config: WorkspaceConfig, facts: RunbookFacts): Section | undefined {
    if (!config.scim.enabled) return undefined;
    const idp = idpOf(config);
    const manual = (facts.scimManualSteps ?? []).map((s) => s.replace(/^\d+\.\s+/, ""));
    const lines: string[] = [];
    if (manual.length > 0) {
        lines.push(`1. Do these steps in ${idp}; they cannot be done as code:`, "", ...manual.map((s, i) => `   ${i + 1}. ${s}`), "");
    }
    const items = [
        // The IdP's own steps may already cover the mappings (SCIM-6); do not ask twice.
        ...(!manual.some((s) => s.includes("SCIM-6"))
            ? [`Check the attribute mappings of the SCIM app in ${idp}: the user's email as the identifier (userName), and given name and family name filled; otherwise names show as email addresses (SCIM-6).${config.idp === "entra" ? " The provider cannot manage Entra's mappings: check them in the Entra admin center → Enterprise applications → the SCIM app → Provisioning → Mappings." : ""}`]
            : []),
        config.settings.automaticAccountCreation
            ? "Automatic account creation is still on next to SCIM (allowed by override): turn it off once SCIM covers everyone (SCIM-3)."
            : "Keep automatic account creation off while SCIM is on (SCIM-3).",
        "Validate: add a test user to an assigned group and check they appear under Members; remove them and check they are removed from the workspace.",
    ];
    const offset = manual.length > 0 ? 1 : 0;
    lines.push(...items.map((item, i) => `${offset + i + 1}. ${item}`));
    return { title: "Finish SCIM Directory Sync (SCIM-3, SCIM-6)", lines };
}

/** Convention names of the groups with a credit limit, and the limit. */
function groupLimits(config: WorkspaceConfig): { group: string; credits: number }[] {
    return config.groups.filter((g) => g.usageLimit !== undefined).map((g) => ({ group: buildGroupName(g), credits: g.usageLimit!.credits }));
}

/** What the ChatGPT admin API can do for this workspace (docs/chatgpt-admin-api.md), as runbook phrases. */
function workspaceApiWork(config: WorkspaceConfig): { what: string; console: string; after?: string }[] {
    const work: { what: string; console: string; after?: string }[] = [];
    if (config.usageLimit) {
        work.push({
            what: `sets the workspace's default monthly credit limit to ${config.usageLimit.credits} credits, the baseline of every member (ROLE-1)`,
            console: `Set the workspace's default monthly credit limit to ${config.usageLimit.credits} credits, the baseline of every member (ROLE-1).`,
        });
    }
    const limits = groupLimits(config);
    if (limits.length > 0) {
        work.push({
            what: `sets the monthly credit limit of ${plural(limits.length, "group")} (${listing(limits.map((l) => `${l.group}: ${l.credits}`))})`,
            after: "once SCIM has pushed the groups; it waits a bounded time for them and then names the missing ones (ROLE-2)",
            console: `Once SCIM has pushed the groups (ROLE-2), set each group's monthly credit limit: ${listing(limits.map((l) => `${l.group}: ${l.credits} credits`))}.`,
        });
    }
    if (config.invites?.testUsers && config.sso.testUsers.length > 0) {
        work.push({
            what: `invites the test users who are not yet members (${listing(config.sso.testUsers.map(code))}); a member or an already invited user is never invited again (SSO-9)`,
            console: `Invite the test users who are not yet members under Members → Invite: ${listing(config.sso.testUsers.map(code))} (SSO-9).`,
        });
    }
    return work;
}

/** Credit limits and invites a person sets in the console when the stack does not manage the workspace. */
export function workspaceConsoleSection(config: WorkspaceConfig): Section | undefined {
    const work = workspaceApiWork(config);
    if (config.manageWorkspace || work.length === 0) return undefined;
    return {
        title: "Set the credit limits and invite the test users (ROLE-1, ROLE-2, SSO-9)",
        lines: [
            `${code("manageWorkspace")} is false, so ${code("pulumi up")} does not call the ChatGPT admin API; do these in the ChatGPT admin console (or set ${code("manageWorkspace: true")}, ${code("workspaceId")} and an Admin key, see README):`,
            "",
            ...steps(work.map((w) => w.console)),
        ],
    };
}

/** Automatic account creation and external invites: workspace settings with no API (SCIM-3, WS-1). */
export function accountCreationSection(config: WorkspaceConfig): Section {
    const aac = config.settings.automaticAccountCreation;
    const external = config.settings.externalInvites;
    return {
        title: "Set account creation and invites (SCIM-3, SCIM-5, WS-1)",
        lines: [
            `No API changes these workspace settings; set them in ChatGPT under ${IDENTITY_PAGE}:`,
            "",
            ...steps([
                `Automatic account creation: **${aac ? "on" : "off"}** (${code("settings.automaticAccountCreation")}). ${aac
                    ? "Anyone who signs in with an address on a verified domain is added to the workspace, and is never removed by it (SCIM-5: the answer to \"where did these users come from?\")."
                    : "Nobody joins just by signing in with an address on a verified domain."}${config.scim.enabled && !aac ? " Keep it off while SCIM is on (SCIM-3)." : ""}`,
                `External invites (invites to addresses outside the verified domains): **${external ? "allowed" : "blocked"}** (${code("settings.externalInvites")}, WS-1).${external ? "" : " Members can then invite only addresses on the verified domains."}`,
            ]),
        ],
    };
}

/**
 * ChatGPT workspace custom roles (publish GPTs, publish skills, …): no API, so always console steps,
 * after the groups appear in the workspace (ROLE-1, ROLE-2). Not API Platform organization roles.
 */
export function customRolesSection(config: WorkspaceConfig): Section | undefined {
    const roles = config.customRoles ?? [];
    if (roles.length === 0) return undefined;
    return {
        title: "Create the ChatGPT custom roles and map the groups (ROLE-1, ROLE-2)",
        lines: [
            `No API creates ChatGPT custom roles; do it in ChatGPT under Workspace settings → Roles (role-based access control). The workspace's default settings stay the baseline for everyone; a role grants only extra permissions (ROLE-1).`,
            "",
            ...steps([
                `Create each role with only these grants:\n\n${roles.map((r) => `   - ${r.name}: ${listing(r.grants.map(code))}`).join("\n")}\n`,
                `Once SCIM has pushed the groups and they appear in the workspace (Members → Groups), assign each role to its groups (ROLE-2):\n\n${roles.map((r) => `   - ${r.name} → ${r.groups.length > 0 ? listing(r.groups) : "no group yet"}`).join("\n")}`,
            ]),
        ],
    };
}

/** SSO-11: API Platform SSO works per verified domain, across every organization of the tenant. */
export function apiPlatformSsoSection(config: WorkspaceConfig): Section | undefined {
    if (config.sso.stage === "off") return undefined;
    return {
        title: "API Platform sign-in on these domains (SSO-4, SSO-11)",
        lines: [
            `SSO and the verified domains are shared by the whole tenant: ChatGPT workspaces and API Platform organizations (SSO-10). Turning SSO on for ${listing(domainNames(config))} affects every API Platform user with an address on those domains, in every organization of the tenant, not only this workspace: they sign in through ${idpOf(config)} from then on (SSO-11).`,
            "",
            ...steps([
                `Before the stage changes, tell the API Platform organizations' owners which domains move to SSO, and check under ${GLOBAL_IDENTITY_PAGE} → SSO that API Platform SSO is enabled for these domains.`,
                "Keep API Platform SSO enabled while ChatGPT SSO is on: the other way round is unsupported and newly provisioned users cannot sign in (SSO-4).",
            ]),
        ],
    };
}

/** DOM-5, DOM-6: a changed email address makes one person two users. */
export function emailChangeSection(config: WorkspaceConfig): Section {
    return {
        title: "When a user's email address changes (DOM-5, DOM-6)",
        lines: [
            "A new address (marriage, rename, a domain migration) makes one person appear as two users: the old SAML profile stays mapped to the old address until OpenAI support disassociates it (DOM-6).",
            "",
            ...steps([
                `Change the address in ${idpOf(config)}; ${config.scim.enabled ? "SCIM then updates the user in the workspace" : "invite the new address under Members"}.`,
                "Ask OpenAI support (through the admin console's help, naming the workspace) to disassociate the old SAML profile from the person, giving the old and new address.",
                "Until support confirms, the person may see an empty account on the new address: move their GPTs and projects only after the old profile is released.",
                `Never remove a verified domain, or rename it, to move users: every user on it would appear as two (DOM-5); add the new domain instead (${code("domains")}).`,
            ]),
        ],
    };
}

export function testUserSection(config: WorkspaceConfig): Section | undefined {
    const sso = config.sso;
    if (sso.stage === "off") return undefined;
    const idp = idpOf(config);
    const who = [...sso.testUsers.map(code), ...(sso.testGroup ? [`the members of ${sso.testGroup}`] : [])];
    const tested = sso.testedUsers.length > 0 ? `Recorded as tested so far: ${listing(sso.testedUsers.map(code))}.` : "No test user is recorded as tested yet.";
    const next = sso.stage === "testing" ? `move ${code("sso.stage")} to ${code("enabled")}` : sso.stage === "enabled" ? `move ${code("sso.stage")} to ${code("enforced")}` : "keep them for future changes";
    const provisioning = config.scim.enabled
        ? "with SCIM, they must be in a group assigned to the SCIM app"
        : "invite them under Members, since SCIM is off";
    return {
        title: "Test with the test users before enforcing (SSO-2, SSO-9)",
        lines: [
            `Test users: ${who.length ? listing(who) : "none listed"}. ${tested}`,
            "",
            "For each test user, check:",
            "",
            `- [ ] Provisioned (SSO-9): the user appears under Members in the workspace (${provisioning}). A successful ${idp} sign-in alone does not give access.`,
            `- [ ] Signs in: in a private browser window the user opens chatgpt.com and enters their address on a verified domain; they are sent to ${idp}, sign in there, and land in the ${config.name} workspace, not in a personal account.`,
            "- [ ] Name: the profile shows the user's first and last name, not the email address (SSO-7).",
            "- [ ] Personal account: if the user had a personal ChatGPT account on that address, the migration prompt appeared (WS-3).",
            "",
            `Success looks like: every test user lands in the workspace with their name shown. Then list them under ${code("sso.testedUsers")} (required before ${code("enforced")}, SSO-2) and ${next}.`,
            "",
            `If a test user fails: an access or \"not a member\" error means they are not provisioned; a password prompt means the domain is not verified or SSO is not on in the workspace; ${withArticle(idp)} error that the user is not assigned means they are missing from ${code("sso.testUsers")}.`,
        ],
    };
}

const STAGE_EFFECTS: Record<"testing" | "enabled" | "enforced", (idp: string) => string> = {
    testing: (idp) => `Password sign-in is off. Test users sign in through ${idp}; other provisioned users can still use Google, Microsoft or Apple sign-in, but not ${idp} until the stage is enabled.`,
    enabled: (idp) => `Password sign-in is off; every provisioned user signs in through ${idp}. Google, Microsoft and Apple sign-in still work.`,
    enforced: (idp) => `Google, Microsoft and Apple sign-in are off too (SSO-8): "I can no longer sign in with Google or Apple" is this change. Only ${idp} sign-in works.`,
};

export function userImpactSection(config: WorkspaceConfig): Section {
    const idp = idpOf(config);
    const domains = listing(domainNames(config));
    const stage = config.sso.stage;
    const rows = (["testing", "enabled", "enforced"] as const).map((s) => `| ${s}${s === stage ? " (current)" : ""} | ${STAGE_EFFECTS[s](idp)} |`);
    return {
        title: "What users will notice (SSO-3, SSO-8, WS-2, WS-3)",
        lines: [
            `For users who are provisioned in the workspace and have an address on ${domains}:`,
            "",
            "| SSO stage | What they notice |",
            "|---|---|",
            ...(stage === "off" ? ["| off (current) | Nothing changes: password, Google, Microsoft and Apple sign-in all work. |"] : []),
            ...rows,
            "",
            `- Not affected (SSO-3): people who are not provisioned keep using their personal ChatGPT accounts, and provisioned people on other domains keep password and social sign-in.`,
            "- Invitations (WS-3): someone with a personal Free or Plus account on these addresses is prompted to migrate it into the workspace when invited or provisioned; a Plus subscription is cancelled on migration. Say so in the announcement.",
            "- Claimed domains (WS-2): if the domains are claimed, personal accounts on them have training on their data turned off; claiming needs commitments agreed with OpenAI.",
        ],
    };
}

export function phaseSection(config: WorkspaceConfig): Section {
    return { title: "Rollout phase (GRP-5)", lines: [phaseSummary(config)] };
}

export function findingsSection(findings: readonly Finding[]): Section {
    const actionable = [...findings.filter((f) => f.severity === "error"), ...findings.filter((f) => f.severity === "warning")];
    if (actionable.length === 0) {
        return { title: "Findings that need action", lines: ["None: the preflight rules found nothing to fix."] };
    }
    return {
        title: "Findings that need action",
        lines: actionable.flatMap((f) => [
            `- **${f.severity === "error" ? "Error" : "Warning"} ${f.id}** at ${code(f.path)}: ${f.message}`,
            `  - Why: ${f.why}`,
            `  - Fix: ${f.fix}`,
        ]),
    };
}
