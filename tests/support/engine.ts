import * as pulumi from "@pulumi/pulumi";
import {
    FakeInvokes,
    FakeOutputs,
    RecordingEngine,
    RecordingEngineOptions,
    settle,
} from "../../offline/recordingEngine";

export { RecordedSecret, valueOf } from "../../offline/recordingEngine";

// Without an engine, Pulumi's log prints to the console; tests that care about it patch it in.
Object.assign(pulumi.log, {
    info: () => Promise.resolve(),
    warn: () => Promise.resolve(),
    debug: () => Promise.resolve(),
});

/**
 * A fresh recording engine for one test: installs it as the Pulumi runtime's monitor, runs `build`,
 * waits for every registration and returns the engine to assert on.
 */
export async function record<T>(
    build: () => T,
    options: RecordingEngineOptions = {},
): Promise<{ engine: RecordingEngine; result: T }> {
    const engine = new RecordingEngine({ preview: false, ...options }).install();
    const result = build();
    await settle();
    return { engine, result };
}

export type { FakeInvokes, FakeOutputs };
