import * as pulumi from "@pulumi/pulumi";
import { WorkspaceConfig } from "../../core/config/schema";

/**
 * What each identity-provider side (Entra ID, Okta) hands to the top-level component. The
 * workspace side attaches here: role mappings wait on `pushedGroups` (ROLE-2), and the SSO stage
 * in the workspace waits on the SSO app (DOM-1 ordering is handled by the workspace side).
 */
export interface IdpSide {
    /** Present unless `sso.stage` is `off`. */
    sso?: SsoAppOutputs;
    /** Present when `scim.enabled`. */
    scim?: ScimAppOutputs;
    /** Every declared access group, in config order. */
    groups: AccessGroupRef[];
    /** Resources that must exist before the workspace may rely on pushed groups (assignments, pushes). */
    pushedGroupsReady: pulumi.Resource[];
}

export interface SsoAppOutputs {
    /** IdP-side id of the SSO application (Entra application object id / Okta app id). */
    appId: pulumi.Output<string>;
    /** SAML metadata URL to paste into the ChatGPT SSO wizard. */
    metadataUrl: pulumi.Output<string>;
    /** The SP entity ID the app was configured with. */
    entityId: pulumi.Output<string>;
    /** Thumbprint of the token-signing certificate, when the IdP exposes one. */
    certificateThumbprint: pulumi.Output<string | undefined>;
}

export interface ScimAppOutputs {
    /** IdP-side id of the SCIM provisioning application; never the SSO app's (SCIM-1). */
    appId: pulumi.Output<string>;
    /** One-time steps that cannot be done as code (empty when everything is code). */
    manualSteps: pulumi.Output<string[]>;
}

export interface AccessGroupRef {
    /** Convention name, e.g. ROLLOUT_ROLE_Teachers. */
    name: string;
    /** IdP object id of the group (created or adopted). */
    id: pulumi.Output<string>;
    /** True when the group was adopted by id rather than created. */
    adopted: boolean;
}

/** Secret inputs of the IdP side, read from secret config by the program. */
export interface IdpSecrets {
    /** SCIM bearer token from the ChatGPT Directory Sync wizard; required when scim.enabled. */
    scimToken?: pulumi.Input<string>;
}

/** Arguments every IdP-side component takes. */
export interface IdpSideArgs {
    /** The validated workspace config. */
    config: WorkspaceConfig;
    secrets: IdpSecrets;
}
