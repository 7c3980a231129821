import { ChatGptAdminApiError } from "./errors";

/** Checks of caller input made before any request: workspace UUID, path segments, base URL. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONSTRUCTOR = "new ChatGptAdminClient";

function refuse(route: string, detail: string, hint: string): ChatGptAdminApiError {
    return new ChatGptAdminApiError({ kind: "invalid_request", route, detail, hint });
}

export function checkWorkspaceId(workspaceId: unknown): string {
    if (typeof workspaceId !== "string" || !UUID.test(workspaceId)) {
        const shown = typeof workspaceId === "string" ? JSON.stringify(workspaceId.slice(0, 60)) : typeof workspaceId;
        throw refuse(
            CONSTRUCTOR,
            `workspaceId ${shown} is not a UUID`,
            "copy the workspace id (a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427) from the OpenAI Admin Console",
        );
    }
    return workspaceId.toLowerCase();
}

/**
 * An id spliced into a path must stay one path segment: no `/`, `\`, `?`, `#`, `%`, control characters or
 * whitespace, not empty, not `.` or `..` (which would make e.g. DELETE /invites/.. hit another route).
 */
export function checkPathSegment(route: string, field: string, value: unknown): string {
    const problem =
        typeof value !== "string"
            ? `is ${typeof value}, not a string`
            : value === ""
              ? "is empty"
              : /^\.+$/.test(value)
                ? `is ${JSON.stringify(value)}, a relative path`
                : /[/\\?#%\s\u0000-\u001f\u007f]/.test(value)
                  ? `${JSON.stringify(value)} contains / \\ ? # % whitespace or a control character`
                  : value.length > 200
                    ? "is longer than 200 characters"
                    : undefined;
    if (problem) {
        throw refuse(route, `${field} ${problem}`, `pass the ${field} exactly as the API returned it`);
    }
    return value as string;
}

function isLoopback(hostname: string): boolean {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    if (host === "localhost" || host === "::1") return true;
    const parts = host.split(".");
    return parts.length === 4 && parts[0] === "127" && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** The base URL without a trailing slash; https, or plain http only to a loopback host (an emulator, tests). */
export function checkBaseUrl(baseUrl: string): string {
    let url: URL;
    try {
        url = new URL(baseUrl);
    } catch {
        throw refuse(CONSTRUCTOR, `baseUrl ${JSON.stringify(baseUrl)} is not a URL`, "use https://api.chatgpt.com/v1");
    }
    const fix = "use https://api.chatgpt.com/v1, or http://127.0.0.1:PORT/v1 for a local emulator";
    if (url.username || url.password || url.search || url.hash) {
        throw refuse(CONSTRUCTOR, "baseUrl must not carry credentials, a query or a fragment", fix);
    }
    if (url.protocol === "http:" && !isLoopback(url.hostname)) {
        const detail = `baseUrl uses plain http to ${url.hostname}, which would send the admin key in clear`;
        throw refuse(CONSTRUCTOR, detail, fix);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw refuse(CONSTRUCTOR, `baseUrl protocol ${url.protocol} is not https`, fix);
    }
    return url.toString().replace(/\/+$/, "");
}
