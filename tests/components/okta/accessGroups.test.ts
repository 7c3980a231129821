import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { record, valueOf } from "../../support/engine";
import { OktaAccessGroups, DEFAULT_GROUP_DESCRIPTION } from "../../../components/okta/accessGroups";
import { oktaFakeInvokes, oktaFakeOutputs } from "../../../offline/previewValues/okta";
import { manyGroups, oktaGroups } from "./fixtures";

const GROUP = "okta:group/group:Group";
const PUSH = "okta:index/pushGroup:PushGroup";
const ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments";
const fakes = { fakeOutputs: oktaFakeOutputs, fakeInvokes: oktaFakeInvokes };

/** `scimAppId` null means no SCIM app. */
function build(groups = oktaGroups(), scimAppId: string | null = "0oaSCIM", pushGroups?: boolean) {
    return record(
        () =>
            new OktaAccessGroups("groups", {
                groups,
                scimAppId: scimAppId === null ? undefined : pulumi.output(scimAppId),
                pushGroups,
            }),
        fakes,
    );
}

describe("okta/OktaAccessGroups", () => {
    it("creates convention-named groups, adopts by existingId, assigns all to the SCIM app once and pushes each (GRP-1, GRP-2)", async () => {
        const { engine, result } = await build();
        const component = engine.find("chatgpt-identity:okta:AccessGroups", "groups")!;
        assert.deepStrictEqual(
            engine
                .childrenOf(component.urn)
                .map((r) => `${r.type} ${r.name}`)
                .sort(),
            [
                `${GROUP} groups-ROLLOUT_ROLE_Teachers`,
                `${ASSIGNMENTS} groups-scim-assignments`,
                `${PUSH} groups-ROLLOUT_ROLE_Teachers-push`,
                `${PUSH} groups-FUNCTION_Support-push`,
            ].sort(),
        );
        assert.deepStrictEqual(engine.byType(GROUP)[0].inputs, {
            name: "ROLLOUT_ROLE_Teachers",
            description: DEFAULT_GROUP_DESCRIPTION,
        });
        assert.deepStrictEqual(engine.byType(ASSIGNMENTS)[0].inputs, {
            appId: "0oaSCIM",
            groups: [
                { id: "groups-ROLLOUT_ROLE_Teachers-id", profile: "{}" },
                { id: "00gADOPTED1", profile: "{}" },
            ],
        });
        const pushes = Object.fromEntries(engine.byType(PUSH).map((r) => [r.name, r.inputs]));
        assert.deepStrictEqual(pushes["groups-ROLLOUT_ROLE_Teachers-push"], {
            appId: "0oaSCIM",
            sourceGroupId: "groups-ROLLOUT_ROLE_Teachers-id",
            status: "ACTIVE",
            deleteTargetGroupOnDestroy: false,
        });
        assert.deepStrictEqual(pushes["groups-FUNCTION_Support-push"], {
            appId: "0oaSCIM",
            sourceGroupId: "00gADOPTED1",
            status: "ACTIVE",
            deleteTargetGroupOnDestroy: false,
        });
        const assignmentUrn = engine.byType(ASSIGNMENTS)[0].urn;
        for (const push of engine.byType(PUSH))
            assert.ok(push.dependsOn.includes(assignmentUrn), `${push.name} waits for the assignment`);
        assert.deepStrictEqual(
            await Promise.all(result.groups.map(async (g) => [g.name, await valueOf(g.id), g.adopted])),
            [
                ["ROLLOUT_ROLE_Teachers", "groups-ROLLOUT_ROLE_Teachers-id", false],
                ["FUNCTION_Support", "00gADOPTED1", true],
            ],
        );
        assert.strictEqual(result.pushedGroupsReady.length, 3);
    });

    it("an adopted group creates no group resource", async () => {
        const { engine } = await build(
            oktaGroups({ groups: [{ dimension: "FUNCTION", group: "Support", existingId: "00gADOPTED1" }] }),
        );
        assert.deepStrictEqual(engine.byType(GROUP), []);
        assert.strictEqual(engine.byType(PUSH).length, 1);
    });

    it("uses the configured description", async () => {
        const { engine } = await build(
            oktaGroups({ groups: [{ dimension: "FUNCTION", group: "Support", description: "Help desk" }] }),
        );
        assert.strictEqual(engine.byType(GROUP)[0].inputs.description, "Help desk");
    });

    it("child names do not move when groups are added or reordered", async () => {
        const before = (await build(oktaGroups({ groups: manyGroups(3) }))).engine.resources.map((r) => r.name);
        const reordered = [...manyGroups(4)!].reverse();
        const after = (await build(oktaGroups({ groups: reordered }))).engine.resources.map((r) => r.name);
        for (const name of before) assert.ok(after.includes(name), `${name} kept`);
    });

    it("without a SCIM app only the groups exist (no assignment, no push)", async () => {
        const { engine, result } = await build(undefined, null);
        assert.deepStrictEqual(
            engine.customResources().map((r) => r.type),
            [GROUP],
        );
        assert.deepStrictEqual(result.pushedGroupsReady, []);
    });

    it("pushGroups false keeps the assignment and defers the pushes", async () => {
        const { engine, result } = await build(undefined, "0oaSCIM", false);
        assert.deepStrictEqual(engine.byType(PUSH), []);
        assert.strictEqual(engine.byType(ASSIGNMENTS).length, 1);
        assert.strictEqual(result.pushedGroupsReady.length, 1);
    });

    for (const count of [15]) {
        it(`${count} groups: at most two resources per group plus one assignment, every group assigned and pushed`, async () => {
            const groups = oktaGroups({ phase: "level1", groups: manyGroups(count) });
            const { engine } = await build(groups);
            assert.ok(engine.customResources().length <= 2 * count + 1);
            assert.strictEqual(engine.byType(GROUP).length, count);
            assert.strictEqual(engine.byType(PUSH).length, count);
            const assignments = engine.byType(ASSIGNMENTS);
            assert.strictEqual(assignments.length, 1);
            const assigned = new Set(assignments[0].inputs.groups.map((g: { id: string }) => g.id));
            const groupIds = engine.byType(GROUP).map((g) => `${g.name}-id`);
            assert.strictEqual(assigned.size, count);
            for (const id of groupIds) assert.ok(assigned.has(id), `${id} assigned`);
            assert.deepStrictEqual(new Set(engine.byType(PUSH).map((p) => p.inputs.sourceGroupId)), new Set(groupIds));
        });
    }
});
