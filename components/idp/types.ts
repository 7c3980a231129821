import * as pulumi from "@pulumi/pulumi";
import { TenantConfig } from "../../core/config/model";

/**
 * What each identity-provider side (Entra ID, Okta) hands to the top-level component: the tenant's
 * ONE SSO app (SSO-10) and, per workspace, its own SCIM app and access groups (SCIM-7). The
 * workspace side attaches here: its settings wait on the SSO app (DOM-1), its role mappings on the
 * workspace's `pushedGroupsReady` (ROLE-2).
 */
export interface IdpSide {
    /** The tenant's one SSO app; present unless `sso.stage` is `off`. */
    sso?: SsoAppOutputs;
    /** One entry per workspace, in config order. */
    workspaces: WorkspaceIdpSide[];
}

/** The IdP side of one ChatGPT workspace. */
export interface WorkspaceIdpSide {
    /** `WorkspaceSpec.key` (`default` in the workspace form). */
    key: string;
    /** This workspace's SCIM app; present when its `scim.enabled`. */
    scim?: ScimAppOutputs;
    /** This workspace's access groups, in config order, each assigned to its own SCIM app (GRP-2). */
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
    /**
     * SCIM bearer token of each workspace, keyed by `WorkspaceSpec.key`, from the secret config key
     * `chatgpt-identity:<scim.tokenKey>` (`scimToken` in the workspace form, `scimToken-<key>` in the
     * tenant form). Entra stores it in that workspace's SCIM app; Okta takes it in its admin console
     * (a manual step), so an Okta stack needs none. Never shared between workspaces (SCIM-7).
     * Default {}; the config gate reports a token an Entra workspace needs and lacks.
     */
    scimTokens?: Record<string, pulumi.Input<string> | undefined>;
}

/** The arguments of both IdP sides (`EntraIdentity`, `OktaIdentity`): the same shape for each. */
export interface IdpSideArgs {
    /** The validated tenant config (from the config gate); components carry no second copy of its checks. */
    tenant: TenantConfig;
    /** Secret inputs. Default {}. */
    secrets?: IdpSecrets;
}
