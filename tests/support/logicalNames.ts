import { RecordedResource, RecordingEngine } from "../../offline/recordingEngine";

/**
 * Every resource's identity as Pulumi keys it in state: the type chain of its parents and its own
 * type (the qualified type of the URN) plus its logical name. Two programs that produce the same
 * list keep every resource; a changed entry is a replacement unless it carries an alias.
 */
export function logicalNames(engine: RecordingEngine): string[] {
    const byUrn = new Map(engine.resources.map((r) => [r.urn, r]));
    const chain = (r: RecordedResource): string => {
        const parent = r.parentUrn === undefined ? undefined : byUrn.get(r.parentUrn);
        return parent ? `${chain(parent)}$${r.type}` : r.type;
    };
    return engine.resources.map((r) => `${chain(r)}::${r.name}`).sort();
}
