import { deployFromStackConfig, stackOutputs } from "./components/program";

// The root Pulumi program (Pulumi.yaml): one structured stack config object in, the whole
// identity setup out. Invalid config throws before any resource is registered.
export = stackOutputs(deployFromStackConfig());
