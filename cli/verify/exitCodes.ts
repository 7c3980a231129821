/** Exit codes of `chatgpt-identity verify` (documented in VERIFY_USAGE and README). */
export const VERIFY_EXIT = {
    /** Everything checked holds (warnings allowed unless --strict). */
    ok: 0,
    /** Findings: errors, or warnings with --strict; or the stack config has problems. */
    findings: 1,
    /** Usage: bad options, unreadable stack file, a workspace without an id. */
    usage: 2,
    /**
     * A workspace could not be read: no key, bad key (401), missing scope (403), no such workspace or a plan
     * without the admin API (404), API unreachable. (4 is the plan's "runbook not written" in cli/exitCodes.ts.)
     */
    unreadable: 5,
} as const;
