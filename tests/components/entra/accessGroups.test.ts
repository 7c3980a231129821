import * as assert from "assert";
import { EntraAccessGroups } from "../../../components/entra/accessGroups";
import { GroupSpec } from "../../../core/config/model";
import { valueOf } from "../../support/engine";
import { DOMAIN, T, childrenOf, entraGroups, only, recordEntra } from "./fixtures";

const SCIM = { servicePrincipalObjectId: "<scim sp>", appRoleId: "<user role>" };
const PATH = "workspace";
const groups = (): GroupSpec[] =>
    entraGroups([
        {
            usage: "ROLLOUT",
            dimension: "ROLE",
            group: "Teachers",
            description: "All classroom teachers",
            members: [`a@${DOMAIN}`, `b@${DOMAIN}`],
        },
        { dimension: "SCHOOL", group: "Lincoln-High", existingId: "11111111-aaaa-bbbb-cccc-000000000001" },
        { usage: "ANALYTICS", dimension: "FUNCTION", group: "Support" },
    ]);

describe("EntraAccessGroups", () => {
    it("creates convention-named security groups with inline members and adopts existingId groups (GRP-1)", async () => {
        const { engine, result } = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: groups(), scim: SCIM }),
        );
        const component = only(engine, "chatgpt-identity:entra:AccessGroups");
        assert.deepStrictEqual(
            childrenOf(engine, component),
            [
                `${T.assignment} groups-ANALYTICS_FUNCTION_Support-scim`,
                `${T.assignment} groups-ROLLOUT_ROLE_Teachers-scim`,
                `${T.assignment} groups-SCHOOL_Lincoln-High-scim`,
                `${T.group} groups-ANALYTICS_FUNCTION_Support`,
                `${T.group} groups-ROLLOUT_ROLE_Teachers`,
            ].sort(),
        );
        assert.deepStrictEqual(engine.find(T.group, "groups-ROLLOUT_ROLE_Teachers")!.inputs, {
            displayName: "ROLLOUT_ROLE_Teachers",
            description: "All classroom teachers",
            securityEnabled: true,
            preventDuplicateNames: true,
            members: [`<object id of a@${DOMAIN}>`, `<object id of b@${DOMAIN}>`],
        });
        // No members declared: membership is left alone (the input is absent, not an empty list).
        assert.deepStrictEqual(engine.find(T.group, "groups-ANALYTICS_FUNCTION_Support")!.inputs, {
            displayName: "ANALYTICS_FUNCTION_Support",
            securityEnabled: true,
            preventDuplicateNames: true,
        });
        assert.strictEqual(
            engine.byType(T.group).some((g) => g.inputs.displayName === "SCHOOL_Lincoln-High"),
            false,
        );
        assert.deepStrictEqual(engine.byType("azuread:index/groupMember:GroupMember"), []);
        const refs = await Promise.all(
            result.groups.map(async (g) => ({ name: g.name, id: await valueOf(g.id), adopted: g.adopted })),
        );
        assert.deepStrictEqual(refs, [
            { name: "ROLLOUT_ROLE_Teachers", id: "<object id of ROLLOUT_ROLE_Teachers>", adopted: false },
            { name: "SCHOOL_Lincoln-High", id: "11111111-aaaa-bbbb-cccc-000000000001", adopted: true },
            { name: "ANALYTICS_FUNCTION_Support", id: "<object id of ANALYTICS_FUNCTION_Support>", adopted: false },
        ]);
    });

    it("looks every member of every group up in one getUsers call, with ignoreMissing so that the error names the config path", async () => {
        const config = entraGroups([
            { dimension: "ROLE", group: "Teachers", members: [`a@${DOMAIN}`, `b@${DOMAIN}`] },
            { dimension: "ROLE", group: "Staff", members: [`B@${DOMAIN}`, `c@${DOMAIN}`] },
        ]);
        const { engine } = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: config, scim: SCIM }),
        );
        // ignoreMissing: without it the provider fails on the first unknown address with a message naming no config
        // field.
        assert.deepStrictEqual(
            engine.invokes.filter((i) => i.token === T.getUsers).map((i) => i.inputs),
            [{ userPrincipalNames: [`a@${DOMAIN}`, `b@${DOMAIN}`, `c@${DOMAIN}`], ignoreMissing: true }],
        );
        // Sign-in names compare case-insensitively: B@ and b@ are the same user.
        assert.deepStrictEqual(engine.find(T.group, "groups-ROLE_Staff")!.inputs.members, [
            `<object id of b@${DOMAIN}>`,
            `<object id of c@${DOMAIN}>`,
        ]);
    });

    it("uses the object ids it is given instead of looking members up", async () => {
        const { engine } = await recordEntra(
            () =>
                new EntraAccessGroups("groups", {
                    path: PATH,
                    groups: groups(),
                    scim: SCIM,
                    userObjectIds: { [`a@${DOMAIN}`]: "oid-a", [`b@${DOMAIN}`]: "oid-b" },
                }),
        );
        assert.deepStrictEqual(engine.invokes, []);
        assert.deepStrictEqual(engine.find(T.group, "groups-ROLLOUT_ROLE_Teachers")!.inputs.members, [
            "oid-a",
            "oid-b",
        ]);
    });

    it("keeps an explicit empty member list (a group emptied on purpose), with no lookup", async () => {
        const config = entraGroups([{ dimension: "ROLE", group: "Teachers", members: [] }]);
        const { engine } = await recordEntra(() => new EntraAccessGroups("groups", { path: PATH, groups: config }));
        assert.deepStrictEqual(engine.find(T.group, "groups-ROLE_Teachers")!.inputs.members, []);
        assert.deepStrictEqual(engine.invokes, []);
    });

    it("assigns every group, created or adopted, to the SCIM service principal (GRP-2)", async () => {
        const { engine, result } = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: groups(), scim: SCIM }),
        );
        const byName = Object.fromEntries(engine.byType(T.assignment).map((a) => [a.name, a.inputs]));
        assert.deepStrictEqual(byName, {
            "groups-ROLLOUT_ROLE_Teachers-scim": {
                appRoleId: "<user role>",
                principalObjectId: "<object id of ROLLOUT_ROLE_Teachers>",
                resourceObjectId: "<scim sp>",
            },
            "groups-SCHOOL_Lincoln-High-scim": {
                appRoleId: "<user role>",
                principalObjectId: "11111111-aaaa-bbbb-cccc-000000000001",
                resourceObjectId: "<scim sp>",
            },
            "groups-ANALYTICS_FUNCTION_Support-scim": {
                appRoleId: "<user role>",
                principalObjectId: "<object id of ANALYTICS_FUNCTION_Support>",
                resourceObjectId: "<scim sp>",
            },
        });
        assert.strictEqual(result.scimAssignments.length, 3);
    });

    it("uses at most two resources per group", async () => {
        const config = groups();
        const { engine } = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: config, scim: SCIM }),
        );
        const custom = engine.customResources();
        for (const g of config) {
            const name = [g.usage, g.dimension, g.group].filter(Boolean).join("_");
            const owned = custom.filter((r) => r.name === `groups-${name}` || r.name.startsWith(`groups-${name}-`));
            assert.ok(owned.length >= 1 && owned.length <= 2, `${name} has ${owned.length} resources`);
        }
        assert.ok(custom.length <= 2 * config.length);
        assert.strictEqual(custom.length, 5);
    });

    it("creates no assignments without a SCIM app", async () => {
        const { engine, result } = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: groups() }),
        );
        assert.deepStrictEqual(engine.byType(T.assignment), []);
        assert.deepStrictEqual(result.scimAssignments, []);
        assert.strictEqual(engine.byType(T.group).length, 2);
    });

    it("keeps every child name when groups are reordered or added", async () => {
        const before = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: groups(), scim: SCIM }),
        );
        const changed = [entraGroups([{ dimension: "REGION", group: "North" }])[0], ...groups().reverse()];
        const after = await recordEntra(
            () => new EntraAccessGroups("groups", { path: PATH, groups: changed, scim: SCIM }),
        );
        const urns = (e: typeof before.engine) => e.customResources().map((r) => r.urn);
        const afterUrns = urns(after.engine);
        assert.ok(urns(before.engine).every((u) => afterUrns.includes(u)));
        assert.strictEqual(afterUrns.length, urns(before.engine).length + 2);
    });
});
