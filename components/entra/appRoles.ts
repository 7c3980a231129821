// Types only: previewValues reads USER_APP_ROLE_ID, and an Okta plan must not load @pulumi/azuread.
import type * as azuread from "@pulumi/azuread";

/**
 * The app role to assign users and groups to on an app created from the non-gallery template.
 *
 * The template gives every instance two roles whose `value` is null, so neither appears in the
 * service principal's `appRoleIds` map (that map is keyed by value):
 *   - "User"         18d14569-c3bd-439b-9a66-3a2aee01d14f
 *   - "msiam_access" b9632174-c057-4f7e-951b-be3adc52bfe6 (shown as "Default Access" in the portal)
 * Source: the appRoles response of a non-gallery app in Microsoft's Graph guides
 * (microsoftgraph/microsoft-graph-docs, "Configure Application Proxy using Microsoft Graph APIs",
 * step "Assign users and groups to the application", which assigns the "User" role).
 *
 * We assign "User": Entra provisioning skips assignments made with the "Default Access" role, so
 * that role would leave groups out of the SCIM scope (GRP-2), and the zero GUID default-access id
 * is rejected on apps that publish roles (hashicorp/terraform-provider-azuread#736).
 */
export const USER_APP_ROLE_ID = "18d14569-c3bd-439b-9a66-3a2aee01d14f";
export const USER_APP_ROLE_NAME = "User";

/** The id of the enabled "User" role published by the service principal, else the template's documented id. */
export function userAppRoleId(
    roles: readonly Pick<azuread.types.output.ServicePrincipalAppRole, "displayName" | "id" | "enabled">[] | undefined,
): string {
    const role = (roles ?? []).find((r) => r.displayName === USER_APP_ROLE_NAME && r.enabled !== false && r.id);
    return role?.id ?? USER_APP_ROLE_ID;
}
