import { AddressInfo } from "node:net";
import { addAdminRoutes } from "./adminApi";
import { addControlRoutes } from "./controlApi";
import { FaultInjector } from "./faults";
import { addIdentityRoutes } from "./identityApi";
import { Router } from "./router";
import { addScimRoutes, seedExistingUser } from "./scimApi";
import { createEmulatorServer } from "./server";
import { StateStore } from "./store";
import { EmulatorOptions, RequestLogEntry, RunningEmulator } from "./types";

export { EmulatorFaults, EmulatorOptions, EmulatorTenant, RequestLogEntry, RunningEmulator } from "./types";

/**
 * Starts the workspace admin API emulator on 127.0.0.1: the OpenAI Admin API subset (roles, groups,
 * group roles), the identity settings/domains contract of docs/workspace-api.md, and SCIM 2.0.
 * A local rehearsal tool: its keys are printed and stored in plain text.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const store = new StateStore(options.dataFile, options.tenants);
    const faults = new FaultInjector(options.faults);
    const requestLog: RequestLogEntry[] = [];
    const router = new Router();
    let url = "";
    addAdminRoutes(router, store);
    addIdentityRoutes(router, store, options.dnsServers);
    addScimRoutes(router, store, () => url);
    addControlRoutes(router, store, faults, requestLog);

    const server = createEmulatorServer({ router, store, faults, requestLog, log: options.log });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, "127.0.0.1", () => {
            server.off("error", reject);
            resolve();
        });
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    let stopped: Promise<void> | undefined;
    return {
        url,
        apiBaseUrl: `${url}/v1`,
        scimBaseUrl: `${url}/scim/v2`,
        tenants: store.state.tenants.map((t) => ({ id: t.id, adminKey: t.adminKey, scimToken: t.scimToken })),
        requestLog,
        setFaults: (f) => faults.set(f),
        seedUser: (tenantId, email, source) => {
            seedExistingUser(store, tenantId, email, source);
        },
        stop: () =>
            (stopped ??= new Promise<void>((resolve, reject) => {
                server.close((err) => (err ? reject(err) : resolve()));
                server.closeAllConnections();
            })),
    };
}
