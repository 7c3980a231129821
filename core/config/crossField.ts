import { z } from "zod";
import { domainProblems } from "./checks/domains";
import { groupProblems } from "./checks/groups";
import { ssoProblems } from "./checks/sso";
import { workspaceProblems } from "./checks/workspaces";
import { TenantDraft } from "./draft";
import { tenantFormSchema, workspaceFormSchema } from "./forms";
import { ConfigForm } from "./model";
import { fromTenantForm, fromWorkspaceForm } from "./normalize";
import { ConfigProblem } from "./problems";

/** The cross-field checks and the settings (tenant- or workspace-level keys) each one reads. */
const CHECKS: { reads: readonly string[]; run: (draft: TenantDraft) => ConfigProblem[] }[] = [
    { reads: ["domains", "dns", "sso", "groups"], run: domainProblems },
    { reads: ["idp", "sso", "scim"], run: ssoProblems },
    { reads: ["sso", "scim", "workspaceId", "invites", "manageWorkspace", "facts"], run: workspaceProblems },
    { reads: ["idp", "sso", "groups", "customRoles", "apiPlatform"], run: groupProblems },
];

/** Without these nothing can be related: a failure here skips every cross-field check. */
const ESSENTIAL = ["name", "idp", "domains", "key", "workspaces"];

/** Every cross-field check of a draft whose shape is right. */
export function crossFieldProblems(draft: TenantDraft): ConfigProblem[] {
    return CHECKS.flatMap((check) => check.run(draft));
}

function parse(raw: unknown, form: ConfigForm): TenantDraft | undefined {
    const schema = form === "tenant" ? tenantFormSchema : workspaceFormSchema;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return undefined;
    return form === "tenant"
        ? fromTenantForm(parsed.data as z.output<typeof tenantFormSchema>)
        : fromWorkspaceForm(parsed.data as z.output<typeof workspaceFormSchema>);
}

/** The setting an issue concerns: a tenant key, or a workspace key in the tenant form's `workspaces[i]`. */
function settingOf(path: readonly PropertyKey[], form: ConfigForm): string | undefined {
    if (form === "tenant" && path[0] === "workspaces" && typeof path[1] === "number" && path.length > 2) {
        return String(path[2]);
    }
    return path.length > 0 ? String(path[0]) : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The cross-field checks that can still run while the schema refuses some settings, so that one run
 * reports (nearly) every problem: the refused settings are left out (their defaults stand in), and only
 * the checks that read none of them run. Nothing runs when an essential setting is refused.
 */
export function partialCrossFieldProblems(
    raw: unknown,
    form: ConfigForm,
    issues: readonly z.core.$ZodIssue[],
): ConfigProblem[] {
    if (!isMapping(raw)) return [];
    const failed = new Set<string>();
    const unknownTopLevel = new Set<string>();
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
            issue.keys.forEach((k) => unknownTopLevel.add(k));
            continue;
        }
        const setting = settingOf(issue.path, form);
        if (setting === undefined) return [];
        failed.add(setting);
    }
    if (ESSENTIAL.some((s) => failed.has(s))) return [];
    const drop = (entry: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(entry).filter(([k]) => !failed.has(k) && !unknownTopLevel.has(k)));
    const repaired = drop(raw);
    if (form === "tenant" && Array.isArray(raw.workspaces)) {
        repaired.workspaces = raw.workspaces.map((w) => (isMapping(w) ? drop(w) : w));
    }
    const draft = parse(repaired, form);
    if (draft === undefined) return [];
    return CHECKS.filter((check) => !check.reads.some((s) => failed.has(s))).flatMap((check) => check.run(draft));
}
