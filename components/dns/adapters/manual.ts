import * as pulumi from "@pulumi/pulumi";
import { DnsAdapter, TxtRecordRequest, TxtRecordResult } from "../adapter";
import { isIssued } from "../domains";

/**
 * The default adapter: creates no cloud resource and takes no settings. Every record with a value
 * becomes a hand-off for the people who run DNS (status `handoff`); a record without a value yet is
 * `pending`.
 */
export const dnsAdapter: DnsAdapter = {
    name: "manual",

    publish(_baseName: string, records: TxtRecordRequest[]): pulumi.Output<TxtRecordResult[]> {
        return pulumi.all(records.map((r) => r.value)).apply((values) =>
            records.map((r, i): TxtRecordResult => {
                const value = values[i];
                return isIssued(value)
                    ? { domain: r.domain, name: r.domain, type: "TXT", value, status: "handoff" }
                    : { domain: r.domain, name: r.domain, type: "TXT", value: undefined, status: "pending" };
            }),
        );
    },
};
