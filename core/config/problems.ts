/**
 * The one problem type of the config gate and the one error carrying the problems (issue 7). Every
 * consumer (components, CLI, policy pack) reads these as data; nobody parses the message text back.
 */

/** Rule ids of shared/domain-rules.md. The rule engine re-exports this type. */
export type RuleId =
    | "DOM-1"
    | "DOM-2"
    | "DOM-3"
    | "DOM-4"
    | "DOM-5"
    | "DOM-6"
    | "SSO-1"
    | "SSO-2"
    | "SSO-3"
    | "SSO-4"
    | "SSO-5"
    | "SSO-6"
    | "SSO-7"
    | "SSO-8"
    | "SSO-9"
    | "SSO-10"
    | "SSO-11"
    | "SSO-12"
    | "SCIM-1"
    | "SCIM-2"
    | "SCIM-3"
    | "SCIM-4"
    | "SCIM-5"
    | "SCIM-6"
    | "SCIM-7"
    | "GRP-1"
    | "GRP-2"
    | "GRP-3"
    | "GRP-4"
    | "GRP-5"
    | "ROLE-1"
    | "ROLE-2"
    | "WS-1"
    | "WS-2"
    | "WS-3";

/**
 * One problem in the stack config. `path` is the config path it concerns, rooted at the stack key:
 * `workspace.groups[2]` (workspace form) or `tenant.workspaces[1].scim.baseUrl` (tenant form); two
 * paths joined by " and " when two places collide. A problem that enforces a domain rule carries the
 * rule's id, why it matters and how to fix it, exactly like a rule finding.
 */
export interface ConfigProblem {
    path: string;
    message: string;
    rule?: RuleId;
    why?: string;
    fix?: string;
}

/** One line per problem, with the rule id, and the why/fix lines under it when present. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
    return problems
        .map((p) => {
            const head = `  - ${p.path}: ${p.rule ? `${p.rule}: ` : ""}${p.message}`;
            const why = p.why ? `\n      why: ${p.why}` : "";
            const fix = p.fix ? `\n      fix: ${p.fix}` : "";
            return head + why + fix;
        })
        .join("\n");
}

/** Thrown by the gate with every problem found; nothing has been changed when it is thrown. */
export class ConfigError extends Error {
    readonly problems: ConfigProblem[];

    constructor(problems: readonly ConfigProblem[]) {
        const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
        super(`The chatgpt-identity configuration has ${count}; nothing was changed:\n${formatProblems(problems)}`);
        this.name = "ConfigError";
        this.problems = [...problems];
    }
}

/** Removes problems repeated at the same path with the same message (the workspace form names a field twice). */
export function uniqueProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
    const seen = new Set<string>();
    return problems.filter((p) => {
        const key = `${p.path}\u0000${p.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
