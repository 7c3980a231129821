import { findingsReport, formatFindings } from "../../core/rules/format";
import { PHASE_NAMES } from "../../verify/checks/phaseChecklist";
import { CheckResult, ChecklistItem, VerifyReport, WorkspaceVerification } from "../../verify/types";

const STATUS: Record<CheckResult["status"], string> = { pass: "ok  ", fail: "FAIL", skipped: "--  " };
const BOX: Record<ChecklistItem["status"], string> = { done: "[x]", open: "[ ]", "by-hand": "[?]" };

const n = (value: number) => value.toLocaleString("en-US");
const count = (value: number, one: string) => `${n(value)} ${one}${value === 1 ? "" : "s"}`;

function checkLine(c: CheckResult, subjectLabel = true): string {
    return `  ${STATUS[c.status]}  [${c.rule}] ${subjectLabel ? `${c.kind} ${c.subject}: ` : ""}${c.detail}`;
}

function workspaceLines(ws: WorkspaceVerification, checks: readonly CheckResult[]): string[] {
    const id = ws.workspaceId ? `, ${ws.workspaceId}` : "";
    if (ws.unreadable) return [`Workspace "${ws.name}" (${ws.key}${id}): NOT READ`, `  ${ws.unreadable.message}`];
    const c = ws.counts!;
    const lines = [
        `Workspace "${ws.name}" (${ws.key}${id}): ${count(c.members, "member")} (${n(c.scimManaged)} ` +
            `SCIM-managed, ${n(c.notScimManaged)} not), ` +
            `${count(c.pendingInvites, "pending invite")}, ${count(c.groups, "group")}`,
        ...checks.filter((x) => x.workspace === ws.key && x.kind === "group").map((x) => checkLine(x)),
        ...checks.filter((x) => x.workspace === ws.key && x.kind === "members").map((x) => checkLine(x, false)),
        `  ${PHASE_NAMES[ws.phase as keyof typeof PHASE_NAMES] ?? ws.phase} validation checklist (GRP-5):`,
    ];
    for (const item of ws.checklist) {
        const next = item.next ? ` (${item.status === "by-hand" ? "by hand" : "next"}: ${item.next})` : "";
        lines.push(`    ${BOX[item.status]} ${item.text}${next}`);
    }
    return lines;
}

/** The text report: what was checked and how it stands, then the findings in the plan's format. */
export function renderVerifyText(report: VerifyReport, stackFile: string): string {
    const lines = [
        `Verify ${report.tenant} (${stackFile}): read-only; DNS through ${report.dnsServer ?? "the system resolver"}`,
        "",
        "Domain TXT records:",
        ...report.checks
            .filter((c) => c.kind === "domain TXT record")
            .map((c) => checkLine(c, false).replace(`[${c.rule}] `, `[${c.rule}] ${c.subject}: `)),
    ];
    for (const ws of report.workspaces) lines.push("", ...workspaceLines(ws, report.checks));
    const testUsers = report.checks.filter((c) => c.kind === "test user");
    if (testUsers.length > 0)
        lines.push(
            "",
            "Test users:",
            ...testUsers.map((c) => checkLine(c, false).replace(`[${c.rule}] `, `[${c.rule}] ${c.subject}: `)),
        );
    lines.push("", formatFindings(report.findings, "Verify:"));
    return lines.join("\n");
}

/** The version of the `verify --format json` document: raise it when a field is removed or changes meaning. */
export const VERIFY_FORMAT_VERSION = 1;

/** The JSON report: the plan's `{ summary, findings }` plus what was read; never a key. */
export function renderVerifyJson(report: VerifyReport, stackFile: string): string {
    const { summary, findings } = findingsReport(report.findings);
    return JSON.stringify(
        {
            command: "verify",
            formatVersion: VERIFY_FORMAT_VERSION,
            stackFile,
            tenant: report.tenant,
            dnsServer: report.dnsServer ?? null,
            summary: { ...summary, unreadable: report.unreadable.length },
            findings,
            domains: report.domains,
            workspaces: report.workspaces,
            checks: report.checks,
            unreadable: report.unreadable,
        },
        null,
        2,
    );
}
