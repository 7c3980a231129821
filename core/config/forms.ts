import { z } from "zod";
import { bool, listOf, oneOf, plainText, section } from "./primitives";
import { apiPlatformSchema } from "./sections/apiPlatform";
import { dnsSchema } from "./sections/dns";
import { domainsSchema } from "./sections/domains";
import { factsSchema } from "./sections/facts";
import { ssoSchema, ssoShape } from "./sections/sso";
import { workspaceEntrySchema, workspaceFields } from "./sections/workspace";

export const IDP_KINDS = ["entra", "okta"] as const;
export type IdpKind = (typeof IDP_KINDS)[number];

/** The tenant-level fields, the same in both forms. */
const tenantFields = {
    /** District or company name, used in IdP app display names ("ChatGPT SSO (name)"). */
    name: plainText("a name such as Lincoln Unified School District", { max: 80 }),
    /** Which identity provider hosts the one SSO app and the SCIM apps: `entra` or `okta`. */
    idp: oneOf(IDP_KINDS, "an identity provider"),
    domains: domainsSchema,
    dns: dnsSchema.prefault({}),
    apiPlatform: apiPlatformSchema.prefault({}),
    facts: factsSchema.prefault({}),
};

/**
 * `chatgpt-identity:tenant`: the tenant (its domains, DNS, its ONE SSO connection, its API Platform
 * organizations) and one or more workspaces, each with its own SCIM directory.
 */
export const tenantFormSchema = section("tenant settings", {
    ...tenantFields,
    sso: ssoSchema.prefault({}),
    /** The tenant's ChatGPT workspaces, at least one. */
    workspaces: listOf(workspaceEntrySchema, "workspaces").min(1, { error: "list at least one workspace" }),
});

/**
 * `chatgpt-identity:workspace`: today's single-workspace form, meaning a tenant with one workspace (key
 * `default`). `sso.apiPlatformSsoEnabled` is still accepted and means `apiPlatform.ssoEnabled`.
 */
export const workspaceFormSchema = section("workspace settings", {
    ...tenantFields,
    sso: section("SSO settings", {
        ...ssoShape,
        /** Old spelling of `apiPlatform.ssoEnabled` (SSO-4); still accepted in the workspace form. */
        apiPlatformSsoEnabled: bool().optional(),
    }).prefault({}),
    ...workspaceFields,
});

export type TenantFormInput = z.input<typeof tenantFormSchema>;
export type TenantFormOutput = z.output<typeof tenantFormSchema>;
/** The workspace form as written in the stack file (defaults optional). */
export type WorkspaceFormInput = z.input<typeof workspaceFormSchema>;
export type WorkspaceFormOutput = z.output<typeof workspaceFormSchema>;
