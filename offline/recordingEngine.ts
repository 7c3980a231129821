import * as pulumi from "@pulumi/pulumi";

type Mocks = pulumi.runtime.Mocks;
type MockCallArgs = pulumi.runtime.MockCallArgs;
type MockResourceArgs = pulumi.runtime.MockResourceArgs;
const { getMonitor, specialSecretSig, specialSigKey } = pulumi.runtime;
// `pulumi.runtime` exports waitForRPCs (resolves when no RPC is outstanding), but its typings omit it.
const runtimeRpcs = pulumi.runtime as typeof pulumi.runtime & { waitForRPCs?: () => Promise<void> };

/**
 * A mock Pulumi engine that records every resource the program registers, with its parent, so that
 * a program can be run with no CLI and no credentials: by `chatgpt-identity plan` to show what
 * `pulumi up` would do, and by the tests to assert exact child resources.
 */

/** A secret input as recorded: the value is kept for assertions but never printed. */
export class RecordedSecret {
    constructor(readonly value: unknown) {}
    toJSON(): string {
        return "[secret]";
    }
}

export interface RecordedResource {
    type: string;
    name: string;
    urn: string;
    /** URN of the parent resource, or undefined for a top-level resource. */
    parentUrn?: string;
    /** Type token of the parent, or undefined for a top-level resource. */
    parentType?: string;
    custom: boolean;
    /** Inputs as sent to the engine; secret values are RecordedSecret. Unknown values are undefined. */
    inputs: Record<string, any>;
    /** Resource options as the engine saw them. */
    dependsOn: string[];
    deleteBeforeReplace: boolean;
    retainOnDelete: boolean;
    protect: boolean;
    /** Names of the resource's aliases (`aliases: [{ name }]`), in option order. */
    aliasNames: string[];
}

export interface RecordedInvoke {
    token: string;
    inputs: Record<string, any>;
}

/** Fake provider outputs by resource type (values a real provider computes). */
export type FakeOutputs = Record<string, (inputs: Record<string, any>, name: string) => Record<string, unknown>>;
/** Fake invoke (data source) results by function token. */
export type FakeInvokes = Record<string, (inputs: Record<string, any>) => Record<string, unknown>>;

export interface RecordingEngineOptions {
    project?: string;
    stack?: string;
    /** Preview mode: values a provider computes are unknown unless fakeOutputs supply them. Default true. */
    preview?: boolean;
    fakeOutputs?: FakeOutputs;
    fakeInvokes?: FakeInvokes;
}

function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[specialSigKey] === specialSecretSig) return new RecordedSecret(unwrapSecrets(record.value));
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

function parentTypeOf(urn: string | undefined): string | undefined {
    if (!urn) return undefined;
    return urn.split("::")[2]?.split("$").pop();
}

export class RecordingEngine {
    readonly resources: RecordedResource[] = [];
    readonly invokes: RecordedInvoke[] = [];

    constructor(private readonly options: RecordingEngineOptions = {}) {}

    /** Makes this engine the one the Pulumi runtime talks to. Call before constructing resources. */
    install(): this {
        const mocks: Mocks = {
            newResource: (args: MockResourceArgs) => this.newResource(args),
            call: (args: MockCallArgs) => this.call(args),
        };
        // setMocks also turns on the engine features (secrets, resource references) a real engine has.
        void pulumi.runtime.setMocks(
            mocks,
            this.options.project ?? "chatgpt-identity",
            this.options.stack ?? "plan",
            this.options.preview ?? true,
        );
        const monitor = getMonitor() as any;
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: any) => {
            this.pendingParents.set(`${req.getType()}::${req.getName()}`, {
                parentUrn: req.getParent() || undefined,
                dependsOn: req.getDependenciesList?.() ?? [],
                deleteBeforeReplace: req.getDeletebeforereplace?.() ?? false,
                retainOnDelete: req.getRetainondelete?.() ?? false,
                protect: req.getProtect?.() ?? false,
                aliasNames: (req.getAliasesList?.() ?? [])
                    .map((a: any) => a.getSpec?.()?.getName?.() as string | undefined)
                    .filter((n: string | undefined): n is string => Boolean(n)),
            });
            return register(req, callback);
        };
        return this;
    }

    private readonly pendingParents = new Map<
        string,
        {
            parentUrn?: string;
            dependsOn: string[];
            deleteBeforeReplace: boolean;
            retainOnDelete: boolean;
            protect: boolean;
            aliasNames: string[];
        }
    >();

    private newResource(args: MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const key = `${args.type}::${args.name}`;
        const meta = this.pendingParents.get(key) ?? {
            dependsOn: [],
            deleteBeforeReplace: false,
            retainOnDelete: false,
            protect: false,
            aliasNames: [],
        };
        this.pendingParents.delete(key);
        const inputs = unwrapSecrets(args.inputs ?? {}) as Record<string, any>;
        const parentType = parentTypeOf(meta.parentUrn);
        const qualifiedType = parentType ? `${parentType}$${args.type}` : args.type;
        const urn = `urn:pulumi:${this.options.stack ?? "plan"}::${this.options.project ?? "chatgpt-identity"}::${qualifiedType}::${args.name}`;
        this.resources.push({
            type: args.type,
            name: args.name,
            urn,
            parentUrn: meta.parentUrn,
            parentType,
            custom: args.custom ?? true,
            inputs,
            dependsOn: meta.dependsOn,
            deleteBeforeReplace: meta.deleteBeforeReplace,
            retainOnDelete: meta.retainOnDelete,
            protect: meta.protect,
            aliasNames: meta.aliasNames,
        });
        const fake = this.options.fakeOutputs?.[args.type]?.(inputs, args.name) ?? {};
        return { id: args.custom === false ? undefined : `${args.name}-id`, state: { ...args.inputs, ...fake } };
    }

    private call(args: MockCallArgs): Record<string, any> {
        const inputs = unwrapSecrets(args.inputs ?? {}) as Record<string, any>;
        this.invokes.push({ token: args.token, inputs });
        const fake = this.options.fakeInvokes?.[args.token];
        if (!fake) throw new Error(`No fake result for data source ${args.token}`);
        return fake(inputs);
    }

    /** Custom (provider-managed) resources, in registration order. */
    customResources(): RecordedResource[] {
        return this.resources.filter((r) => r.custom);
    }

    byType(type: string): RecordedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** Direct children of the resource with this URN. */
    childrenOf(urn: string): RecordedResource[] {
        return this.resources.filter((r) => r.parentUrn === urn);
    }

    find(type: string, name: string): RecordedResource | undefined {
        return this.resources.find((r) => r.type === type && r.name === name);
    }
}

/** Resolves once every registration and output resolution the program started has finished. */
export async function settle(): Promise<void> {
    if (!runtimeRpcs.waitForRPCs)
        throw new Error("@pulumi/pulumi no longer exports runtime.waitForRPCs; update offline/recordingEngine.ts");
    await runtimeRpcs.waitForRPCs();
}

/** Resolves an Output's value for tests and the plan (undefined when unknown in preview). */
export function valueOf<T>(output: pulumi.Output<T> | T): Promise<T | undefined> {
    if (!pulumi.Output.isInstance(output)) return Promise.resolve(output as T);
    return new Promise((resolve) =>
        (output as pulumi.Output<T>).apply((v) => {
            resolve(v);
            return v;
        }),
    );
}
