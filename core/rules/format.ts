import { DEFAULT_WORKSPACE_KEY } from "../config/normalize";
import { STANDING_INFO_IDS } from "./engine";
import { Finding, Severity, plural } from "./types";

const SECTIONS: { severity: Severity; title: string }[] = [
    { severity: "error", title: "Errors (must be fixed before deploying)" },
    { severity: "warning", title: "Warnings (check before deploying)" },
    { severity: "info", title: "Information" },
];

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    return counts;
}

/** One line: `1 error, 2 warnings, 5 notes`. */
export function summarizeFindings(findings: readonly Finding[]): string {
    const c = countBySeverity(findings);
    return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.info, "note")}`;
}

/** A standing explanation (an info of a `standingInfo` rule), shown as one line. */
function isStanding(f: Finding): boolean {
    return f.severity === "info" && STANDING_INFO_IDS.has(f.id);
}

/**
 * Plain text for the plan command, grouped by severity; each finding with its path, message, why and
 * fix, except the standing explanations, which say the same thing on every plan: one line each, last.
 * `title` opens the first line (default `Preflight:`; `verify` passes `Verify:`).
 */
export function formatFindings(findings: readonly Finding[], title = "Preflight:"): string {
    if (findings.length === 0) return `${title} no findings.`;
    const lines = [`${title} ${summarizeFindings(findings)}.`];
    for (const { severity, title } of SECTIONS) {
        const group = findings.filter((f) => f.severity === severity && !isStanding(f));
        if (group.length === 0) continue;
        lines.push("", `${title}:`);
        for (const f of group) {
            lines.push(`  [${f.id}] ${f.path}`, `    ${f.message}`, `    Why: ${f.why}`, `    Fix: ${f.fix}`);
        }
    }
    const standing = findings.filter(isStanding);
    if (standing.length > 0) {
        lines.push("", "What this plan means for users (one line each; why and fix in --format json):");
        for (const f of standing) {
            // A one-workspace stack has no workspace to name; in a tenant, a per-workspace line says whose it is.
            const whose = f.workspace && f.workspace !== DEFAULT_WORKSPACE_KEY ? ` (workspace ${f.workspace})` : "";
            lines.push(`  [${f.id}]${whose} ${f.message}`);
        }
    }
    return lines.join("\n");
}

/** The machine-readable shape of `findingsToJson`. */
export interface FindingsReport {
    summary: Record<Severity, number> & { blocking: boolean };
    findings: Finding[];
}

export function findingsReport(findings: readonly Finding[]): FindingsReport {
    const counts = countBySeverity(findings);
    return {
        summary: { ...counts, blocking: counts.error > 0 },
        findings: findings.map(({ id, severity, path, message, why, fix, workspace }) =>
            workspace === undefined
                ? { id, severity, path, message, why, fix }
                : { id, severity, path, message, why, fix, workspace },
        ),
    };
}

/** JSON text (2-space indent) of `findingsReport`, for `plan --json` and CI. */
export function findingsToJson(findings: readonly Finding[]): string {
    return JSON.stringify(findingsReport(findings), null, 2);
}
