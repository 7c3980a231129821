import * as assert from "node:assert/strict";
import { loadStackConfig } from "../../../core/config/load";
import { exampleStacks } from "./support";

/** The secrets each example's README tells the reader to set. */
const SECRETS = new Set([
    "chatgpt-identity:scimToken",
    "chatgpt-identity:scimToken-staff",
    "chatgpt-identity:scimToken-students",
]);

describe("config: the example stacks load", () => {
    const stacks = exampleStacks();

    it("finds the example stack files, the two-workspace K-12 district among them", () => {
        const files = stacks.map((s) => s.file);
        for (const file of [
            "examples/entra-district/Pulumi.lincoln.yaml",
            "examples/k12-two-workspaces/Pulumi.district.yaml",
            "examples/okta-enterprise/Pulumi.pilot.yaml",
        ]) {
            assert.ok(files.includes(file), `${file} not found among ${files.join(", ")}`);
        }
    });

    for (const stack of exampleStacks()) {
        it(`${stack.file} passes the gate`, () => {
            const result = loadStackConfig(stack.values, SECRETS);
            assert.deepEqual(result.ok ? [] : result.problems, []);
        });
    }

    it("the K-12 example is one tenant with a staff and a student workspace, one SSO, SCIM per workspace", () => {
        const stack = stacks.find((s) => s.file.includes("k12-two-workspaces"));
        const result = loadStackConfig(stack?.values ?? {}, SECRETS);
        assert.ok(result.ok);
        const config = result.config;
        assert.equal(config.form, "tenant");
        assert.equal(config.sso.stage, "testing");
        assert.deepEqual(
            config.workspaces.map((w) => [w.key, w.scim.enabled, w.scim.tokenKey, w.groups.map((g) => g.name)]),
            [
                ["staff", true, "scimToken-staff", ["ROLLOUT_ROLE_Teachers", "ROLLOUT_ROLE_Office-Staff"]],
                ["students", true, "scimToken-students", ["ROLLOUT_SCHOOL_Riverside-High"]],
            ],
        );
        assert.notEqual(config.workspaces[0].scim.baseUrl, config.workspaces[1].scim.baseUrl);
    });
});
