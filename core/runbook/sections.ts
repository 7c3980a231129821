import { CONFIG_NAMESPACE, SCIM_TOKEN_KEY } from "../config/load";
import { WorkspaceConfig } from "../config/schema";
import { Finding } from "../rules";
import { declaredGroupNames } from "../rules/rolloutPhase";
import { IDP_DISPLAY_NAMES, listing } from "../rules/types";
import { phaseSummary } from "./phaseSummary";
import { RunbookFacts } from "./types";

/** One titled part of the runbook; `lines` is Markdown. */
export interface Section {
    title: string;
    lines: string[];
}

const SCIM_TOKEN = `${CONFIG_NAMESPACE}:${SCIM_TOKEN_KEY}`;
const IDENTITY_PAGE = "Workspace settings → Identity & Access";
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
    const pendingValue = (domain: string) => {
        if (config.manageWorkspace) return "pending: the workspace issues it during `pulumi up`; then run `pulumi stack output dnsHandoff`";
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
    const verify = config.manageWorkspace
        ? `${code("pulumi up")} asks the workspace to verify each domain and retries until the record is visible, within a bounded wait; if it gives up, run ${code("pulumi up")} again later.`
        : `In ChatGPT, open ${IDENTITY_PAGE} → Domains and verify each domain once its record is visible. If verification fails, wait and retry.`;
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
    const stage = config.sso.stage;
    if (config.manageWorkspace) {
        return `${code("pulumi up")} has set SSO in the workspace to ${stage === "enforced" ? "enforced" : "on, enforcement off"}; check that ${IDENTITY_PAGE} → SSO shows it.`;
    }
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
    if (config.manageWorkspace) {
        done.push("adds and verifies the domains in the workspace and sets the workspace's SSO, SCIM and account-creation settings.");
        if (config.roles.length > 0 || config.roleAssignments.length > 0) {
            done.push("creates the custom roles and maps the access groups to them once SCIM has pushed the groups (ROLE-1, ROLE-2).");
        }
    }
    return {
        title: "Run `pulumi up`",
        lines: [`Run ${code("pulumi up")} once the domains show as verified (DOM-1). It:`, "", ...done.map((d) => `- ${d}`)],
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

/** Custom roles and group mappings a person creates in the console when the stack does not manage the workspace. */
export function rolesSection(config: WorkspaceConfig): Section | undefined {
    if (config.manageWorkspace || (config.roles.length === 0 && config.roleAssignments.length === 0)) return undefined;
    const roleLines = config.roles.map((r) => `   - ${r.name}: ${listing(r.permissions.map(code))}`);
    const mappingLines = config.roleAssignments.map((a) => `   - ${a.group} → ${listing(a.roles)}`);
    return {
        title: "Create the custom roles and map the groups (ROLE-1, ROLE-2)",
        lines: [
            `${code("manageWorkspace")} is false, so ${code("pulumi up")} does not create these; do it in the ChatGPT admin console (role-based access controls).`,
            "",
            ...(roleLines.length > 0 ? ["1. Create each custom role with only these extra permissions; the workspace's default settings stay the baseline for everyone (ROLE-1):", "", ...roleLines] : []),
            ...(mappingLines.length > 0
                ? [...(roleLines.length > 0 ? [""] : []), `${roleLines.length > 0 ? 2 : 1}. Once SCIM has pushed the groups and they appear in the workspace, map each group to its roles (ROLE-2):`, "", ...mappingLines]
                : []),
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
