import * as pulumi from "@pulumi/pulumi";
import { DnsAdapter, TxtRecordRequest, TxtRecordResult } from "../adapter";
import { isIssued } from "../domains";
import { ConfigError } from "../../../core/config/problems";
import { CLOUDFLARE_DEFAULT_TTL, CloudflareSettings } from "../../../core/config/sections/dns";

/** Pulumi type token of a Cloudflare v6 DNS record. */
export const CLOUDFLARE_DNS_RECORD_TYPE = "cloudflare:index/dnsRecord:DnsRecord";

/** Shown on the record in the Cloudflare dashboard (kept under Cloudflare's 100-character comment limit). */
export const CLOUDFLARE_RECORD_COMMENT = "ChatGPT domain verification (managed by chatgpt-identity)";

/** The part of `@pulumi/cloudflare` this adapter uses, so that its typings are not needed to compile users' code. */
interface CloudflareModule {
    DnsRecord: new (
        name: string,
        args: {
            zoneId: pulumi.Input<string>;
            name: pulumi.Input<string>;
            type: pulumi.Input<string>;
            content?: pulumi.Input<string>;
            ttl: pulumi.Input<number>;
            comment?: pulumi.Input<string>;
        },
        opts?: pulumi.CustomResourceOptions,
    ) => pulumi.CustomResource;
}

/**
 * `@pulumi/cloudflare` is an optional peer dependency: it is required here, when a record is
 * published, never at module load, so that users of other adapters do not need it.
 */
export function loadCloudflare(dnsPath: string): CloudflareModule {
    let cloudflare: Partial<CloudflareModule>;
    try {
        cloudflare = require("@pulumi/cloudflare") as Partial<CloudflareModule>;
    } catch (err) {
        if (isCloudflareMissing(err)) {
            throw new ConfigError([
                { path: `${dnsPath}.adapter`, message: CLOUDFLARE_MISSING_MESSAGE, fix: CLOUDFLARE_MISSING_FIX },
            ]);
        }
        throw err;
    }
    if (typeof cloudflare.DnsRecord !== "function") {
        throw new ConfigError([
            {
                path: `${dnsPath}.adapter`,
                message:
                    "the cloudflare DNS adapter needs @pulumi/cloudflare v6 (cloudflare.DnsRecord); the installed version has no DnsRecord",
                fix: "Run `npm install @pulumi/cloudflare@^6` in your Pulumi project.",
            },
        ]);
    }
    return cloudflare as CloudflareModule;
}

export const CLOUDFLARE_MISSING_MESSAGE =
    "the cloudflare DNS adapter (dns.adapter: cloudflare) needs the optional package @pulumi/cloudflare v6, which is not installed";
export const CLOUDFLARE_MISSING_FIX =
    "Run `npm install @pulumi/cloudflare` in your Pulumi project, or set dns.adapter to manual for a hand-off to your DNS team.";

/** Whether `@pulumi/cloudflare` can be found, checked by resolving it without loading it. */
export function cloudflareInstalled(): boolean {
    try {
        require.resolve("@pulumi/cloudflare");
        return true;
    } catch (err) {
        if (isCloudflareMissing(err)) return false;
        throw err;
    }
}

function isCloudflareMissing(err: unknown): boolean {
    const e = err as NodeJS.ErrnoException | undefined;
    // Only the package itself, not a module it fails to find in turn.
    return e?.code === "MODULE_NOT_FOUND" && String(e.message).includes("'@pulumi/cloudflare'");
}

/**
 * Cloudflare's API wants TXT content as quoted RFC 1035 character strings (it warns on a bare
 * value and the provider does not add quotes), so a bare value is quoted and escaped; a value the
 * user already quoted is sent as is.
 */
export function quoteTxtContent(value: string): string {
    if (/^".*"$/s.test(value)) return value;
    return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Publishes each TXT record as a Cloudflare `DnsRecord` at the domain itself (the zone apex of that
 * name, or the subdomain's full name inside its parent's zone). A record with no value yet creates
 * nothing and is reported `pending`. The settings (a zone id for every domain, DOM-2) were checked
 * by the config gate.
 */
export const dnsAdapter: DnsAdapter<CloudflareSettings> = {
    name: "cloudflare",

    publish(baseName, records, settings, parent, dnsPath): pulumi.Output<TxtRecordResult[]> {
        const toPublish = records.filter((r) => r.value !== undefined && r.value !== "");
        const cloudflare = toPublish.length > 0 ? loadCloudflare(dnsPath) : undefined;
        const results = records.map((r): pulumi.Output<TxtRecordResult> => {
            if (!cloudflare || !toPublish.includes(r)) {
                return pulumi.output({
                    domain: r.domain,
                    name: r.domain,
                    type: "TXT" as const,
                    value: undefined,
                    status: "pending" as const,
                });
            }
            const value = pulumi.output(r.value).apply((v) => issuedValue(r, v));
            createRecord(cloudflare, baseName, r.domain, value, settings, parent);
            return value.apply((v) => ({
                domain: r.domain,
                name: r.domain,
                type: "TXT" as const,
                value: v,
                status: "published" as const,
            }));
        });
        return pulumi.all(results);
    },
};

function createRecord(
    cloudflare: CloudflareModule,
    baseName: string,
    domain: string,
    value: pulumi.Output<string>,
    settings: CloudflareSettings,
    parent: pulumi.Resource,
): pulumi.CustomResource {
    return new cloudflare.DnsRecord(
        `${baseName}-${domain}-txt`,
        {
            zoneId: settings.zoneIds[domain],
            name: domain,
            type: "TXT",
            content: value.apply(quoteTxtContent),
            ttl: settings.ttl ?? CLOUDFLARE_DEFAULT_TTL,
            comment: CLOUDFLARE_RECORD_COMMENT,
        },
        { parent },
    );
}

/** A value that is only known at deployment (from the workspace side) must still be there by then (DOM-1). */
export function issuedValue(record: TxtRecordRequest, value: string | undefined): string {
    if (isIssued(value)) return value;
    throw new ConfigError([
        {
            path: record.path ?? "domains",
            rule: "DOM-1",
            message: `no TXT value for "${record.domain}" to publish in Cloudflare: the workspace has not issued one yet`,
            fix: "Add the domain in ChatGPT Workspace Settings → Identity & Access → Domains and set its verificationToken, then run again.",
        },
    ]);
}
