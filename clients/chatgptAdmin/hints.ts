/** What to tell a person when the API refuses a request with 401, 403 or 404. */

export const AUTHENTICATION_HINT =
    "the admin key is wrong or revoked: create a workspace-scoped Admin key in the OpenAI Admin Console → " +
    "Credentials → Admin keys";

/** What a request is, for hints: the key permission it needs and whether it names one object. */
export interface RouteInfo {
    /** Method and route template, e.g. `PATCH /usage_limits/groups/{group_id}`; also the pacing budget key. */
    template: string;
    /** The Admin key permission the route needs, in the console's words. */
    scope: string;
    /** For a route on one object: what it is and its id (a 404 then means that object is gone). */
    object?: { kind: string; id: string };
}

export function permissionHint(route: RouteInfo, workspaceId: string): string {
    return (
        `the admin key lacks the "${route.scope}" permission for workspace ${workspaceId} (or was made in ` +
        "another workspace): give it that permission in the OpenAI Admin Console → Credentials → Admin keys, or " +
        "use a key of this workspace"
    );
}

export function notFoundHint(route: RouteInfo, workspaceId: string): string {
    if (route.object) {
        const { kind, id } = route.object;
        return `no ${kind} ${id} in workspace ${workspaceId}: it was deleted or the id is wrong`;
    }
    return (
        `workspace ${workspaceId} was not found, or its plan has no admin API (ChatGPT Enterprise and Edu only): ` +
        "check workspaceId against the OpenAI Admin Console and the workspace's plan"
    );
}
