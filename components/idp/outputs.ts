import * as pulumi from "@pulumi/pulumi";
import { IdpSide } from "./types";

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
