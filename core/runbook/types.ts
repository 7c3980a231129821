import { Finding, WorkspaceFacts } from "../rules";

/** What the runbook needs besides the config: values known only after planning or applying. */
export interface RunbookFacts {
    /** One TXT record per domain (DOM-2); `value` undefined while the workspace has not issued it. */
    txtRecords: { domain: string; name: string; value?: string }[];
    /** Values exchanged between the ChatGPT SSO wizard and the IdP; absent when SSO is off. */
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
    /** IdP console steps that cannot be done as code (Okta SCIM), in order. */
    scimManualSteps?: string[];
    /** Findings to list; default `evaluateRules(config, workspaceFacts)`. */
    findings?: Finding[];
    /** Facts for the default findings. */
    workspaceFacts?: WorkspaceFacts;
}
