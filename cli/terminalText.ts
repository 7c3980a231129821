/**
 * Control characters (C0 but newline and tab, DEL, C1) and the bidirectional overrides, which a terminal would
 * obey instead of print. Names and values in the output come from the stack file, the admin API and DNS.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character shown as `\u{..}`, so what the output names cannot drive the terminal. */
export function terminalSafe(text: string): string {
    return text.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
