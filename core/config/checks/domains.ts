import { at, TenantDraft } from "../draft";
import { quote } from "../paths";
import { ConfigProblem } from "../problems";
import { DOM2_WHY } from "../ruleText";
import { ZONE_ID_HINT } from "../sections/dns";
import { collisions } from "./collisions";

/** The longest listed domain that `domain` is a subdomain of. */
export function listedParent(domain: string, listed: readonly string[]): string | undefined {
    return listed.filter((d) => domain.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0];
}

/** Every address that signs in or is invited, with its path. */
function addresses(config: TenantDraft): { address: string; path: string }[] {
    const root = config.path;
    const list = [
        ...config.sso.testUsers.map((address, i) => ({ address, path: at(root, "sso", "testUsers", i) })),
        ...config.sso.testedUsers.map((address, i) => ({ address, path: at(root, "sso", "testedUsers", i) })),
    ];
    for (const ws of config.workspaces) {
        ws.groups.forEach((g, gi) =>
            (g.members ?? []).forEach((address, mi) =>
                list.push({ address, path: at(ws.path, "groups", gi, "members", mi) }),
            ),
        );
    }
    return list;
}

/** Duplicate domains, DOM-2 for every address, and Cloudflare zone ids per listed domain. */
export function domainProblems(config: TenantDraft): ConfigProblem[] {
    const root = config.path;
    const names = config.domains.map((d) => d.name);
    const problems = collisions(
        config.domains.map((d, i) => ({ identity: d.name, path: at(root, "domains", i, "name"), shown: d.name })),
        (first) => `domain ${quote(first.shown)} is listed twice (domains compare without case)`,
    );
    for (const { address, path } of addresses(config)) {
        const domain = address.split("@")[1]?.toLowerCase() ?? "";
        if (names.includes(domain)) continue;
        const parent = listedParent(domain, names);
        problems.push({
            path,
            message: parent
                ? `${quote(address)} is on ${quote(domain)}, a subdomain of ${quote(parent)}, which is verified on ` +
                  `its own`
                : `${quote(address)} is on ${quote(domain)}, which is not among the listed domains ` +
                  `(${names.join(", ")})`,
            rule: "DOM-2",
            why: DOM2_WHY,
            fix: parent
                ? `Add { name: ${domain} } to domains.`
                : `Add { name: ${domain} } to domains, or use an address on ${names.join(", ")}.`,
        });
    }
    if (config.dns.adapter === "cloudflare") {
        const zoneIds = config.dns.settings.zoneIds;
        const zonePath = (key: string) => at(root, "dns", "settings", "zoneIds", key);
        for (const domain of names) {
            if (Object.prototype.hasOwnProperty.call(zoneIds, domain)) continue;
            const parent = listedParent(domain, names);
            const parentZone = parent !== undefined ? zoneIds[parent] : undefined;
            problems.push({
                path: zonePath(domain),
                message:
                    parent !== undefined
                        ? `missing: each subdomain is verified and published on its own, so ${quote(domain)} needs ` +
                          `its own entry; ` +
                          `if its records live in the ${parent} zone, repeat that zone ` +
                          `id${parentZone ? ` (${quote(parentZone)})` : ""}, ` +
                          `otherwise give ${ZONE_ID_HINT}`
                        : `missing: give the zone id of the zone that holds ${quote(domain)}: ${ZONE_ID_HINT}`,
                ...(parent !== undefined
                    ? { rule: "DOM-2" as const, why: DOM2_WHY, fix: `Add zoneIds.${domain}.` }
                    : {}),
            });
        }
        for (const key of Object.keys(zoneIds)) {
            if (!names.includes(key)) {
                problems.push({
                    path: zonePath(key),
                    message:
                        `${quote(key)} is not one of the listed domains (${names.join(", ")}); remove it or add ` +
                        `the domain`,
                });
            }
        }
    }
    return problems;
}
