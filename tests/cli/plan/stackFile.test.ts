import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readStackFile, SECRET_PLACEHOLDER, StackFileError } from "../../../cli/plan/stackFile";

describe("stack file reading", () => {
    let dir: string;
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackfile-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("keeps structured values and replaces encrypted ones with a placeholder", () => {
        const file = write(
            "Pulumi.a.yaml",
            [
                "config:",
                "  chatgpt-identity:workspace:",
                "    name: X",
                "    domains: [{ name: x.org }]",
                "  chatgpt-identity:scimToken:",
                "    secure: AAABAKx1bm9wZQ==",
                "  azuread:tenantId: abc",
            ].join("\n"),
        );
        const stack = readStackFile(file);
        assert.deepEqual(stack.values["chatgpt-identity:workspace"], { name: "X", domains: [{ name: "x.org" }] });
        assert.equal(stack.values["chatgpt-identity:scimToken"], SECRET_PLACEHOLDER);
        assert.equal(stack.values["azuread:tenantId"], "abc");
        assert.deepEqual(stack.secretKeys, ["chatgpt-identity:scimToken"]);
        assert.ok(!JSON.stringify(stack).includes("AAABAKx1bm9wZQ=="), "ciphertext must not be carried");
    });

    it("explains a missing file, bad YAML, a missing config section and a stack that sets neither form", () => {
        assert.throws(
            () => readStackFile(path.join(dir, "nope.yaml")),
            (e: Error) => e instanceof StackFileError && /no such file/.test(e.message),
        );
        assert.throws(() => readStackFile(write("bad.yaml", "config: [unclosed")), /is not valid YAML/);
        assert.throws(
            () => readStackFile(write("empty.yaml", "encryptionsalt: x\n")),
            /has no "config:" section; expected the key chatgpt-identity:workspace or chatgpt-identity:tenant/,
        );
        assert.throws(
            () => readStackFile(write("other.yaml", "config:\n  aws:region: us-east-1\n")),
            /sets neither chatgpt-identity:workspace nor chatgpt-identity:tenant/,
        );
    });
});
