import * as pulumi from "@pulumi/pulumi";
import { SsoStage, WorkspaceConfig } from "../../core/config/schema";
import { IdpSide } from "../idp/types";
import { WorkspaceSsoStage } from "../../clients/identityApi";
import { CustomRole } from "../../provider/resources/customRole";
import { GroupRoleMappings } from "../../provider/resources/groupRoleMappings";
import { WorkspaceSettings, WorkspaceSettingsArgs } from "../../provider/resources/settings";
import { DomainVerification } from "../../provider/resources/verification";
import { WorkspaceDomains } from "./domains";

export const WORKSPACE_ACCESS_TYPE = "chatgpt-identity:workspace:Access";

export interface WorkspaceAccessArgs {
    /** The validated workspace config. */
    config: WorkspaceConfig;
    /** The registered domains (WorkspaceDomains). */
    domains: WorkspaceDomains;
    /** Resources that publish the TXT records; verification waits for them (DOM-1, DOM-4). */
    dnsReady: pulumi.Resource[];
    /** The IdP side: the settings wait for its SSO app (DOM-1), the role mappings for its pushed groups (ROLE-2). */
    idp: IdpSide;
}

/** Config SSO stage → workspace stage: `testing` is SSO on in the workspace with the IdP app limited to test users. */
export const WORKSPACE_SSO_STAGE: Record<SsoStage, WorkspaceSsoStage> = {
    off: "off",
    testing: "enabled",
    enabled: "enabled",
    enforced: "enforced",
};

/** The WorkspaceSettings inputs a config asks for. */
export function settingsArgsFor(config: WorkspaceConfig): WorkspaceSettingsArgs {
    const ssoStage = WORKSPACE_SSO_STAGE[config.sso.stage];
    return {
        ssoStage,
        // SSO-4: with SSO on, API Platform SSO must be on too; left unmanaged while SSO is off unless the config says.
        apiPlatformSso: config.sso.apiPlatformSsoEnabled ?? (ssoStage === "off" ? undefined : true),
        automaticAccountCreation: config.settings.automaticAccountCreation,
        externalInvites: config.settings.externalInvites,
        directorySync: config.scim.enabled,
        testedUsers: config.sso.testedUsers,
        acknowledgeUntestedEnforcement: config.sso.acknowledgeUntestedEnforcement,
        allowAutomaticAccountCreationWithScim: config.settings.allowAutomaticAccountCreationWithScim,
    };
}

function slug(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * The workspace side after the domains: verification of each domain (after DNS), the identity
 * settings (after every verification and the IdP SSO app: DOM-1), the custom roles, and one
 * GroupRoleMappings for every group → role mapping (after the groups are pushed: ROLE-2).
 */
export class WorkspaceAccess extends pulumi.ComponentResource {
    readonly verifications: DomainVerification[];
    readonly settings: WorkspaceSettings;
    readonly roles: CustomRole[];
    /** Present when the config maps groups to roles. */
    readonly roleMappings?: GroupRoleMappings;

    constructor(name: string, args: WorkspaceAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WORKSPACE_ACCESS_TYPE, name, {}, opts);
        const { config, domains, dnsReady, idp } = args;

        this.verifications = domains.txtRecords.map((record, i) => {
            const domain = domains.domains[i];
            return new DomainVerification(`${name}-verify-${record.domain}`, { domainId: domain.domainId, domain: record.domain }, { parent: this, dependsOn: dnsReady });
        });

        this.settings = new WorkspaceSettings(`${name}-settings`, {
            ...settingsArgsFor(config),
            // An input, not only an option: the settings wait for the SSO app's id (DOM-1 ordering).
            ssoAppId: idp.sso?.appId,
        }, { parent: this, dependsOn: this.verifications });

        this.roles = config.roles.map((role) => new CustomRole(`${name}-role-${slug(role.name)}`, {
            name: role.name,
            description: role.description,
            permissions: role.permissions,
        }, { parent: this }));

        if (config.roleAssignments.length > 0) {
            this.roleMappings = new GroupRoleMappings(`${name}-role-mappings`, {
                mappings: config.roleAssignments.map((a) => ({ group: a.group, roles: a.roles })),
            }, { parent: this, dependsOn: [...idp.pushedGroupsReady, ...this.roles] });
        }

        this.registerOutputs({
            settingsId: this.settings.id,
            verifiedDomains: this.verifications.map((v) => v.domain),
            roleIds: this.roles.map((r) => r.roleId),
        });
    }
}
