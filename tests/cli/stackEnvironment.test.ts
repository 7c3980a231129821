import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { lookupConfig, readStackEnvironments, StackEnvironmentError } from "../../cli/stackEnvironment";

describe("chatgpt-identity plan: stack files that use Pulumi ESC (environment:)", () => {
    it("reads the imported environments in order, as a list or as imports", () => {
        assert.deepEqual(
            readStackEnvironments(
                parse("environment:\n  - lincoln-usd/chatgpt-identity\n  - shared@3\nconfig: {}\n"),
                "P.yaml",
            ),
            ["lincoln-usd/chatgpt-identity", "shared@3"],
        );
        assert.deepEqual(readStackEnvironments(parse("environment:\n  imports: [a/b/c]\n"), "P.yaml"), ["a/b/c"]);
        assert.deepEqual(readStackEnvironments(parse("config: {}\n"), "P.yaml"), []);
    });

    it("refuses an environment: section that is not a list of names, naming the file and the fix", () => {
        assert.throws(
            () => readStackEnvironments(parse("environment: lincoln\n"), "Pulumi.x.yaml"),
            (e: Error) =>
                e instanceof StackEnvironmentError &&
                e.message ===
                    'Stack file Pulumi.x.yaml: "environment:" is not a list; expected a list of Pulumi ESC environment names such as "my-org/chatgpt-identity"',
        );
        assert.throws(
            () => readStackEnvironments(parse("environment: [{a: 1}]\n"), "P.yaml"),
            /entry 1 \(\{"a":1\}\) is not an environment name/,
        );
    });

    it("treats a value the file does not set as unknown when an environment may set it, never as missing", () => {
        const values = { "chatgpt-identity:workspace": { name: "X" } };
        assert.deepEqual(lookupConfig(values, "chatgpt-identity:workspace", ["org/env"]), {
            state: "set",
            value: { name: "X" },
        });
        assert.deepEqual(lookupConfig(values, "chatgpt-identity:scimToken", []), { state: "absent" });
        const unknown = lookupConfig(values, "chatgpt-identity:scimToken", ["org/env"]);
        assert.equal(unknown.state, "unknown");
        assert.equal(
            (unknown as { note: string }).note,
            "chatgpt-identity:scimToken is not in the stack file; it may be set by the Pulumi ESC environment `org/env`, which the offline plan cannot read: `pulumi preview` will show its value",
        );
    });
});
