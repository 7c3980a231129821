import * as pulumi from "@pulumi/pulumi";
import { DnsAdapter, TxtRecordRequest, TxtRecordResult } from "./adapter";
import { DEFAULT_DNS_ADAPTER, UnknownDnsAdapterError, loadDnsAdapter } from "./adapters/registry";
import { requestProblems } from "./domains";
import { formatHandoff } from "./handoff";
import { SettingsProblem } from "./settingsProblems";

export const DOMAIN_TXT_RECORDS_TYPE = "chatgpt-identity:dns:DomainTxtRecords";

export interface DomainTxtRecordsArgs {
    /**
     * DNS adapter that publishes the records, by name: `manual` (no cloud resource; a hand-off for
     * the DNS team) or `cloudflare` (needs `@pulumi/cloudflare` and `settings.zoneIds`).
     * Default `manual`.
     */
    adapter?: string;
    /**
     * Settings of the chosen adapter, validated by it before anything is created. `manual` takes
     * none; `cloudflare` takes `{ zoneIds: { "<domain>": "<zone id>" }, ttl?: number }` with an
     * entry for every domain. Default `{}`.
     */
    settings?: Record<string, unknown>;
    /**
     * One request per domain; each subdomain is a request of its own (DOM-2). A domain may appear
     * only once. A request without a value is reported as pending and creates nothing.
     */
    records: TxtRecordRequest[];
}

/** Invalid DomainTxtRecords arguments, every problem at once; thrown before any child exists. */
export class DnsRecordsArgsError extends Error {
    constructor(readonly resourceName: string, readonly problems: SettingsProblem[]) {
        super(`DomainTxtRecords "${resourceName}" has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was created:\n` +
            problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n"));
        this.name = "DnsRecordsArgsError";
    }
}

/**
 * The DNS TXT records that verify the workspace's domains (DOM-1: before SSO), one per domain and
 * one per subdomain (DOM-2), published at the domain name itself by the chosen adapter. Depend on
 * this component to order verification after the records.
 */
export class DomainTxtRecords extends pulumi.ComponentResource {
    /** Every requested record with its status: published, handoff or pending. */
    readonly records: pulumi.Output<TxtRecordResult[]>;
    /** Plain-text hand-off for the team that runs DNS (see formatHandoff). */
    readonly handoff: pulumi.Output<string>;

    constructor(name: string, args: DomainTxtRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
        const adapterName = args.adapter ?? DEFAULT_DNS_ADAPTER;
        const settings = args.settings ?? {};
        const { adapter, problems } = checkArgs(adapterName, settings, args.records);
        if (!adapter || problems.length > 0) throw new DnsRecordsArgsError(name, problems);
        super(DOMAIN_TXT_RECORDS_TYPE, name, {}, opts);

        this.records = adapter.publish(name, args.records, settings, this);
        this.handoff = this.records.apply(formatHandoff);
        this.registerOutputs({ records: this.records, handoff: this.handoff });
    }
}

function checkArgs(adapterName: string, settings: Record<string, unknown>, records: TxtRecordRequest[]): { adapter?: DnsAdapter; problems: SettingsProblem[] } {
    const problems = requestProblems(records);
    let adapter: DnsAdapter | undefined;
    try {
        adapter = loadDnsAdapter(adapterName);
    } catch (err) {
        if (!(err instanceof UnknownDnsAdapterError)) throw err;
        problems.push({ path: "adapter", message: err.message });
    }
    if (adapter && problems.length === 0) {
        for (const p of adapter.validateSettings(settings, records.map((r) => r.domain))) {
            // An empty path concerns the adapter as a whole (e.g. its provider package is missing).
            problems.push({ path: p.path ? `settings.${p.path}` : "adapter", message: p.message });
        }
    }
    return { adapter, problems };
}
