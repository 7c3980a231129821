import { deployFromStackConfig, stackOutputs } from "@chatgpt-identity/pulumi";

// The whole program: the stack config (Pulumi.<stack>.yaml) describes the identity setup; the
// stack outputs are the values to hand to other teams (TXT records, metadata URL, manual steps).
export = stackOutputs(deployFromStackConfig());
