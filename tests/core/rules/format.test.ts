import * as assert from "node:assert/strict";
import { Finding, formatFindings } from "../../../core/rules";

const standing = (workspace: string): Finding => ({
    id: "GRP-5",
    severity: "info",
    path: "tenant.workspaces[0].groups",
    message: "Phase pilot with 2 access groups.",
    why: "why",
    fix: "fix",
    workspace,
});

describe("rules: text format", () => {
    it("a standing line names its workspace in a tenant, and none in a one-workspace stack", () => {
        const tenant = formatFindings([standing("staff"), standing("students")]).split("\n");
        assert.ok(tenant.includes("  [GRP-5] (workspace staff) Phase pilot with 2 access groups."), tenant.join("\n"));
        assert.ok(tenant.includes("  [GRP-5] (workspace students) Phase pilot with 2 access groups."));
        const single = formatFindings([standing("default")]).split("\n");
        assert.ok(single.includes("  [GRP-5] Phase pilot with 2 access groups."), single.join("\n"));
    });
});
