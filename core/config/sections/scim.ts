import { z } from "zod";
import { bool, httpsUrl, plainText, secretConfigKey, section } from "../primitives";

/** One workspace's SCIM directory (SCIM-7: each workspace has its own app, base URL and token). */
export const scimSchema = section("SCIM settings", {
    /** Whether this workspace's SCIM provisioning app is built. Default false. SSO is not required (SCIM-2). */
    enabled: bool().default(false),
    /**
     * SCIM base URL from this workspace's Directory Sync wizard (https). Required when enabled; never shared (SCIM-7).
     */
    baseUrl: httpsUrl("the ChatGPT Directory Sync wizard").optional(),
    /**
     * Okta only. Okta accepts group pushes only after SCIM provisioning is switched on for the app in its
     * admin console (no API can). Leave false for the first `pulumi up`, do the `scimManualSteps`, then set
     * true. Default false.
     */
    oktaProvisioningEnabled: bool().default(false),
    /**
     * Tenant form only: the secret config key holding this workspace's SCIM token. Default `scimToken-<key>`
     * (the workspace form always uses `scimToken`). Two workspaces never share one (SCIM-7).
     */
    tokenKey: secretConfigKey.optional(),
    /**
     * The IdP attribute this workspace's SCIM attribute mapping sends as the user's email/identifier, when you
     * changed the default. Default: the email claim's default source (Entra `user.mail`, Okta `user.email`),
     * which is what the default mappings send as the user's email. Must equal the email claim's source (SSO-12).
     */
    identifierSource: plainText("an IdP attribute name such as user.mail").optional(),
});

export type ScimSection = z.output<typeof scimSchema>;
