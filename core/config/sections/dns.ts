import { z } from "zod";
import { quote } from "../paths";
import { expected, oneOf, plainText, section } from "../primitives";

/** The DNS adapters that publish the TXT records. */
export const DNS_ADAPTERS = ["manual", "cloudflare"] as const;
export type DnsAdapterName = (typeof DNS_ADAPTERS)[number];

/** TTL of a published Cloudflare record when `ttl` is not set: one hour. */
export const CLOUDFLARE_DEFAULT_TTL = 3600;

export const ZONE_ID_HINT =
    "the 32-character Zone ID shown on the zone's Overview page in the Cloudflare dashboard (API section)";
const TTL_RULE = "must be 1 (automatic) or a whole number of seconds from 60 to 86400";

const zoneId = plainText("a Cloudflare zone id", { max: 64 }).refine((v) => /^[0-9a-f]{32}$/.test(v), {
    error: (issue) => `must be ${ZONE_ID_HINT}, got ${quote(issue.input)}`,
});

/** `dns.settings` of the cloudflare adapter. Zone ids are checked against the listed domains by the gate (DOM-2). */
export const cloudflareSettingsSchema = section("Cloudflare settings", {
    /**
     * Cloudflare zone id per listed domain, keyed by the domain exactly as listed; every subdomain has its own entry
     * (DOM-2).
     */
    zoneIds: z.record(z.string(), zoneId, {
        error: (issue) =>
            issue.code === "invalid_type"
                ? issue.input === undefined
                    ? `is required: a Cloudflare zone id per domain, e.g. { zoneIds: { "district.k12.us": "<zone ` +
                      `id>" } }`
                    : `expected a mapping of each domain to its Cloudflare zone id, got ` +
                      `${typeof issue.input === "string" ? `a string (${quote(issue.input)})` : "something else"}`
                : undefined,
    }),
    /** TTL of the TXT records in seconds: 1 (automatic) or 60 to 86400. Default 3600 (CLOUDFLARE_DEFAULT_TTL). */
    ttl: z
        .number({ error: expected("a number of seconds") })
        .refine((ttl) => ttl === 1 || (Number.isInteger(ttl) && ttl >= 60 && ttl <= 86400), { error: TTL_RULE })
        .optional(),
});

export type CloudflareSettings = z.output<typeof cloudflareSettingsSchema>;

/** The manual adapter takes no settings; `settings: {}` is tolerated for old stacks. */
const manualSettingsSchema = z.strictObject(
    {},
    {
        error: (issue) =>
            issue.code === "unrecognized_keys"
                ? `the manual DNS adapter takes no settings; remove ${issue.keys.map((k) => quote(k)).join(", ")}`
                : expected("no settings (the manual adapter takes none)")(issue),
    },
);

/** The DNS section: a union keyed on the adapter (issue 7). */
export type DnsConfig = { adapter: "manual" } | { adapter: "cloudflare"; settings: CloudflareSettings };

export const dnsSchema = section("DNS settings", {
    /** Which adapter publishes the TXT records: `manual` (a hand-off for the DNS team, default) or `cloudflare`. */
    adapter: oneOf(DNS_ADAPTERS, "a DNS adapter").default("manual"),
    /** Adapter settings: none for `manual`; `{ zoneIds: { <domain>: <zone id> }, ttl? }` for `cloudflare`. */
    settings: z.unknown().optional(),
})
    .superRefine((dns, ctx) => {
        if (dns.adapter === "cloudflare" && dns.settings === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["settings"],
                message: `is required for the cloudflare adapter: { zoneIds: { "district.k12.us": "<zone id>" } }`,
            });
            return;
        }
        const schema = dns.adapter === "cloudflare" ? cloudflareSettingsSchema : manualSettingsSchema;
        const parsed = schema.safeParse(dns.settings ?? {});
        if (parsed.success) {
            const keys = Object.keys((parsed.data as { zoneIds?: Record<string, string> }).zoneIds ?? {});
            keys.forEach((key, i) => {
                const first = keys.findIndex((k) => k.toLowerCase() === key.toLowerCase());
                if (first === i) return;
                ctx.addIssue({
                    code: "custom",
                    path: ["settings", "zoneIds", key],
                    message:
                        `${quote(key)} and ${quote(keys[first])} name the same domain (domains compare without ` +
                        `case); keep one`,
                });
            });
            return;
        }
        for (const issue of parsed.error.issues) {
            ctx.addIssue({ code: "custom", path: ["settings", ...issue.path], message: issue.message });
        }
    })
    .transform((dns): DnsConfig => {
        if (dns.adapter !== "cloudflare") return { adapter: "manual" };
        const settings = cloudflareSettingsSchema.parse(dns.settings);
        // Domains are lowered by the gate, so the zone ids are keyed the same way (duplicates: see checks/domains).
        const zoneIds = Object.fromEntries(
            Object.entries(settings.zoneIds).map(([domain, id]) => [domain.toLowerCase(), id]),
        );
        return { adapter: "cloudflare", settings: { ...settings, zoneIds } };
    });
