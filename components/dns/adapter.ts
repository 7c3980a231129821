import * as pulumi from "@pulumi/pulumi";

/** One TXT record the workspace asked for, for one domain (each subdomain on its own, DOM-2). */
export interface TxtRecordRequest {
    /** The email domain being verified, e.g. staff.district.k12.us. */
    domain: string;
    /** The TXT value; undefined while the workspace has not issued it yet. */
    value: pulumi.Input<string | undefined>;
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
 * is an optional peer dependency that only its users install.
 */
export interface DnsAdapter {
    /** Adapter name as written in `dns.adapter`. */
    readonly name: string;
    /** Validates `dns.settings`; returns problems as `{ path, message }` relative to settings (an empty path means the adapter as a whole, e.g. its package is missing). */
    validateSettings(settings: Record<string, unknown>, domains: string[]): { path: string; message: string }[];
    /** Creates the records as children of `parent`, with names derived from `baseName`. */
    publish(baseName: string, records: TxtRecordRequest[], settings: Record<string, unknown>, parent: pulumi.Resource): pulumi.Output<TxtRecordResult[]>;
}
