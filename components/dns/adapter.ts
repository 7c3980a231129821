import * as pulumi from "@pulumi/pulumi";

/** One TXT record the workspace asked for, for one domain (each subdomain on its own, DOM-2). */
export interface TxtRecordRequest {
    /** The email domain being verified, e.g. staff.district.k12.us. */
    domain: string;
    /** The TXT value; undefined while the workspace has not issued it yet. */
    value: pulumi.Input<string | undefined>;
    /**
     * Config path of the domain (`workspace.domains[1]`), named when its value is missing at deployment. Default
     * `domains`.
     */
    path?: string;
}

/** What an adapter reports for each record. */
export interface TxtRecordResult {
    domain: string;
    /** Fully qualified record name (the domain itself). */
    name: string;
    type: "TXT";
    value: string | undefined;
    /** published: a DNS resource manages it; handoff: a person must add it; pending: no value yet. */
    status: "published" | "handoff" | "pending";
}

/**
 * A DNS adapter turns TXT record requests into resources (or a hand-off). Each adapter lives in its
 * own file under dns/adapters and is loaded only when a config names it, so its provider package
 * is an optional peer dependency that only its users install. Its settings were validated by the
 * config gate (`dns.settings`); the adapter trusts them.
 */
export interface DnsAdapter<Settings = unknown> {
    /** Adapter name as written in `dns.adapter`. */
    readonly name: string;
    /**
     * Creates the records as children of `parent`, with names derived from `baseName`. `dnsPath` is
     * the config path of the dns section (`workspace.dns`), named in deploy-time errors.
     */
    publish(
        baseName: string,
        records: TxtRecordRequest[],
        settings: Settings,
        parent: pulumi.Resource,
        dnsPath: string,
    ): pulumi.Output<TxtRecordResult[]>;
}
