import * as assert from "node:assert/strict";
import { buildGroupName, GroupNameError, groupNameProblem, isValidGroupName, parseGroupName } from "../../../core/naming/groupName";

describe("group naming (GRP-1)", () => {
    it("builds names from parts, with and without USAGE", () => {
        assert.equal(buildGroupName({ usage: "ANALYTICS", dimension: "FUNCTION", group: "Engineering" }), "ANALYTICS_FUNCTION_Engineering");
        assert.equal(buildGroupName({ dimension: "FUNCTION", group: "Support" }), "FUNCTION_Support");
        assert.equal(buildGroupName({ usage: "TESTING", dimension: "CODEX", group: "LOCAL" }), "TESTING_CODEX_LOCAL");
        assert.equal(buildGroupName({ usage: "ROLLOUT", dimension: "SCHOOL", group: "Lincoln-Elementary" }), "ROLLOUT_SCHOOL_Lincoln-Elementary");
    });

    it("accepts dimensions beyond the guide's examples (the set is open)", () => {
        assert.equal(buildGroupName({ usage: "ROLLOUT", dimension: "GRADE9", group: "Students" }), "ROLLOUT_GRADE9_Students");
    });

    it("parses names back into exactly the parts they were built from", () => {
        assert.deepEqual(parseGroupName("ROLLOUT_REGION_EMEA"), { usage: "ROLLOUT", dimension: "REGION", group: "EMEA" });
        assert.deepEqual(parseGroupName("FUNCTION_Support"), { dimension: "FUNCTION", group: "Support" });
    });

    it("rejects a bad name with a message that quotes it, states the convention and shows an example", () => {
        assert.throws(() => parseGroupName("Teachers"), (e: Error) => {
            assert.ok(e instanceof GroupNameError);
            assert.equal(e.message,
                'Group name "Teachers" is invalid: it has 1 part separated by "_", expected 2 or 3. ' +
                "GRP-1: names follow [USAGE]_[DIMENSION]_[GROUP] (USAGE optional), e.g. ANALYTICS_FUNCTION_Engineering or FUNCTION_Support.");
            return true;
        });
    });

    it("names the offending part", () => {
        assert.match(groupNameProblem("rollout_ROLE_Teachers") ?? "", /USAGE part "rollout" must be one upper-case word/);
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
