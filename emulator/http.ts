import { IncomingMessage } from "node:http";
import { ApiPlatformOrgState, WorkspaceState } from "./model";

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
    /** Set by the auth step on `/v1/manage/workspaces/…` and SCIM routes. */
    workspace?: WorkspaceState;
    /** Set by the auth step on `/v1/organization/…` (API Platform) routes. */
    org?: ApiPlatformOrgState;
}

/**
 * A refusal. On /v1 it becomes `{ error: { message, type, param, code } }`; on SCIM a SCIM error
 * (`scimType` when given).
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly code: string | null,
        message: string,
        readonly options: {
            type?: string;
            param?: string | null;
            scimType?: string;
            headers?: Record<string, string>;
        } = {},
    ) {
        super(message);
    }
}

export function badRequest(
    message: string,
    param: string | null = null,
    code: string | null = "invalid_request",
): ApiError {
    return new ApiError(400, code, message, { param, scimType: "invalidValue" });
}

export function notFound(what: string, id: string): ApiError {
    return new ApiError(404, "not_found", `No ${what} found with id '${id}'.`);
}

export function conflict(code: string, message: string, param: string | null = null): ApiError {
    return new ApiError(409, code, message, { param, scimType: "uniqueness" });
}

export class BodyTooLarge extends Error {}

/** Reads and parses a JSON body; an empty body is `undefined`. More than `maxBytes` throws BodyTooLarge. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw new BodyTooLarge();
        chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString("utf8").trim();
    if (text === "") return undefined;
    try {
        return JSON.parse(text);
    } catch {
        throw badRequest(
            "We could not parse the JSON body of your request. Send valid JSON with Content-Type: application/json.",
        );
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

export function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[], prefix = ""): void {
    for (const key of Object.keys(body)) {
        if (!allowed.includes(key)) {
            throw badRequest(
                `Unrecognized request argument supplied: ${prefix}${key}. Allowed: ${allowed.join(", ")}.`,
                `${prefix}${key}`,
                "unknown_parameter",
            );
        }
    }
}

export function requireString(body: Record<string, unknown>, field: string, maxLength = 256): string {
    const value = body[field];
    if (typeof value !== "string" || value.trim() === "") {
        throw badRequest(`'${field}' is required and must be a non-empty string.`, field, "missing_required_parameter");
    }
    checkLength(value, field, maxLength);
    return value;
}

export function checkLength(value: string, field: string, maxLength: number): void {
    if (value.length > maxLength) {
        throw badRequest(
            `'${field}' is longer than ${maxLength} characters (${value.length}).`,
            field,
            "string_above_max_length",
        );
    }
}

export function stringArray(value: unknown, field: string): string[] {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.trim() === "")) {
        throw badRequest(`'${field}' must be an array of non-empty strings.`, field);
    }
    return [...new Set(value as string[])];
}

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 256;

/** Lower-cased, trimmed email, or a 400 naming `field`. */
export function normalizeEmail(raw: unknown, field: string): string {
    if (typeof raw !== "string" || raw.trim() === "") {
        throw badRequest(`'${field}' is required and must be an email address.`, field, "missing_required_parameter");
    }
    const email = raw.trim().toLowerCase();
    checkLength(email, field, MAX_EMAIL_LENGTH);
    if (!emailPattern.test(email)) throw badRequest(`'${field}' must be an email address, got '${raw}'.`, field);
    return email;
}
