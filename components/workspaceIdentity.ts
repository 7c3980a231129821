import * as pulumi from "@pulumi/pulumi";
import { ConfigError, ConfigProblem, loadWorkspaceConfig } from "../core/config/load";
import { WorkspaceConfig, WorkspaceConfigInput } from "../core/config/schema";
import { DomainTxtRecords } from "./dns/domainTxtRecords";
import { TxtRecordRequest, TxtRecordResult } from "./dns/adapter";
import { validateDnsSettings } from "./dns/validateDnsConfig";
import { EntraIdentity } from "./entra/entraIdentity";
import { IdpSide, IdpSecrets } from "./idp/types";
import { OktaIdentity } from "./okta/oktaIdentity";
import { evaluateRules, Finding, WorkspaceFacts } from "../core/rules";

export const WORKSPACE_IDENTITY_TYPE = "chatgpt-identity:index:WorkspaceIdentity";

export interface WorkspaceIdentityArgs {
    /**
     * The whole identity setup, as in the stack config `chatgpt-identity:workspace` (see README,
     * "Config reference"). Validated here: any problem, or any rule finding of severity error,
     * throws before a single resource is registered.
     */
    config: WorkspaceConfigInput;
    /**
     * Secret inputs. `scimToken` is required when `config.scim.enabled` with `idp: entra` (it goes
     * into the Entra SCIM app's synchronization secret). Okta takes the token in its admin console,
     * so the stack never needs it there.
     */
    secrets?: IdpSecrets;
    /**
     * Facts about the live workspace that some rules need (API Platform SSO state, existing users,
     * verified domains). Optional: without them those rules report what they could not judge.
     */
    facts?: WorkspaceFacts;
}

/**
 * The whole ChatGPT identity setup of one district or company: the IdP side (SSO app, separate
 * SCIM app, convention-named groups), the DNS TXT records for domain verification, and, when
 * `manageWorkspace` is on, the workspace side (domains, verification, settings, roles, mappings).
 */
export class WorkspaceIdentity extends pulumi.ComponentResource {
    /** The validated config, defaults filled in (no secrets). */
    readonly config: WorkspaceConfig;
    /** Every rule finding, errors excluded (those stop construction). */
    readonly findings: Finding[];
    readonly idp: IdpSide;
    readonly dns: DomainTxtRecords;

    readonly txtRecords: pulumi.Output<TxtRecordResult[]>;
    readonly dnsHandoff: pulumi.Output<string>;
    readonly ssoMetadataUrl: pulumi.Output<string | undefined>;
    readonly scimManualSteps: pulumi.Output<string[]>;

    constructor(name: string, args: WorkspaceIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        const { config, findings } = validateOrThrow(args);
        super(WORKSPACE_IDENTITY_TYPE, name, {}, opts);
        this.config = config;
        this.findings = findings;

        const secrets = args.secrets ?? {};
        this.idp = config.idp === "entra"
            ? new EntraIdentity(`${name}-entra`, { config, secrets }, { parent: this }).side
            : new OktaIdentity(`${name}-okta`, { config, secrets }, { parent: this }).side;

        // Domains have no API (issue 8): the TXT values come from the config; verification is a runbook step.
        // The workspace side (components/workspace: ChatGptWorkspace, ApiPlatformAccess) is wired per workspace
        // of the TenantConfig by the tenant-aware component.
        const txtRequests: TxtRecordRequest[] = config.domains.map((d) => ({ domain: d.name, value: d.verificationToken }));
        this.dns = new DomainTxtRecords(`${name}-dns`, { adapter: config.dns.adapter, settings: config.dns.settings, records: txtRequests }, { parent: this });
        this.txtRecords = this.dns.records;
        this.dnsHandoff = this.dns.handoff;
        this.ssoMetadataUrl = this.idp.sso ? this.idp.sso.metadataUrl : pulumi.output(undefined);
        this.scimManualSteps = this.idp.scim ? this.idp.scim.manualSteps : pulumi.output([]);
        this.reportFindings(findings);

        this.registerOutputs({
            // The policy pack reads `config` to apply the same rules in CrossGuard.
            config,
            txtRecords: this.txtRecords,
            dnsHandoff: this.dnsHandoff,
            ssoMetadataUrl: this.ssoMetadataUrl,
            scimManualSteps: this.scimManualSteps,
            groups: this.idp.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        });
    }

    /** Warnings and infos reach `pulumi preview` through Pulumi's log, attached to this component. */
    private reportFindings(findings: Finding[]): void {
        for (const f of findings) {
            const text = `${f.id} (${f.path}): ${f.message} Why: ${f.why} Fix: ${f.fix}`;
            if (f.severity === "warning") void pulumi.log.warn(text, this);
            else void pulumi.log.info(text, this);
        }
    }
}

/**
 * Validates the config (schema, DNS adapter settings, rollout rules) and throws a ConfigError
 * listing every blocking problem; returns the config and the non-blocking findings.
 */
export function validateOrThrow(args: WorkspaceIdentityArgs): { config: WorkspaceConfig; findings: Finding[] } {
    const config = loadWorkspaceConfig(args.config);
    const problems: ConfigProblem[] = validateDnsSettings(config);
    // Entra receives the token as code; Okta takes it in its admin console (a manual step).
    if (config.scim.enabled && config.idp === "entra" && args.secrets?.scimToken === undefined) {
        problems.push({
            path: "chatgpt-identity:scimToken",
            message: "required when scim.enabled is true: run `pulumi config set --secret chatgpt-identity:scimToken <token from the Directory Sync wizard>`",
        });
    }
    const findings = evaluateRules(config, args.facts);
    for (const f of findings.filter((x) => x.severity === "error")) {
        problems.push({ path: f.path, message: `${f.id}: ${f.message} ${f.fix}`.trim() });
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return { config, findings: findings.filter((f) => f.severity !== "error") };
}
