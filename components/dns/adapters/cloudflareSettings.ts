import { z } from "zod";
import { listedParent } from "../domains";
import { SettingsProblem, dottedPath, settingsProblemsFromZod } from "../settingsProblems";

/** TTL of a published record when `ttl` is not set: one hour. */
export const CLOUDFLARE_DEFAULT_TTL = 3600;

const ZONE_ID_HINT = "the 32-character Zone ID shown on the zone's Overview page in the Cloudflare dashboard (API section)";

const TTL_RULE = "must be 1 (automatic) or a whole number of seconds from 60 to 86400";

const zoneId = z.string().regex(/^[0-9a-f]{32}$/, { error: `must be ${ZONE_ID_HINT}` });

export const cloudflareSettingsSchema = z.strictObject({
    /**
     * Cloudflare zone id per domain, keyed by the domain exactly as listed. Every domain and every
     * subdomain needs its own entry (DOM-2); a subdomain kept inside its parent's zone repeats the
     * parent's zone id.
     */
    zoneIds: z.record(z.string(), zoneId, {
        error: (issue) => (issue.input === undefined
            ? `is required: a Cloudflare zone id per domain, e.g. { zoneIds: { "district.k12.us": "<zone id>" } }`
            : "must map each domain to its Cloudflare zone id"),
    }),
    /** TTL of the TXT records in seconds: 1 (automatic) or 60 to 86400. Default 3600. */
    ttl: z.number({ error: TTL_RULE })
        .refine((ttl) => ttl === 1 || (Number.isInteger(ttl) && ttl >= 60 && ttl <= 86400), { error: TTL_RULE })
        .default(CLOUDFLARE_DEFAULT_TTL),
});

export type CloudflareSettings = z.output<typeof cloudflareSettingsSchema>;

export type CloudflareSettingsResult =
    | { ok: true; settings: CloudflareSettings }
    | { ok: false; problems: SettingsProblem[] };

/**
 * Parses the cloudflare adapter's settings against the listed domains: each domain needs a zone id
 * of its own (DOM-2), and a zone id for a domain that is not listed is a typo or a leftover.
 */
export function parseCloudflareSettings(settings: Record<string, unknown>, domains: readonly string[]): CloudflareSettingsResult {
    const parsed = cloudflareSettingsSchema.safeParse(settings ?? {});
    if (!parsed.success) return { ok: false, problems: settingsProblemsFromZod("cloudflare", parsed.error, ["zoneIds", "ttl"]) };
    const { zoneIds } = parsed.data;
    const problems: SettingsProblem[] = [];
    for (const domain of domains) {
        if (Object.prototype.hasOwnProperty.call(zoneIds, domain)) continue;
        const parent = listedParent(domain, domains);
        const parentZone = parent !== undefined ? zoneIds[parent] : undefined;
        problems.push({
            path: dottedPath(["zoneIds", domain]),
            message: parent !== undefined
                ? `missing: each subdomain is verified and published on its own (DOM-2), so "${domain}" needs its own entry; if its records live in the ${parent} zone, repeat that zone id${parentZone ? ` ("${parentZone}")` : ""}, otherwise give ${ZONE_ID_HINT}`
                : `missing: give the zone id of the zone that holds "${domain}": ${ZONE_ID_HINT}`,
        });
    }
    for (const key of Object.keys(zoneIds)) {
        if (!domains.includes(key)) {
            problems.push({
                path: dottedPath(["zoneIds", key]),
                message: `"${key}" is not one of the listed domains (${domains.join(", ") || "none"}); remove it or add the domain`,
            });
        }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: parsed.data };
}
