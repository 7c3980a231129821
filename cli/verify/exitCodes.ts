import { EXIT } from "../exitCodes";

/** Exit codes of `chatgpt-identity verify` (documented in VERIFY_USAGE and README): the command's own numbers. */
export const VERIFY_EXIT = {
    /** Everything checked holds (warnings allowed unless --strict). */
    ok: EXIT.ok,
    /** Findings: errors, or warnings with --strict; or the stack config has problems. */
    findings: EXIT.planBlocked,
    /** Usage: bad options, unreadable stack file, a workspace without an id. */
    usage: EXIT.usage,
    /**
     * A workspace could not be read: no key, bad key (401), missing scope (403), no such workspace or a plan
     * without the admin API (404), API unreachable.
     */
    unreadable: EXIT.workspaceUnreadable,
} as const;
