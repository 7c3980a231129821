import { z } from "zod";
import { buildGroupName, groupPartProblem } from "../naming/groupName";

/**
 * The one structured stack-config object, `chatgpt-identity:workspace`, that describes a district's
 * whole ChatGPT identity setup. The schema checks shape and the rules that need nothing but the
 * config's own fields; rollout rules that weigh several sections (SSO-2, SCIM-3, GRP-5, ...) are in
 * the rule engine so that they can warn as well as block.
 */

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const hostname = z.string().regex(HOSTNAME, {
    error: "must be a lower-case DNS name such as district.k12.us (no scheme, no trailing dot)",
});
const email = z.email({ error: "must be an email address such as teacher@district.k12.us" });
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL copied from the ChatGPT admin console" });

const groupPart = (part: "usage" | "dimension" | "group") =>
    z.string().superRefine((value, ctx) => {
        const problem = groupPartProblem(part, value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

export const IDP_KINDS = ["entra", "okta"] as const;
export const SSO_STAGES = ["off", "testing", "enabled", "enforced"] as const;
export const ROLLOUT_PHASES = ["pilot", "level1", "full"] as const;

export const domainSchema = z.strictObject({
    /** The email domain itself; each subdomain is listed on its own (DOM-2). */
    name: hostname,
    /**
     * The TXT value the workspace generated for this domain (Identity & Access → Domains), e.g.
     * `openai-domain-verification=dv-...`. Optional: when the workspace side manages domains it
     * supplies the value; without either, the record is listed as pending.
     */
    verificationToken: z.string().min(8, { error: "must be the full TXT value shown by the workspace" }).optional(),
});

export const dnsSchema = z.strictObject({
    /** Which DNS adapter publishes the TXT records: `manual` (a hand-off for the DNS team) or `cloudflare`. */
    adapter: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "must be an adapter name such as manual or cloudflare" }).default("manual"),
    /** Adapter-specific settings, validated by the adapter itself (e.g. cloudflare: `{ zoneIds: { "district.org": "..." } }`). */
    settings: z.record(z.string(), z.unknown()).default({}),
});

export const claimsSchema = z.strictObject({
    /** Source attribute for the `email` claim/attribute. Entra default `user.mail`, Okta `user.email`. */
    email: z.string().min(1).optional(),
    /** Source attribute for `given_name`. Entra default `user.givenname`, Okta `user.firstName`. */
    given_name: z.string().min(1).optional(),
    /** Source attribute for `family_name`. Entra default `user.surname`, Okta `user.lastName`. */
    family_name: z.string().min(1).optional(),
});

export const ssoSchema = z.strictObject({
    /**
     * Rollout stage (SSO-1), one value: `off`; `testing` (SSO on in the workspace, the IdP app
     * assigned to `testUsers`/`testGroup` only); `enabled` (password login off for provisioned users
     * on verified domains); `enforced` (social login off too). Default `off`.
     */
    stage: z.enum(SSO_STAGES).default("off"),
    /** SP entity ID (Identifier) from the ChatGPT SSO wizard. Required unless stage is `off`. */
    entityId: z.string().min(1).optional(),
    /** ACS (Reply) URL from the ChatGPT SSO wizard. Required unless stage is `off`. */
    acsUrl: httpsUrl.optional(),
    /** Sign-in addresses of the pilot test users assigned to the SSO app while testing (SSO-2). */
    testUsers: z.array(email).default([]),
    /** Convention name of one access group to assign to the SSO app while testing, instead of or with testUsers. */
    testGroup: z.string().optional(),
    /** Test users who have signed in successfully; `enforced` requires these (SSO-2). */
    testedUsers: z.array(email).default([]),
    /** Explicit acknowledgement to enforce without recorded tested users (SSO-2 override). Default false. */
    acknowledgeUntestedEnforcement: z.boolean().default(false),
    /** Change this value (e.g. to `2027`) to issue a new token-signing certificate. Default `1`. */
    certificateRotation: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'must be letters, digits, ".", "_" or "-" (e.g. 2027); it names the signing certificate' }).default("1"),
    /** Overrides of the SAML claim sources; email, given_name and family_name are always sent (SSO-7). */
    claims: claimsSchema.default({}),
    /** Encrypted assertions are unsupported (SSO-6); only `false` is accepted. */
    assertionEncryption: z.literal(false, { error: "SSO-6: encrypted SAML assertions are not supported by ChatGPT; remove assertionEncryption or set it to false" }).default(false),
    /** Whether SSO is enabled for the tenant's API Platform organizations, if known (SSO-4). */
    apiPlatformSsoEnabled: z.boolean().optional(),
});

export const scimSchema = z.strictObject({
    /** Whether the SCIM provisioning app is built. Default false. SSO is not required for SCIM (SCIM-2). */
    enabled: z.boolean().default(false),
    /** SCIM base URL from the ChatGPT Directory Sync wizard. Required when enabled. The bearer token is the secret config `chatgpt-identity:scimToken`. */
    baseUrl: httpsUrl.optional(),
    /**
     * Okta only. Okta accepts group pushes only after SCIM provisioning is switched on for the app
     * in the admin console (a one-time step no API can do). Leave false for the first `pulumi up`,
     * do the console steps from the `scimManualSteps` output, then set true to push the groups.
     * Default false.
     */
    oktaProvisioningEnabled: z.boolean().default(false),
});

export const groupSchema = z.strictObject({
    /** Optional USAGE prefix, e.g. ANALYTICS, ROLLOUT, TESTING (GRP-1). */
    usage: groupPart("usage").optional(),
    /** DIMENSION, e.g. FUNCTION, REGION, BU, ROLE, SCHOOL (GRP-1). */
    dimension: groupPart("dimension"),
    /** GROUP, e.g. Engineering, Teachers, Lincoln (GRP-1). */
    group: groupPart("group"),
    /** Adopt an existing IdP group by its object id (Entra) or group id (Okta) instead of creating one. */
    existingId: z.string().min(1).optional(),
    /** Members to put in a created group, by sign-in address (Entra only). Not allowed with existingId. */
    members: z.array(email).optional(),
    /** Description stored on a created group. */
    description: z.string().max(1024).optional(),
    /** Expected head count, for the analytics-size rule (GRP-4) when members are managed elsewhere. */
    expectedMemberCount: z.number().int().nonnegative().optional(),
}).superRefine((g, ctx) => {
    if (g.existingId !== undefined && g.members !== undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["members"],
            message: "an adopted group (existingId) keeps the membership its owner manages; remove members or remove existingId to create the group",
        });
    }
});

export const roleSchema = z.strictObject({
    /** Custom role name as shown in the workspace. */
    name: z.string().min(1).max(100),
    description: z.string().max(500).default(""),
    /** Extra permissions granted on top of the workspace baseline (ROLE-1), e.g. `gpts.publish`. */
    permissions: z.array(z.string().min(1)).min(1, { error: "a custom role grants at least one extra permission (ROLE-1)" }),
});

export const roleAssignmentSchema = z.strictObject({
    /** Convention name of an access group declared in `groups`. */
    group: z.string().min(1),
    /** Names of custom roles declared in `roles`. */
    roles: z.array(z.string().min(1)).min(1),
});

export const settingsSchema = z.strictObject({
    /** Automatic account creation for verified domains. Default false; with SCIM it is an error (SCIM-3). */
    automaticAccountCreation: z.boolean().default(false),
    /** Documented override to run AAC together with SCIM (SCIM-3). Default false. */
    allowAutomaticAccountCreationWithScim: z.boolean().default(false),
    /** Allow invites to emails outside verified domains (WS-1). Default true (the workspace default). */
    externalInvites: z.boolean().default(true),
});

export const workspaceConfigSchema = z.strictObject({
    /** Human name of the district/company, used in IdP app display names. */
    name: z.string().min(1).max(80),
    /** Which identity provider hosts the SSO and SCIM apps. */
    idp: z.enum(IDP_KINDS),
    /** Rollout phase (GRP-5): pilot (1-2 groups), level1 (5-15), full. Default pilot. */
    phase: z.enum(ROLLOUT_PHASES).default("pilot"),
    domains: z.array(domainSchema).min(1, { error: "list at least one email domain; each subdomain is listed on its own (DOM-2)" }),
    dns: dnsSchema.prefault({}),
    sso: ssoSchema.prefault({}),
    scim: scimSchema.prefault({}),
    groups: z.array(groupSchema).default([]),
    settings: settingsSchema.prefault({}),
    roles: z.array(roleSchema).default([]),
    roleAssignments: z.array(roleAssignmentSchema).default([]),
    /** Whether the workspace side (dynamic provider) is managed by this stack. Default false. */
    manageWorkspace: z.boolean().default(false),
}).superRefine(crossFieldChecks, { when: () => true });

type Issue = (path: (string | number)[], message: string) => void;
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * Checks that relate one section to another. They run even when other fields failed (so that every
 * problem is reported at once), hence the defensive reads of possibly malformed values.
 */
function crossFieldChecks(raw: unknown, ctx: z.RefinementCtx): void {
    const cfg = (raw ?? {}) as Record<string, any>;
    const issue: Issue = (path, message) => ctx.addIssue({ code: "custom", path, message, input: raw });
    const domains = list<{ name?: unknown }>(cfg.domains).map((d) => text(d?.name) ?? "");
    domains.forEach((d, i) => {
        if (d && domains.indexOf(d) !== i) issue(["domains", i, "name"], `domain "${d}" is listed twice`);
    });
    const sso = cfg.sso ?? {};
    const stage = text(sso.stage) ?? "off";
    if (stage !== "off") {
        if (!sso.entityId) issue(["sso", "entityId"], `required when sso.stage is "${stage}": copy the Entity ID from the ChatGPT SSO wizard`);
        if (!sso.acsUrl) issue(["sso", "acsUrl"], `required when sso.stage is "${stage}": copy the ACS URL from the ChatGPT SSO wizard`);
    }
    if (cfg.idp === "entra" && cfg.scim?.oktaProvisioningEnabled === true) {
        issue(["scim", "oktaProvisioningEnabled"], "applies to idp: okta only; remove it (Entra provisioning is configured as code, groups are in scope as soon as they are assigned)");
    }
    if (cfg.scim?.enabled === true && !cfg.scim.baseUrl) {
        issue(["scim", "baseUrl"], "required when scim.enabled is true: copy the SCIM base URL from the ChatGPT Directory Sync wizard");
    }
    const groups = list<Record<string, unknown>>(cfg.groups);
    const names = groups.map(safeGroupName);
    names.forEach((n, i) => {
        if (n !== undefined && names.indexOf(n) !== i) issue(["groups", i], `group "${n}" is declared twice`);
        if (cfg.idp === "okta" && groups[i]?.members !== undefined) {
            issue(["groups", i, "members"], "Okta memberships are managed by Okta group rules or your directory; remove members (supported for idp: entra only)");
        }
    });
    // DOM-2: every address that signs in must be on a domain listed itself, not only on its parent.
    const checkEmailDomain = (address: unknown, path: (string | number)[]) => {
        const domain = text(address)?.split("@")[1]?.toLowerCase();
        if (!domain || domains.length === 0 || domains.includes(domain)) return;
        const parent = domains.find((d) => d && domain.endsWith(`.${d}`));
        issue(path, parent
            ? `DOM-2: "${domain}" is a subdomain of "${parent}" and is verified on its own; add { name: ${domain} } to domains`
            : `DOM-2: "${domain}" is not among the verified domains; add { name: ${domain} } to domains or use an address on ${domains.join(", ")}`);
    };
    list(sso.testUsers).forEach((u, i) => checkEmailDomain(u, ["sso", "testUsers", i]));
    list(sso.testedUsers).forEach((u, i) => checkEmailDomain(u, ["sso", "testedUsers", i]));
    groups.forEach((g, gi) => list(g?.members).forEach((m, mi) => checkEmailDomain(m, ["groups", gi, "members", mi])));
    const testGroup = text(sso.testGroup);
    if (testGroup !== undefined && !names.includes(testGroup)) {
        issue(["sso", "testGroup"], `"${testGroup}" is not one of the declared groups (${names.filter(Boolean).join(", ") || "none"})`);
    }
    const roleNames = list<{ name?: unknown }>(cfg.roles).map((r) => text(r?.name));
    list<{ group?: unknown; roles?: unknown }>(cfg.roleAssignments).forEach((a, i) => {
        const group = text(a?.group);
        if (group !== undefined && !names.includes(group)) {
            issue(["roleAssignments", i, "group"], `"${group}" is not one of the declared groups; role mappings apply to pushed groups only (ROLE-2)`);
        }
        list(a?.roles).forEach((r, ri) => {
            if (typeof r === "string" && !roleNames.includes(r)) {
                issue(["roleAssignments", i, "roles", ri], `"${r}" is not one of the declared roles (${roleNames.filter(Boolean).join(", ") || "none"})`);
            }
        });
    });
}

function safeGroupName(g: Record<string, unknown> | undefined): string | undefined {
    try {
        return buildGroupName({ usage: text(g?.usage), dimension: text(g?.dimension) ?? "", group: text(g?.group) ?? "" });
    } catch {
        return undefined;
    }
}

/** The config as written in the stack file (defaults optional). */
export type WorkspaceConfigInput = z.input<typeof workspaceConfigSchema>;
/** The validated config, defaults filled in. */
export type WorkspaceConfig = z.output<typeof workspaceConfigSchema>;
export type GroupConfig = z.output<typeof groupSchema>;
export type DomainConfig = z.output<typeof domainSchema>;
export type SsoConfig = z.output<typeof ssoSchema>;
export type ScimConfig = z.output<typeof scimSchema>;
export type SsoStage = (typeof SSO_STAGES)[number];
export type IdpKind = (typeof IDP_KINDS)[number];
