import { IncomingHttpHeaders } from "node:http";
import { ApiError } from "./http";
import { ApiPlatformOrgState, WorkspaceState } from "./model";
import { StateStore } from "./store";

function bearer(headers: IncomingHttpHeaders): string | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
    return match?.[1];
}

function missingKey(what: string): ApiError {
    return new ApiError(
        401,
        "missing_api_key",
        `You didn't provide an API key. Send your ${what} in the Authorization header: 'Authorization: Bearer <key>'.`,
        { type: "invalid_request_error" },
    );
}

function invalidKey(key: string, what: string): ApiError {
    return new ApiError(401, "invalid_api_key", `Incorrect API key provided: ${mask(key)}. Use ${what}.`, {
        type: "invalid_request_error",
    });
}

/**
 * ChatGPT admin API (`/v1/manage/workspaces/{workspace_id}/…`): 401 for a missing or unknown key, 404 for a
 * workspace id the emulator does not hold, 403 when the key belongs to another workspace.
 */
export function authenticateWorkspace(
    store: StateStore,
    headers: IncomingHttpHeaders,
    workspaceId: string,
): WorkspaceState {
    const key = bearer(headers);
    if (!key) throw missingKey("workspace Admin key");
    const owner = store.workspaceByAdminKey(key);
    if (!owner) throw invalidKey(key, "a workspace-scoped Admin key (Admin Console > Credentials > Admin keys)");
    const target = store.workspace(workspaceId);
    if (!target) {
        throw new ApiError(
            404,
            "workspace_not_found",
            `No workspace found with id '${workspaceId}', or it has no Admin API.`,
        );
    }
    if (target !== owner) {
        throw new ApiError(
            403,
            "workspace_forbidden",
            `This Admin key is not authorized for workspace '${workspaceId}': Admin keys are workspace-scoped; use a key ` +
                "created in that workspace's Admin Console.",
            { type: "invalid_request_error" },
        );
    }
    return owner;
}

/** API Platform Admin API (`/v1/organization/…`): the org Admin key names the org. */
export function authenticateOrg(store: StateStore, headers: IncomingHttpHeaders): ApiPlatformOrgState {
    const key = bearer(headers);
    if (!key) throw missingKey("API Platform organization Admin key");
    const org = store.orgByAdminKey(key);
    if (!org) throw invalidKey(key, "an Admin key of this API Platform organization");
    return org;
}

/** SCIM (`/scim/v2/{workspace_id}/…`): only that workspace's SCIM token opens its directory. */
export function authenticateScim(store: StateStore, headers: IncomingHttpHeaders, workspaceId: string): WorkspaceState {
    const token = bearer(headers);
    if (!token) throw new ApiError(401, null, "Missing SCIM bearer token: send 'Authorization: Bearer <SCIM token>'.");
    const ws = store.workspace(workspaceId);
    if (!ws || ws.scimToken !== token) {
        throw new ApiError(
            401,
            null,
            `Invalid SCIM bearer token ${mask(token)} for this directory (SCIM-7: one token per workspace).`,
        );
    }
    return ws;
}

/** For the request log of a faulted request: who it was for, without refusing it. */
export function quietIdentity(store: StateStore, headers: IncomingHttpHeaders): { workspace?: string; org?: string } {
    const key = bearer(headers);
    if (!key) return {};
    const ws = store.workspaceByAdminKey(key) ?? store.state.workspaces.find((w) => w.scimToken === key);
    if (ws) return { workspace: ws.id };
    const org = store.orgByAdminKey(key);
    return org ? { org: org.id } : {};
}

/** Like OpenAI's messages: the first and last characters only, never the whole key. */
function mask(key: string): string {
    return key.length <= 8 ? "****" : `${key.slice(0, 4)}****${key.slice(-4)}`;
}
