/** The longest other listed domain that `domain` is a subdomain of, if any. */
export function listedParent(domain: string, domains: readonly string[]): string | undefined {
    return domains.filter((d) => d !== domain && domain.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0];
}

/** A TXT value counts as issued when it is a non-empty string; anything else is pending. */
export function isIssued(value: string | undefined): value is string {
    return typeof value === "string" && value.length > 0;
}
