import { OtherIdpConfiguration, TenantFacts, UnmanagedUser } from "./types";

/**
 * Merges fact sources into one `TenantFacts`. Precedence is the argument order, later wins; call it as
 * `mergeFacts(config.facts, liveFacts, apiFacts)`: the stack file's `facts:` section, then what the
 * live reader saw, then what a TypeScript caller passed explicitly. An undefined source or field is
 * skipped, so a later source never erases a fact with "unknown".
 *
 * - Scalars (`apiPlatformSsoEnabled`): the last defined value wins.
 * - Lists of names (`domainsHeldElsewhere`, `verifiedDomains`, `localGroups`): the union, in first-seen
 *   order, because every source adds what it knows (a domain verified earlier that the live reader
 *   cannot see still counts). Domains are compared in lower case.
 * - `otherIdpConfigurations`: merged by `name`, a later entry replacing an earlier one of that name.
 * - `unmanagedUsers`: merged by email (case-insensitive) and workspace, a later entry replacing an earlier
 * one.
 * - `groupMemberCounts`: merged by group name, a later count replacing an earlier one.
 *
 * Given no defined source it returns `{}`; a list given empty stays an empty list (a fact: "none").
 */
export function mergeFacts(...sources: (TenantFacts | undefined)[]): TenantFacts {
    const merged: TenantFacts = {};
    for (const source of sources) {
        if (source === undefined) continue;
        if (source.apiPlatformSsoEnabled !== undefined) merged.apiPlatformSsoEnabled = source.apiPlatformSsoEnabled;
        merged.domainsHeldElsewhere = union(merged.domainsHeldElsewhere, source.domainsHeldElsewhere, lower);
        merged.verifiedDomains = union(merged.verifiedDomains, source.verifiedDomains, lower);
        merged.localGroups = union(merged.localGroups, source.localGroups, same);
        merged.otherIdpConfigurations = byKey(merged.otherIdpConfigurations, source.otherIdpConfigurations, idpKey);
        merged.unmanagedUsers = byKey(merged.unmanagedUsers, source.unmanagedUsers, userKey);
        if (source.groupMemberCounts !== undefined) {
            merged.groupMemberCounts = { ...merged.groupMemberCounts, ...source.groupMemberCounts };
        }
    }
    for (const key of Object.keys(merged) as (keyof TenantFacts)[]) {
        if (merged[key] === undefined) delete merged[key];
    }
    return merged;
}

const lower = (s: string) => s.toLowerCase();
const same = (s: string) => s;
const idpKey = (c: OtherIdpConfiguration) => c.name;
const userKey = (u: UnmanagedUser) => `${u.email.toLowerCase()}\u0000${u.workspace ?? ""}`;

function union(
    a: string[] | undefined,
    b: string[] | undefined,
    normalize: (s: string) => string,
): string[] | undefined {
    if (b === undefined) return a;
    const out = [...(a ?? [])];
    for (const item of b.map(normalize)) if (!out.includes(item)) out.push(item);
    return out;
}

function byKey<T>(a: T[] | undefined, b: T[] | undefined, key: (item: T) => string): T[] | undefined {
    if (b === undefined) return a;
    const out = new Map((a ?? []).map((item) => [key(item), item] as const));
    for (const item of b) out.set(key(item), item);
    return [...out.values()];
}
