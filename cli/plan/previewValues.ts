import { FakeInvokes, FakeOutputs } from "../recordingEngine";
import { entraFakeInvokes, entraFakeOutputs } from "../../components/entra/previewValues";
import { oktaFakeInvokes, oktaFakeOutputs } from "../../components/okta/previewValues";
import { workspaceFakeOutputs } from "../../components/workspace/previewValues";

/** Placeholder values for what providers compute at apply time, so the plan can show hand-offs. */
export const previewFakeOutputs: FakeOutputs = { ...entraFakeOutputs, ...oktaFakeOutputs, ...workspaceFakeOutputs };
export const previewFakeInvokes: FakeInvokes = { ...entraFakeInvokes, ...oktaFakeInvokes };
