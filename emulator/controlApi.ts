import { FaultInjector } from "./faults";
import { ApiError, badRequest, objectBody, rejectUnknownFields } from "./http";
import { WorkspaceState } from "./model";
import { Router } from "./router";
import { acceptInvite, seedLocalGroup, seedUser } from "./seed";
import { StateStore } from "./store";
import { RequestLogEntry, SeedUserInput } from "./types";

export interface ControlDeps {
    store: StateStore;
    faults: FaultInjector;
    requestLog: RequestLogEntry[];
    now: () => number;
    reset: () => void;
}

/**
 * Test and rehearsal control routes under /_emulator: never faulted, never rate limited, not in the request
 * log. Loopback only (and the control token when one is configured); the same Host check as every route.
 */
export function addControlRoutes(router: Router, deps: ControlDeps): void {
    const { store, faults, requestLog, now } = deps;
    const workspace = (id: string): WorkspaceState => {
        const ws = store.workspace(id);
        if (!ws) throw new ApiError(404, "not_found", `Unknown emulator workspace '${id}'.`);
        return ws;
    };
    const created = (body: unknown) => {
        store.commit();
        return { status: 201, body };
    };

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
        .add("POST", "/_emulator/reset", () => {
            deps.reset();
            return { status: 200, body: { reset: true } };
        })
        .add("POST", "/_emulator/workspaces/:workspaceId/users", (ctx) => {
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["email", "name", "role", "source"]);
            const user = seedUser(workspace(ctx.params.workspaceId), body as unknown as SeedUserInput, now);
            return created({ id: user.id, email: user.email, source: user.source, is_scim_managed: user.scimManaged });
        })
        .add("GET", "/_emulator/workspaces/:workspaceId/users", (ctx) => ({
            status: 200,
            body: {
                data: workspace(ctx.params.workspaceId).users.map((u) => ({
                    id: u.id,
                    email: u.email,
                    source: u.source,
                    is_scim_managed: u.scimManaged,
                    status: u.status,
                })),
            },
        }))
        .add("POST", "/_emulator/workspaces/:workspaceId/groups", (ctx) => {
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["name", "member_ids"]);
            const members = body.member_ids === undefined ? [] : body.member_ids;
            if (!Array.isArray(members) || members.some((m) => typeof m !== "string")) {
                throw badRequest("'member_ids' must be an array of user ids.", "member_ids");
            }
            const group = seedLocalGroup(
                workspace(ctx.params.workspaceId),
                body.name as string,
                members as string[],
                now,
            );
            return created({ id: group.id, name: group.name, is_scim_managed: false });
        })
        .add("POST", "/_emulator/workspaces/:workspaceId/invites/:inviteId/accept", (ctx) => {
            const user = acceptInvite(workspace(ctx.params.workspaceId), ctx.params.inviteId, now);
            return created({ id: user.id, email: user.email, source: user.source, is_scim_managed: user.scimManaged });
        });
}
