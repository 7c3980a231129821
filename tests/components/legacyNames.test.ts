import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { loadTenantConfig } from "../../core/config/load";
import { TenantIdentity } from "../../components/workspaceIdentity";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { record } from "../support/engine";
import { logicalNames } from "../support/logicalNames";
import { repoPath } from "../support/paths";
import { LEGACY_SCENARIOS } from "./legacyNames.scenarios";

/** Names recorded from the release before tenants (commit "Legacy logical names: record today's ..."). */
const recorded = JSON.parse(
    fs.readFileSync(repoPath("tests", "components", "fixtures", "legacyNames.json"), "utf8"),
) as Record<string, string[]>;

/**
 * The old workspace side (domain registration, verification, settings, custom roles) called admin
 * API routes that do not exist and was removed with them (issue 8), so its resources are gone by
 * design; every IdP and DNS resource must keep its name.
 */
const isOldWorkspaceSide = (name: string) => name.includes("$chatgpt-identity:workspace:");

describe("one-workspace stacks keep the logical names of the release before tenants (issue 10)", () => {
    for (const [scenario, raw] of Object.entries(LEGACY_SCENARIOS)) {
        it(`${scenario}: every IdP and DNS resource has its recorded name and type chain`, async () => {
            const { manageWorkspace: _dropped, ...withoutWorkspaceSide } = raw;
            const config = loadTenantConfig(withoutWorkspaceSide, "workspace");
            const { engine } = await record(
                () => new TenantIdentity("identity", { config, secrets: { scimTokens: { default: "tok" } } }),
                { fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes },
            );
            assert.deepEqual(
                logicalNames(engine),
                recorded[scenario].filter((n) => !isOldWorkspaceSide(n)),
            );
        });
    }

    it("the fixture holds every scenario, each with its IdP, DNS and top-level resources", () => {
        assert.deepEqual(Object.keys(recorded), Object.keys(LEGACY_SCENARIOS));
        assert.deepEqual(
            Object.values(recorded).map((names) => names.filter((n) => !isOldWorkspaceSide(n)).length),
            [25, 14, 13, 13],
        );
    });
});
