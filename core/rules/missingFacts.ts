import { FACTS, FactKey, describeFact } from "../facts";
import { Finding, MISSING_FACTS_ID, RuleId, listing } from "./types";

/**
 * The one line that replaces every "could not check" note: which facts were needed and not given, by
 * which rules, and how to provide them. Undefined when nothing is missing.
 */
export function missingFactsFinding(
    missing: readonly { rule: RuleId; key: FactKey }[],
    path: string,
): Finding | undefined {
    if (missing.length === 0) return undefined;
    const keys = FACTS.map((f) => f.key).filter((key) => missing.some((m) => m.key === key));
    const rulesOf = (key: FactKey) => [...new Set(missing.filter((m) => m.key === key).map((m) => m.rule))];
    const inConfig = keys.filter((k) => describeFact(k).configField !== undefined);
    const stackOnly = keys.filter((k) => !describeFact(k).sources.includes("live") && !inConfig.includes(k));
    const live = keys.filter((k) => describeFact(k).sources.includes("live"));
    const fixes = [
        inConfig.length ? `set ${listing(inConfig.map((k) => describeFact(k).configField as string))}` : "",
        stackOnly.length
            ? `list ${listing(stackOnly.map((k) => `facts.${k}`))} under facts: in the stack config (no ` +
              `API shows them; an empty list means none)`
            : "",
        live.length
            ? `run \`chatgpt-identity plan --live\` or \`chatgpt-identity verify\` to read ` +
              `${listing(live.map((k) => `facts.${k}`))} from the workspace (or list them under facts:)`
            : "",
    ].filter(Boolean);
    const rules = [...new Set(missing.map((m) => m.rule))];
    return {
        id: MISSING_FACTS_ID,
        severity: "info",
        path,
        message:
            `Not checked without facts: ` +
            `${keys.map((k) => `${describeFact(k).describes} (${rulesOf(k).join(", ")})`).join("; ")}.`,
        why:
            `${listing(rules)} judge the live tenant, which the config alone does not describe; they say ` +
            `nothing until the facts are given.`,
        fix: `${fixes.join("; ")}. Facts can also be passed to evaluateRules from TypeScript.`.replace(/^./, (c) =>
            c.toUpperCase(),
        ),
    };
}
