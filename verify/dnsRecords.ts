import { Resolver } from "node:dns/promises";
import { isIP } from "node:net";

/** Resolves the TXT strings at a name (each record's chunks joined). Rejects with a Node DNS error code. */
export type TxtResolver = (name: string) => Promise<string[]>;

/** How one domain's verification record looks in DNS right now (DOM-1, DOM-2, DOM-4). */
export interface DomainRecordCheck {
    domain: string;
    /** Config path of the domain, e.g. `tenant.domains[1]`. */
    path: string;
    /** The DNS name looked at: the domain itself (as the DNS hand-off publishes it). */
    name: string;
    /** The `verificationToken` of the config; undefined when the workspace has not issued one yet. */
    expected?: string;
    /** Every TXT value found at `name`. */
    found: string[];
    /**
     * `present`: a TXT value equals `expected`; `missing`: the name has no such value (NXDOMAIN, no TXT, or other
     * values only); `no-token`: nothing to compare with; `lookup-failed`: the resolver gave no answer (`error`).
     */
    status: "present" | "missing" | "no-token" | "lookup-failed";
    /** The resolver's error code when the lookup failed (ETIMEOUT, ESERVFAIL, ECONNREFUSED...). */
    error?: string;
}

const NO_RECORD_CODES = new Set(["ENOTFOUND", "ENODATA"]);

/** Parses `--dns-server`: an IP address with an optional port (`192.0.2.53`, `127.0.0.1:5353`, `[::1]:53`). */
export function dnsServerProblem(server: string): string | undefined {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
    const plain = /^([^:]+)(?::(\d+))?$/.exec(server);
    const [host, port] = bracketed ? [bracketed[1], bracketed[2]] : plain ? [plain[1], plain[2]] : [server, undefined];
    if (isIP(host) === 0)
        return `"${server}" is not an IP address (with an optional :port), e.g. 192.0.2.53 or 127.0.0.1:5353`;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
        return `"${server}" has a port outside 1-65535`;
    return undefined;
}

/** A TXT resolver through the system's resolver, or through `server` (`host[:port]`, an IP address) when given. */
export function dnsTxtResolver(server?: string): TxtResolver {
    const resolver = new Resolver({ timeout: 3000, tries: 2 });
    if (server !== undefined) {
        const problem = dnsServerProblem(server);
        if (problem) throw new Error(`--dns-server: ${problem}`);
        resolver.setServers([server]);
    }
    return async (name) => (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
}

/** Looks up the TXT record of every domain, in config order. Never throws for a DNS failure. */
export async function checkDomainRecords(
    domains: readonly { name: string; verificationToken?: string }[],
    rootPath: string,
    resolveTxt: TxtResolver,
): Promise<DomainRecordCheck[]> {
    return Promise.all(
        domains.map(async (d, i) => {
            const base = {
                domain: d.name,
                path: `${rootPath}.domains[${i}]`,
                name: d.name,
                expected: d.verificationToken,
            };
            let found: string[];
            try {
                found = await resolveTxt(d.name);
            } catch (e) {
                const code = (e as NodeJS.ErrnoException).code ?? "EUNKNOWN";
                if (!NO_RECORD_CODES.has(code))
                    return { ...base, found: [], status: "lookup-failed" as const, error: code };
                found = [];
            }
            const status =
                d.verificationToken === undefined
                    ? ("no-token" as const)
                    : found.includes(d.verificationToken)
                      ? ("present" as const)
                      : ("missing" as const);
            return { ...base, found, status };
        }),
    );
}
