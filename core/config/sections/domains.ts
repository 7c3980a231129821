import { z } from "zod";
import { hostname, listOf, section, verificationToken } from "../primitives";

export const domainSchema = section("domain settings", {
    /** The email domain itself, e.g. `staff.district.k12.us`; each subdomain is listed on its own (DOM-2). Lowered. */
    name: hostname,
    /**
     * The TXT value the workspace generated for this domain (Global Admin Console → Domains), one line of the
     * form `openai-domain-verification=...`. Optional: without it the record is listed as pending.
     */
    verificationToken: verificationToken.optional(),
});

/** The tenant's verified (or to be verified) email domains, at least one. */
export const domainsSchema = listOf(domainSchema, "domains such as { name: district.k12.us }").min(1, {
    error: "list at least one email domain; each subdomain is listed on its own (DOM-2)",
});

export type DomainConfig = z.output<typeof domainSchema>;
