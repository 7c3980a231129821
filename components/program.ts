import * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEY, CONFIG_NAMESPACE, SCIM_TOKEN_KEY } from "../core/config/load";
import { WorkspaceIdentity } from "./workspaceIdentity";

/** The logical name of the top-level component in every stack built from stack config. */
export const ROOT_COMPONENT_NAME = "identity";

/**
 * The whole program of a chatgpt-identity stack: reads the structured object
 * `chatgpt-identity:workspace` and the secret `chatgpt-identity:scimToken` from stack config and
 * builds the WorkspaceIdentity. The root project, the examples and `chatgpt-identity plan` all run
 * exactly this.
 */
export function deployFromStackConfig(): WorkspaceIdentity {
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    const workspace = config.requireObject<unknown>(CONFIG_KEY);
    const scimToken = config.getSecret(SCIM_TOKEN_KEY);
    return new WorkspaceIdentity(ROOT_COMPONENT_NAME, { config: workspace as never, secrets: { scimToken } });
}

/** The stack outputs an administrator needs to hand values to other teams. */
export function stackOutputs(identity: WorkspaceIdentity) {
    return {
        txtRecords: identity.txtRecords,
        dnsHandoff: identity.dnsHandoff,
        ssoMetadataUrl: identity.ssoMetadataUrl,
        scimManualSteps: identity.scimManualSteps,
        groups: identity.idp.groups.map((g) => ({ name: g.name, id: g.id })),
    };
}
