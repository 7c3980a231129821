import { TenantConfig, WorkspaceSpec } from "../config/model";
import { DOM6_EMAIL_CHANGE_STEPS, Finding } from "../rules";
import { declaredGroupNames } from "../rules/groups";
import { listing } from "../rules/types";
import { RunbookFacts } from "./types";
import {
    GLOBAL_IDENTITY_PAGE,
    IDENTITY_PAGE,
    Section,
    code,
    domainNames,
    fieldOf,
    idpOf,
    scimTokenSecret,
    steps,
    tenantPage,
    withArticle,
} from "./text";
import { groupProvisioning, workspaceApiWork } from "./workspaceSections";

/** The sections about the tenant: its domains, its one SSO connection (SSO-10), the one `pulumi up`. */

const single = (config: TenantConfig) => config.workspaces.length === 1;
/** "" for a one-workspace stack; else the workspace a sentence is about. */
const lead = (config: TenantConfig, ws: WorkspaceSpec) => (single(config) ? "" : `in ${ws.name}: `);

export function domainSection(config: TenantConfig, facts: RunbookFacts): Section {
    const page = tenantPage(config);
    const manualDns = config.dns.adapter === "manual";
    // Domains have no API: the value always comes from the console (docs/chatgpt-admin-api.md).
    const pendingValue = (domain: string) => {
        const i = config.domains.findIndex((d) => d.name === domain);
        return `pending: add the domain under ${page} → Domains and copy the value it shows into ${code(`domains[${i}].verificationToken`)}`;
    };
    const table = [
        "| Domain | Record name | Type | Value |",
        "|---|---|---|---|",
        ...facts.txtRecords.map(
            (r) => `| ${r.domain} | ${r.name} | TXT | ${r.value ? code(r.value) : pendingValue(r.domain)} |`,
        ),
    ];
    const names = domainNames(config);
    const sub = names.map((d) => ({ d, parent: names.find((p) => d.endsWith(`.${p}`)) })).find((x) => x.parent);
    const intro = sub
        ? `Each domain is verified on its own: ${sub.d} is not covered by ${sub.parent} (DOM-2). SSO can be turned on only for verified domains, so finish this part first (DOM-1).`
        : "Each domain is verified on its own; a subdomain is not covered by its parent (DOM-2). SSO can be turned on only for verified domains, so finish this part first (DOM-1).";
    const shared = single(config) ? "" : " The domains belong to the tenant: verify each once, for every workspace.";
    const send = manualDns
        ? "Send these TXT records to the team that manages DNS for the district:"
        : `${code("pulumi up")} publishes these TXT records through the ${code(config.dns.adapter)} DNS adapter; check that they exist:`;
    const pending = facts.txtRecords.some((r) => !r.value)
        ? ["", "   A record marked pending has no value yet; send it as soon as the value is known."]
        : [];
    const verify = `In ChatGPT, open ${page} → Domains and press Verify next to each domain once its record is visible (no API can do this). If verification fails, wait and retry; the record must stay in DNS afterwards.`;
    return {
        title: "Verify the email domains (DOM-1, DOM-2, DOM-4)",
        lines: [
            `${intro}${shared}`,
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

function apiPlatformStep(config: TenantConfig): string {
    const value = config.apiPlatform.ssoEnabled;
    const unsupported =
        "ChatGPT SSO with API Platform SSO disabled is unsupported: newly provisioned users cannot sign in (SSO-4).";
    if (value === true) return `API Platform SSO is recorded as enabled: keep it on. ${unsupported}`;
    if (value === false)
        return `Enable SSO for the API Platform organizations of this tenant (they share one SSO connection with ChatGPT), then set ${code("apiPlatform.ssoEnabled: true")}. ${unsupported}`;
    return `Confirm that SSO is enabled for the API Platform organizations of this tenant (they share one SSO connection with ChatGPT) and record it with ${code("apiPlatform.ssoEnabled: true")}. ${unsupported}`;
}

/** The Directory Sync wizard of one workspace: its SCIM base URL and its own token (SCIM-7). */
function scimWizardSteps(config: TenantConfig, ws: WorkspaceSpec): string[] {
    const idp = idpOf(config);
    const secret = code(`pulumi config set --secret ${scimTokenSecret(ws)}`);
    const baseUrl = `${code(fieldOf(config, ws, "scim.baseUrl"))} (${code(ws.scim.baseUrl ?? "-")})`;
    const where = single(config)
        ? `In ChatGPT, open ${IDENTITY_PAGE}`
        : `In the ${ws.name} workspace, open ${IDENTITY_PAGE}`;
    const token = single(config) ? "the token" : `the ${ws.name} token`;
    const reuse = single(config) ? "" : "; never use it for another workspace (SCIM-7)";
    return [
        `${where} → Directory Sync (SCIM) and start the set-up. The wizard shows the SCIM base URL, which must equal ${baseUrl}, and a bearer token that it shows only once.`,
        config.idp === "entra"
            ? `Store ${token} as a secret of this stack, never in a file, ticket or chat: run ${secret} and paste the token when prompted${reuse}. ${code("pulumi up")} stops without it.`
            : // Okta takes the token in its admin console; the stack never sends it (no API accepts it).
              `Keep ${token} for the ${idp} console step in "Finish SCIM Directory Sync": ${idp} takes it in its admin console, and ${code("pulumi up")} does not need it. Until then keep it in a password manager or as a secret of this stack (${secret}), never in a file, ticket or chat${reuse}.`,
    ];
}

/** Values a person copies out of the ChatGPT wizards before the first `pulumi up`. */
export function wizardSection(config: TenantConfig, facts: RunbookFacts): Section {
    const idp = idpOf(config);
    const page = tenantPage(config);
    const items: string[] = [];
    const notes: string[] = [];
    if (config.sso.stage === "off") {
        notes.push(
            `SSO stage is off: nothing to copy for SSO. To start SSO once the domains are verified, copy the Entity ID and ACS URL from ${page} → SSO into ${code("sso.entityId")} and ${code("sso.acsUrl")} and set ${code("sso.stage")} to ${code("testing")} with two or three ${code("sso.testUsers")}.`,
        );
    } else {
        const entityId = facts.sso?.entityId ?? config.sso.entityId ?? "-";
        const acsUrl = facts.sso?.acsUrl ?? config.sso.acsUrl ?? "-";
        const connection = single(config)
            ? ""
            : " This is the tenant's one SSO connection: every workspace and API Platform organization signs in through it (SSO-10).";
        items.push(
            `In ChatGPT, open ${page} → SSO and start the SAML set-up.${connection} Check that the values it shows are exactly these (they are in the config, and ${code("pulumi up")} sets them on the ${idp} app); leave the wizard open: it needs the metadata URL that ${code("pulumi up")} produces (see "Finish SSO in ChatGPT"):\n\n` +
                [
                    "| Wizard value | In the config | Value |",
                    "|---|---|---|",
                    `| Entity ID (Identifier) | ${code("sso.entityId")} | ${code(entityId)} |`,
                    `| ACS (Reply) URL | ${code("sso.acsUrl")} | ${code(acsUrl)} |`,
                ]
                    .map((l) => `   ${l}`)
                    .join("\n") +
                "\n",
            apiPlatformStep(config),
        );
    }
    for (const ws of config.workspaces) {
        if (ws.scim.enabled) {
            items.push(...scimWizardSteps(config, ws));
            continue;
        }
        const source = ws.settings.automaticAccountCreation
            ? "automatic account creation adds anyone who signs in with an address on a verified domain, and never removes them"
            : `invite each user under Members in the workspace, or enable SCIM (${code(fieldOf(config, ws, "scim.enabled"))}, ${code(fieldOf(config, ws, "scim.baseUrl"))}) to provision the access groups`;
        notes.push(`${single(config) ? "" : `${ws.name}: `}SCIM is off: nobody is provisioned from ${idp}; ${source}.`);
    }
    return {
        title: "Collect the values from the ChatGPT wizards (before `pulumi up`)",
        lines: [...steps(items), ...(items.length && notes.length ? [""] : []), ...notes],
    };
}

/** What the first (or next) `pulumi up` does, so the person knows what not to do by hand. */
export function applySection(config: TenantConfig, facts: RunbookFacts): Section {
    const idp = idpOf(config);
    const done: string[] = [];
    if (config.sso.stage !== "off") {
        const app = facts.sso?.appName ? `the SSO app "${facts.sso.appName}"` : "the SSO app";
        const one = single(config) ? "" : ", the one SSO app of the tenant (SSO-10),";
        const assignment =
            config.sso.stage === "testing"
                ? `while testing only the test users${config.sso.testGroup ? ` and the group ${config.sso.testGroup}` : ""} are assigned to it`
                : config.idp === "entra"
                  ? "any user of the tenant may use it, and access still depends on workspace membership (SSO-9)"
                  : "the access groups are assigned to it";
        done.push(
            `creates ${app} in ${idp}${one} with the Entity ID and ACS URL above; it always sends email, given_name and family_name (SSO-7) and never encrypts assertions (SSO-6); ${assignment}.`,
        );
    }
    for (const ws of config.workspaces) {
        const at = lead(config, ws);
        if (ws.scim.enabled) {
            const own = single(config) ? "" : " (this workspace's own, SCIM-7)";
            done.push(
                `${at}creates the SCIM provisioning app in ${idp}${own}, separate from the SSO app (SCIM-1)${
                    config.idp === "entra"
                        ? ", gives it the base URL and token and starts provisioning"
                        : `; provisioning itself is switched on by hand in the ${idp} console (see "Finish SCIM Directory Sync")`
                }.`,
            );
        }
        if (ws.groups.length > 0) {
            const groups = declaredGroupNames(ws);
            done.push(
                `${at}creates or adopts the access ${groups.length === 1 ? "group" : "groups"} ${listing(groups)} in ${idp}${ws.scim.enabled ? ` and assigns ${groups.length === 1 ? "it" : "them"} to the SCIM app: ${groupProvisioning(config, ws)}` : ""}.`,
            );
        }
        if (ws.manageWorkspace) {
            done.push(
                ...workspaceApiWork(config, ws).map(
                    (a) => `${at}through the ChatGPT admin API, ${a.what}${a.after ? `, ${a.after}` : ""}.`,
                ),
            );
        }
    }
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

export function ssoFinishSection(config: TenantConfig, facts: RunbookFacts): Section | undefined {
    if (config.sso.stage === "off") return undefined;
    const idp = idpOf(config);
    const metadata = facts.sso?.metadataUrl
        ? code(facts.sso.metadataUrl)
        : `shown by ${code("pulumi stack output ssoMetadataUrl")} after ${code("pulumi up")}`;
    const stage = single(config)
        ? `In the same wizard, ${stageStep(config)}`
        : `Each workspace turns the tenant's SSO on, or enforces it, itself: see "Turn SSO on in this workspace" in the part of each workspace (${listing(config.workspaces.map((w) => w.name))}).`;
    return {
        title: "Finish SSO in ChatGPT (SSO-1, SSO-2)",
        lines: steps([`Paste the ${idp} SAML metadata URL into the ChatGPT SSO wizard: ${metadata}.`, stage]),
    };
}

/** What to do with the SSO stage in a workspace's settings (SSO-1): the stage has no API. */
export function stageStep(config: TenantConfig): string {
    const stage = config.sso.stage;
    if (stage === "testing") return "turn SSO on and leave enforcement off while testing (SSO-2).";
    if (stage === "enabled") return "keep SSO on and enforcement off until the test users are recorded (SSO-2).";
    return 'turn on SSO enforcement, after telling users (see "What users will notice").';
}

/** SSO-11: API Platform SSO works per verified domain, across every organization of the tenant. */
export function apiPlatformSsoSection(config: TenantConfig): Section | undefined {
    if (config.sso.stage === "off") return undefined;
    const scope = single(config) ? "not only this workspace" : "not only these workspaces";
    return {
        title: "API Platform sign-in on these domains (SSO-4, SSO-11)",
        lines: [
            `SSO and the verified domains are shared by the whole tenant: ChatGPT workspaces and API Platform organizations (SSO-10). Turning SSO on for ${listing(domainNames(config))} affects every API Platform user with an address on those domains, in every organization of the tenant, ${scope}: they sign in through ${idpOf(config)} from then on (SSO-11).`,
            "",
            ...steps([
                `Before the stage changes, tell the API Platform organizations' owners which domains move to SSO, and check under ${GLOBAL_IDENTITY_PAGE} → SSO that API Platform SSO is enabled for these domains.`,
                "Keep API Platform SSO enabled while ChatGPT SSO is on: the other way round is unsupported and newly provisioned users cannot sign in (SSO-4).",
            ]),
        ],
    };
}

/** DOM-5, DOM-6: a changed email address makes one person two users; the steps are the rules' own. */
export function emailChangeSection(): Section {
    return {
        title: "When a user's email address changes (DOM-5, DOM-6)",
        lines: [
            "A new address (marriage, rename, a domain migration) makes one person appear as two users: the old SAML profile stays mapped to the old address until OpenAI support disassociates it (DOM-6).",
            "",
            ...steps([...DOM6_EMAIL_CHANGE_STEPS]),
        ],
    };
}

export function testUserSection(config: TenantConfig): Section | undefined {
    const sso = config.sso;
    if (sso.stage === "off") return undefined;
    const idp = idpOf(config);
    const names = config.workspaces.map((w) => w.name);
    const who = [...sso.testUsers.map(code), ...(sso.testGroup ? [`the members of ${sso.testGroup}`] : [])];
    const tested =
        sso.testedUsers.length > 0
            ? `Recorded as tested so far: ${listing(sso.testedUsers.map(code))}.`
            : "No test user is recorded as tested yet.";
    const next =
        sso.stage === "testing"
            ? `move ${code("sso.stage")} to ${code("enabled")}`
            : sso.stage === "enabled"
              ? `move ${code("sso.stage")} to ${code("enforced")}`
              : "keep them for future changes";
    const scimOn = config.workspaces.filter((w) => w.scim.enabled).length;
    const provisioning =
        scimOn === config.workspaces.length
            ? single(config)
                ? "with SCIM, they must be in a group assigned to the SCIM app"
                : "with SCIM, they must be in a group assigned to that workspace's SCIM app"
            : scimOn === 0
              ? "invite them under Members, since SCIM is off"
              : "where SCIM is on, they must be in a group assigned to that workspace's SCIM app; elsewhere invite them under Members";
    const workspace = single(config) ? "the workspace" : `their workspace, ${listing(names, "or")}`;
    const lands = single(config)
        ? `the ${config.workspaces[0].name} workspace`
        : `their workspace (${listing(names, "or")})`;
    return {
        title: "Test with the test users before enforcing (SSO-2, SSO-9)",
        lines: [
            `Test users: ${who.length ? listing(who) : "none listed"}. ${tested}`,
            "",
            "For each test user, check:",
            "",
            `- [ ] Provisioned (SSO-9): the user appears under Members in ${workspace} (${provisioning}). A successful ${idp} sign-in alone does not give access.`,
            `- [ ] Signs in: in a private browser window the user opens chatgpt.com and enters their address on a verified domain; they are sent to ${idp}, sign in there, and land in ${lands}, not in a personal account.`,
            "- [ ] Name: the profile shows the user's first and last name, not the email address (SSO-7).",
            "- [ ] Personal account: if the user had a personal ChatGPT account on that address, the migration prompt appeared (WS-3).",
            "",
            `Success looks like: every test user lands in ${single(config) ? "the workspace" : "their workspace"} with their name shown. Then list them under ${code("sso.testedUsers")} (required before ${code("enforced")}, SSO-2) and ${next}.`,
            "",
            `If a test user fails: an access or "not a member" error means they are not provisioned; a password prompt means the domain is not verified or SSO is not on in the workspace; ${withArticle(idp)} error that the user is not assigned means they are missing from ${code("sso.testUsers")}.`,
        ],
    };
}

const STAGE_EFFECTS: Record<"testing" | "enabled" | "enforced", (idp: string) => string> = {
    testing: (idp) =>
        `Password sign-in is off. Test users sign in through ${idp}; other provisioned users can still use Google, Microsoft or Apple sign-in, but not ${idp} until the stage is enabled.`,
    enabled: (idp) =>
        `Password sign-in is off; every provisioned user signs in through ${idp}. Google, Microsoft and Apple sign-in still work.`,
    enforced: (idp) =>
        `Google, Microsoft and Apple sign-in are off too (SSO-8): "I can no longer sign in with Google or Apple" is this change. Only ${idp} sign-in works.`,
};

export function userImpactSection(config: TenantConfig): Section {
    const idp = idpOf(config);
    const domains = listing(domainNames(config));
    const stage = config.sso.stage;
    const rows = (["testing", "enabled", "enforced"] as const).map(
        (s) => `| ${s}${s === stage ? " (current)" : ""} | ${STAGE_EFFECTS[s](idp)} |`,
    );
    const where = single(config)
        ? "in the workspace"
        : `in a workspace of the tenant (${listing(config.workspaces.map((w) => w.name))})`;
    return {
        title: "What users will notice (SSO-3, SSO-8, WS-2, WS-3)",
        lines: [
            `For users who are provisioned ${where} and have an address on ${domains}:`,
            "",
            "| SSO stage | What they notice |",
            "|---|---|",
            ...(stage === "off"
                ? ["| off (current) | Nothing changes: password, Google, Microsoft and Apple sign-in all work. |"]
                : []),
            ...rows,
            "",
            `- Not affected (SSO-3): people who are not provisioned keep using their personal ChatGPT accounts, and provisioned people on other domains keep password and social sign-in.`,
            `- Invitations (WS-3): someone with a personal Free or Plus account on these addresses is prompted to migrate it into ${single(config) ? "the workspace" : "their workspace"} when invited or provisioned; a Plus subscription is cancelled on migration. Say so in the announcement.`,
            "- Claimed domains (WS-2): if the domains are claimed, personal accounts on them have training on their data turned off; claiming needs commitments agreed with OpenAI.",
        ],
    };
}

export function findingsSection(findings: readonly Finding[]): Section {
    const actionable = [
        ...findings.filter((f) => f.severity === "error"),
        ...findings.filter((f) => f.severity === "warning"),
    ];
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
