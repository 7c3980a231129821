import { FactKey } from "./types";

/** Where a fact can come from: the stack file's `facts:` section, or the live reader. */
export type FactSource = "stack" | "live";

export interface FactDescription {
    key: FactKey;
    /** What the fact is, in a few words, for the one "not checked" line. */
    describes: string;
    /**
     * Who can provide it. `live`: the ChatGPT admin API shows it (`plan --live`, `verify`).
     * `stack`: only a person knows it (no public API shows it); it goes under `facts:`.
     * Every fact can also be given in the stack file and through the TypeScript API.
     */
    sources: readonly FactSource[];
    /** The config field that says the same thing, when there is one (preferred over the fact). */
    configField?: string;
}

/** Every fact, in the order the "not checked" line lists them. */
export const FACTS: readonly FactDescription[] = [
    { key: "domainsHeldElsewhere", describes: "domains another OpenAI organization holds", sources: ["stack"] },
    { key: "verifiedDomains", describes: "domains verified earlier", sources: ["stack"] },
    {
        key: "apiPlatformSsoEnabled",
        describes: "whether API Platform SSO is on",
        sources: ["stack"],
        configField: "apiPlatform.ssoEnabled",
    },
    { key: "otherIdpConfigurations", describes: "other IdP configurations", sources: ["stack"] },
    {
        key: "unmanagedUsers",
        describes: "members who joined by automatic account creation or invite",
        sources: ["live", "stack"],
    },
    { key: "localGroups", describes: "local workspace groups", sources: ["live", "stack"] },
    { key: "groupMemberCounts", describes: "group member counts", sources: ["live", "stack"] },
];

/** Every fact key, in `FACTS` order. */
export const FACT_KEYS: readonly FactKey[] = FACTS.map((f) => f.key);

export function describeFact(key: FactKey): FactDescription {
    return FACTS.find((f) => f.key === key)!;
}
