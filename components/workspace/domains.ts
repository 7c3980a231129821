import * as pulumi from "@pulumi/pulumi";
import { DomainConfig } from "../../core/config/schema";
import { WorkspaceDomain } from "../../provider/resources/domain";

export const WORKSPACE_DOMAINS_TYPE = "chatgpt-identity:workspace:Domains";

export interface WorkspaceDomainsArgs {
    /** The config's domains; each one (every subdomain on its own, DOM-2) is registered with the workspace. */
    domains: DomainConfig[];
}

/** A TXT record the DNS side must publish for one domain. */
export interface WorkspaceTxtRecord {
    domain: string;
    /** The `openai-domain-verification=...` value the workspace generated. */
    value: pulumi.Output<string>;
}

/**
 * Registers every email domain with the workspace (one WorkspaceDomain each, child name
 * `${name}-${domain}`) and hands the TXT records to publish to the DNS component. Verified domains
 * are kept when removed from the config unless the resource allows removal (DOM-5).
 */
export class WorkspaceDomains extends pulumi.ComponentResource {
    /** The registered domains, in config order. */
    readonly domains: WorkspaceDomain[];
    /** TXT record per domain, in config order (feeds the DNS component). */
    readonly txtRecords: WorkspaceTxtRecord[];

    constructor(name: string, args: WorkspaceDomainsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WORKSPACE_DOMAINS_TYPE, name, {}, opts);
        this.domains = args.domains.map((d) => new WorkspaceDomain(`${name}-${d.name}`, { domain: d.name }, { parent: this }));
        this.txtRecords = args.domains.map((d, i) => ({ domain: d.name, value: this.domains[i].txtRecordValue }));
        this.registerOutputs({ txtRecords: this.txtRecords });
    }

    /** The WorkspaceDomain of `domain`, or undefined. */
    domainResource(domain: string): WorkspaceDomain | undefined {
        const i = this.txtRecords.findIndex((r) => r.domain === domain);
        return i < 0 ? undefined : this.domains[i];
    }
}
