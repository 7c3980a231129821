import { strict as assert } from "assert";
import { Finding, RULES, UNJUDGEABLE_RULES, evaluateRules, findingsToJson, formatFindings, hasErrors } from "../../../core/rules";
import { CLEAN_FACTS, SCIM_ON, SSO_BASE, makeConfig } from "./support";

/** Every id of ../shared/domain-rules.md. */
const DOMAIN_RULE_IDS = [
    "DOM-1", "DOM-2", "DOM-3", "DOM-4", "DOM-5",
    "SSO-1", "SSO-2", "SSO-3", "SSO-4", "SSO-5", "SSO-6", "SSO-7", "SSO-8", "SSO-9",
    "SCIM-1", "SCIM-2", "SCIM-3", "SCIM-4", "SCIM-5", "SCIM-6",
    "GRP-1", "GRP-2", "GRP-3", "GRP-4", "GRP-5",
    "ROLE-1", "ROLE-2",
    "WS-1", "WS-2", "WS-3",
];

describe("rules: engine and output", () => {
    it("every domain rule is either checked or listed as unjudgeable with a reason, never both", () => {
        const checked = RULES.map((r) => r.id);
        const unjudgeable = UNJUDGEABLE_RULES.map((r) => r.id);
        assert.equal(new Set(checked).size, checked.length, "one check per rule id");
        assert.deepEqual([...checked, ...unjudgeable].sort(), [...DOMAIN_RULE_IDS].sort());
        for (const r of UNJUDGEABLE_RULES) assert.ok(r.reason.length > 40, r.id);
    });

    it("findings come out in rule order, then config order, the same on every run", () => {
        const config = makeConfig({ sso: { ...SSO_BASE, stage: "enforced" }, scim: SCIM_ON, settings: { automaticAccountCreation: true }, groups: [{ dimension: "ROLE", group: "Staff" }] });
        const first = evaluateRules(config, CLEAN_FACTS);
        assert.deepEqual(evaluateRules(config, CLEAN_FACTS), first);
        const order = RULES.map((r) => r.id);
        const positions = first.map((f) => order.indexOf(f.id));
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
        assert.deepEqual(first.filter((f) => f.severity === "error").map((f) => f.id), ["SSO-2", "SCIM-3"]);
        assert.equal(hasErrors(first), true);
        assert.equal(hasErrors(first.filter((f) => f.severity !== "error")), false);
    });

    it("no finding leaks an internal name or a stack trace", () => {
        const config = makeConfig({ sso: { ...SSO_BASE, stage: "enforced" }, scim: SCIM_ON, settings: { automaticAccountCreation: true }, groups: [{ usage: "ANALYTICS", dimension: "ROLE", group: "Staff" }] });
        for (const f of evaluateRules(config)) {
            const text = `${f.message} ${f.why} ${f.fix}`;
            assert.doesNotMatch(text, /undefined|\[object|at .*\.ts:|Error:|WorkspaceConfig|evaluateRules/, `${f.id}: ${text}`);
            assert.ok(f.message && f.why && f.fix, f.id);
        }
    });

    const sample: Finding[] = [
        { id: "GRP-5", severity: "warning", path: "workspace.groups", message: "Too many groups.", why: "Small phases.", fix: "Hold some back." },
        { id: "WS-3", severity: "info", path: "workspace.domains", message: "Migration prompt.", why: "Plus ends.", fix: "Tell users." },
        { id: "SSO-2", severity: "error", path: "workspace.sso.stage", message: "Not tested.", why: "Lock-out.", fix: "Test first." },
    ];

    it("formatFindings groups by severity, errors first, each with path, message, why and fix", () => {
        assert.equal(formatFindings(sample), [
            "Preflight: 1 error, 1 warning, 1 note.",
            "",
            "Errors (must be fixed before deploying):",
            "  [SSO-2] workspace.sso.stage",
            "    Not tested.",
            "    Why: Lock-out.",
            "    Fix: Test first.",
            "",
            "Warnings (check before deploying):",
            "  [GRP-5] workspace.groups",
            "    Too many groups.",
            "    Why: Small phases.",
            "    Fix: Hold some back.",
            "",
            "Information:",
            "  [WS-3] workspace.domains",
            "    Migration prompt.",
            "    Why: Plus ends.",
            "    Fix: Tell users.",
        ].join("\n"));
        assert.equal(formatFindings([]), "Preflight: no findings.");
    });

    it("findingsToJson gives counts, a blocking flag and the findings in order", () => {
        const parsed = JSON.parse(findingsToJson(sample));
        assert.deepEqual(parsed.summary, { error: 1, warning: 1, info: 1, blocking: true });
        assert.deepEqual(parsed.findings, sample);
        assert.deepEqual(JSON.parse(findingsToJson([])).summary, { error: 0, warning: 0, info: 0, blocking: false });
    });
});
