import { CONFIG_NAMESPACE } from "../config/load";
import { TenantConfig, WorkspaceSpec } from "../config/model";
import { IDP_DISPLAY_NAMES } from "../rules/types";

/** One titled part of the runbook; `lines` is Markdown; `parts` are numbered sub-sections (one per workspace topic). */
export interface Section {
    title: string;
    lines: string[];
    parts?: Section[];
}

/** The workspace's own settings page (SCIM, SSO stage, account creation): one per workspace. */
export const IDENTITY_PAGE = "Workspace settings → Identity & Access";
/** Where the tenant's shared SSO connection and verified domains live (one per tenant, SSO-10). */
export const GLOBAL_IDENTITY_PAGE = "Global Admin Console → Identity & Access";

export const code = (text: string) => `\`${text}\``;
export const idpOf = (config: TenantConfig) => IDP_DISPLAY_NAMES[config.idp];
export const domainNames = (config: TenantConfig) => config.domains.map((d) => d.name);
/** "a Microsoft Entra ID error", "an Okta error". */
export const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
/** The stack secret holding a workspace's SCIM token: `chatgpt-identity:scimToken[-key]`. */
export const scimTokenSecret = (ws: WorkspaceSpec) => `${CONFIG_NAMESPACE}:${ws.scim.tokenKey}`;

/**
 * Where the tenant's domains and its SSO connection are set up: a one-workspace stack (the workspace
 * form) sees them in its workspace's settings; a tenant stack in the Global Admin Console.
 */
export const tenantPage = (config: TenantConfig) =>
    config.form === "workspace" ? IDENTITY_PAGE : GLOBAL_IDENTITY_PAGE;

/**
 * A workspace field's path as written in the stack config, relative to the form's key like the tenant
 * fields (`sso.stage`): `scim.baseUrl` in the workspace form, `workspaces[1].scim.baseUrl` in the tenant form.
 */
export function fieldOf(config: TenantConfig, ws: WorkspaceSpec, field: string): string {
    if (ws.path === config.path) return field;
    return `${ws.path.startsWith(`${config.path}.`) ? ws.path.slice(config.path.length + 1) : ws.path}.${field}`;
}

/** Numbered Markdown steps (a nested block under a step is indented by the caller). */
export function steps(items: string[]): string[] {
    return items.map((item, i) => `${i + 1}. ${item}`);
}
