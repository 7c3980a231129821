import * as assert from "node:assert/strict";
import {
    buildGroupName,
    GroupNameError,
    groupNameProblem,
    isValidGroupName,
    parseGroupName,
    suggestGroupName,
    swappedPartsSuggestion,
} from "../../../core/naming/groupName";

describe("group naming (GRP-1)", () => {
    it("builds names from parts, with and without USAGE", () => {
        assert.equal(
            buildGroupName({ usage: "ANALYTICS", dimension: "FUNCTION", group: "Engineering" }),
            "ANALYTICS_FUNCTION_Engineering",
        );
        assert.equal(buildGroupName({ dimension: "FUNCTION", group: "Support" }), "FUNCTION_Support");
        assert.equal(buildGroupName({ usage: "TESTING", dimension: "CODEX", group: "LOCAL" }), "TESTING_CODEX_LOCAL");
        assert.equal(
            buildGroupName({ usage: "ROLLOUT", dimension: "SCHOOL", group: "Lincoln-Elementary" }),
            "ROLLOUT_SCHOOL_Lincoln-Elementary",
        );
    });

    it("accepts dimensions beyond the guide's examples (the set is open)", () => {
        assert.equal(
            buildGroupName({ usage: "ROLLOUT", dimension: "GRADE9", group: "Students" }),
            "ROLLOUT_GRADE9_Students",
        );
    });

    it("parses names back into exactly the parts they were built from", () => {
        assert.deepEqual(parseGroupName("ROLLOUT_REGION_EMEA"), {
            usage: "ROLLOUT",
            dimension: "REGION",
            group: "EMEA",
        });
        assert.deepEqual(parseGroupName("FUNCTION_Support"), { dimension: "FUNCTION", group: "Support" });
    });

    it("rejects a bad name with a message that quotes it, states the convention and shows an example", () => {
        assert.throws(
            () => parseGroupName("Teachers"),
            (e: Error) => {
                assert.ok(e instanceof GroupNameError);
                assert.equal(
                    e.message,
                    'Group name "Teachers" is invalid: it has 1 part separated by "_", expected 2 or 3. ' +
                        "GRP-1: names follow [USAGE]_[DIMENSION]_[GROUP] (USAGE optional), e.g. ANALYTICS_FUNCTION_Engineering or FUNCTION_Support.",
                );
                return true;
            },
        );
    });

    it("names the offending part", () => {
        assert.match(
            groupNameProblem("rollout_ROLE_Teachers") ?? "",
            /USAGE part "rollout" must be one upper-case word/,
        );
        assert.match(groupNameProblem("ROLLOUT_ROLE_Lincoln_Elementary") ?? "", /has 4 parts/);
        assert.match(groupNameProblem("ROLE_Teach ers") ?? "", /GROUP part "Teach ers"/);
        assert.throws(() => buildGroupName({ dimension: "Function", group: "Support" }), /DIMENSION part "Function"/);
    });

    it("rejects empty and over-long names", () => {
        assert.equal(isValidGroupName(""), false);
        assert.equal(isValidGroupName(`FUNCTION_${"a".repeat(120)}`), false);
        assert.equal(isValidGroupName("FUNCTION_Support"), true);
    });
});

describe("group naming: corrections (GRP-1)", () => {
    it("swappedPartsSuggestion: a DIMENSION in the GROUP slot and a department in the DIMENSION slot", () => {
        assert.deepEqual(swappedPartsSuggestion({ usage: "ANALYTICS", dimension: "ENGINEERING", group: "FUNCTION" }), {
            parts: { usage: "ANALYTICS", dimension: "FUNCTION", group: "Engineering" },
            name: "ANALYTICS_FUNCTION_Engineering",
            reason: '"FUNCTION" is a DIMENSION and "ENGINEERING" a GROUP: the two parts look swapped',
        });
    });

    it("swappedPartsSuggestion: a department or role word as DIMENSION proposes the usual dimension", () => {
        assert.deepEqual(swappedPartsSuggestion({ dimension: "TEACHERS", group: "Lincoln" }), {
            parts: { dimension: "ROLE", group: "Teachers-Lincoln" },
            name: "ROLE_Teachers-Lincoln",
            reason: 'DIMENSION "TEACHERS" looks like a GROUP (a department, role or team name), not a dimension such as ROLE',
        });
        assert.equal(
            swappedPartsSuggestion({ dimension: "Engineering", group: "Support" })?.name,
            "FUNCTION_Engineering-Support",
        );
    });

    it("swappedPartsSuggestion: a school or district-office department as DIMENSION", () => {
        assert.deepEqual(swappedPartsSuggestion({ dimension: "MATH", group: "Teachers" }), {
            parts: { dimension: "SUBJECT", group: "Math-Teachers" },
            name: "SUBJECT_Math-Teachers",
            reason: 'DIMENSION "MATH" looks like a GROUP (a department, role or team name), not a dimension such as SUBJECT',
        });
        assert.equal(
            swappedPartsSuggestion({ dimension: "SCIENCE", group: "Lincoln" })?.name,
            "SUBJECT_Science-Lincoln",
        );
        assert.equal(swappedPartsSuggestion({ dimension: "PAYROLL", group: "Staff" })?.name, "FUNCTION_Payroll-Staff");
        assert.equal(swappedPartsSuggestion({ dimension: "SUBJECT", group: "Math" }), undefined);
    });

    it("swappedPartsSuggestion: nothing for parts that look right, open dimensions included", () => {
        assert.equal(swappedPartsSuggestion({ usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" }), undefined);
        assert.equal(swappedPartsSuggestion({ dimension: "GRADE9", group: "Students" }), undefined);
        assert.equal(swappedPartsSuggestion({ dimension: "role", group: "Teachers" }), undefined);
    });

    it("suggestGroupName builds a valid name from malformed parts", () => {
        assert.equal(
            suggestGroupName({ usage: "rollout", dimension: "role", group: "Lincoln_Elementary" }),
            "ROLLOUT_ROLE_Lincoln-Elementary",
        );
        assert.equal(suggestGroupName({ dimension: "Engineering", group: "FUNCTION" }), "FUNCTION_Engineering");
        assert.equal(suggestGroupName({ dimension: "school", group: "Lincoln High" }), "SCHOOL_Lincoln-High");
        assert.equal(suggestGroupName({ dimension: "", group: "" }), "FUNCTION_Example");
        assert.equal(isValidGroupName(suggestGroupName({ usage: "9x", dimension: "1", group: "__" })), true);
    });
});
