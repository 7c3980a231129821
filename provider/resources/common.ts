import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ProviderSettings, knownSecrets, readProviderSettings } from "./providerSettings";
import { providerNow, providerSleep } from "./testClock";

/** Module of the ChatGPT workspace resources: `pulumi-nodejs:dynamic/chatgpt-identity/workspace:<Type>`. */
export const RESOURCE_MODULE = "chatgpt-identity/workspace";
/** Module of the API Platform organization RBAC resources (NOT ChatGPT custom roles). */
export const API_PLATFORM_MODULE = "chatgpt-identity/apiPlatform";

/** The engine's placeholder for a value not known during preview (runtime/rpc `unknownValue`). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/**
 * Adds `configure` to a provider: the stack config (keys, base URLs) lands in a holder of this
 * closure inside the dynamic-provider host only. The program process never calls configure, so the
 * serialized provider text carries an empty holder, never a key.
 */
export function withConfigure<P extends pulumi.dynamic.ResourceProvider>(
    build: (settings: () => ProviderSettings | undefined) => P,
): P {
    // A holder object, not a `let`: closure serialization gives each function its own copy of a
    // captured variable, but one shared copy of a captured object.
    const holder: { configured?: ProviderSettings } = {};
    const provider = build(() => holder.configured);
    provider.configure = async (req: pulumi.dynamic.ConfigureRequest) => {
        holder.configured = readProviderSettings(req.config);
    };
    return provider;
}

/**
 * zod validation as a dynamic-provider check: each issue becomes `{ property, reason }`; unknown (preview) values
 * pass.
 */
export function checkWith<T>(schema: z.ZodType<T>, news: Record<string, unknown>): pulumi.dynamic.CheckResult {
    const known: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(news ?? {}))
        if (!isUnknown(value) && key !== "__provider") known[key] = value;
    const parsed = schema.safeParse(known);
    if (parsed.success) {
        const inputs: Record<string, unknown> = { ...(parsed.data as Record<string, unknown>) };
        for (const [key, value] of Object.entries(news ?? {})) if (isUnknown(value)) inputs[key] = value;
        return { inputs };
    }
    const failures = parsed.error.issues
        .filter((issue) => !isUnknown(news?.[String(issue.path[0])]))
        .map((issue) => ({
            property: issue.path.length > 0 ? issue.path.map(String).join(".") : "(inputs)",
            reason: issue.message,
        }));
    return failures.length > 0 ? { failures } : { inputs: news };
}

/** An error of a provider method: names the resource, keeps the API's status/kind, never the key. */
export interface ResourceError extends Error {
    name: "ResourceError";
    readonly status: number | undefined;
    readonly kind: string | undefined;
}

/** A plain tagged Error, not a subclass: a subclass does not survive closure serialization as itself. */
export function resourceError(message: string, cause?: unknown): ResourceError {
    const error = new Error(message) as Error & Record<string, unknown>;
    error.name = "ResourceError";
    error.status = (cause as { status?: unknown } | undefined)?.status;
    error.kind = (cause as { kind?: unknown } | undefined)?.kind;
    return error as unknown as ResourceError;
}

export function isResourceError(error: unknown): error is ResourceError {
    return (error as { name?: unknown } | undefined)?.name === "ResourceError";
}

/** Replaces every secret in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join("[redacted]");
    return out;
}

/**
 * Runs a provider method; any failure is rethrown as `<label>: <message> (<hint>)`, keys redacted.
 * No partial state is handed to the engine (ErrorResourceInitFailed): the host sends it as an HTTP/2
 * trailer, and a state holding the ~75 KB provider text, or 1,000 group ids, exceeds what Node's
 * HTTP/2 sends in one header block. Each resource instead leaves nothing half-applied that the next
 * apply could not redo (see GroupUsageLimits, PilotInvites).
 */
export async function inContext<T>(
    label: string,
    settings: () => ProviderSettings | undefined,
    run: () => Promise<T>,
): Promise<T> {
    try {
        return await run();
    } catch (err) {
        const secrets = knownSecrets(settings());
        const source = err as { message?: unknown; hint?: unknown };
        const message = String(source?.message ?? err);
        const hint =
            typeof source?.hint === "string" && source.hint && !message.includes(source.hint)
                ? ` (${source.hint})`
                : "";
        const text = message.startsWith(`${label}:`) ? `${message}${hint}` : `${label}: ${message}${hint}`;
        throw resourceError(redactSecrets(text, secrets), err);
    }
}

/** Same members, order and duplicates ignored. */
export function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
    const left = new Set(a ?? []);
    const right = new Set(b ?? []);
    if (left.size !== right.size) return false;
    for (const item of left) if (!right.has(item)) return false;
    return true;
}

/** setTimeout as a promise (a test may install a virtual clock, see testClock.ts). */
export function sleep(ms: number): Promise<void> {
    return providerSleep(ms);
}

/** A warning on the dynamic-provider host's stderr, which the engine forwards to its log. */
export function warn(message: string): void {
    console.warn(`warning: ${message}`);
}

/**
 * Progress of a long apply on the host's stderr (shown in pulumi.log / `pulumi up -v=9 --logtostderr`):
 * a line every `every` items and at the end, so 1,000 group limits at 100 requests a minute show motion.
 * Silent for fewer than `every` items (short applies need no progress).
 */
export function progressReporter(
    label: string,
    total: number,
    every = 50,
    write: (line: string) => void = (l) => console.error(l),
): () => void {
    let done = 0;
    const started = providerNow();
    return () => {
        done++;
        if (total < every || (done % every !== 0 && done !== total)) return;
        const seconds = Math.round((providerNow() - started) / 1000);
        write(`progress: ${label}: ${done}/${total} done after ${seconds} s`);
    };
}

/**
 * Runs `work` over `items`, at most `limit` at a time. After the first failure no new item starts,
 * and the failure is thrown only once the items already under way have finished: the provider
 * method never returns while its requests still run in the background.
 */
export async function forEachLimited<T>(
    items: readonly T[],
    limit: number,
    work: (item: T) => Promise<void>,
): Promise<void> {
    let next = 0;
    let failed = false;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (!failed && next < items.length) {
            const item = items[next++];
            try {
                await work(item);
            } catch (err) {
                failed = true;
                throw err;
            }
        }
    });
    const results = await Promise.allSettled(workers);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
}

/** True when the secret config key a workspace resource reads its Admin key from has changed (no API call needed). */
export function keyNameChanged(olds: { adminKeyConfigKey?: string }, news: { adminKeyConfigKey?: string }): boolean {
    return (olds.adminKeyConfigKey ?? "adminKey") !== (news.adminKeyConfigKey ?? "adminKey");
}
