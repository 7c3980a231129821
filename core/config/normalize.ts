import { TenantDraft, WorkspaceDraft } from "./draft";
import { TenantFormOutput, WorkspaceFormOutput } from "./forms";
import { at } from "./draft";
import { WorkspaceEntry } from "./sections/workspace";

/** The key of the one workspace of the workspace form. */
export const DEFAULT_WORKSPACE_KEY = "default";
/** Secret config keys (without namespace) of the workspace form. */
export const SCIM_TOKEN_KEY = "scimToken";
export const ADMIN_KEY = "adminKey";
export const API_PLATFORM_ADMIN_KEY = "apiPlatformAdminKey";

type WorkspaceFields = Omit<WorkspaceEntry, "key" | "name">;

function workspaceDraft(
    key: string,
    name: string,
    path: string,
    fields: WorkspaceFields,
    form: "workspace" | "tenant",
): WorkspaceDraft {
    const { tokenKey, ...scim } = fields.scim;
    return {
        key,
        name,
        path,
        ...(fields.workspaceId !== undefined ? { workspaceId: fields.workspaceId } : {}),
        phase: fields.phase,
        scim: { ...scim, tokenKey: tokenKey ?? (form === "workspace" ? SCIM_TOKEN_KEY : `${SCIM_TOKEN_KEY}-${key}`) },
        groups: fields.groups,
        settings: fields.settings,
        ...(fields.usageLimit !== undefined ? { usageLimit: fields.usageLimit } : {}),
        invites: fields.invites,
        customRoles: fields.customRoles,
        manageWorkspace: fields.manageWorkspace,
        adminKeyConfigKey: form === "workspace" ? ADMIN_KEY : `${ADMIN_KEY}-${key}`,
    };
}

/** The workspace form: a tenant with one workspace, key `default`, every path rooted at `workspace`. */
export function fromWorkspaceForm(parsed: WorkspaceFormOutput): TenantDraft {
    const { apiPlatformSsoEnabled, ...sso } = parsed.sso;
    const apiPlatform = { ...parsed.apiPlatform };
    if (apiPlatform.ssoEnabled === undefined && apiPlatformSsoEnabled !== undefined)
        apiPlatform.ssoEnabled = apiPlatformSsoEnabled;
    return {
        form: "workspace",
        path: "workspace",
        name: parsed.name,
        idp: parsed.idp,
        domains: parsed.domains,
        dns: parsed.dns,
        sso,
        apiPlatform,
        facts: parsed.facts,
        workspaces: [workspaceDraft(DEFAULT_WORKSPACE_KEY, parsed.name, "workspace", parsed, "workspace")],
    };
}

/** The tenant form: paths `tenant.…` and `tenant.workspaces[i].…`. */
export function fromTenantForm(parsed: TenantFormOutput): TenantDraft {
    return {
        form: "tenant",
        path: "tenant",
        name: parsed.name,
        idp: parsed.idp,
        domains: parsed.domains,
        dns: parsed.dns,
        sso: parsed.sso,
        apiPlatform: parsed.apiPlatform,
        facts: parsed.facts,
        workspaces: parsed.workspaces.map(({ key, name, ...fields }, i) =>
            workspaceDraft(key, name, at("tenant", "workspaces", i), fields, "tenant"),
        ),
    };
}
