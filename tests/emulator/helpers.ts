import { RunningEmulator } from "../../emulator";

export interface HttpAnswer {
    status: number;
    headers: Headers;
    body: any;
}

/** One raw HTTP call with a bearer token (admin key on /v1, SCIM token on /scim/v2). */
export async function call(emulator: RunningEmulator, token: string | undefined, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${emulator.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}

/** Admin-key call for the first tenant unless another key is given. */
export function admin(emulator: RunningEmulator, method: string, path: string, body?: unknown, key = emulator.tenants[0].adminKey) {
    return call(emulator, key, method, `/v1${path}`, body);
}

export function scim(emulator: RunningEmulator, method: string, path: string, body?: unknown, token = emulator.tenants[0].scimToken) {
    return call(emulator, token, method, `/scim/v2${path}`, body);
}

export const twoTenants = [
    { id: "lincoln", adminKey: "sk-admin-lincoln-0001", scimToken: "scim-lincoln-0001" },
    { id: "jefferson", adminKey: "sk-admin-jefferson-0002", scimToken: "scim-jefferson-0002" },
];
