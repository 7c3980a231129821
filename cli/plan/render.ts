import { ConfigProblem, TenantConfig } from "../../core/config/load";
import { findingsToJson, formatFindings } from "../../core/rules";
import { RecordedResource, RecordedSecret } from "../../offline/recordingEngine";
import { PlanResult } from "./runPlan";
import { shortType, SYSTEMS, systemOf } from "./systems";

const MAX_FIELDS = 4;
const MAX_VALUE = 70;
const HIDDEN_INPUTS = new Set(["__provider"]);

function display(value: unknown): string | undefined {
    if (value instanceof RecordedSecret) return "[secret]";
    if (typeof value === "string")
        return value.length > MAX_VALUE ? `"${value.slice(0, MAX_VALUE - 1)}…"` : `"${value}"`;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v === "string" || v instanceof RecordedSecret)) {
        const joined = value.map((v) => display(v)).join(", ");
        return `[${joined.length > MAX_VALUE ? `${value.length} items` : joined}]`;
    }
    if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? "" : "s"}]`;
    return undefined;
}

function keyInputs(resource: RecordedResource): string {
    return Object.entries(resource.inputs)
        .filter(([k]) => !HIDDEN_INPUTS.has(k))
        .map(([k, v]) => [k, display(v)] as const)
        .filter((e): e is readonly [string, string] => e[1] !== undefined)
        .slice(0, MAX_FIELDS)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
}

function resourceLines(resources: RecordedResource[]): string[] {
    const lines: string[] = [];
    for (const system of SYSTEMS) {
        const inSystem = resources.filter((r) => systemOf(r) === system);
        if (inSystem.length === 0) continue;
        lines.push(`  ${system} (${inSystem.length})`);
        for (const r of inSystem)
            lines.push(`    + ${shortType(r.type)}  ${r.name}${keyInputs(r) ? `\n        ${keyInputs(r)}` : ""}`);
    }
    return lines;
}

function indent(text: string, prefix = "    "): string {
    return text
        .split("\n")
        .map((l) => (l ? prefix + l : l))
        .join("\n");
}

/**
 * Problems in the same shape as findings: `[RULE] path`, the message, then Why and Fix when the
 * problem carries them (a problem without a rule id is a schema problem: `[config]`).
 */
export function formatProblemList(problems: readonly ConfigProblem[]): string {
    return problems
        .flatMap((p) => [
            `  [${p.rule ?? "config"}] ${p.path}`,
            `    ${p.message}`,
            ...(p.why ? [`    Why: ${p.why}`] : []),
            ...(p.fix ? [`    Fix: ${p.fix}`] : []),
        ])
        .join("\n");
}

/** One line about the tenant: the workspace form keeps the line of the release before tenants. */
export function summaryLines(c: TenantConfig): string[] {
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    const scim = (on: boolean) => `SCIM ${on ? "on" : "off"}`;
    if (c.form === "workspace") {
        const w = c.workspaces[0];
        return [
            `${c.name}: idp ${c.idp}, phase ${w.phase}, SSO stage ${c.sso.stage}, ${scim(w.scim.enabled)}, ${count(w.groups.length, "group")}, ${count(c.domains.length, "domain")}`,
        ];
    }
    return [
        `${c.name}: idp ${c.idp}, SSO stage ${c.sso.stage} (one SSO app for the tenant), ${count(c.domains.length, "domain")}, ${count(c.workspaces.length, "workspace")}`,
        ...c.workspaces.map(
            (w) =>
                `  workspace ${w.key} (${w.name}): phase ${w.phase}, ${scim(w.scim.enabled)}, ${count(w.groups.length, "group")}`,
        ),
    ];
}

/** The human plan: findings first, then resources by system, then the values to hand off. */
export function renderPlanText(plan: PlanResult, stackFile: string): string {
    const out: string[] = [];
    const c = plan.config;
    out.push(`chatgpt-identity plan: ${stackFile}`);
    if (c) out.push(...summaryLines(c));
    out.push("");
    if (plan.problems.length > 0) {
        out.push(`Configuration problems (${plan.problems.length}); nothing would be changed:`);
        out.push(formatProblemList(plan.problems));
        out.push("");
    }
    // A rule error is a problem too (listed above); the text shows it once.
    const findings = plan.findings.filter(
        (f) => !(f.severity === "error" && plan.problems.some((p) => p.rule === f.id && p.path === f.path)),
    );
    if (findings.length > 0) {
        out.push("Rollout checks");
        out.push(indent(formatFindings(findings), "  "));
        out.push("");
    }
    for (const note of plan.notes) out.push(`Note: ${note}`, "");
    if (!plan.ok) {
        out.push("Plan stopped: fix the problems above; no resource would be created.");
        return out.join("\n");
    }
    out.push(`What \`pulumi up\` would create (${plan.resources.length} resources)`);
    out.push(...resourceLines(plan.resources));
    out.push("");
    const h = plan.handoff;
    if (h) {
        out.push("Hand-off: DNS team");
        out.push(indent(h.dnsHandoff.trimEnd(), "  "));
        out.push("");
        if (h.sso) {
            out.push("Hand-off: ChatGPT SSO wizard and IdP");
            out.push(`  SSO app in the IdP:  ${h.sso.appName}`);
            out.push(`  Entity ID (IdP):     ${h.sso.entityId ?? "-"}`);
            out.push(`  ACS URL (IdP):       ${h.sso.acsUrl ?? "-"}`);
            out.push(
                `  Metadata URL (paste into ChatGPT): ${h.sso.metadataUrl ?? "known after `pulumi up`: `pulumi stack output ssoMetadataUrl`"}`,
            );
            out.push("");
        }
        for (const w of h.scimManualStepsByWorkspace.filter((x) => x.steps.length > 0)) {
            const whose = plan.config?.form === "tenant" ? ` (workspace ${w.key}: ${w.name})` : "";
            out.push(`Hand-off: steps that cannot be done as code${whose}`);
            // The steps may carry their own numbers ("1. Okta Admin Console ..."); number them once.
            w.steps.forEach((s, i) => out.push(`  ${i + 1}. ${s.replace(/^\d+\.\s+/, "")}`));
            out.push("");
        }
    }
    return out.join("\n");
}

/** The machine plan for pipelines (`--format json`). Secrets print as "[secret]". */
export function renderPlanJson(plan: PlanResult, stackFile: string, runbookPath?: string): string {
    return JSON.stringify(
        {
            stackFile,
            ok: plan.ok,
            problems: plan.problems,
            findings: JSON.parse(findingsToJson(plan.findings)),
            notes: plan.notes,
            resources: plan.resources.map((r) => ({
                system: systemOf(r),
                type: r.type,
                name: r.name,
                parent: r.parentUrn,
                inputs: r.inputs,
            })),
            handoff: plan.handoff,
            runbook: runbookPath,
        },
        null,
        2,
    );
}
