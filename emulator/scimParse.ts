import { ApiError, MAX_NAME_LENGTH, badRequest, checkLength, normalizeEmail } from "./http";
import { DirectoryGroupRecord, WorkspaceState } from "./model";

/* SCIM 2.0 (RFC 7643/7644) request parsing, tolerant of what Entra ID and Okta send. */

const listSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const patchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export interface UserInput {
    userName: string;
    givenName: string | null;
    familyName: string | null;
    externalId: string | null;
    active: boolean;
}

export function parseUser(body: Record<string, unknown>): UserInput {
    if (typeof body.userName !== "string" || body.userName.trim() === "")
        throw badRequest("'userName' is required: the user's email (SCIM-6).", "userName");
    const name = body.name === undefined || body.name === null ? {} : body.name;
    if (typeof name !== "object" || Array.isArray(name))
        throw badRequest("'name' must be an object with givenName and familyName.", "name");
    const n = name as Record<string, unknown>;
    return {
        userName: normalizeEmail(body.userName, "userName"),
        givenName: optionalText(n.givenName, "name.givenName"),
        familyName: optionalText(n.familyName, "name.familyName"),
        externalId: optionalText(body.externalId, "externalId"),
        active: body.active === undefined ? true : scimBoolean(body.active, "active"),
    };
}

/** Entra sends `Replace` with string booleans; Okta sends lower-case ops and sometimes no path. */
export function parseUserPatch(body: Record<string, unknown>): Partial<UserInput> {
    const changes: Partial<UserInput> = {};
    const apply = (path: string, value: unknown) => {
        switch (path.toLowerCase()) {
            case "active":
                changes.active = scimBoolean(value, "active");
                break;
            case "username":
                changes.userName = normalizeEmail(String(value), "userName");
                break;
            case "externalid":
                changes.externalId = optionalText(value, "externalId");
                break;
            case "name.givenname":
                changes.givenName = optionalText(value, "name.givenName");
                break;
            case "name.familyname":
                changes.familyName = optionalText(value, "name.familyName");
                break;
            case "name": {
                const n = (value ?? {}) as Record<string, unknown>;
                if ("givenName" in n) changes.givenName = optionalText(n.givenName, "name.givenName");
                if ("familyName" in n) changes.familyName = optionalText(n.familyName, "name.familyName");
                break;
            }
            case "displayname":
            case "emails":
            case 'emails[type eq "work"].value':
            case "title":
            case "schemas":
                break;
            default:
                throw badRequest(`Unsupported PATCH path '${path}' for a User.`, path);
        }
    };
    for (const op of operations(body)) {
        const kind = op.op;
        if (kind === "remove")
            throw badRequest("Removing User attributes is not supported; send replace.", op.path ?? null);
        if (op.path) apply(op.path, op.value);
        else if (op.value && typeof op.value === "object") for (const [k, v] of Object.entries(op.value)) apply(k, v);
        else throw badRequest("A PATCH operation without path needs an object value.");
    }
    return changes;
}

export function applyGroupPatch(
    ws: WorkspaceState,
    group: DirectoryGroupRecord,
    body: Record<string, unknown>,
): { name: string; memberIds: string[] } {
    let name = group.displayName;
    let memberIds = [...group.memberIds];
    for (const op of operations(body)) {
        const path = op.path ?? "";
        const memberFilter = /^members\[value eq "([^"]+)"\]$/i.exec(path);
        if (path === "" && op.value && typeof op.value === "object" && !Array.isArray(op.value)) {
            const value = op.value as Record<string, unknown>;
            if (value.displayName !== undefined) name = displayName(value.displayName);
            if (value.members !== undefined)
                memberIds =
                    op.op === "add"
                        ? union(memberIds, memberValues(ws, value.members))
                        : memberValues(ws, value.members);
        } else if (path.toLowerCase() === "displayname") {
            if (op.op === "remove") throw badRequest("displayName cannot be removed.", "displayName");
            name = displayName(op.value);
        } else if (path.toLowerCase() === "members") {
            if (op.op === "add") memberIds = union(memberIds, memberValues(ws, op.value));
            else if (op.op === "replace") memberIds = memberValues(ws, op.value);
            else {
                const removed = op.value === undefined ? memberIds : memberValues(ws, op.value, false);
                memberIds = memberIds.filter((m) => !removed.includes(m));
            }
        } else if (memberFilter && op.op === "remove") {
            memberIds = memberIds.filter((m) => m !== memberFilter[1]);
        } else {
            throw badRequest(`Unsupported PATCH operation '${op.op}' on path '${path}' for a Group.`, path || null);
        }
    }
    return { name, memberIds };
}

interface PatchOperation {
    op: "add" | "remove" | "replace";
    path?: string;
    value?: unknown;
}

function operations(body: Record<string, unknown>): PatchOperation[] {
    const schemas = body.schemas;
    if (Array.isArray(schemas) && !schemas.includes(patchSchema))
        throw badRequest(`PATCH bodies must use the schema ${patchSchema}.`, "schemas");
    if (!Array.isArray(body.Operations) || body.Operations.length === 0)
        throw badRequest("'Operations' must be a non-empty array.", "Operations");
    return body.Operations.map((raw, i) => {
        const o = raw as Record<string, unknown>;
        const op = typeof o?.op === "string" ? o.op.toLowerCase() : "";
        if (op !== "add" && op !== "remove" && op !== "replace")
            throw badRequest(`Operations[${i}].op must be add, remove or replace.`, `Operations[${i}].op`);
        if (o.path !== undefined && typeof o.path !== "string")
            throw badRequest(`Operations[${i}].path must be a string.`, `Operations[${i}].path`);
        return { op, path: o.path as string | undefined, value: o.value };
    });
}

function memberValues(ws: WorkspaceState, raw: unknown, mustExist = true): string[] {
    const list = Array.isArray(raw) ? raw : [raw];
    const ids = list.map((m, i) => {
        const value = (m as Record<string, unknown>)?.value;
        if (typeof value !== "string") throw badRequest(`members[${i}].value must be a user id.`, "members");
        if (mustExist && !ws.directory.users.some((u) => u.id === value))
            throw badRequest(`members[${i}].value '${value}' is not a user of this workspace.`, "members");
        return value;
    });
    return [...new Set(ids)];
}

function union(a: string[], b: string[]): string[] {
    return [...new Set([...a, ...b])];
}

/** `attr eq "value"`, the only filter IdPs send for matching. */
export function parseFilter(
    filter: string | null,
    attributes: Record<string, string>,
): { attribute: string; value: string } | undefined {
    if (filter === null || filter.trim() === "") return undefined;
    const m = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
    const attribute = m ? attributes[m[1].toLowerCase()] : undefined;
    if (!m || !attribute) {
        throw new ApiError(
            400,
            "invalid_filter",
            `Unsupported filter '${filter}': use ${Object.values(attributes)
                .map((a) => `${a} eq "..."`)
                .join(" or ")}.`,
            { scimType: "invalidFilter" },
        );
    }
    return { attribute, value: m[2].replace(/\\(.)/g, "$1") };
}

export function listResponse(resources: unknown[], query: URLSearchParams) {
    const startIndex = Math.max(1, Number(query.get("startIndex") ?? "1") || 1);
    const count = query.get("count") === null ? resources.length : Math.max(0, Number(query.get("count")) || 0);
    const page = resources.slice(startIndex - 1, startIndex - 1 + count);
    return {
        schemas: [listSchema],
        totalResults: resources.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page,
    };
}

export function displayName(value: unknown): string {
    if (typeof value !== "string" || value.trim() === "") {
        throw badRequest("'displayName' is required and must be a non-empty string.", "displayName");
    }
    checkLength(value, "displayName", MAX_NAME_LENGTH);
    return value;
}

export function optionalText(value: unknown, field: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") throw badRequest(`'${field}' must be a string.`, field);
    checkLength(value, field, MAX_NAME_LENGTH);
    return value;
}

function scimBoolean(value: unknown, field: string): boolean {
    if (typeof value === "boolean") return value;
    if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
    throw badRequest(`'${field}' must be a boolean.`, field);
}
