import * as assert from "assert";
import { EntraIdentity } from "../../../components/entra/entraIdentity";
import { entraFakeInvokes, entraFakeOutputs } from "../../../offline/previewValues/entra";
import { RecordingEngine, settle } from "../../../offline/recordingEngine";
import { valueOf } from "../../support/engine";
import { runInFreshNode } from "../dns/childNode";
import { ACS_URL, DOMAIN, ENTITY_ID, SCIM_URL, T, childrenOf, entraConfig, only, recordEntra } from "./fixtures";

const fullConfig = () => entraConfig({
    sso: { stage: "testing", entityId: ENTITY_ID, acsUrl: ACS_URL, testUsers: [`pilot@${DOMAIN}`], testGroup: "TESTING_ROLE_Pilot" },
    scim: { enabled: true, baseUrl: SCIM_URL },
    groups: [
        { usage: "TESTING", dimension: "ROLE", group: "Pilot", members: [`pilot@${DOMAIN}`] },
        { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers", existingId: "22222222-0000-0000-0000-000000000002" },
    ],
});

describe("EntraIdentity", () => {
    it("builds the SCIM app, the access groups and the SSO app as its children", async () => {
        const { engine } = await recordEntra(() => new EntraIdentity("entra", { config: fullConfig(), secrets: { scimToken: "tok" } }));
        assert.deepStrictEqual(childrenOf(engine, only(engine, "chatgpt-identity:entra:Identity")), [
            "chatgpt-identity:entra:AccessGroups entra-groups",
            "chatgpt-identity:entra:SamlApp entra-sso",
            "chatgpt-identity:entra:ScimApp entra-scim",
        ]);
        assert.deepStrictEqual(engine.byType(T.template).map((t) => t.inputs.displayName).sort(), [
            "ChatGPT SCIM provisioning (Lincoln USD)", "ChatGPT SSO (Lincoln USD)",
        ]);
    });

    it("keeps SSO and SCIM in two separate enterprise apps (SCIM-1)", async () => {
        const { engine, result } = await recordEntra(() => new EntraIdentity("entra", { config: fullConfig(), secrets: { scimToken: "tok" } }));
        const sps = engine.byType(T.sp);
        assert.deepStrictEqual(sps.map((s) => s.name).sort(), ["entra-scim-sp", "entra-sso-sp"]);
        assert.deepStrictEqual(sps.map((s) => s.parentType).sort(), ["chatgpt-identity:entra:SamlApp", "chatgpt-identity:entra:ScimApp"]);
        const ssoSp = await valueOf(result.ssoApp!.servicePrincipalObjectId);
        const scimSp = await valueOf(result.scimApp!.servicePrincipalObjectId);
        assert.notStrictEqual(ssoSp, scimSp);
        assert.notStrictEqual(await valueOf(result.side.sso!.appId), await valueOf(result.side.scim!.appId));
        assert.strictEqual(only(engine, T.syncSecret).inputs.servicePrincipalId, "entra-scim-sp-id");
        assert.strictEqual(only(engine, T.cert).inputs.servicePrincipalId, "entra-sso-sp-id");
        // Group assignments target the SCIM app; the test assignments target the SSO app.
        for (const a of engine.byType(T.assignment)) {
            assert.strictEqual(a.inputs.resourceObjectId, a.parentType === "chatgpt-identity:entra:AccessGroups" ? scimSp : ssoSp, a.name);
        }
    });

    it("exposes the IdP side: SSO outputs, SCIM outputs, groups and the group assignments as pushedGroupsReady", async () => {
        const { engine, result } = await recordEntra(() => new EntraIdentity("entra", { config: fullConfig(), secrets: { scimToken: "tok" } }));
        const side = result.side;
        assert.strictEqual(await valueOf(side.sso!.entityId), ENTITY_ID);
        assert.match((await valueOf(side.sso!.metadataUrl))!, /^https:\/\/login\.microsoftonline\.com\/<tenant id>\/federationmetadata\/2007-06\/federationmetadata\.xml\?appid=/);
        assert.strictEqual((await valueOf(side.scim!.manualSteps))!.length, 2);
        assert.deepStrictEqual(side.groups.map((g) => [g.name, g.adopted]), [["TESTING_ROLE_Pilot", false], ["ROLLOUT_ROLE_Teachers", true]]);
        assert.strictEqual(side.pushedGroupsReady.length, 2);
        const assignmentUrns = await Promise.all(side.pushedGroupsReady.map((r) => valueOf(r.urn)));
        assert.deepStrictEqual(assignmentUrns.sort(), engine.byType(T.assignment).filter((a) => a.parentType === "chatgpt-identity:entra:AccessGroups").map((a) => a.urn).sort());
    });

    it("assigns the declared test group to the SSO app while testing (SSO-2)", async () => {
        const { engine } = await recordEntra(() => new EntraIdentity("entra", { config: fullConfig(), secrets: { scimToken: "tok" } }));
        assert.strictEqual(engine.find(T.assignment, "entra-sso-test-group")!.inputs.principalObjectId, "<object id of TESTING_ROLE_Pilot>");
        assert.ok(engine.find(T.assignment, `entra-sso-test-user-pilot@${DOMAIN}`));
    });

    it("builds no SSO app at stage off and no SCIM app when SCIM is disabled", async () => {
        const config = entraConfig({ groups: [{ dimension: "FUNCTION", group: "Support" }] });
        const { engine, result } = await recordEntra(() => new EntraIdentity("entra", { config, secrets: {} }));
        assert.deepStrictEqual(engine.resources.map((r) => `${r.type} ${r.name}`), [
            "chatgpt-identity:entra:Identity entra",
            "chatgpt-identity:entra:AccessGroups entra-groups",
            `${T.group} entra-groups-FUNCTION_Support`,
        ]);
        assert.strictEqual(result.side.sso, undefined);
        assert.strictEqual(result.side.scim, undefined);
        assert.deepStrictEqual(result.side.pushedGroupsReady, []);
    });

    it("allows SCIM without SSO (SCIM-2)", async () => {
        const config = entraConfig({ scim: { enabled: true, baseUrl: SCIM_URL } });
        const { engine } = await recordEntra(() => new EntraIdentity("entra", { config, secrets: { scimToken: "tok" } }));
        assert.strictEqual(engine.byType(T.template).length, 1);
        assert.strictEqual(engine.byType("chatgpt-identity:entra:SamlApp").length, 0);
    });

    it("refuses SCIM without the token, naming chatgpt-identity:scimToken, and registers nothing", async () => {
        const engine = new RecordingEngine({ preview: false, fakeOutputs: entraFakeOutputs, fakeInvokes: entraFakeInvokes }).install();
        const config = entraConfig({ scim: { enabled: true, baseUrl: SCIM_URL }, groups: [{ dimension: "FUNCTION", group: "Support" }] });
        assert.throws(() => new EntraIdentity("entra", { config, secrets: {} }), {
            message: "The Entra ID side cannot be built; nothing was changed:\n" +
                "  - scim.enabled is true but the secret chatgpt-identity:scimToken is not set: run " +
                "`pulumi config set --secret chatgpt-identity:scimToken <token>` with the bearer token from the ChatGPT Directory Sync wizard",
        });
        await settle();
        assert.deepStrictEqual(engine.resources, []);
    });

    it("refuses a config for another IdP", () => {
        const config = { ...entraConfig(), idp: "okta" as const };
        assert.throws(() => new EntraIdentity("entra", { config, secrets: {} }), /idp is "okta"; EntraIdentity builds the Entra ID side only/);
    });

    describe("scale", function () {
        this.timeout(240000);
        const groupsConfig = (n: number) => entraConfig({
            sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL },
            scim: { enabled: true, baseUrl: SCIM_URL },
            groups: Array.from({ length: n }, (_, i) => ({ dimension: "SCHOOL", group: `School${i}`, members: [`s${i}@${DOMAIN}`] })),
        });
        for (const [n, budgetMs] of [[15, 2000], [1000, 180000]] as const) {
            it(`builds ${n} groups under the engine within ${budgetMs} ms`, async () => {
                const config = groupsConfig(n);
                const started = process.hrtime.bigint();
                const { engine } = await recordEntra(() => new EntraIdentity("entra", { config, secrets: { scimToken: "tok" } }));
                const ms = Number(process.hrtime.bigint() - started) / 1e6;
                console.log(`      EntraIdentity with ${n} groups: ${engine.resources.length} resources, ${engine.invokes.length} invokes, ${ms.toFixed(0)} ms`);
                assert.strictEqual(engine.byType(T.group).length, n);
                assert.strictEqual(engine.byType(T.assignment).length, n);
                assert.ok(ms < budgetMs, `${n} groups took ${ms.toFixed(0)} ms`);
            });
        }
    });
});

describe("EntraIdentity: nothing half-applied", function () {
    // Two tests start a fresh Node with ts-node (a registration that waits forever on a failed lookup must not leak into other tests).
    this.timeout(40000);

    it("refuses a bad claim source or certificateRotation before registering anything, not after the SCIM app and groups", async () => {
        const engine = new RecordingEngine({ preview: false, fakeOutputs: entraFakeOutputs, fakeInvokes: entraFakeInvokes }).install();
        const valid = entraConfig({
            sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL, claims: { given_name: "givenname" } },
            scim: { enabled: true, baseUrl: SCIM_URL },
            groups: [{ dimension: "FUNCTION", group: "Support" }],
        });
        // The config loader already rejects this rotation; the component must hold on its own too.
        const config = { ...valid, sso: { ...valid.sso, certificateRotation: "2027, O=x" } };
        assert.throws(() => new EntraIdentity("entra", { config, secrets: { scimToken: "tok" } }), {
            message: "The Entra ID side cannot be built; nothing was changed:\n" +
                '  - sso.certificateRotation: "2027, O=x" must be letters, digits, ".", "_" or "-" (e.g. 2027); it names the signing certificate\n' +
                '  - sso.claims.given_name: "givenname" is not an Entra user attribute; write it as user.<attribute>, e.g. user.givenname (the default) or user.userprincipalname. given_name is always sent (SSO-7).',
        });
        await settle();
        assert.deepStrictEqual(engine.resources, []);
    });

    it("makes one lookup of every test user and member for the whole side", async () => {
        const { engine } = await recordEntra(() => new EntraIdentity("entra", { config: fullConfig(), secrets: { scimToken: "tok" } }));
        assert.deepStrictEqual(engine.invokes.filter((i) => i.token === T.getUsers).map((i) => i.inputs), [
            { userPrincipalNames: [`pilot@${DOMAIN}`], ignoreMissing: true },
        ]);
        assert.strictEqual(engine.find(T.group, "entra-groups-TESTING_ROLE_Pilot")!.inputs.members[0], `<object id of pilot@${DOMAIN}>`);
        assert.strictEqual(engine.find(T.assignment, `entra-sso-test-user-pilot@${DOMAIN}`)!.inputs.principalObjectId, `<object id of pilot@${DOMAIN}>`);
    });

    const unknownUserRun = (getUsers: string) => runInFreshNode<{ errors: string[]; registered: string[] }>(`
        const { RecordingEngine } = require("./offline/recordingEngine");
        const { entraFakeOutputs, entraFakeInvokes } = require("./offline/previewValues/entra");
        const { EntraIdentity } = require("./components/entra/entraIdentity");
        const { entraConfig, ENTITY_ID, ACS_URL, SCIM_URL, DOMAIN } = require("./tests/components/entra/fixtures");
        const errors = [];
        // As Pulumi's language host does: an unhandled rejection is logged as an error and fails the run.
        process.on("unhandledRejection", (e) => { if (!errors.includes(e.message)) errors.push(e.message); require("@pulumi/pulumi").log.error(e.message); });
        const engine = new RecordingEngine({ preview: false, fakeOutputs: entraFakeOutputs,
            fakeInvokes: { ...entraFakeInvokes, "azuread:index/getUsers:getUsers": ${getUsers} } }).install();
        new EntraIdentity("entra", { secrets: { scimToken: "tok" }, config: entraConfig({
            sso: { stage: "testing", entityId: ENTITY_ID, acsUrl: ACS_URL, testUsers: ["pilot@" + DOMAIN, "typo@" + DOMAIN] },
            scim: { enabled: true, baseUrl: SCIM_URL },
            groups: [{ dimension: "FUNCTION", group: "Support" }, { dimension: "ROLE", group: "Teachers", members: ["pilot@" + DOMAIN, "Gone@" + DOMAIN] }],
        }) });
        setTimeout(() => { console.log(JSON.stringify({ errors, registered: engine.resources.map((r) => r.type + " " + r.name) })); process.exit(0); }, 1500);
    `);

    it("an address Entra does not know fails the run naming each address and path, and creates no Entra resource", () => {
        const seen = unknownUserRun(`(inputs) => {
            const users = inputs.userPrincipalNames.filter((u) => u.startsWith("pilot@")).map((u) => ({ userPrincipalName: u, objectId: "oid-" + u }));
            return { id: "users", userPrincipalNames: [], objectIds: [], mails: [], mailNicknames: [], employeeIds: [], users };
        }`);
        assert.deepStrictEqual(seen.registered, ["chatgpt-identity:entra:Identity entra"]);
        // The first failing registration reports it (Pulumi prefixes the property it was serializing).
        assert.strictEqual(seen.errors.length, 1);
        assert.deepStrictEqual(seen.errors.map((e) => e.replace(/^(error serializing property "\w+": )+/, "")), [
            `no Entra user has the sign-in name typo@${DOMAIN} (sso.testUsers[1]), Gone@${DOMAIN} (groups[1].members[1]); ` +
            "check the spelling (addresses must be user principal names), create the user first, or remove the address",
        ]);
    });

    it("a lookup the provider refuses is reported with every path it concerned, and creates nothing", () => {
        const seen = unknownUserRun(`() => { throw new Error("no users found"); }`);
        assert.deepStrictEqual(seen.registered, ["chatgpt-identity:entra:Identity entra"]);
        assert.strictEqual(seen.errors.length, 1);
        assert.match(seen.errors[0], new RegExp(`^(error serializing property "\\w+": )*Entra ID could not look up pilot@${DOMAIN.replace(/\./g, "\\.")} \\(sso\\.testUsers\\[0\\]\\), typo@.* \\(sso\\.testUsers\\[1\\]\\), pilot@.* \\(groups\\[1\\]\\.members\\[0\\]\\), Gone@.* \\(groups\\[1\\]\\.members\\[1\\]\\): .*User\\.Read\\.All\\.$`));
    });
});
