import { z } from "zod";
import { conventionName } from "../config/checks/groups";
import { at } from "../config/draft";
import { tenantFormSchema, workspaceFormSchema } from "../config/forms";
import { ConfigForm } from "../config/model";
import { ADMIN_KEY, DEFAULT_WORKSPACE_KEY, SCIM_TOKEN_KEY } from "../config/normalize";
import { ConfigProblem } from "../config/problems";
import { workspaceEntrySchema } from "../config/sections/workspace";
import { PartialTenantConfig, evaluatePartialConfig } from "./engine";
import { TenantFacts } from "../facts";
import { Finding } from "./types";
import { WorkspaceSpec } from "./tenantConfig";

const TENANT_SECTIONS = ["name", "idp", "domains", "dns", "sso", "apiPlatform", "facts"] as const;
const WORKSPACE_SECTIONS = [
    "workspaceId",
    "phase",
    "scim",
    "groups",
    "settings",
    "usageLimit",
    "invites",
    "customRoles",
    "manageWorkspace",
] as const;

function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a problem path (or one of the paths it joins with " and ") is `prefix` or below it. */
function touches(problems: readonly ConfigProblem[], prefix: string): boolean {
    return problems.some((p) =>
        p.path
            .split(" and ")
            .some(
                (path) =>
                    path === prefix ||
                    path.startsWith(`${prefix}.`) ||
                    path.startsWith(`${prefix}[`) ||
                    prefix.startsWith(`${path}.`) ||
                    prefix.startsWith(`${path}[`),
            ),
    );
}

/** One section through the gate's own schema for it, kept only when it parses and no problem concerns it. */
function section(
    schema: z.ZodType,
    value: unknown,
    path: string,
    problems: readonly ConfigProblem[],
): { ok: boolean; data?: unknown } {
    if (touches(problems, path)) return { ok: false };
    const parsed = schema.safeParse(value);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
}

/**
 * The sections of a refused config that still stand: each section is read with the config gate's own
 * schema for it (nothing is checked twice or differently), and dropped when it does not parse or when
 * any of the gate's problems concerns it. Workspace entries without a valid key are dropped whole.
 */
export function partialTenantConfig(
    raw: unknown,
    form: ConfigForm,
    problems: readonly ConfigProblem[],
): PartialTenantConfig {
    const partial: PartialTenantConfig = { form, path: form };
    if (!isMapping(raw) || problems.some((p) => p.path === form)) return partial;
    const shape = (form === "tenant" ? tenantFormSchema : workspaceFormSchema).shape as Record<string, z.ZodType>;
    const kept = partial as Record<string, unknown>;
    for (const key of TENANT_SECTIONS) {
        const read = section(shape[key], raw[key], at(form, key), problems);
        if (read.ok) kept[key] = read.data;
    }
    if (form === "workspace" && isMapping(kept.sso)) {
        const { apiPlatformSsoEnabled, ...sso } = kept.sso as Record<string, unknown>;
        kept.sso = sso;
        if (
            isMapping(kept.apiPlatform) &&
            kept.apiPlatform.ssoEnabled === undefined &&
            apiPlatformSsoEnabled !== undefined
        ) {
            kept.apiPlatform = { ...kept.apiPlatform, ssoEnabled: apiPlatformSsoEnabled };
        }
    }
    if (form === "workspace") {
        const name = typeof partial.name === "string" ? partial.name : DEFAULT_WORKSPACE_KEY;
        partial.workspaces = [workspace(raw, shape, DEFAULT_WORKSPACE_KEY, name, form, form, problems)];
    } else if (Array.isArray(raw.workspaces) && !problems.some((p) => p.path === at(form, "workspaces"))) {
        const entry = workspaceEntrySchema.shape as Record<string, z.ZodType>;
        partial.workspaces = raw.workspaces.flatMap((value, i) => {
            const path = at(form, "workspaces", i);
            if (!isMapping(value) || touches(problems, at(path, "key"))) return [];
            const key = entry.key.safeParse(value.key);
            if (!key.success) return [];
            const name = entry.name.safeParse(value.name);
            return [
                workspace(
                    value,
                    entry,
                    key.data as string,
                    name.success ? (name.data as string) : (key.data as string),
                    path,
                    form,
                    problems,
                ),
            ];
        });
    }
    return partial;
}

type PartialWorkspace = NonNullable<PartialTenantConfig["workspaces"]>[number];

function workspace(
    raw: Record<string, unknown>,
    shape: Record<string, z.ZodType>,
    key: string,
    name: string,
    path: string,
    form: ConfigForm,
    problems: readonly ConfigProblem[],
): PartialWorkspace {
    const spec: Record<string, unknown> = {
        key,
        name,
        path,
        adminKeyConfigKey: form === "workspace" ? ADMIN_KEY : `${ADMIN_KEY}-${key}`,
    };
    for (const field of WORKSPACE_SECTIONS) {
        const read = section(shape[field], raw[field], at(path, field), problems);
        if (read.ok) spec[field] = read.data;
    }
    if (isMapping(spec.scim)) {
        const scim = spec.scim as Record<string, unknown>;
        spec.scim = {
            ...scim,
            tokenKey: scim.tokenKey ?? (form === "workspace" ? SCIM_TOKEN_KEY : `${SCIM_TOKEN_KEY}-${key}`),
        };
    }
    if (Array.isArray(spec.groups)) {
        const groups = spec.groups as Parameters<typeof conventionName>[0][];
        const names = groups.map(conventionName);
        if (names.some((n) => n === undefined)) delete spec.groups;
        else spec.groups = groups.map((g, i) => ({ ...g, name: names[i] }));
    }
    return spec as Partial<WorkspaceSpec> & Pick<WorkspaceSpec, "key" | "path">;
}

/**
 * The rollout checks that can still run on a config the gate refused, to show beside its problems
 * (`loadStackConfig` returns them as `findings` when parsing fails). `raw` is the stack-config value
 * of `form`, `problems` what the gate said about it. Pure.
 */
export function evaluatePartialRules(
    raw: unknown,
    form: ConfigForm,
    problems: readonly ConfigProblem[],
    facts?: TenantFacts,
): Finding[] {
    return evaluatePartialConfig(partialTenantConfig(raw, form, problems), facts);
}
