import { RunningEmulator } from "../../emulator";

export interface HttpAnswer {
    status: number;
    headers: Headers;
    body: any;
}

/** One raw HTTP call with an optional bearer token. */
export async function call(
    emulator: RunningEmulator,
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
): Promise<HttpAnswer> {
    const all: Record<string, string> = { ...headers };
    if (token !== undefined) all.authorization = `Bearer ${token}`;
    if (body !== undefined) all["content-type"] = "application/json";
    const response = await fetch(`${emulator.url}${path}`, {
        method,
        headers: all,
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}

/** ChatGPT admin API call for a workspace (default the first) with its own Admin key unless another is given. */
export function chatgpt(
    emulator: RunningEmulator,
    method: string,
    route: string,
    body?: unknown,
    options: { workspace?: number; key?: string } = {},
) {
    const ws = emulator.workspaces[options.workspace ?? 0];
    return call(emulator, options.key ?? ws.adminKey, method, `/v1/manage/workspaces/${ws.id}${route}`, body);
}

/** API Platform call (openai SDK routes) with the first org's key. */
export function platform(
    emulator: RunningEmulator,
    method: string,
    path: string,
    body?: unknown,
    key = emulator.apiPlatformOrgs[0].adminKey,
) {
    return call(emulator, key, method, `/v1${path}`, body);
}

/** SCIM call to one workspace's directory with its own token unless another is given. */
export function scim(
    emulator: RunningEmulator,
    method: string,
    path: string,
    body?: unknown,
    options: { workspace?: number; token?: string } = {},
) {
    const ws = emulator.workspaces[options.workspace ?? 0];
    return call(emulator, options.token ?? ws.scimToken, method, `/scim/v2/${ws.id}${path}`, body);
}

/** Reads every page of an `after`-paginated list; returns the items and the number of pages. */
export async function readAllAfter(emulator: RunningEmulator, route: string, limit: number, workspace = 0) {
    const items: any[] = [];
    let pages = 0;
    let after: string | null = null;
    for (;;) {
        const query: string = `limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ""}`;
        const page = await chatgpt(emulator, "GET", `${route}?${query}`, undefined, { workspace });
        if (page.status !== 200) throw new Error(`${route}: ${page.status} ${JSON.stringify(page.body)}`);
        pages++;
        items.push(...page.body.data);
        if (!page.body.has_more) return { items, pages };
        after = page.body.last_id;
    }
}

/** Reads every page of a cursor-paginated list. */
export async function readAllCursor(emulator: RunningEmulator, route: string, limit: number, workspace = 0) {
    const items: any[] = [];
    let pages = 0;
    let cursor: string | null = null;
    for (;;) {
        const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const page = await chatgpt(emulator, "GET", `${route}?${query}`, undefined, { workspace });
        if (page.status !== 200) throw new Error(`${route}: ${page.status} ${JSON.stringify(page.body)}`);
        pages++;
        items.push(...page.body.data);
        if (!page.body.has_more) return { items, pages };
        cursor = page.body.cursor;
    }
}

export const LINCOLN = {
    id: "0b6f4b9e-1c1a-4a8e-9d65-2f1f3c0a7a01",
    adminKey: "test-admin-key-lincoln-0001",
    scimToken: "test-scim-lincoln-0001",
};
export const JEFFERSON = {
    id: "5d2c8e71-94b3-4f0e-8a2d-7c9b1e6f4d02",
    adminKey: "test-admin-key-jefferson-0002",
    scimToken: "test-scim-jefferson-0002",
};
export const twoWorkspaces = [LINCOLN, JEFFERSON];
export const twoOrgs = [
    { id: "org-lincoln", adminKey: "test-org-admin-key-lincoln-0001" },
    { id: "org-jefferson", adminKey: "test-org-admin-key-jefferson-0002" },
];

export const scimUser = (email: string, given = "Test", family = "User") => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: email,
    name: { givenName: given, familyName: family },
    active: true,
});
