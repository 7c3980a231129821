import { IncomingMessage } from "node:http";
import { TenantState } from "./model";

/** An answer a handler produces; the server serializes it. */
export interface HandlerResponse {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

export interface RequestContext {
    method: string;
    pathname: string;
    query: URLSearchParams;
    params: Record<string, string>;
    body: unknown;
    /** Set by the auth step for /v1 and /scim/v2 routes. */
    tenant?: TenantState;
}

/**
 * A refusal. On /v1 it becomes `{ error: { message, type, code, param } }`; on /scim/v2 a SCIM error
 * (`scimType` when given).
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly code: string | null,
        message: string,
        readonly options: { type?: string; param?: string | null; scimType?: string; headers?: Record<string, string> } = {},
    ) {
        super(message);
    }
}

export function badRequest(message: string, param: string | null = null, code: string | null = "invalid_request"): ApiError {
    return new ApiError(400, code, message, { param, scimType: "invalidValue" });
}

export function notFound(what: string, id: string): ApiError {
    return new ApiError(404, "not_found", `No ${what} found with id '${id}'.`);
}

export function conflict(code: string, message: string, param: string | null = null): ApiError {
    return new ApiError(409, code, message, { param, scimType: "uniqueness" });
}

const maxBodyBytes = 1024 * 1024;

/** Reads and parses a JSON body; an empty body is `undefined`. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBodyBytes) throw badRequest("Request body is larger than 1 MiB.");
        chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString("utf8").trim();
    if (text === "") return undefined;
    try {
        return JSON.parse(text);
    } catch {
        throw badRequest("We could not parse the JSON body of your request. Send valid JSON with Content-Type: application/json.");
    }
}

/** The body as a plain object, or a 400 naming what was expected. */
export function objectBody(body: unknown): Record<string, unknown> {
    if (body === undefined) return {};
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw badRequest("The request body must be a JSON object.");
    }
    return body as Record<string, unknown>;
}

export function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(body)) {
        if (!allowed.includes(key)) {
            throw badRequest(`Unrecognized request argument supplied: ${key}. Allowed: ${allowed.join(", ")}.`, key, "unknown_parameter");
        }
    }
}

export function requireString(body: Record<string, unknown>, field: string): string {
    const value = body[field];
    if (typeof value !== "string" || value.trim() === "") {
        throw badRequest(`'${field}' is required and must be a non-empty string.`, field, "missing_required_parameter");
    }
    return value;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
    const value = body[field];
    if (value === undefined) return undefined;
    if (typeof value !== "boolean") throw badRequest(`'${field}' must be a boolean (true or false), got ${JSON.stringify(value)}.`, field);
    return value;
}

export function stringArray(value: unknown, field: string): string[] {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.trim() === "")) {
        throw badRequest(`'${field}' must be an array of non-empty strings.`, field);
    }
    return [...new Set(value as string[])];
}
