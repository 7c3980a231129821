import { z } from "zod";
import { conventionName } from "./checks/groups";
import {
    ADMIN_KEY_ENV,
    API_PLATFORM_ADMIN_KEY_ENV,
    CONFIG_NAMESPACE,
    SecretsPresent,
    secretProblems,
} from "./checks/secrets";
import { crossFieldProblems, partialCrossFieldProblems } from "./crossField";
import { TenantDraft } from "./draft";
import { tenantFormSchema, workspaceFormSchema } from "./forms";
import { ConfigForm, SsoConfig, TenantConfig } from "./model";
import { ADMIN_KEY, API_PLATFORM_ADMIN_KEY, fromTenantForm, fromWorkspaceForm, SCIM_TOKEN_KEY } from "./normalize";
import { describeValue, didYouMean, formatPath, quote } from "./paths";
import { prescan } from "./prescan";
import { ConfigError, ConfigProblem, uniqueProblems } from "./problems";
import { ROLE1_GRANTS, RuleText, SSO1_STAGE, SSO6_ENCRYPTION } from "./ruleText";

export { ADMIN_KEY_ENV, API_PLATFORM_ADMIN_KEY_ENV, CONFIG_NAMESPACE, SecretsPresent };

/** The stack config keys of the two forms; exactly one is set per stack. */
export const WORKSPACE_CONFIG_KEY = "workspace";
export const TENANT_CONFIG_KEY = "tenant";

export type ParseResult = { ok: true; config: TenantConfig } | { ok: false; problems: ConfigProblem[] };

export type LoadResult<F> =
    { ok: true; config: TenantConfig; findings: F[] } | { ok: false; problems: ConfigProblem[]; findings: F[] };

function zodProblems(error: z.ZodError, root: ConfigForm): ConfigProblem[] {
    return error.issues.map((issue) => {
        const path =
            issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...issue.path, issue.keys[0]] : issue.path;
        let message = issue.message;
        if (issue.code === "invalid_key") message = `this key ${issue.issues.map((i) => i.message).join("; ")}`;
        if (issue.code === "invalid_type" && /^Invalid input/.test(message)) {
            message =
                issue.input === undefined
                    ? `is required (expected ${issue.expected})`
                    : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
        }
        const rule = schemaRule(path);
        return { path: formatPath(path, root), message, ...(rule ?? {}) };
    });
}

/** The domain rule a schema problem at `path` enforces: the stage (SSO-1), encryption (SSO-6), the grants (ROLE-1). */
function schemaRule(path: readonly PropertyKey[]): RuleText | undefined {
    const last = path[path.length - 1];
    const parent = path[path.length - 2];
    if (parent === "sso" && last === "stage") return SSO1_STAGE;
    if (parent === "sso" && last === "assertionEncryption") return SSO6_ENCRYPTION;
    if (path.includes("customRoles") && path.includes("grants")) return ROLE1_GRANTS;
    return undefined;
}

function finalize(draft: TenantDraft): TenantConfig {
    const claims: SsoConfig["claims"] = {};
    for (const [claim, source] of Object.entries(draft.sso.claims)) {
        if (typeof source === "string") claims[claim as keyof SsoConfig["claims"]] = source;
    }
    return {
        ...draft,
        sso: { ...draft.sso, claims, assertionEncryption: false },
        workspaces: draft.workspaces.map((ws) => ({
            ...ws,
            groups: ws.groups.map((g) => ({ ...g, name: conventionName(g) as string })),
        })),
    };
}

/**
 * Validates one stack-config value of either form: the schema (types, formats, unknown keys), then the
 * cross-field rules (SSO-6, SSO-7, SSO-12, GRP-1, DOM-2, SCIM-7, SSO-10, collisions). Every problem is
 * reported; cross-field problems once the shape is right. Secrets are not checked here (see loadStackConfig).
 */
export function parseTenantConfig(raw: unknown, form: ConfigForm): ParseResult {
    const scanned = prescan(raw, form);
    const schema = form === "tenant" ? tenantFormSchema : workspaceFormSchema;
    const parsed = schema.safeParse(scanned.raw);
    if (!parsed.success) {
        const partial = partialCrossFieldProblems(scanned.raw, form, parsed.error.issues);
        return {
            ok: false,
            problems: uniqueProblems([...scanned.problems, ...zodProblems(parsed.error, form), ...partial]),
        };
    }
    const draft =
        form === "tenant"
            ? fromTenantForm(parsed.data as z.output<typeof tenantFormSchema>)
            : fromWorkspaceForm(parsed.data as z.output<typeof workspaceFormSchema>);
    const problems = uniqueProblems([...scanned.problems, ...crossFieldProblems(draft)]);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, config: finalize(draft) };
}

/** The gate for code: validates one form or throws a ConfigError carrying every problem. */
export function loadTenantConfig(raw: unknown, form: ConfigForm): TenantConfig {
    const result = parseTenantConfig(raw, form);
    if (!result.ok) throw new ConfigError(result.problems);
    return result.config;
}

function isSecretsPresent(value: unknown): value is SecretsPresent {
    return typeof (value as { has?: unknown }).has === "function";
}

const FIXED_KEYS = [WORKSPACE_CONFIG_KEY, TENANT_CONFIG_KEY, SCIM_TOKEN_KEY, ADMIN_KEY, API_PLATFORM_ADMIN_KEY];

function configValue(value: unknown, key: string): { value?: unknown; problem?: ConfigProblem } {
    if (typeof value !== "string") return { value };
    try {
        return { value: JSON.parse(value) };
    } catch {
        return {
            problem: { path: key, message: `expected a structured value (a mapping), got ${describeValue(value)}` },
        };
    }
}

/** Secret keys written in plain text in the stack file: a token or key there is already leaked. */
function plainTextSecrets(
    config: TenantConfig,
    values: Readonly<Record<string, unknown>>,
    present: SecretsPresent,
): ConfigProblem[] {
    const secretKeys = new Set([
        SCIM_TOKEN_KEY,
        ADMIN_KEY,
        API_PLATFORM_ADMIN_KEY,
        ...config.workspaces.flatMap((ws) => [ws.scim.tokenKey, ws.adminKeyConfigKey]),
    ]);
    return [...secretKeys]
        .map((key) => `${CONFIG_NAMESPACE}:${key}`)
        .filter((key) => key in values && !present.has(key))
        .map((key) => ({
            path: key,
            message: "is stored in plain text in the stack config; secrets are stored encrypted",
            fix:
                `Replace the value where it was issued (it is exposed), then: pulumi config rm ${key} && ` +
                `pulumi config set --secret ${key} <new value>`,
        }));
}

/** How `loadStackConfig` runs the rule engine and whether it checks secrets. */
export interface LoadStackOptions<F> {
    /**
     * The rule engine on a config that parsed (core/rules `evaluateRules`): runs whenever the config parsed,
     * even if only secrets are missing, and its findings come back either way. Default none.
     */
    evaluate?: (config: TenantConfig) => F[];
    /**
     * The rollout checks that can still run on a config the schema or a cross-field check refused (core/rules
     * `evaluatePartialRules`), given the stack-config value, its form and the gate's problems; their findings
     * come back beside the problems. Not run when the stack key itself is missing, doubled or not a mapping.
     * Default none (no findings on a refused config).
     */
    evaluatePartial?: (raw: unknown, form: ConfigForm, problems: readonly ConfigProblem[]) => F[];
    /**
     * False for read-only commands (`verify`): the secrets an apply needs are neither required nor looked at.
     * Default true.
     */
    checkSecrets?: boolean;
}

/**
 * The gate for a stack: `values` are the stack's config values keyed `chatgpt-identity:<key>` (other
 * namespaces are ignored; a JSON string stands for its object), `secretsPresent` names the secrets that
 * are set (see SecretsPresent). Exactly one of `chatgpt-identity:workspace` / `chatgpt-identity:tenant`.
 * A read-only command passes no secrets and `{ checkSecrets: false }` instead. See LoadStackOptions for the
 * rule engine's findings.
 */
export function loadStackConfig<F = never>(
    values: Readonly<Record<string, unknown>>,
    secretsPresent: SecretsPresent,
    options?: LoadStackOptions<F>,
): LoadResult<F>;
export function loadStackConfig<F = never>(
    values: Readonly<Record<string, unknown>>,
    options: LoadStackOptions<F> & { checkSecrets: false },
): LoadResult<F>;
export function loadStackConfig<F = never>(
    values: Readonly<Record<string, unknown>>,
    secretsOrOptions: SecretsPresent | (LoadStackOptions<F> & { checkSecrets: false }),
    maybeOptions: LoadStackOptions<F> = {},
): LoadResult<F> {
    const noSecrets = !isSecretsPresent(secretsOrOptions);
    const options: LoadStackOptions<F> = noSecrets ? secretsOrOptions : maybeOptions;
    const secretsPresent: SecretsPresent = noSecrets ? new Set() : secretsOrOptions;
    const ours = Object.keys(values).filter((k) => k.startsWith(`${CONFIG_NAMESPACE}:`));
    const workspaceKey = `${CONFIG_NAMESPACE}:${WORKSPACE_CONFIG_KEY}`;
    const tenantKey = `${CONFIG_NAMESPACE}:${TENANT_CONFIG_KEY}`;
    const hasWorkspace = ours.includes(workspaceKey);
    const hasTenant = ours.includes(tenantKey);
    const problems: ConfigProblem[] = [];
    for (const key of ours) {
        const bare = key.slice(CONFIG_NAMESPACE.length + 1);
        if (FIXED_KEYS.includes(bare) || /^(scimToken|adminKey)-[a-z0-9-]+$/.test(bare)) continue;
        const guess = didYouMean(bare, FIXED_KEYS);
        if (guess !== undefined) {
            problems.push({
                path: key,
                message: `unknown config key ${quote(key)}: did you mean ${quote(`${CONFIG_NAMESPACE}:${guess}`)}?`,
            });
        }
    }
    if (hasWorkspace && hasTenant) {
        problems.push({
            path: `${workspaceKey} and ${tenantKey}`,
            message:
                "a stack uses one form: the workspace form (one workspace) or the tenant form (workspaces: [...]); " +
                "remove one",
        });
    }
    if (!hasWorkspace && !hasTenant) {
        problems.push({
            path: workspaceKey,
            message:
                `is not set: describe the setup in ${workspaceKey} (one workspace) or ${tenantKey} (a tenant ` +
                `with workspaces: [...]); see "Config reference" in README.md`,
        });
    }
    if (problems.length > 0) return { ok: false, problems, findings: [] };
    const form: ConfigForm = hasTenant ? "tenant" : "workspace";
    const key = hasTenant ? tenantKey : workspaceKey;
    const read = configValue(values[key], key);
    if (read.problem) return { ok: false, problems: [read.problem], findings: [] };
    const parsed = parseTenantConfig(read.value, form);
    if (!parsed.ok) {
        const partial = options.evaluatePartial ? options.evaluatePartial(read.value, form, parsed.problems) : [];
        return { ok: false, problems: parsed.problems, findings: partial };
    }
    const findings = options.evaluate ? options.evaluate(parsed.config) : [];
    if (options.checkSecrets === false) return { ok: true, config: parsed.config, findings };
    const missing = [
        ...plainTextSecrets(parsed.config, values, secretsPresent),
        ...secretProblems(parsed.config, secretsPresent),
    ];
    return missing.length > 0
        ? { ok: false, problems: missing, findings }
        : { ok: true, config: parsed.config, findings };
}

export { ConfigError, formatProblems } from "./problems";
export type { ConfigProblem, RuleId } from "./problems";
export { ADMIN_KEY, API_PLATFORM_ADMIN_KEY, DEFAULT_WORKSPACE_KEY, SCIM_TOKEN_KEY } from "./normalize";
export type { ConfigForm, TenantConfig, WorkspaceSpec } from "./model";
