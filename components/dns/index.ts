export type { DnsAdapter, TxtRecordRequest, TxtRecordResult } from "./adapter";
export { DOMAIN_TXT_RECORDS_TYPE, DomainTxtRecords } from "./domainTxtRecords";
export type { DomainTxtRecordsArgs } from "./domainTxtRecords";
export { SUGGESTED_TTL_SECONDS, TXT_VALUE_SOURCE, formatHandoff } from "./handoff";
export { DEFAULT_DNS_ADAPTER, DNS_ADAPTER_MODULES, availableDnsAdapters, loadDnsAdapter } from "./adapters/registry";
export {
    CLOUDFLARE_DNS_RECORD_TYPE,
    CLOUDFLARE_MISSING_FIX,
    CLOUDFLARE_MISSING_MESSAGE,
    CLOUDFLARE_RECORD_COMMENT,
    cloudflareInstalled,
    quoteTxtContent,
} from "./adapters/cloudflare";
