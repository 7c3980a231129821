import { FakeInvokes, FakeOutputs } from "../recordingEngine";
import { entraFakeInvokes, entraFakeOutputs } from "./entra";
import { oktaFakeInvokes, oktaFakeOutputs } from "./okta";

/** Placeholder values for what providers compute at apply time, so the plan can show hand-offs. */
export const previewFakeOutputs: FakeOutputs = { ...entraFakeOutputs, ...oktaFakeOutputs };
export const previewFakeInvokes: FakeInvokes = { ...entraFakeInvokes, ...oktaFakeInvokes };
