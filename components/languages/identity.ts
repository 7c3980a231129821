import * as pulumi from "@pulumi/pulumi";
import { identityFromConfig } from "../program";
import { TenantIdentity } from "../workspaceIdentity";

// The multi-language surface (`pulumi package add`, for Python, YAML, Go and C#): explicit input
// interfaces, because Pulumi derives the package schema from these declarations. The values are
// turned into the stack-config object `chatgpt-identity:workspace` and go through the same loader
// and top-level component as a TypeScript stack: no rule or default is repeated here.

/** One email domain to verify (DOM-2: each subdomain on its own). */
export interface DomainInput {
    /** The email domain, e.g. `lincoln.k12.us`. */
    name: pulumi.Input<string>;
    /**
     * The TXT value shown by the workspace (`openai-domain-verification=...`). Optional: without it the record is
     * pending.
     */
    verificationToken?: pulumi.Input<string>;
}

/** How the domain-verification TXT records are published. */
export interface DnsInput {
    /** `manual` (a hand-off for the DNS team, the default) or `cloudflare`. */
    adapter?: pulumi.Input<string>;
    /** Cloudflare only: the zone id of each domain's zone, keyed by domain. */
    zoneIds?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Cloudflare only: the record TTL in seconds. Default: the adapter's. */
    ttl?: pulumi.Input<number>;
}

/** SAML single sign-on, rolled out in stages (SSO-1). */
export interface SsoInput {
    /** `off` (default), `testing`, `enabled` or `enforced`. */
    stage?: pulumi.Input<string>;
    /** SP entity ID from the ChatGPT SSO wizard. Required unless stage is `off`. */
    entityId?: pulumi.Input<string>;
    /** ACS URL from the ChatGPT SSO wizard. Required unless stage is `off`. */
    acsUrl?: pulumi.Input<string>;
    /** Sign-in addresses of the test users assigned to the SSO app while testing (SSO-2). */
    testUsers?: pulumi.Input<string>[];
    /** Convention name of one declared group assigned to the SSO app while testing. */
    testGroup?: pulumi.Input<string>;
    /** Test users who have signed in successfully; `enforced` requires them (SSO-2). */
    testedUsers?: pulumi.Input<string>[];
    /** Enforce without recorded tested users (SSO-2 override). Default false. */
    acknowledgeUntestedEnforcement?: pulumi.Input<boolean>;
    /** Change (e.g. to `2027`) to issue a new token-signing certificate. Default `1`. */
    certificateRotation?: pulumi.Input<string>;
    /** Whether SSO is on for the tenant's API Platform organizations, if known (SSO-4). */
    apiPlatformSsoEnabled?: pulumi.Input<boolean>;
}

/** SCIM provisioning through a separate IdP app. */
export interface ScimInput {
    /** Whether the SCIM app is built. Default false. */
    enabled?: pulumi.Input<boolean>;
    /** SCIM base URL from the ChatGPT Directory Sync wizard. Required when enabled. */
    baseUrl?: pulumi.Input<string>;
    /** Okta only: set true after switching provisioning on in the Okta console. Default false. */
    oktaProvisioningEnabled?: pulumi.Input<boolean>;
}

/** An access group named `[USAGE]_[DIMENSION]_[GROUP]` (GRP-1). */
export interface GroupInput {
    /** Optional USAGE prefix, e.g. ROLLOUT. */
    usage?: pulumi.Input<string>;
    /** DIMENSION, e.g. ROLE or SCHOOL. */
    dimension: pulumi.Input<string>;
    /** GROUP, e.g. Teachers. */
    group: pulumi.Input<string>;
    /** Adopt an existing IdP group by id instead of creating one. */
    existingId?: pulumi.Input<string>;
    /** Members of a created group, by sign-in address (Entra only). */
    members?: pulumi.Input<string>[];
    /** Description stored on a created group. */
    description?: pulumi.Input<string>;
    /** Expected head count, for GRP-4 when members are managed elsewhere. */
    expectedMemberCount?: pulumi.Input<number>;
}

/** Workspace settings. */
export interface SettingsInput {
    /** Automatic account creation for verified domains. Default false; with SCIM an error (SCIM-3). */
    automaticAccountCreation?: pulumi.Input<boolean>;
    /** Documented override to run automatic account creation with SCIM (SCIM-3). Default false. */
    allowAutomaticAccountCreationWithScim?: pulumi.Input<boolean>;
    /** Invites to emails outside verified domains (WS-1). Default true. */
    externalInvites?: pulumi.Input<boolean>;
}

/** The inputs of `chatgpt-identity:index:Identity`: the fields of the `chatgpt-identity:workspace` stack config. */
export interface IdentityArgs {
    /** Name of the district or company, used in IdP app display names. */
    name: pulumi.Input<string>;
    /** `entra` or `okta`: the IdP that hosts the SSO and SCIM apps. */
    idp: pulumi.Input<string>;
    /** `pilot` (default), `level1` or `full` (GRP-5). */
    phase?: pulumi.Input<string>;
    /** The email domains, each subdomain on its own (DOM-2). At least one. */
    domains: DomainInput[];
    /** How TXT records are published. Default: the manual hand-off. */
    dns?: DnsInput;
    /** SAML SSO. Default: off. */
    sso?: SsoInput;
    /** SCIM provisioning. Default: off. */
    scim?: ScimInput;
    /** The access groups. */
    groups?: GroupInput[];
    /** Workspace settings. */
    settings?: SettingsInput;
    /** Apply the workspace side through the ChatGPT admin API. Default false. */
    manageWorkspace?: pulumi.Input<boolean>;
    /** SCIM bearer token from the ChatGPT Directory Sync wizard (secret); Entra with SCIM needs it. */
    scimToken?: pulumi.Input<string>;
}

/** A TXT record for domain verification. */
export interface TxtRecordOutput {
    domain: string;
    name: string;
    type: string;
    value: string;
    status: string;
}

type Resolved = pulumi.Unwrap<Omit<IdentityArgs, "scimToken">>;

function withoutUndefined(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutUndefined);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
        Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, withoutUndefined(v)]),
    );
}

/** The `chatgpt-identity:workspace` stack-config object these inputs describe. */
export function workspaceConfigFromInputs(args: Resolved): Record<string, unknown> {
    const { dns, ...rest } = args;
    const settings =
        dns && (dns.zoneIds !== undefined || dns.ttl !== undefined)
            ? { zoneIds: dns.zoneIds, ttl: dns.ttl }
            : undefined;
    const config = { ...rest, dns: dns ? { adapter: dns.adapter, settings } : undefined };
    return withoutUndefined(config) as Record<string, unknown>;
}

/** The inputs as plain data, or undefined when any of them is still an Output, a promise or unknown. */
function plainInputs(value: unknown): Resolved | undefined {
    const plain = (v: unknown): boolean => {
        if (pulumi.Output.isInstance(v) || pulumi.isUnknown(v) || v instanceof Promise) return false;
        if (Array.isArray(v)) return v.every(plain);
        if (typeof v === "object" && v !== null) return Object.values(v).every(plain);
        return true;
    };
    return plain(value) ? (value as Resolved) : undefined;
}

/**
 * The whole ChatGPT identity setup for programs in other languages: the same component tree, with
 * the same logical names, as a TypeScript stack whose top-level component has this name.
 *
 * Literal inputs (a YAML program's or a Python program's values, as the examples write them) are
 * plain data here: the children are registered at once and `pulumi preview` shows every one of them.
 * Limitation: when an input (other than `scimToken`) is the output of another resource, the children
 * can only be registered once that value is known, inside an apply; a preview in which it is still
 * unknown shows the Identity component without its children. Give the component literal values or
 * stack config.
 */
export class Identity extends pulumi.ComponentResource {
    /** The TXT records for domain verification. */
    declare readonly txtRecords: pulumi.Output<TxtRecordOutput[]>;
    /** The hand-off text for the DNS team. */
    declare readonly dnsHandoff: pulumi.Output<string>;
    /** The SAML metadata URL to paste into the ChatGPT SSO wizard (empty while SSO is off). */
    declare readonly ssoMetadataUrl: pulumi.Output<string>;
    /** The steps that cannot be done as code. */
    declare readonly scimManualSteps: pulumi.Output<string[]>;

    constructor(name: string, args: IdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("chatgpt-identity:index:Identity", name, {}, opts);
        const { scimToken, ...values } = args;
        const scimTokens = scimToken === undefined ? {} : { default: pulumi.secret(scimToken) };
        const build = (resolved: Resolved) =>
            identityFromConfig(
                name,
                { form: "workspace", config: workspaceConfigFromInputs(resolved), secrets: { scimTokens } },
                { parent: this },
            );
        const plain = plainInputs(values);
        const tree = plain ? build(plain) : pulumi.output(values).apply((resolved) => build(resolved as Resolved));
        const field = <T>(pick: (i: TenantIdentity) => pulumi.Output<T>): pulumi.Output<T> =>
            tree instanceof TenantIdentity ? pick(tree) : tree.apply(pick);
        const fields = {
            txtRecords: field((i) => i.txtRecords) as pulumi.Output<TxtRecordOutput[]>,
            dnsHandoff: field((i) => i.dnsHandoff),
            ssoMetadataUrl: field((i) => i.ssoMetadataUrl.apply((u) => u ?? "")),
            scimManualSteps: field((i) => i.scimManualSteps),
        };
        Object.assign(this, fields);
        this.registerOutputs(fields);
    }
}
