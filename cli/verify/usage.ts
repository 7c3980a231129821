import { VERIFY_EXIT } from "./exitCodes";

export const VERIFY_USAGE = `Usage: chatgpt-identity verify [STACK_FILE] [options]

Reads the live workspace(s) through the ChatGPT admin API (GET requests only: it never writes) and
the domains' TXT records through DNS, and holds them against the stack config: domain records
(DOM-1, DOM-2, DOM-4), declared groups pushed by SCIM (GRP-2, ROLE-2, GRP-3) and their sizes
(GRP-4), test users (SSO-9), members not SCIM-managed (SCIM-4) or on unlisted domains (DOM-2),
unexpected members (SCIM-5), and the phase's validation checklist (GRP-5).
STACK_FILE defaults to the only Pulumi.<stack>.yaml in the current directory.

Options:
  --format text|json      output format (default text)
  --strict                exit 1 on warnings as well as errors
  --details               name the members behind the counts (SCIM-4, SCIM-5, DOM-2)
  --dns-server IP[:PORT]  ask this DNS server instead of the system resolver
  --workspace KEY         verify only this workspace of a tenant (default: all)
  --workspace-id UUID     the workspace's id when the config has none (one workspace only)
  --admin-key-env NAME    read the admin key from the environment variable NAME (one workspace only)
  --base-url URL          the admin API base URL (default https://api.chatgpt.com/v1), e.g. the emulator's
  --admin-key KEY         a key on the command line: only with a loopback --base-url (the local emulator)
  -h, --help              this text

Admin keys are workspace-scoped and read from the environment: CHATGPT_ADMIN_KEY_<KEY> for the
workspace with key KEY (upper case, "-" as "_"; e.g. CHATGPT_ADMIN_KEY_HIGH_SCHOOL), or
CHATGPT_ADMIN_KEY when one workspace is verified. A key is never printed.

Exit status: ${VERIFY_EXIT.ok} everything holds; ${VERIFY_EXIT.findings} findings (errors; with --strict also
warnings) or config problems; ${VERIFY_EXIT.usage} usage, unreadable stack file or a workspace without an id;
${VERIFY_EXIT.unreadable} a workspace could not be read (no admin key, key refused 401, missing scope 403, no such
workspace or a plan without the admin API 404, API unreachable); the message says which.`;
