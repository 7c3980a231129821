import * as pulumi from "@pulumi/pulumi";
import { TenantConfig } from "../core/config/model";
import { ConfigError } from "../core/config/problems";
import { Finding } from "../core/rules";
import { DEFAULT_WORKSPACE_KEY } from "../core/config/normalize";
import { TxtRecordRequest, TxtRecordResult } from "./dns/adapter";
import { DomainTxtRecords } from "./dns/domainTxtRecords";
import { perWorkspaceAliases } from "./idp/names";
import { IdpSecrets, IdpSide, IdpSideArgs } from "./idp/types";
// Types only: the modules are required on demand (see idpSideBuilder, loadWorkspaceSide).
import type { ApiPlatformAccess, ChatGptWorkspace } from "./workspace";

/** Type token of the top-level component in the workspace form: unchanged, so one-workspace stacks keep their URNs. */
export const WORKSPACE_IDENTITY_TYPE = "chatgpt-identity:index:WorkspaceIdentity";
/** Type token of the top-level component in the tenant form; answers to WORKSPACE_IDENTITY_TYPE too (alias). */
export const TENANT_IDENTITY_TYPE = "chatgpt-identity:index:TenantIdentity";

export interface TenantIdentityArgs {
    /**
     * The validated config from the one gate (`loadStackConfig`/`loadTenantConfig` in core/config),
     * either form. Components trust it and check nothing again. Its `form` picks the type token and
     * the logical names (see components/idp/names.ts).
     */
    config: TenantConfig;
    /**
     * Secret inputs: `scimTokens[workspace.key]`, each workspace's own SCIM token (SCIM-7). Entra
     * stores it in that workspace's SCIM app; Okta never needs it. Default {}.
     */
    secrets?: IdpSecrets;
    /**
     * The gate's non-blocking rule findings (warnings, infos), reported through Pulumi's log on this
     * component. Default [] (error findings never reach a component: the gate refuses the config).
     */
    findings?: Finding[];
}

/** Each workspace's SCIM manual steps, with the workspace they belong to. */
export interface WorkspaceManualSteps {
    key: string;
    name: string;
    steps: string[];
}

/**
 * The whole ChatGPT identity setup of one district or company (a tenant): the IdP side (the ONE SSO
 * app, SSO-10; per workspace its own SCIM app and access groups, SCIM-7), the DNS TXT records for
 * domain verification, and per workspace with `manageWorkspace` the workspace side (usage limits,
 * pilot invites through the ChatGPT admin API), plus API Platform RBAC when `apiPlatform.manage`.
 *
 * Children: `${name}-entra` or `${name}-okta`, `${name}-dns`, `${name}-workspace` (workspace form)
 * or `${name}-workspace-${key}` (tenant form), `${name}-api-platform`.
 */
export class TenantIdentity extends pulumi.ComponentResource {
    /** The validated config (no secrets). */
    readonly config: TenantConfig;
    /** The non-blocking findings reported on this component. */
    readonly findings: Finding[];
    readonly idp: IdpSide;
    readonly dns: DomainTxtRecords;
    /** One per workspace with `manageWorkspace`, in config order. */
    readonly workspaceSides: ChatGptWorkspace[];
    /** Present when `apiPlatform.manage`. */
    readonly apiPlatform?: ApiPlatformAccess;

    readonly txtRecords: pulumi.Output<TxtRecordResult[]>;
    readonly dnsHandoff: pulumi.Output<string>;
    readonly ssoMetadataUrl: pulumi.Output<string | undefined>;
    /** Every workspace's SCIM manual steps, one list (workspace form: that workspace's steps as before). */
    readonly scimManualSteps: pulumi.Output<string[]>;
    /** The SCIM manual steps per workspace (only workspaces with a SCIM app), in config order. */
    readonly scimManualStepsByWorkspace: pulumi.Output<WorkspaceManualSteps[]>;

    constructor(name: string, args: TenantIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        const { config } = args;
        // Before anything is registered: a missing IdP SDK must not leave a half-made component behind.
        const buildIdpSide = idpSideBuilder(config);
        super(
            config.form === "workspace" ? WORKSPACE_IDENTITY_TYPE : TENANT_IDENTITY_TYPE,
            name,
            {},
            {
                ...opts,
                // A stack moved from `chatgpt-identity:workspace` to `chatgpt-identity:tenant` keeps its resources.
                aliases: [
                    ...(opts?.aliases ?? []),
                    ...(config.form === "tenant" ? [{ type: WORKSPACE_IDENTITY_TYPE }] : []),
                ],
            },
        );
        this.config = config;
        this.findings = args.findings ?? [];

        this.idp = buildIdpSide(name, { tenant: config, secrets: args.secrets ?? {} }, this);

        // Domains have no admin API: the TXT values come from the config; verification is a runbook step.
        const txtRequests: TxtRecordRequest[] = config.domains.map((d, i) => ({
            domain: d.name,
            value: d.verificationToken,
            path: `${config.path}.domains[${i}]`,
        }));
        this.dns = new DomainTxtRecords(
            `${name}-dns`,
            { dns: config.dns, path: `${config.path}.dns`, records: txtRequests },
            { parent: this },
        );

        this.workspaceSides = this.buildWorkspaceSides(name);
        if (config.apiPlatform.manage) {
            const { ApiPlatformAccess } = loadWorkspaceSide();
            this.apiPlatform = new ApiPlatformAccess(
                `${name}-api-platform`,
                {
                    apiPlatform: config.apiPlatform,
                    pushedGroupsReady: this.idp.workspaces.flatMap((w) => w.pushedGroupsReady),
                },
                { parent: this },
            );
        }

        this.txtRecords = this.dns.records;
        this.dnsHandoff = this.dns.handoff;
        this.ssoMetadataUrl = this.idp.sso ? this.idp.sso.metadataUrl : pulumi.output(undefined);
        const withScim = config.workspaces.flatMap((w, i) => {
            const scim = this.idp.workspaces[i].scim;
            return scim ? [{ key: w.key, name: w.name, steps: scim.manualSteps }] : [];
        });
        this.scimManualStepsByWorkspace = pulumi
            .all(withScim.map((w) => w.steps))
            .apply((steps) => withScim.map((w, i) => ({ key: w.key, name: w.name, steps: steps[i] })));
        this.scimManualSteps = this.scimManualStepsByWorkspace.apply((list) => list.flatMap((w) => w.steps));
        this.reportFindings(this.findings);

        this.registerOutputs({
            // The policy pack reads `config` to apply the same rules in CrossGuard.
            config,
            txtRecords: this.txtRecords,
            dnsHandoff: this.dnsHandoff,
            ssoMetadataUrl: this.ssoMetadataUrl,
            scimManualSteps: this.scimManualSteps,
            scimManualStepsByWorkspace: this.scimManualStepsByWorkspace,
            groups: stackGroups(this.idp),
        });
    }

    /**
     * The workspace side, one `ChatGptWorkspace` per workspace with `manageWorkspace` (components/workspace),
     * after that workspace's groups are assigned/pushed to its own SCIM app (ROLE-2).
     */
    private buildWorkspaceSides(name: string): ChatGptWorkspace[] {
        const { config } = this;
        if (!config.workspaces.some((w) => w.manageWorkspace)) return [];
        const { ChatGptWorkspace } = loadWorkspaceSide();
        return config.workspaces.flatMap((workspace, i) =>
            workspace.manageWorkspace
                ? [
                      new ChatGptWorkspace(
                          workspaceSideName(name, config, workspace.key),
                          {
                              tenant: config,
                              workspace,
                              pushedGroupsReady: this.idp.workspaces[i].pushedGroupsReady,
                          },
                          // Moved to the tenant form as `default`: the same resources (usage limits, invites).
                          { parent: this, aliases: perWorkspaceAliases(`${name}-workspace`, config, workspace) },
                      ),
                  ]
                : [],
        );
    }

    /** Warnings and infos reach `pulumi preview` through Pulumi's log, attached to this component. */
    private reportFindings(findings: readonly Finding[]): void {
        for (const f of findings) {
            const text = `${f.id} (${f.path}): ${f.message} Why: ${f.why} Fix: ${f.fix}`;
            if (f.severity === "warning") void pulumi.log.warn(text, this);
            else if (f.severity === "info") void pulumi.log.info(text, this);
        }
    }
}

/*
 * Loaded on demand, so a command loads only what the config uses: an Entra stack never loads
 * @pulumi/okta (and the reverse), a stack that manages no workspace never loads the admin API
 * clients and the openai SDK.
 */

/** The IdP SDK each `idp` needs: optional peer dependencies, installed by the stacks that choose that IdP. */
export const IDP_SDK_PACKAGES = { entra: "@pulumi/azuread", okta: "@pulumi/okta" } as const;

/** Loads the IdP module of `idp`; a missing SDK is a ConfigError naming the `npm install` that fixes it. */
function loadIdpModule<T>(config: Pick<TenantConfig, "form" | "idp">, load: () => T): T {
    const sdk = IDP_SDK_PACKAGES[config.idp];
    try {
        return load();
    } catch (e) {
        const err = e as NodeJS.ErrnoException | undefined;
        // Only the SDK itself, not a module it fails to find in turn.
        if (err?.code !== "MODULE_NOT_FOUND" || !String(err.message).includes(`'${sdk}'`)) throw e;
        throw new ConfigError([
            {
                path: `${config.form}.idp`,
                message: `idp: ${config.idp} needs the optional package ${sdk}, which is not installed`,
                fix: `Run \`npm install ${sdk}\` in your Pulumi project.`,
            },
        ]);
    }
}

/**
 * The builder of the IdP side of the config's `idp` (`${name}-entra` or `${name}-okta`); loads that IdP's module,
 * and with it its SDK, so a missing SDK is a ConfigError before any resource is registered.
 */
function idpSideBuilder(
    config: Pick<TenantConfig, "form" | "idp">,
): (name: string, args: IdpSideArgs, parent: pulumi.Resource) => IdpSide {
    if (config.idp === "entra") {
        const { EntraIdentity } = loadIdpModule(
            config,
            () => require("./entra/entraIdentity") as typeof import("./entra/entraIdentity"),
        );
        return (name, args, parent) => new EntraIdentity(`${name}-entra`, args, { parent }).side;
    }
    const { OktaIdentity } = loadIdpModule(
        config,
        () => require("./okta/oktaIdentity") as typeof import("./okta/oktaIdentity"),
    );
    return (name, args, parent) => new OktaIdentity(`${name}-okta`, args, { parent }).side;
}

function loadWorkspaceSide(): typeof import("./workspace") {
    return require("./workspace") as typeof import("./workspace");
}

/** `${name}-workspace` in the workspace form, `${name}-workspace-${key}` in the tenant form. */
export function workspaceSideName(name: string, config: Pick<TenantConfig, "form">, key: string): string {
    return config.form === "workspace" && key === DEFAULT_WORKSPACE_KEY
        ? `${name}-workspace`
        : `${name}-workspace-${key}`;
}

/** The `groups` output: every access group with the workspace it belongs to. */
export function stackGroups(idp: IdpSide) {
    return idp.workspaces.flatMap((w) =>
        w.groups.map((g) => ({ workspace: w.key, name: g.name, id: g.id, adopted: g.adopted })),
    );
}

/** The name of this component before tenants; the same class, constructed from either form. */
export const WorkspaceIdentity = TenantIdentity;
export type WorkspaceIdentity = TenantIdentity;
export type WorkspaceIdentityArgs = TenantIdentityArgs;
