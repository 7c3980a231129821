import { z } from "zod";
import { creditLimit, emailList, expected, plainText, section } from "../primitives";

/**
 * One access group, named `[USAGE]_[DIMENSION]_[GROUP]` (GRP-1). The parts are checked as one name by
 * the gate, which answers with the convention and an example built from the given parts.
 */
export const groupSchema = section("group settings", {
    /** Optional USAGE prefix, e.g. ANALYTICS, ROLLOUT, TESTING (GRP-1). */
    usage: plainText("a USAGE word such as ROLLOUT", { max: 40 }).optional(),
    /** DIMENSION, e.g. FUNCTION, REGION, BU, ROLE, SCHOOL (GRP-1). */
    dimension: plainText("a DIMENSION word such as FUNCTION or SCHOOL", { max: 40 }),
    /** GROUP, e.g. Engineering, Teachers, Lincoln-Elementary (GRP-1). */
    group: plainText("a GROUP word such as Teachers", { max: 80 }),
    /** Adopt an existing IdP group by object id (Entra) / group id (Okta) instead of creating one. Not with members. */
    existingId: plainText("the IdP group's object id", { max: 128 }).optional(),
    /** Entra only: members of a created group, by sign-in address (each on a listed domain, DOM-2). */
    members: emailList("member email addresses").optional(),
    /** Description stored on a created group (line breaks allowed, no other control characters). */
    description: plainText("a description", { max: 1024, multiLine: true }).optional(),
    /** Expected head count when members are managed elsewhere, for GRP-4. */
    expectedMemberCount: z
        .number({ error: expected("a whole number of people") })
        .refine((v) => Number.isInteger(v) && v >= 0, {
            error: (issue) => `must be a whole number, 0 or more, got ${String(issue.input)}`,
        })
        .optional(),
    /** Monthly credit limit for this group (ChatGPT `usage_limits/groups`), applied with manageWorkspace. */
    usageLimit: creditLimit.optional(),
});

export type GroupConfig = z.output<typeof groupSchema>;
