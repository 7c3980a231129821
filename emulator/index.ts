import { AddressInfo } from "node:net";
import { addApiPlatformRoutes } from "./apiPlatformApi";
import { addChatGptAdminRoutes } from "./chatgptAdminApi";
import { addControlRoutes } from "./controlApi";
import { FaultInjector } from "./faults";
import { ApiError } from "./http";
import { RateLimiter } from "./rateLimiter";
import { Router } from "./router";
import { addScimRoutes } from "./scimApi";
import { acceptInvite, seedLocalGroup, seedUser } from "./seed";
import { createEmulatorServer } from "./server";
import { StateStore } from "./store";
import { EmulatorOptions, RequestLogEntry, RunningEmulator } from "./types";
import { WorkspaceState } from "./model";

export {
    EmulatorApiPlatformOrg,
    EmulatorFaults,
    EmulatorLimits,
    EmulatorOptions,
    EmulatorTenant,
    EmulatorWorkspace,
    RequestLogEntry,
    RunningEmulator,
    SeedUserInput,
    SeedUserSource,
    SeededGroup,
    SeededUser,
} from "./types";

export const DEFAULT_REQUESTS_PER_MINUTE = 100;

/**
 * Starts the emulator on 127.0.0.1: the ChatGPT admin API routes this product uses
 * (`/v1/manage/workspaces/{workspace_id}/…`), the API Platform org RBAC subset (`/v1/organization/…`, for the
 * openai SDK), SCIM 2.0 inbound per workspace (`/scim/v2/{workspace_id}/…`) and the `/_emulator` control API.
 * A local rehearsal tool: its keys are printed and, with `dataFile`, stored in plain text.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const now = options.now ?? Date.now;
    const limits = {
        maxBodyBytes: options.limits?.maxBodyBytes ?? 1024 * 1024,
        maxObjectsPerWorkspace: options.limits?.maxObjectsPerWorkspace ?? 20000,
        headersTimeoutMs: options.limits?.headersTimeoutMs ?? 10000,
        requestTimeoutMs: options.limits?.requestTimeoutMs ?? 30000,
        maxConnections: options.limits?.maxConnections ?? 256,
    };
    const orgs = options.apiPlatformOrgs ?? options.tenants?.map((t) => ({ id: t.id, adminKey: t.adminKey }));
    const store = new StateStore(options.dataFile, options.workspaces, orgs);
    const faults = new FaultInjector(options.faults);
    const rateLimiter = new RateLimiter(options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE, now);
    const requestLog: RequestLogEntry[] = [];
    const router = new Router();
    let url = "";
    let port = 0;
    const reset = () => {
        store.reset();
        requestLog.length = 0;
        rateLimiter.reset();
    };
    addChatGptAdminRoutes(router, { store, now, maxObjectsPerWorkspace: limits.maxObjectsPerWorkspace });
    addApiPlatformRoutes(router, store, limits.maxObjectsPerWorkspace);
    addScimRoutes(router, { store, now, baseUrl: () => url, maxObjectsPerWorkspace: limits.maxObjectsPerWorkspace });
    addControlRoutes(router, { store, faults, requestLog, now, reset });

    const server = createEmulatorServer({
        router,
        store,
        faults,
        rateLimiter,
        requestLog,
        ...limits,
        controlToken: options.controlToken,
        port: () => port,
        log: options.log,
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, "127.0.0.1", () => {
            server.off("error", reject);
            resolve();
        });
    });
    port = (server.address() as AddressInfo).port;
    url = `http://127.0.0.1:${port}`;

    const workspace = (id: string): WorkspaceState => {
        const ws = store.workspace(id);
        if (!ws) throw new Error(`Unknown emulator workspace '${id}'.`);
        return ws;
    };
    const plain = <T>(run: () => T): T => {
        try {
            const value = run();
            store.commit();
            return value;
        } catch (err) {
            throw err instanceof ApiError ? new Error(err.message) : err;
        }
    };
    const workspaces = store.state.workspaces.map((w) => ({ id: w.id, adminKey: w.adminKey, scimToken: w.scimToken }));
    const apiPlatformOrgs = store.state.apiPlatformOrgs.map((o) => ({ id: o.id, adminKey: o.adminKey }));
    let stopped: Promise<void> | undefined;
    return {
        url,
        apiBaseUrl: `${url}/v1`,
        scimBaseUrl: (workspaceId) => `${url}/scim/v2/${workspace(workspaceId).id}`,
        workspaces,
        apiPlatformOrgs,
        tenants: apiPlatformOrgs.map((o) => ({ ...o, scimToken: "" })),
        requestLog,
        setFaults: (f) => faults.set(f),
        seedUser: (workspaceId, input) =>
            plain(() => {
                const user = seedUser(workspace(workspaceId), input, now);
                return { id: user.id, email: user.email };
            }),
        seedLocalGroup: (workspaceId, name, memberIds = []) =>
            plain(() => {
                const group = seedLocalGroup(workspace(workspaceId), name, memberIds, now);
                return { id: group.id, name: group.name };
            }),
        acceptInvite: (workspaceId, inviteId) =>
            plain(() => {
                const user = acceptInvite(workspace(workspaceId), inviteId, now);
                return { id: user.id, email: user.email };
            }),
        reset,
        stop: () =>
            (stopped ??= new Promise<void>((resolve, reject) => {
                server.close((err) => (err ? reject(err) : resolve()));
                server.closeAllConnections();
            })),
    };
}
