import { domainSchema } from "../../core/config/schema";
import { TxtRecordRequest } from "./adapter";
import { SettingsProblem } from "./settingsProblems";

/**
 * Checks the requested domains before anything is registered: each is a lower-case DNS name and
 * appears once. Subdomains are requests of their own (DOM-2), so a parent never stands in for one.
 */
export function requestProblems(records: readonly TxtRecordRequest[]): SettingsProblem[] {
    const problems: SettingsProblem[] = [];
    const seen = new Set<string>();
    records.forEach((record, i) => {
        const path = `records[${i}].domain`;
        const parsed = domainSchema.shape.name.safeParse(record.domain);
        if (!parsed.success) {
            problems.push({ path, message: `"${String(record.domain)}" ${parsed.error.issues[0].message}` });
            return;
        }
        if (seen.has(record.domain)) {
            problems.push({
                path,
                message: `domain "${record.domain}" is listed twice; each domain and each subdomain gets exactly one TXT record (DOM-2), so list it once`,
            });
        }
        seen.add(record.domain);
    });
    return problems;
}

/** The longest other listed domain that `domain` is a subdomain of, if any. */
export function listedParent(domain: string, domains: readonly string[]): string | undefined {
    return domains
        .filter((d) => d !== domain && domain.endsWith(`.${d}`))
        .sort((a, b) => b.length - a.length)[0];
}

/** A TXT value counts as issued when it is a non-empty string; anything else is pending. */
export function isIssued(value: string | undefined): value is string {
    return typeof value === "string" && value.length > 0;
}
