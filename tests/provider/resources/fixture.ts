import type * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator, EmulatorTenant } from "../../../emulator";
import { startDnsServer } from "../../support/dnsServer";
import { CONFIG_API_PLATFORM_ADMIN_KEY, CONFIG_API_PLATFORM_BASE_URL } from "../../../provider/resources/providerSettings";

/** An emulator with two tenants and a local DNS server it verifies against; stop() ends both. */
export interface Workspace {
    emulator: RunningEmulator;
    dns: Awaited<ReturnType<typeof startDnsServer>>;
    tenant: EmulatorTenant;
    other: EmulatorTenant;
    /** A configure request carrying this tenant's admin key and the emulator's base URL. */
    configureRequest(tenant?: EmulatorTenant): pulumi.dynamic.ConfigureRequest;
    /** POST/PATCH/DELETE answered on /v1 since `from` (an index into the request log). */
    writesSince(from: number): { method: string; path: string; status: number }[];
    /** Every /v1 request since `from`. */
    requestsSince(from: number): { method: string; path: string; status: number }[];
    /** Pushes a group through the emulator's SCIM endpoint, as the IdP would (GRP-2). */
    pushGroup(name: string, tenant?: EmulatorTenant): Promise<string>;
    stop(): Promise<void>;
}

const WRITE = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export async function startWorkspace(): Promise<Workspace> {
    const dns = await startDnsServer();
    const tenants: EmulatorTenant[] = [
        { id: "district", adminKey: "test-admin-key-district-0123456789abcdef", scimToken: "scim-district-0123456789" },
        { id: "neighbour", adminKey: "test-admin-key-neighbour-0123456789abcdef", scimToken: "scim-neighbour-0123456789" },
    ];
    const emulator = await startEmulator({ tenants, dnsServers: [dns.address] });
    const api = (from: number) => emulator.requestLog.slice(from).filter((r) => r.path.startsWith("/v1/"));
    return {
        emulator,
        dns,
        tenant: emulator.tenants[0],
        other: emulator.tenants[1],
        configureRequest: (tenant = emulator.tenants[0]) => {
            const values: Record<string, string> = { [CONFIG_API_PLATFORM_ADMIN_KEY]: tenant.adminKey, [CONFIG_API_PLATFORM_BASE_URL]: emulator.apiBaseUrl };
            return { config: { get: (key: string) => values[key], require: (key: string) => values[key] } };
        },
        writesSince: (from) => api(from).filter((r) => WRITE.has(r.method)),
        requestsSince: (from) => api(from),
        pushGroup: async (name, tenant = emulator.tenants[0]) => {
            const res = await fetch(`${emulator.scimBaseUrl}/Groups`, {
                method: "POST",
                headers: { Authorization: `Bearer ${tenant.scimToken}`, "Content-Type": "application/scim+json" },
                body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: name }),
            });
            if (res.status !== 201) throw new Error(`SCIM push of ${name}: ${res.status} ${await res.text()}`);
            return ((await res.json()) as { id: string }).id;
        },
        stop: async () => {
            await emulator.stop();
            await dns.stop();
        },
    };
}

type AnyProvider = pulumi.dynamic.ResourceProvider;

/** State of one resource between two "applies". */
export interface Applied {
    id: string;
    outs: Record<string, any>;
}

/**
 * What the engine does for one resource during `pulumi up` (no refresh): check, then create when
 * there is no state, else diff and update only when diff reports changes.
 */
export async function applyResource(provider: AnyProvider, state: Applied | undefined, inputs: Record<string, unknown>): Promise<Applied> {
    const checked = await provider.check!(state?.outs ?? {}, inputs);
    if (checked.failures && checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const news = checked.inputs as Record<string, unknown>;
    if (!state) {
        const created = await provider.create(news);
        return { id: created.id, outs: created.outs };
    }
    const diff = await provider.diff!(state.id, state.outs, news);
    if (!diff.changes) return state;
    if (diff.replaces && diff.replaces.length > 0) throw new Error(`unexpected replacement of ${diff.replaces.join(", ")}`);
    const updated = await provider.update!(state.id, state.outs, news);
    return { id: state.id, outs: updated.outs };
}
