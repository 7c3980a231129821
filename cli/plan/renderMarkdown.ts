import { ConfigProblem } from "../../core/config/problems";
import { Finding } from "../../core/rules";
import { PlanResult } from "./runPlan";
import { shortType, SYSTEMS, systemOf } from "./systems";

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
    return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** Inline code that survives backticks in the value. */
function code(text: string): string {
    return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function findingItem(f: Finding): string[] {
    return [`- **${f.id}** ${code(f.path)}: ${f.message}`, `  - Why: ${f.why}`, `  - Fix: ${f.fix}`];
}

/** A config problem reads like a finding: the rule it enforces (or `config`), why and how to fix it. */
function problemItem(p: ConfigProblem): string[] {
    const lines = [`- **${p.rule ?? "config"}** ${code(p.path)}: ${cell(p.message)}`];
    if (p.why) lines.push(`  - Why: ${cell(p.why)}`);
    if (p.fix) lines.push(`  - Fix: ${cell(p.fix)}`);
    return lines;
}

function summaryLine(plan: PlanResult): string {
    const count = (s: Finding["severity"]) => plan.findings.filter((f) => f.severity === s).length;
    const checks = `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${plural(count("info"), "note")}`;
    if (plan.problems.length > 0)
        return `**Blocked**: ${plural(plan.problems.length, "configuration problem")}; nothing would be changed.`;
    if (!plan.ok) return `**Blocked**: ${checks}; nothing would be changed.`;
    return `**Ready**: ${checks}; ${plural(plan.resources.length, "resource")} to create.`;
}

/**
 * The plan as GitHub/GitLab-flavoured Markdown (`--format markdown`), for a pull-request comment:
 * the same content as the text plan, with the notes folded away.
 */
export function renderPlanMarkdown(plan: PlanResult, stackFile: string, runbookPath?: string): string {
    const out: string[] = [];
    out.push(`## chatgpt-identity plan: ${code(stackFile)}`, "");
    if (plan.config)
        out.push(`${plan.config.name} (${plan.config.idp === "entra" ? "Microsoft Entra ID" : "Okta"})`, "");
    out.push(summaryLine(plan), "");
    if (plan.problems.length > 0) {
        out.push("### Configuration problems", "");
        for (const p of plan.problems) out.push(...problemItem(p));
        out.push("");
    }
    const blocking = plan.findings.filter((f) => f.severity !== "info");
    const infos = plan.findings.filter((f) => f.severity === "info");
    if (blocking.length > 0) {
        out.push("### Rollout checks", "");
        for (const severity of ["error", "warning"] as const) {
            const list = blocking.filter((f) => f.severity === severity);
            if (list.length === 0) continue;
            out.push(
                severity === "error" ? "**Errors (must be fixed):**" : "**Warnings (check before deploying):**",
                "",
            );
            for (const f of list) out.push(...findingItem(f));
            out.push("");
        }
    }
    if (infos.length > 0) {
        out.push(`<details><summary>${plural(infos.length, "note")} on the rollout</summary>`, "");
        for (const f of infos) out.push(...findingItem(f));
        out.push("", "</details>", "");
    }
    for (const note of plan.notes) out.push(`> **Note:** ${note}`, "");
    if (!plan.ok) return `${out.join("\n").trimEnd()}\n`;
    out.push(`### What \`pulumi up\` would create (${plan.resources.length})`, "");
    out.push("| System | Type | Name |", "| --- | --- | --- |");
    for (const system of SYSTEMS) {
        for (const r of plan.resources.filter((x) => systemOf(x) === system)) {
            out.push(`| ${cell(system)} | ${code(shortType(r.type))} | ${code(r.name)} |`);
        }
    }
    out.push("");
    const h = plan.handoff;
    if (h) {
        if (h.dnsHandoff.trim()) out.push("### Hand-off: DNS team", "", "```text", h.dnsHandoff.trimEnd(), "```", "");
        if (h.sso) {
            out.push("### Hand-off: ChatGPT SSO wizard and IdP", "", "| Value | |", "| --- | --- |");
            out.push(`| SSO app in the IdP | ${cell(h.sso.appName)} |`);
            out.push(`| Entity ID (IdP) | ${h.sso.entityId ? code(h.sso.entityId) : "-"} |`);
            out.push(`| ACS URL (IdP) | ${h.sso.acsUrl ? code(h.sso.acsUrl) : "-"} |`);
            out.push(
                `| Metadata URL (paste into ChatGPT) | ${h.sso.metadataUrl ? code(h.sso.metadataUrl) : "known after `pulumi up`"} |`,
            );
            out.push("");
        }
        if (h.scimManualSteps.length > 0) {
            out.push("### Steps that cannot be done as code", "");
            h.scimManualSteps.forEach((s, i) => out.push(`${i + 1}. ${s.replace(/^\d+\.\s+/, "")}`));
            out.push("");
        }
    }
    if (runbookPath) out.push(`Runbook of the remaining manual steps: ${code(runbookPath)}`, "");
    return `${out.join("\n").trimEnd()}\n`;
}
