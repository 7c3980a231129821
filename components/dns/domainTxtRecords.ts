import * as pulumi from "@pulumi/pulumi";
import { DnsConfig } from "../../core/config/sections/dns";
import { TxtRecordRequest, TxtRecordResult } from "./adapter";
import { loadDnsAdapter } from "./adapters/registry";
import { formatHandoff } from "./handoff";

export const DOMAIN_TXT_RECORDS_TYPE = "chatgpt-identity:dns:DomainTxtRecords";

export interface DomainTxtRecordsArgs {
    /**
     * The tenant's validated `dns` section: `{ adapter: "manual" }` (no cloud resource; a hand-off for
     * the DNS team) or `{ adapter: "cloudflare", settings: { zoneIds, ttl? } }` (needs
     * `@pulumi/cloudflare`; a zone id for every domain, checked by the config gate).
     */
    dns: DnsConfig;
    /** Config path of the dns section (`TenantConfig.path` + `.dns`), named in deploy-time errors. Default `dns`. */
    path?: string;
    /**
     * One request per listed domain, each subdomain a request of its own (DOM-2), each domain once
     * (the gate checks the list). A request without a value is reported as pending and creates nothing.
     */
    records: TxtRecordRequest[];
}

/**
 * The DNS TXT records that verify the tenant's domains (DOM-1: before SSO), one per domain and
 * one per subdomain (DOM-2), published at the domain name itself by the chosen adapter. Depend on
 * this component to order verification after the records.
 */
export class DomainTxtRecords extends pulumi.ComponentResource {
    /** Every requested record with its status: published, handoff or pending. */
    readonly records: pulumi.Output<TxtRecordResult[]>;
    /** Plain-text hand-off for the team that runs DNS (see formatHandoff). */
    readonly handoff: pulumi.Output<string>;

    constructor(name: string, args: DomainTxtRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DOMAIN_TXT_RECORDS_TYPE, name, {}, opts);
        const adapter = loadDnsAdapter(args.dns.adapter);
        const settings = args.dns.adapter === "cloudflare" ? args.dns.settings : undefined;
        this.records = adapter.publish(name, args.records, settings, this, args.path ?? "dns");
        this.handoff = this.records.apply(formatHandoff);
        this.registerOutputs({ records: this.records, handoff: this.handoff });
    }
}
