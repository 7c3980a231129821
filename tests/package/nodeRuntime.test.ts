import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { repoPath } from "../support/paths";

const pkg = JSON.parse(fs.readFileSync(repoPath("package.json"), "utf8"));

describe("package: the Node the README promises", () => {
    it("runs the tests on the Node major the package requires (the `node` devDependency, not the machine's)", () => {
        const required = Number(/^>=(\d+)$/.exec(pkg.engines.node)?.[1]);
        assert.ok(required >= 22, `engines.node is ${pkg.engines.node}; Node 20 is end-of-life`);
        const running = Number(process.versions.node.split(".")[0]);
        assert.ok(
            running >= required,
            `tests run on Node ${process.versions.node}, below engines.node ${pkg.engines.node}`,
        );
        assert.equal(pkg.devDependencies.node.replace(/^\^/, "").split(".")[0], String(running));
    });

    it("takes @pulumi/pulumi as a ^3 peer, so the district's program and this package share one runtime", () => {
        assert.equal(pkg.peerDependencies["@pulumi/pulumi"], "^3");
        assert.equal(pkg.dependencies["@pulumi/pulumi"], undefined);
    });
});
