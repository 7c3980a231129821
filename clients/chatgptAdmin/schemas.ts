import { z } from "zod";
import { ChatGptAdminApiError } from "./errors";
import { LimitRule, UsageLimit, WorkspaceGroup, WorkspaceGroupMember, WorkspaceInvite, WorkspaceUser } from "./types";

/**
 * Tolerant parsing of the API's answers: unknown fields are kept (`z.looseObject`), a missing or mistyped
 * required field fails loudly with kind "invalid_response", naming the route and the field.
 */

/**
 * The schemas are built on first use and kept on `globalThis`, not in module variables: a dynamic provider's
 * closure serialization copies module values into the state, and zod schema objects do not survive that copy
 * (their internals point into zod's private module paths). Functions referring to `z` serialize as `require("zod")`.
 */
function buildSchemas() {
    const amount = z.union([
        z.number(),
        z
            .string()
            .regex(/^\d+(\.\d+)?$/)
            .transform(Number),
    ]);

    const limitRule = z.union([
        z.looseObject({
            type: z.literal("limited"),
            limit_amount: z.looseObject({ amount, unit: z.enum(["credit", "usd"]) }),
            limit_expires_at: z.string().nullish(),
        }),
        z.looseObject({ type: z.literal("unlimited") }),
    ]);

    /** `[]` → null, `[rule]` → rule (the array form public clients show); more than one rule is refused. */
    const overrideRule = z.union([
        limitRule,
        z.null(),
        z
            .array(limitRule)
            .max(1, "holds more than one rule")
            .transform((rules) => rules[0] ?? null),
    ]);

    const sourcedLimit = z.looseObject({
        limit: limitRule.nullable(),
        source: z.looseObject({ kind: z.string() }).nullish(),
    });

    return {
        user: z.looseObject({
            id: z.string().min(1),
            email: z.string(),
            name: z.string().nullish(),
            role: z.string().optional(),
            seat_type: z.string().optional(),
            is_scim_managed: z.boolean(),
        }),
        groupMember: z.looseObject({
            id: z.string().min(1),
            email: z.string().nullable(),
            is_scim_managed: z.boolean(),
        }),
        group: z.looseObject({
            id: z.string().min(1),
            name: z.string(),
            is_scim_managed: z.boolean().optional(),
            member_count: z.number().optional(),
        }),
        invite: z.looseObject({
            id: z.string().min(1),
            email: z.string(),
            role: z.string().optional(),
            status: z.string().optional(),
        }),
        usageLimit: z.looseObject({
            override_monthly_usage_limit: overrideRule,
            effective_monthly_usage_limit: sourcedLimit.nullish(),
            inherited_monthly_usage_limit: z.union([limitRule, sourcedLimit]).nullish(),
        }),
    };
}

export type Schemas = ReturnType<typeof buildSchemas>;

const CACHE = "__chatgptIdentityClientSchemas";

export function schemas(): Schemas {
    const holder = globalThis as unknown as Record<string, Schemas | undefined>;
    return (holder[CACHE] ??= buildSchemas());
}

function fieldPath(prefix: string, path: PropertyKey[]): string {
    let out = prefix;
    for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
    return out || "(body)";
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
    let value = raw;
    for (const part of path) {
        if (value === null || typeof value !== "object") return undefined;
        value = (value as Record<PropertyKey, unknown>)[part];
    }
    return value;
}

/** Parses `raw` with `schema`; on failure throws naming `route` and the first bad field under `prefix`. */
export function parseAnswer<S extends z.ZodType>(schema: S, raw: unknown, route: string, prefix = ""): z.output<S> {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = fieldPath(prefix, issue.path);
    const missing = valueAt(raw, issue.path) === undefined;
    throw new ChatGptAdminApiError({
        kind: "invalid_response",
        route,
        detail: `the answer's field ${field} is ${missing ? "missing" : `invalid (${issue.message})`}`,
        hint: "the API answered in a shape this client does not know: report it with the route and field",
    });
}

export type ParsedUser = WorkspaceUser;
export type ParsedGroupMember = WorkspaceGroupMember;
export type ParsedGroup = WorkspaceGroup;
export type ParsedInvite = WorkspaceInvite;
export type ParsedUsageLimit = UsageLimit;
export type ParsedLimitRule = LimitRule;
