import { WorkspaceConfig } from "../config/schema";
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

/** A ChatGPT workspace custom role (publish GPTs, publish skills, …): no API, a console step (ROLE-1, ROLE-2). */
export interface ChatGptCustomRole {
    name: string;
    /** What the role grants on top of the workspace defaults, as the console names it. */
    grants: string[];
    /** Convention names of the SCIM-pushed groups to map to it. */
    groups: string[];
}

/**
 * The workspace-side fields of the config contract (`WorkspaceSpec`: customRoles, usageLimit,
 * per-group usageLimit, invites, workspaceId) that the runbook reads; optional so that a config
 * without them (the one-workspace form before it had them) renders too.
 */
export interface RunbookWorkspaceFields {
    workspaceId?: string;
    customRoles?: ChatGptCustomRole[];
    usageLimit?: { credits: number };
    invites?: { testUsers: boolean };
    groups: (WorkspaceConfig["groups"][number] & { usageLimit?: { credits: number } })[];
}

/** What the runbook renders from: the validated config of one workspace. */
export type RunbookConfig = Omit<WorkspaceConfig, "groups"> & RunbookWorkspaceFields;
