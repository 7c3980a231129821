import { DnsAdapter } from "../adapter";

/**
 * DNS adapters by the name written in `dns.adapter`, each the path of a module (relative to this
 * file) that exports `dnsAdapter`. A module is required only when a config names it, so an
 * adapter's provider package stays an optional peer dependency. Adding an adapter is one file in
 * this folder plus one line here.
 */
export const DNS_ADAPTER_MODULES: Readonly<Record<string, string>> = {
    manual: "./manual",
    cloudflare: "./cloudflare",
};

/** The adapter used when `dns.adapter` is not set. */
export const DEFAULT_DNS_ADAPTER = "manual";

export function availableDnsAdapters(): string[] {
    return Object.keys(DNS_ADAPTER_MODULES);
}

export class UnknownDnsAdapterError extends Error {
    constructor(readonly adapter: string) {
        super(`unknown DNS adapter "${adapter}"; available adapters: ${availableDnsAdapters().join(", ")}`);
        this.name = "UnknownDnsAdapterError";
    }
}

/** Loads the named adapter on demand; throws UnknownDnsAdapterError for a name not registered. */
export function loadDnsAdapter(name: string): DnsAdapter {
    if (!Object.prototype.hasOwnProperty.call(DNS_ADAPTER_MODULES, name)) throw new UnknownDnsAdapterError(name);
    const modulePath = DNS_ADAPTER_MODULES[name];
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const loaded = require(modulePath) as { dnsAdapter?: DnsAdapter };
    const adapter = loaded.dnsAdapter;
    if (!adapter || adapter.name !== name || typeof adapter.publish !== "function" || typeof adapter.validateSettings !== "function") {
        throw new Error(`DNS adapter module ${modulePath} must export \`dnsAdapter\` implementing DnsAdapter with name "${name}"`);
    }
    return adapter;
}
