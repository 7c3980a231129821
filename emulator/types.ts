/** One tenant (OpenAI organization) of the emulator, with its own credentials. */
export interface EmulatorTenant {
    id: string;
    /** Bearer token accepted on /v1 for this tenant. */
    adminKey: string;
    /** Bearer token accepted on /scim/v2 for this tenant. */
    scimToken: string;
}

/** Fault injection; rates are probabilities in [0, 1] drawn from a seeded generator. */
export interface EmulatorFaults {
    /** Delay added before every API request is answered (faulted or not). Default 0. */
    latencyMs?: number;
    /** Share of API requests answered 429 with `Retry-After`. Default 0. */
    rate429?: number;
    /** Share of API requests answered 503 with `Retry-After`. Default 0. rate429 + rate5xx <= 1. */
    rate5xx?: number;
    /** Value of the `Retry-After` header (seconds) on faulted answers. Default 1. */
    retryAfterSeconds?: number;
    /** Seed of the fault generator; setting it restarts the sequence. Default 1. */
    seed?: number;
}

export interface EmulatorOptions {
    /** TCP port on 127.0.0.1; 0 = any free port (default). */
    port?: number;
    /** Default: one tenant "default" with generated keys (or the tenants saved in `dataFile`). */
    tenants?: EmulatorTenant[];
    /** DNS servers used for domain verification, e.g. ["127.0.0.1:5353"]. Default: system resolver. */
    dnsServers?: string[];
    /** JSON file: loaded on start, saved (atomically) after every change. Default: memory only. */
    dataFile?: string;
    faults?: EmulatorFaults;
    /** Receives one line per request (never a credential). */
    log?: (line: string) => void;
}

/** One answered API request (/v1 and /scim/v2; the /_emulator control endpoints are not logged). */
export interface RequestLogEntry {
    method: string;
    /** Path without the query string, e.g. /v1/organization/roles. */
    path: string;
    status: number;
    /** Id of the tenant whose credential authenticated the request. */
    tenant?: string;
}

export interface RunningEmulator {
    /** http://127.0.0.1:PORT */
    url: string;
    /** url + "/v1": the baseURL for the openai SDK and the provider. */
    apiBaseUrl: string;
    /** url + "/scim/v2": the SCIM base address to give the IdP. */
    scimBaseUrl: string;
    tenants: EmulatorTenant[];
    requestLog: RequestLogEntry[];
    setFaults(f: EmulatorFaults): void;
    /** Adds a user that exists through automatic account creation or a manual invite (SCIM-4). */
    seedUser(tenantId: string, email: string, source: "aac" | "invite"): void;
    stop(): Promise<void>;
}
