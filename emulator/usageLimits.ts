import { badRequest, objectBody, rejectUnknownFields } from "./http";
import { LimitRuleRecord, WorkspaceGroupRecord, WorkspaceState } from "./model";
import { groupsOfUser } from "./workspaceView";

/*
 * Monthly usage limits (credits). Shapes per chatgpt-admin-api.md [seen] and OpenAI's cookbook adapter
 * (examples/chatgpt/daily_usage_limits): a rule `{ type: "limited", limit_amount: { amount, unit: "credit" },
 * limit_expires_at }` or `{ type: "unlimited" }`; effective/inherited `{ limit, source: { kind } }` with the
 * kinds "workspace_default", "group_default" and "individual_override".
 */

const MAX_CREDITS = 2_147_483_647;

interface Effective {
    limit: ReturnType<typeof ruleJson>;
    source:
        { kind: "workspace_default" } | { kind: "group_default"; group_id: string } | { kind: "individual_override" };
}

export function ruleJson(rule: LimitRuleRecord) {
    return rule.type === "unlimited"
        ? { type: "unlimited" as const }
        : {
              type: "limited" as const,
              limit_amount: { amount: rule.amount, unit: "credit" as const },
              limit_expires_at: rule.expiresAt,
          };
}

/** A rule whose temporary expiry has passed no longer applies. */
function live(rule: LimitRuleRecord | null | undefined, nowMs: number): LimitRuleRecord | null {
    if (!rule) return null;
    if (rule.type === "limited" && rule.expiresAt !== null && Date.parse(rule.expiresAt) <= nowMs) return null;
    return rule;
}

function workspaceEffective(ws: WorkspaceState, nowMs: number): Effective | null {
    const rule = live(ws.limits.workspace, nowMs);
    return rule ? { limit: ruleJson(rule), source: { kind: "workspace_default" } } : null;
}

function groupEffective(ws: WorkspaceState, group: WorkspaceGroupRecord, nowMs: number): Effective | null {
    const rule = live(ws.limits.groups[group.id], nowMs);
    return rule ? { limit: ruleJson(rule), source: { kind: "group_default", group_id: group.id } } : null;
}

export function workspaceLimitJson(ws: WorkspaceState, nowMs: number) {
    const override = live(ws.limits.workspace, nowMs);
    return {
        object: "workspace.usage_limit" as const,
        id: ws.id,
        workspace_id: ws.id,
        override_monthly_usage_limit: override ? ruleJson(override) : null,
        effective_monthly_usage_limit: workspaceEffective(ws, nowMs),
        inherited_monthly_usage_limit: null,
    };
}

/** A group without its own rule inherits the workspace's (source kind "workspace_default"). */
export function groupLimitJson(ws: WorkspaceState, group: WorkspaceGroupRecord, nowMs: number) {
    const override = live(ws.limits.groups[group.id], nowMs);
    const inherited = workspaceEffective(ws, nowMs);
    return {
        object: "workspace.group.usage_limit" as const,
        id: group.id,
        group_id: group.id,
        workspace_id: ws.id,
        override_monthly_usage_limit: override ? ruleJson(override) : null,
        effective_monthly_usage_limit: groupEffective(ws, group, nowMs) ?? inherited,
        inherited_monthly_usage_limit: inherited,
    };
}

/** A user inherits the highest limit of their groups' rules, else the workspace's. */
export function userLimitJson(ws: WorkspaceState, userId: string, nowMs: number) {
    const override = live(ws.limits.users[userId], nowMs);
    const groupRules = groupsOfUser(ws, userId)
        .map((g) => groupEffective(ws, g, nowMs))
        .filter((e): e is Effective => e !== null)
        .sort((a, b) => magnitude(b) - magnitude(a));
    const inherited = groupRules[0] ?? workspaceEffective(ws, nowMs);
    return {
        object: "workspace.user.usage_limit" as const,
        id: userId,
        account_user_id: `${userId}__${ws.id}`,
        override_monthly_usage_limit: override ? ruleJson(override) : null,
        effective_monthly_usage_limit: override
            ? { limit: ruleJson(override), source: { kind: "individual_override" as const } }
            : inherited,
        inherited_monthly_usage_limit: inherited,
    };
}

function magnitude(e: Effective): number {
    return e.limit.type === "unlimited" ? Number.POSITIVE_INFINITY : e.limit.limit_amount.amount;
}

/**
 * The PATCH body `{ override_monthly_usage_limit: rule | null }`; null clears the override (inherit).
 * `temporary: true` makes the rule expire at the end of the current month (UTC), as the API computes it;
 * a caller-supplied `limit_expires_at` is refused (the cookbook documents it as unsupported).
 */
export function parseLimitPatch(body: unknown, nowMs: number): LimitRuleRecord | null {
    const b = objectBody(body);
    rejectUnknownFields(b, ["override_monthly_usage_limit"]);
    if (!("override_monthly_usage_limit" in b)) {
        throw badRequest(
            "'override_monthly_usage_limit' is required: a rule such as { type: \"limited\", limit_amount: { amount: 500, " +
                'unit: "credit" } }, or null to inherit.',
            "override_monthly_usage_limit",
            "missing_required_parameter",
        );
    }
    const raw = b.override_monthly_usage_limit;
    if (raw === null) return null;
    const p = "override_monthly_usage_limit";
    if (Array.isArray(raw) || typeof raw !== "object") throw badRequest(`'${p}' must be an object or null.`, p);
    const rule = raw as Record<string, unknown>;
    rejectUnknownFields(rule, ["type", "limit_amount", "limit_expires_at", "temporary", "limit"], `${p}.`);
    if (rule.limit !== undefined && rule.limit !== null) {
        throw badRequest(
            `'${p}.limit' is the legacy field; send limit_amount: { amount, unit: "credit" }.`,
            `${p}.limit`,
        );
    }
    if (rule.limit_expires_at !== undefined && rule.limit_expires_at !== null) {
        throw badRequest(
            `'${p}.limit_expires_at' cannot be set; send temporary: true for a rule that ends with the month.`,
            `${p}.limit_expires_at`,
        );
    }
    if (rule.temporary !== undefined && typeof rule.temporary !== "boolean") {
        throw badRequest(`'${p}.temporary' must be a boolean.`, `${p}.temporary`);
    }
    if (rule.type === "unlimited") {
        if (rule.limit_amount !== undefined && rule.limit_amount !== null) {
            throw badRequest(`An unlimited rule takes no limit_amount.`, `${p}.limit_amount`);
        }
        return { type: "unlimited" };
    }
    if (rule.type !== "limited") {
        throw badRequest(
            `'${p}.type' must be "limited" or "unlimited", got ${JSON.stringify(rule.type)}.`,
            `${p}.type`,
        );
    }
    const rawAmount = rule.limit_amount;
    if (typeof rawAmount !== "object" || rawAmount === null || Array.isArray(rawAmount)) {
        throw badRequest(
            `'${p}.limit_amount' is required for a limited rule: { amount, unit: "credit" }.`,
            `${p}.limit_amount`,
        );
    }
    const amount = rawAmount as Record<string, unknown>;
    rejectUnknownFields(amount, ["amount", "unit"], `${p}.limit_amount.`);
    if (amount.unit !== "credit") {
        throw badRequest(
            `'${p}.limit_amount.unit' must be "credit" (this workspace bills in credits), got ` +
                `${JSON.stringify(amount.unit)}.`,
            `${p}.limit_amount.unit`,
        );
    }
    const value =
        typeof amount.amount === "string" && /^\d+$/.test(amount.amount) ? Number(amount.amount) : amount.amount;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_CREDITS) {
        throw badRequest(
            `'${p}.limit_amount.amount' must be a whole number of credits between 0 and ${MAX_CREDITS}, got ` +
                `${JSON.stringify(amount.amount)}.`,
            `${p}.limit_amount.amount`,
        );
    }
    return { type: "limited", amount: value, expiresAt: rule.temporary === true ? endOfMonth(nowMs) : null };
}

function endOfMonth(nowMs: number): string {
    const d = new Date(nowMs);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
}
