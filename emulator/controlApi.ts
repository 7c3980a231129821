import { FaultInjector } from "./faults";
import { ApiError, badRequest, objectBody } from "./http";
import { Router } from "./router";
import { seedExistingUser } from "./scimApi";
import { StateStore } from "./store";
import { RequestLogEntry } from "./types";

/**
 * Test-only control endpoints under /_emulator: no credential, never faulted, not in the request log.
 * The emulator listens on 127.0.0.1 only; it is a local rehearsal tool, not a service.
 */
export function addControlRoutes(router: Router, store: StateStore, faults: FaultInjector, requestLog: RequestLogEntry[]): void {
    router
        .add("GET", "/_emulator/faults", () => ({ status: 200, body: faults.current }))
        .add("PUT", "/_emulator/faults", (ctx) => {
            try {
                faults.set(objectBody(ctx.body));
            } catch (err) {
                if (err instanceof ApiError) throw err;
                throw badRequest((err as Error).message);
            }
            return { status: 200, body: faults.current };
        })
        .add("GET", "/_emulator/requests", () => ({ status: 200, body: { data: requestLog } }))
        .add("POST", "/_emulator/tenants/:tenantId/users", (ctx) => {
            const body = objectBody(ctx.body);
            if (!store.tenant(ctx.params.tenantId)) throw new ApiError(404, "not_found", `Unknown emulator tenant '${ctx.params.tenantId}'.`);
            if (typeof body.email !== "string") throw badRequest("'email' is required.", "email");
            try {
                const user = seedExistingUser(store, ctx.params.tenantId, body.email, body.source as "aac" | "invite");
                return { status: 201, body: { id: user.id, email: user.userName, source: user.source } };
            } catch (err) {
                if (err instanceof ApiError) throw err;
                throw new ApiError(409, "conflict", (err as Error).message);
            }
        })
        .add("GET", "/_emulator/tenants/:tenantId/users", (ctx) => {
            const tenant = store.tenant(ctx.params.tenantId);
            if (!tenant) throw new ApiError(404, "not_found", `Unknown emulator tenant '${ctx.params.tenantId}'.`);
            return {
                status: 200,
                body: { data: tenant.users.map((u) => ({ id: u.id, email: u.userName, source: u.source, scim_managed: u.scimManaged, active: u.active })) },
            };
        });
}
