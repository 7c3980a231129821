import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { EmulatorApiPlatformOrg, EmulatorWorkspace, RunningEmulator, startEmulator } from "../../../emulator";
import {
    CONFIG_API_PLATFORM_ADMIN_KEY,
    CONFIG_API_PLATFORM_BASE_URL,
    CONFIG_CHATGPT_ADMIN_KEY,
    CONFIG_CHATGPT_API_BASE_URL,
    CONFIG_CHATGPT_REQUESTS_PER_MINUTE,
} from "../../../provider/resources/providerSettings";

export const WORKSPACE_ID = "0b7d5c4e-1f2a-4b3c-8d9e-0a1b2c3d4e5f";
export const OTHER_WORKSPACE_ID = "7c1e9a20-3b4d-4e5f-8a6b-1c2d3e4f5a6b";

export interface WorkspaceOptions {
    /**
     * Route limit of the emulator (requests per minute per method+route). Default 100000 (tests), the real API has
     * 100.
     */
    requestsPerMinute?: number;
    /** Pacing budget the provider's client is configured with. Default: none (the client's default, 100). */
    clientRequestsPerMinute?: number;
    /**
     * API Platform org groups that exist as SCIM-managed (the emulator runs no SCIM for orgs: seeded in its data
     * file).
     */
    orgScimGroups?: string[];
    /**
     * Objects a workspace may hold (users + invites + groups + SCIM directory objects); beyond it the emulator
     * refuses.
     */
    maxObjectsPerWorkspace?: number;
    /**
     * The emulator's clock (rate limiter, timestamps): a VirtualClock's `now` shared with the providers. Default
     * Date.now.
     */
    now?: () => number;
}

/** An emulator with two ChatGPT workspaces and one API Platform org; stop() ends it. */
export interface Workspace {
    emulator: RunningEmulator;
    workspace: EmulatorWorkspace;
    other: EmulatorWorkspace;
    org: EmulatorApiPlatformOrg;
    /** @deprecated alias used by the API Platform tests: the org's admin key and the workspace's SCIM token. */
    tenant: { adminKey: string; scimToken: string };
    /** A configure request carrying the keys and the emulator's base URL for both APIs. */
    configureRequest(): pulumi.dynamic.ConfigureRequest;
    /** The config values of that request (for the gRPC configure). */
    configValues(): Record<string, string>;
    /** POST/PATCH/PUT/DELETE answered on /v1 since `from` (an index into the request log). */
    writesSince(from: number): { method: string; path: string; status: number }[];
    /** Every /v1 request since `from`. */
    requestsSince(from: number): { method: string; path: string; status: number; route?: string; fault?: string }[];
    /** Pushes a user through the workspace's SCIM endpoint, as the IdP would; the SCIM user id. */
    pushUser(email: string): Promise<string>;
    /** Pushes a group (with SCIM member ids) through the workspace's SCIM endpoint (GRP-2); the SCIM group id. */
    pushGroup(name: string, memberIds?: string[]): Promise<string>;
    /** GET on the ChatGPT admin API of the workspace (`/manage/workspaces/{id}` + path), all pages. */
    list(pathUnderWorkspace: string): Promise<any[]>;
    /** One GET/PATCH/DELETE on the ChatGPT admin API of the workspace, as a person in the console would. */
    call(method: string, pathUnderWorkspace: string, body?: unknown): Promise<{ status: number; body: any }>;
    /** Org group id by name (the seeded SCIM groups). */
    orgGroupId(name: string): string;
    stop(): Promise<void>;
}

const WRITE = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export async function startWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
    const workspaces: EmulatorWorkspace[] = [
        {
            id: WORKSPACE_ID,
            adminKey: "test-admin-key-district-0123456789abcdef",
            scimToken: "scim-district-0123456789",
        },
        {
            id: OTHER_WORKSPACE_ID,
            adminKey: "test-admin-key-neighbour-0123456789abcdef",
            scimToken: "scim-neighbour-0123456789",
        },
    ];
    const org: EmulatorApiPlatformOrg = { id: "org-district", adminKey: "test-org-admin-key-district-0123456789" };
    let dir: string | undefined;
    let dataFile: string | undefined;
    const orgGroupIds = new Map<string, string>();
    if (options.orgScimGroups?.length) {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatgpt-identity-emulator-"));
        dataFile = path.join(dir, "state.json");
        const groups = options.orgScimGroups.map((name, i) => {
            const id = `group_scim${String(i).padStart(4, "0")}`;
            orgGroupIds.set(name, id);
            return { id, name, createdAt: 1764000000, scimManaged: true, roles: [] };
        });
        fs.writeFileSync(
            dataFile,
            JSON.stringify({
                version: 2,
                workspaces: [],
                apiPlatformOrgs: [{ id: org.id, adminKey: org.adminKey, roles: [], groups }],
            }),
        );
    }
    const emulator = await startEmulator({
        workspaces,
        apiPlatformOrgs: [org],
        requestsPerMinute: options.requestsPerMinute ?? 100000,
        dataFile,
        ...(options.now ? { now: options.now } : {}),
        ...(options.maxObjectsPerWorkspace
            ? { limits: { maxObjectsPerWorkspace: options.maxObjectsPerWorkspace } }
            : {}),
    });
    const api = (from: number) => emulator.requestLog.slice(from).filter((r) => r.path.startsWith("/v1/"));
    const workspaceBase = `${emulator.apiBaseUrl}/manage/workspaces/${WORKSPACE_ID}`;
    const auth = { Authorization: `Bearer ${workspaces[0].adminKey}` };
    const scim = async (kind: "Users" | "Groups", body: unknown): Promise<string> => {
        const res = await fetch(`${emulator.scimBaseUrl(WORKSPACE_ID)}/${kind}`, {
            method: "POST",
            headers: { Authorization: `Bearer ${workspaces[0].scimToken}`, "Content-Type": "application/scim+json" },
            body: JSON.stringify(body),
        });
        if (res.status !== 201) throw new Error(`SCIM push to ${kind}: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { id: string }).id;
    };
    const configValues = () => ({
        [CONFIG_CHATGPT_ADMIN_KEY]: workspaces[0].adminKey,
        [CONFIG_CHATGPT_API_BASE_URL]: emulator.apiBaseUrl,
        ...(options.clientRequestsPerMinute
            ? { [CONFIG_CHATGPT_REQUESTS_PER_MINUTE]: String(options.clientRequestsPerMinute) }
            : {}),
        [CONFIG_API_PLATFORM_ADMIN_KEY]: org.adminKey,
        [CONFIG_API_PLATFORM_BASE_URL]: emulator.apiBaseUrl,
    });
    return {
        emulator,
        workspace: workspaces[0],
        other: workspaces[1],
        org,
        tenant: { adminKey: org.adminKey, scimToken: workspaces[0].scimToken },
        configValues,
        configureRequest: () => {
            const values: Record<string, string> = configValues();
            return { config: { get: (key: string) => values[key], require: (key: string) => values[key] } };
        },
        writesSince: (from) => api(from).filter((r) => WRITE.has(r.method)),
        requestsSince: (from) => api(from),
        pushUser: (email) =>
            scim("Users", {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
                userName: email,
                active: true,
                name: { givenName: email.split("@")[0], familyName: "Test" },
                emails: [{ value: email, primary: true }],
            }),
        pushGroup: (name, memberIds = []) =>
            scim("Groups", {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                displayName: name,
                members: memberIds.map((value) => ({ value })),
            }),
        list: async (p) => {
            const items: any[] = [];
            let after = "";
            for (;;) {
                const sep = p.includes("?") ? "&" : "?";
                const res = await fetch(`${workspaceBase}${p}${sep}limit=100${after ? `&after=${after}` : ""}`, {
                    headers: auth,
                });
                const page = (await res.json()) as any;
                if (res.status !== 200) throw new Error(`GET ${p}: ${res.status} ${JSON.stringify(page)}`);
                items.push(...page.data);
                if (!page.has_more) return items;
                after = page.last_id;
            }
        },
        call: async (method, p, body) => {
            const res = await fetch(`${workspaceBase}${p}`, {
                method,
                headers: { ...auth, "Content-Type": "application/json" },
                body: body === undefined ? undefined : JSON.stringify(body),
            });
            const text = await res.text();
            return { status: res.status, body: text ? JSON.parse(text) : undefined };
        },
        orgGroupId: (name) => orgGroupIds.get(name)!,
        stop: async () => {
            await emulator.stop();
            if (dir) fs.rmSync(dir, { recursive: true, force: true });
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
 * there is no state, else diff and update only when diff reports changes. A failure leaves the
 * state as it was (the providers hand no partial state to the engine).
 */
export async function applyResource(
    provider: AnyProvider,
    state: Applied | undefined,
    inputs: Record<string, unknown>,
): Promise<Applied> {
    const checked = await provider.check!(state?.outs ?? {}, inputs);
    if (checked.failures && checked.failures.length > 0)
        throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const news = checked.inputs as Record<string, unknown>;
    if (!state) {
        const created = await provider.create(news);
        return { id: created.id, outs: created.outs };
    }
    const diff = await provider.diff!(state.id, state.outs, news);
    if (!diff.changes) return state;
    if (diff.replaces && diff.replaces.length > 0)
        throw new Error(`unexpected replacement of ${diff.replaces.join(", ")}`);
    const updated = await provider.update!(state.id, state.outs, news);
    return { id: state.id, outs: updated.outs };
}
