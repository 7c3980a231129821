import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isApiError, redact } from "../../clients/errors";
import { ConfiguredSettings, Credentials, readProviderConfig, resolveCredentials } from "../../clients/credentials";
import { HttpClient } from "../../clients/http";
import { IdentityApi } from "../../clients/identityApi";
import { createAdminSdk } from "../../clients/sdk";

/** Module part of the dynamic resources' type tokens: `pulumi-nodejs:dynamic/chatgpt-identity/workspace:<Type>`. */
export const RESOURCE_MODULE = "chatgpt-identity/workspace";

/** The engine's placeholder for a value not known during preview (runtime/rpc `unknownValue`). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** A provider method's view of the workspace: built per call from configure's settings or the environment. */
export interface Connection {
    credentials: Credentials;
    identity: IdentityApi;
    /** Builds the official SDK client now (never stored on the provider). */
    sdk: () => ReturnType<typeof createAdminSdk>;
}

export function connect(configured: ConfiguredSettings | undefined): Connection {
    const credentials = resolveCredentials(configured);
    return {
        credentials,
        identity: new IdentityApi(new HttpClient({ baseUrl: credentials.apiBaseUrl, adminKey: credentials.adminKey })),
        sdk: () => createAdminSdk(credentials),
    };
}

/**
 * Adds `configure` to a provider: the stack config (admin key, base URL) lands in a variable of
 * this closure inside the dynamic-provider host only. The program process never calls configure,
 * so the serialized provider text carries `undefined` there, never a key.
 */
export function withConfigure<P extends pulumi.dynamic.ResourceProvider>(build: (settings: () => ConfiguredSettings | undefined) => P): P {
    // A holder object, not a `let`: closure serialization gives each function its own copy of a
    // captured variable, but one shared copy of a captured object.
    const holder: { configured?: ConfiguredSettings } = {};
    const provider = build(() => holder.configured);
    provider.configure = async (req: pulumi.dynamic.ConfigureRequest) => {
        holder.configured = readProviderConfig(req.config);
    };
    return provider;
}

/** zod validation as a dynamic-provider check: each issue becomes `{ property, reason }`; unknown (preview) values pass. */
export function checkWith<T>(schema: z.ZodType<T>, news: Record<string, unknown>): pulumi.dynamic.CheckResult {
    const known: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(news ?? {})) if (!isUnknown(value) && key !== "__provider") known[key] = value;
    const parsed = schema.safeParse(known);
    if (parsed.success) {
        const inputs: Record<string, unknown> = { ...(parsed.data as Record<string, unknown>) };
        for (const [key, value] of Object.entries(news ?? {})) if (isUnknown(value)) inputs[key] = value;
        return { inputs };
    }
    const failures = parsed.error.issues
        .filter((issue) => !isUnknown(news?.[String(issue.path[0])]))
        .map((issue) => ({ property: issue.path.length > 0 ? issue.path.map(String).join(".") : "(inputs)", reason: issue.message }));
    return failures.length > 0 ? { failures } : { inputs: news };
}

/** An error of a provider method: names the resource, keeps the API's status/code, never the key. */
export interface ResourceError extends Error {
    name: "ResourceError";
    readonly status: number | undefined;
    readonly code: string | undefined;
}

/** A plain tagged Error, not a subclass (see provider/client/errors.ts for why). */
export function resourceError(message: string, cause?: unknown): ResourceError {
    const error = new Error(message) as Error & Record<string, unknown>;
    error.name = "ResourceError";
    error.status = (cause as { status?: unknown } | undefined)?.status;
    error.code = (cause as { code?: unknown } | undefined)?.code;
    return error as unknown as ResourceError;
}

export function isResourceError(error: unknown): error is ResourceError {
    return (error as { name?: unknown } | undefined)?.name === "ResourceError";
}

/** What to tell the user for the refusals the contract documents. */
const HINTS: Record<string, string> = {
    domain_not_verified: "DOM-1: SSO needs a verified domain first; let DomainVerification finish, then apply again",
    sso_not_enabled: "SSO-1/SSO-2: enforcement comes after testing; apply ssoStage \"enabled\", confirm the test users sign in, then enforce",
    api_platform_sso_disabled: "SSO-4: ChatGPT SSO without API Platform SSO is unsupported; set apiPlatformSso to true",
    domain_claimed: "DOM-3: another OpenAI organization/tenant has verified this domain; a domain can be verified in only one tenant, so retrying will not help: release it there or contact OpenAI support",
};

/** Runs a provider method; any failure is rethrown as `<label>: <hint>; <api message>`, key redacted. */
export async function inContext<T>(label: string, settings: () => ConfiguredSettings | undefined, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (err) {
        if (isResourceError(err) && err.message.startsWith(`${label}:`)) throw err;
        const code = isApiError(err) ? err.code : undefined;
        const hint = code && HINTS[code] ? `${HINTS[code]}. ` : "";
        const message = String((err as Error)?.message ?? err);
        throw resourceError(redact(`${label}: ${hint}${message}`, [settings()?.adminKey, process.env.OPENAI_ADMIN_KEY]), err);
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

export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A warning the dynamic-provider host forwards to the engine (stderr), e.g. DOM-5. */
export function warn(message: string): void {
    console.warn(`warning: ${message}`);
}

/**
 * Runs `work` over `items`, at most `limit` at a time. After the first failure no new item starts,
 * and the failure is thrown only once the items already under way have finished: the provider
 * method never returns while its requests still run in the background.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
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
