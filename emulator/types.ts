/** One ChatGPT Enterprise/Edu workspace of the emulator, with its own credentials. */
export interface EmulatorWorkspace {
    /** The workspace UUID used in `/v1/manage/workspaces/{workspace_id}/…` and the SCIM base URL. */
    id: string;
    /** Workspace-scoped Admin key (Bearer) accepted on `/v1/manage/workspaces/{id}/…`. */
    adminKey: string;
    /** SCIM bearer token accepted on this workspace's SCIM base URL only (one directory per workspace). */
    scimToken: string;
}

/** One API Platform organization: its org Admin key works on `/v1/organization/{roles,groups}` (openai SDK). */
export interface EmulatorApiPlatformOrg {
    id: string;
    adminKey: string;
}

/** @deprecated The old "tenant" (API Platform org + SCIM token). Use `workspaces` and `apiPlatformOrgs`. */
export interface EmulatorTenant {
    id: string;
    adminKey: string;
    scimToken: string;
}

/** Fault injection; rates are shares in [0, 1] decided by a seeded generator, one draw per API request. */
export interface EmulatorFaults {
    /** Delay added before every API request is answered (faulted or not). Default 0. */
    latencyMs?: number;
    /** Share of API requests answered 429 with `Retry-After`, changing nothing. Default 0. */
    rate429?: number;
    /** Share of API requests answered 503 with `Retry-After`, changing nothing. Default 0. */
    rate5xx?: number;
    /**
     * Share of API requests that are APPLIED and then lose their answer: the connection is dropped without a
     * response (what a client sees when a network path dies after the server committed). Default 0.
     * rate429 + rate5xx + rateLostAnswer <= 1.
     */
    rateLostAnswer?: number;
    /** Value of the `Retry-After` header (seconds) on faulted answers. Default 1. */
    retryAfterSeconds?: number;
    /** Seed of the fault generator; setting it restarts the sequence. Default 1. */
    seed?: number;
}

/** Resource bounds; every default is generous for tests and rehearsals. */
export interface EmulatorLimits {
    /** Largest accepted request body; larger ones are answered 413. Default 1 MiB. */
    maxBodyBytes?: number;
    /** Users + invites + groups + SCIM directory objects per workspace (roles + groups per org). Default 20000. */
    maxObjectsPerWorkspace?: number;
    /** A client must finish sending headers within this time, else the connection is closed. Default 10000. */
    headersTimeoutMs?: number;
    /** A client must finish sending the whole request within this time, else 408. Default 30000. */
    requestTimeoutMs?: number;
    /** Concurrent connections; more are refused. Default 256. */
    maxConnections?: number;
}

export interface EmulatorOptions {
    /** TCP port on 127.0.0.1; 0 = any free port (default). */
    port?: number;
    /** ChatGPT workspaces. Default: one workspace with a random UUID and random credentials. */
    workspaces?: EmulatorWorkspace[];
    /** API Platform organizations (openai SDK org RBAC). Default: one org "org-default" with a random key. */
    apiPlatformOrgs?: EmulatorApiPlatformOrg[];
    /** @deprecated Mapped to `apiPlatformOrgs` (id, adminKey); the SCIM token is ignored. Use `workspaces`. */
    tenants?: EmulatorTenant[];
    /** @deprecated Ignored: the emulator no longer verifies domains (no public API does). */
    dnsServers?: string[];
    /**
     * Requests per minute per workspace per method+route template on `/v1/manage/…` (sliding 60 s window);
     * more are answered 429 with `Retry-After`. Default 100, the real API's documented default.
     */
    requestsPerMinute?: number;
    /** JSON file: loaded on start, saved (atomically) after every change. Default: memory only. */
    dataFile?: string;
    faults?: EmulatorFaults;
    limits?: EmulatorLimits;
    /** When set, `/_emulator/…` control routes require `Authorization: Bearer <controlToken>`. */
    controlToken?: string;
    /** Receives one line per request (never a credential). */
    log?: (line: string) => void;
    /** Clock for the rate limiter and timestamps, in ms. Default Date.now. */
    now?: () => number;
}

/** One answered API request (`/v1` and SCIM; the `/_emulator` control routes are not logged). */
export interface RequestLogEntry {
    method: string;
    /** Path without the query string, e.g. /v1/manage/workspaces/…/users. */
    path: string;
    /** The route template, e.g. /v1/manage/workspaces/:workspaceId/users; absent for unknown URLs. */
    route?: string;
    status: number;
    /** Workspace whose credential authenticated the request (ChatGPT admin API or SCIM). */
    workspace?: string;
    /** API Platform org whose key authenticated the request. */
    org?: string;
    /** Set when the fault injector decided this request's fate. */
    fault?: "rate_limited" | "unavailable" | "lost_answer";
}

/** Where a seeded user came from (SCIM-4: such users are not SCIM-managed until matched). */
export type SeedUserSource = "invite" | "aac";

export interface SeedUserInput {
    email: string;
    name?: string;
    role?: string;
    source: SeedUserSource;
}

export interface SeededUser {
    id: string;
    email: string;
}

export interface SeededGroup {
    id: string;
    name: string;
}

export interface RunningEmulator {
    /** http://127.0.0.1:PORT */
    url: string;
    /** url + "/v1": the base URL of both the ChatGPT admin API client and the openai SDK. */
    apiBaseUrl: string;
    /** The SCIM base URL of one workspace (give it to the IdP's SCIM app): url + "/scim/v2/{workspaceId}". */
    scimBaseUrl(workspaceId: string): string;
    workspaces: EmulatorWorkspace[];
    apiPlatformOrgs: EmulatorApiPlatformOrg[];
    /** @deprecated The API Platform orgs, with an empty scimToken. Use `apiPlatformOrgs` / `workspaces`. */
    tenants: EmulatorTenant[];
    requestLog: RequestLogEntry[];
    setFaults(f: EmulatorFaults): void;
    /** Adds a workspace member that exists through an invite or automatic account creation (SCIM-4). */
    seedUser(workspaceId: string, user: SeedUserInput): SeededUser;
    /** Adds a local (manual, not SCIM-managed) group, optionally with members (GRP-3). */
    seedLocalGroup(workspaceId: string, name: string, memberIds?: string[]): SeededGroup;
    /** Turns a pending invite into a workspace member (is_scim_managed false), as if the person accepted. */
    acceptInvite(workspaceId: string, inviteId: string): SeededUser;
    /** Clears every workspace's and org's objects, the request log and the rate windows; keeps credentials. */
    reset(): void;
    stop(): Promise<void>;
}
