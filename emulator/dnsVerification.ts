import { Resolver } from "node:dns/promises";

export interface TxtLookup {
    /** Every TXT value found at the name (multi-string records joined). */
    values: string[];
    /** Why nothing was found, when the lookup failed (e.g. ENOTFOUND, ENODATA, ETIMEOUT). */
    failure?: string;
}

/**
 * Resolves the TXT records of `name` through `servers` (e.g. ["127.0.0.1:5353"]) or the system
 * resolver. A failed lookup is reported, not thrown: verification answers 422 and can be retried (DOM-4).
 */
export async function lookupTxt(name: string, servers: string[] | undefined): Promise<TxtLookup> {
    const resolver = new Resolver({ timeout: 2000, tries: 2 });
    if (servers && servers.length > 0) resolver.setServers(servers);
    try {
        const records = await resolver.resolveTxt(name);
        return { values: records.map((chunks) => chunks.join("")) };
    } catch (err) {
        return { values: [], failure: (err as NodeJS.ErrnoException).code ?? String(err) };
    }
}
