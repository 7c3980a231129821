/**
 * The slug that turns a display name into a logical-name part: lower case, every run of other
 * characters one hyphen, no leading or trailing hyphen (`GPT Publishers!` → `gpt-publishers`). The
 * config gate refuses two names with the same slug, so components must build logical names with
 * exactly this function.
 */
export function slug(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
