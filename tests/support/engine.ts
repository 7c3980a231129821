import { FakeInvokes, FakeOutputs, RecordingEngine, RecordingEngineOptions, settle } from "../../cli/recordingEngine";

export { RecordedSecret, valueOf } from "../../cli/recordingEngine";

/**
 * A fresh recording engine for one test: installs it as the Pulumi runtime's monitor, runs `build`,
 * waits for every registration and returns the engine to assert on.
 */
export async function record<T>(build: () => T, options: RecordingEngineOptions = {}): Promise<{ engine: RecordingEngine; result: T }> {
    const engine = new RecordingEngine({ preview: false, ...options }).install();
    const result = build();
    await settle();
    return { engine, result };
}

export type { FakeInvokes, FakeOutputs };
