import { Finding, TenantFacts } from "../rules";

/** What the runbook needs besides the config: values known only after planning or applying. */
export interface RunbookFacts {
    /** One TXT record per domain (DOM-2); `value` undefined while the console has not shown it. */
    txtRecords: { domain: string; name: string; value?: string }[];
    /** Values exchanged between the tenant's one SSO wizard and the IdP (SSO-10); absent when SSO is off. */
    sso?: {
        /** IdP SAML metadata URL to paste into ChatGPT (known after `pulumi up`). */
        metadataUrl?: string;
        /** SP entity ID configured on the IdP app (defaults to `sso.entityId`). */
        entityId?: string;
        /** ACS URL configured on the IdP app (defaults to `sso.acsUrl`). */
        acsUrl?: string;
        /** Display name of the SSO app in the IdP. */
        appName?: string;
    };
    /** IdP console steps that cannot be done as code (Okta SCIM, Entra mappings), in order, by workspace key. */
    scimManualSteps?: Record<string, string[]>;
    /** Findings to list; default `evaluateRules(config, tenantFacts)`. */
    findings?: Finding[];
    /** Facts for the default findings, merged over the config's `facts:` section. */
    tenantFacts?: TenantFacts;
}
