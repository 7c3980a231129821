/**
 * Pulumi type tokens the policies look at. Written out (not read from the provider classes) so the
 * policy pack loads without the provider SDKs; tests/policy checks them against the installed ones.
 */
export const WORKSPACE_IDENTITY_TYPE = "chatgpt-identity:index:WorkspaceIdentity";
export const TENANT_IDENTITY_TYPE = "chatgpt-identity:index:TenantIdentity";
/** The top-level component in the workspace form and in the tenant form. */
export const IDENTITY_TYPES: readonly string[] = [WORKSPACE_IDENTITY_TYPE, TENANT_IDENTITY_TYPE];

export const SAML_APP_TYPES = {
    entraApplication: "azuread:index/application:Application",
    entraApplicationFromTemplate: "azuread:index/applicationFromTemplate:ApplicationFromTemplate",
    entraServicePrincipal: "azuread:index/servicePrincipal:ServicePrincipal",
    entraClaimsMappingPolicy: "azuread:index/claimsMappingPolicy:ClaimsMappingPolicy",
    oktaSamlApp: "okta:app/saml:Saml",
} as const;

export const GROUP_TYPES = {
    entraGroup: "azuread:index/group:Group",
    oktaGroup: "okta:group/group:Group",
} as const;

/**
 * True when the resource was registered under one of this package's components: its URN's type
 * chain (`parent$child$...`) contains a `chatgpt-identity:` type. Resources of the same types that the
 * stack declares for other purposes are left alone.
 */
export function isUnderThisPackage(urn: string): boolean {
    const typeChain = urn.split("::")[2] ?? "";
    return typeChain
        .split("$")
        .slice(0, -1)
        .some((t) => t.startsWith("chatgpt-identity:"));
}
