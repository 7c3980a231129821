import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { DnsAdapter, TxtRecordRequest, TxtRecordResult } from "../adapter";
import { isIssued } from "../domains";
import { settingsProblemsFromZod } from "../settingsProblems";

const manualSettingsSchema = z.strictObject({});

/**
 * The default adapter: creates no cloud resource. Every record with a value becomes a hand-off for
 * the people who run DNS (status `handoff`); a record without a value yet is `pending`.
 */
export const dnsAdapter: DnsAdapter = {
    name: "manual",

    validateSettings(settings) {
        const parsed = manualSettingsSchema.safeParse(settings ?? {});
        return parsed.success ? [] : settingsProblemsFromZod("manual", parsed.error, []);
    },

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
