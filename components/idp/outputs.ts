import * as pulumi from "@pulumi/pulumi";
import { AccessGroupRef, IdpSide, ScimAppOutputs, SsoAppOutputs, WorkspaceIdpSide } from "./types";

/** The outputs both IdP sides register: the SSO app and, per workspace, its SCIM app and groups. */
export function idpSideOutputs(side: IdpSide): pulumi.Inputs {
    return {
        ssoAppId: side.sso?.appId,
        ssoMetadataUrl: side.sso?.metadataUrl,
        workspaces: side.workspaces.map((w) => ({
            key: w.key,
            scimAppId: w.scim?.appId,
            scimManualSteps: w.scim?.manualSteps,
            groups: w.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        })),
    };
}

/** What each IdP component built for one workspace, as far as the shared side needs it. */
export interface BuiltWorkspace {
    key: string;
    scimApp?: ScimAppOutputs;
    accessGroups: { groups: AccessGroupRef[] };
}

/**
 * The side both IdP components hand to the top-level component, from what they built: the one SSO
 * app and, per workspace, its SCIM app, its groups and what the workspace side waits on (ROLE-2).
 */
export function idpSide(
    ssoApp: SsoAppOutputs | undefined,
    workspaces: BuiltWorkspace[],
    pushedGroupsReady: (workspace: BuiltWorkspace, index: number) => pulumi.Resource[],
): IdpSide {
    return {
        sso: ssoApp && {
            appId: ssoApp.appId,
            metadataUrl: ssoApp.metadataUrl,
            entityId: ssoApp.entityId,
            certificateThumbprint: ssoApp.certificateThumbprint,
        },
        workspaces: workspaces.map((w, i): WorkspaceIdpSide => ({
            key: w.key,
            scim: w.scimApp && { appId: w.scimApp.appId, manualSteps: w.scimApp.manualSteps },
            groups: w.accessGroups.groups,
            pushedGroupsReady: pushedGroupsReady(w, i),
        })),
    };
}
