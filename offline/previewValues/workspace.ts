import { FakeOutputs } from "../recordingEngine";
import { RESOURCE_MODULE } from "../../provider/resources/common";

const dynamicType = (type: string) => `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${type}`;

/**
 * Placeholders for what the workspace computes at apply time, for the offline plan: the TXT value
 * of a domain registered by `pulumi up` is issued by the workspace then, so the plan says so.
 */
export const workspaceFakeOutputs: FakeOutputs = {
    [dynamicType("Domain")]: (inputs) => ({
        domainId: `<id of ${inputs.domain}>`,
        status: "pending",
        txtRecordName: inputs.domain,
        txtRecordValue: `<TXT value the workspace issues for ${inputs.domain} at apply>`,
        verifiedAt: null,
        adopted: false,
    }),
};
