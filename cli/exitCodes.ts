/**
 * Every exit status of `chatgpt-identity`, as documented in README.md ("Exit status") and `--help`.
 * Pipelines branch on these numbers: never renumber one, only add.
 */
export const EXIT = {
    /** The plan is clean (warnings allowed unless `--strict`); `--help` and `--version`. */
    ok: 0,
    /** Configuration problems or rule errors (with `--strict`, warnings too): nothing should be applied. */
    planBlocked: 1,
    /** Usage error (unknown command or option, bad value) or a stack file that cannot be read. */
    usage: 2,
    /** An unexpected failure inside the command (a bug: please report it with the output). */
    internal: 3,
    /** The plan was printed, but the runbook was not written (unsafe or unwritable path). */
    runbookNotWritten: 4,
    /**
     * A workspace could not be read (`verify`, `plan --live`): bad key (401), missing scope (403), no such
     * workspace or a plan without the admin API (404), API unreachable; for verify also no admin key.
     */
    workspaceUnreadable: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_STATUS_HELP = `Exit status:
  0  the plan is clean (warnings allowed unless --strict); also --help and --version
  1  configuration problems or rule errors (with --strict, warnings too): nothing should be applied
  2  usage error, or a stack file that cannot be read
  3  unexpected failure inside the command (a bug)
  4  the plan was printed but the runbook was not written (symlink, the stack file, a file this
     command did not write without --overwrite-runbook, or a path that cannot be written)
  5  a workspace could not be read (verify, plan --live): bad key, missing scope, plan without
     the API, unreachable; verify also without an admin key`;
