import { DnsAdapterName } from "../../../core/config/sections/dns";
import { DnsAdapter } from "../adapter";

/**
 * DNS adapters by the name written in `dns.adapter`, each the path of a module (relative to this
 * file) that exports `dnsAdapter`. A module is required only when a config names it, so an
 * adapter's provider package stays an optional peer dependency. Adding an adapter is one file in
 * this folder, one line here, and its settings schema in the config gate (core/config/sections/dns.ts).
 */
export const DNS_ADAPTER_MODULES: Readonly<Record<DnsAdapterName, string>> = {
    manual: "./manual",
    cloudflare: "./cloudflare",
};

/** The adapter used when `dns.adapter` is not set. */
export const DEFAULT_DNS_ADAPTER: DnsAdapterName = "manual";

export function availableDnsAdapters(): DnsAdapterName[] {
    return Object.keys(DNS_ADAPTER_MODULES) as DnsAdapterName[];
}

/** Loads the named adapter on demand (the config gate only lets known names through). */
export function loadDnsAdapter(name: DnsAdapterName): DnsAdapter {
    return (require(DNS_ADAPTER_MODULES[name]) as { dnsAdapter: DnsAdapter }).dnsAdapter;
}
