import * as assert from "node:assert/strict";
import OpenAI from "openai";
import { RunningEmulator, startEmulator } from "../../emulator";
import { call, scim, twoTenants } from "./helpers";

const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const patchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

describe("emulator: SCIM 2.0", () => {
    let emulator: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ tenants: twoTenants });
    });
    afterEach(() => emulator.stop());

    function newUser(email: string) {
        return scim(emulator, "POST", "/Users", { schemas: [userSchema], userName: email, name: { givenName: "Ada", familyName: "Lovelace" }, active: true });
    }

    it("serves ServiceProviderConfig and requires the tenant's SCIM token", async () => {
        const config = await scim(emulator, "GET", "/ServiceProviderConfig");
        assert.equal(config.status, 200);
        assert.equal(config.body.patch.supported, true);
        assert.equal(config.headers.get("content-type"), "application/scim+json");
        const wrong = await scim(emulator, "GET", "/Users", undefined, "not-a-token");
        assert.equal(wrong.status, 401);
        assert.deepEqual(wrong.body.schemas, ["urn:ietf:params:scim:api:messages:2.0:Error"]);
        const adminKey = await scim(emulator, "GET", "/Users", undefined, emulator.tenants[0].adminKey);
        assert.equal(adminKey.status, 401, "an admin key is not a SCIM token");
    });

    it("creates, filters, replaces, patches and deletes users", async () => {
        const created = await newUser("Ada@Lincoln.k12.us");
        assert.equal(created.status, 201);
        assert.equal(created.body.userName, "ada@lincoln.k12.us");
        assert.equal(created.body.displayName, "Ada Lovelace");
        const id = created.body.id;

        const found = await scim(emulator, "GET", `/Users?filter=${encodeURIComponent('userName eq "ADA@lincoln.k12.us"')}`);
        assert.deepEqual([found.body.totalResults, found.body.Resources[0].id], [1, id]);
        const none = await scim(emulator, "GET", `/Users?filter=${encodeURIComponent('userName eq "bob@lincoln.k12.us"')}`);
        assert.equal(none.body.totalResults, 0);
        const badFilter = await scim(emulator, "GET", `/Users?filter=${encodeURIComponent('title co "x"')}`);
        assert.deepEqual([badFilter.status, badFilter.body.scimType], [400, "invalidFilter"]);

        const duplicate = await newUser("ada@lincoln.k12.us");
        assert.deepEqual([duplicate.status, duplicate.body.scimType], [409, "uniqueness"]);

        const replaced = await scim(emulator, "PUT", `/Users/${id}`, { schemas: [userSchema], userName: "ada@lincoln.k12.us", name: { givenName: "Augusta", familyName: "King" }, active: true });
        assert.equal(replaced.body.name.givenName, "Augusta");
        // Entra ID style: capitalised op and a string boolean.
        const deactivated = await scim(emulator, "PATCH", `/Users/${id}`, { schemas: [patchSchema], Operations: [{ op: "Replace", path: "active", value: "False" }] });
        assert.equal(deactivated.status, 200);
        assert.equal(deactivated.body.active, false);

        assert.equal((await scim(emulator, "DELETE", `/Users/${id}`)).status, 204);
        assert.equal((await scim(emulator, "GET", `/Users/${id}`)).status, 404);
    });

    it("pushes a group that the Admin API then lists as SCIM-managed and refuses to change (GRP-2)", async () => {
        const ada = (await newUser("ada@lincoln.k12.us")).body;
        const bob = (await newUser("bob@lincoln.k12.us")).body;
        const local = await call(emulator, emulator.tenants[0].adminKey, "POST", "/v1/organization/groups", { name: "FUNCTION_Support" });
        assert.equal(local.status, 200);

        const pushed = await scim(emulator, "POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "FUNCTION_Support", members: [{ value: ada.id }] });
        assert.equal(pushed.status, 201, JSON.stringify(pushed.body));
        const groupId = pushed.body.id;

        const client = new OpenAI({ adminAPIKey: emulator.tenants[0].adminKey, apiKey: null as unknown as string, baseURL: emulator.apiBaseUrl, maxRetries: 0 });
        const listed = (await client.admin.organization.groups.list()).data.map((g) => [g.name, g.is_scim_managed]);
        assert.deepEqual(listed, [["FUNCTION_Support", false], ["FUNCTION_Support", true]], "a local group with a SCIM group's name duplicates the structure (GRP-3)");
        await assert.rejects(client.admin.organization.groups.delete(groupId), (err: any) => err.status === 409 && err.code === "group_scim_managed");
        await assert.rejects(client.admin.organization.groups.update(groupId, { name: "x" }), (err: any) => err.status === 409 && /GRP-2/.test(err.message));

        const patched = await scim(emulator, "PATCH", `/Groups/${groupId}`, {
            schemas: [patchSchema],
            Operations: [
                { op: "add", path: "members", value: [{ value: bob.id }] },
                { op: "remove", path: `members[value eq "${ada.id}"]` },
                { op: "replace", path: "displayName", value: "FUNCTION_Helpdesk" },
            ],
        });
        assert.equal(patched.status, 200);
        assert.deepEqual(patched.body.members.map((m: any) => m.value), [bob.id]);
        assert.equal(patched.body.displayName, "FUNCTION_Helpdesk");
        const filtered = await scim(emulator, "GET", `/Groups?filter=${encodeURIComponent('displayName eq "FUNCTION_Helpdesk"')}`);
        assert.deepEqual(filtered.body.Resources.map((g: any) => g.id), [groupId]);
        assert.equal((await scim(emulator, "GET", `/Groups/${local.body.id}`)).status, 404, "local groups are invisible to SCIM");

        const badMember = await scim(emulator, "PATCH", `/Groups/${groupId}`, { schemas: [patchSchema], Operations: [{ op: "replace", path: "displayName", value: "NEVER" }, { op: "add", path: "members", value: [{ value: "user_missing" }] }] });
        assert.equal(badMember.status, 400);
        assert.equal((await scim(emulator, "GET", `/Groups/${groupId}`)).body.displayName, "FUNCTION_Helpdesk", "a refused PATCH applies none of its operations");

        assert.equal((await scim(emulator, "DELETE", `/Groups/${groupId}`)).status, 204);
        assert.deepEqual((await client.admin.organization.groups.list()).data.map((g) => g.is_scim_managed), [false]);
    });

    it("SCIM-4: skips users that exist through AAC or an invite until a synced group assigns them", async () => {
        emulator.seedUser("lincoln", "Carol@Lincoln.k12.us", "aac");
        const seeded = await call(emulator, undefined, "POST", "/_emulator/tenants/lincoln/users", { email: "dan@lincoln.k12.us", source: "invite" });
        assert.equal(seeded.status, 201);

        const skipped = await newUser("carol@lincoln.k12.us");
        assert.equal(skipped.status, 409);
        assert.equal(skipped.body.scimType, "uniqueness");
        assert.match(skipped.body.detail, /already exists through automatic account creation and was skipped \(SCIM-4\)/);
        const invited = await newUser("dan@lincoln.k12.us");
        assert.match(invited.body.detail, /through a manual invite/);

        const users = await call(emulator, undefined, "GET", "/_emulator/tenants/lincoln/users");
        assert.deepEqual(users.body.data.map((u: any) => [u.email, u.source, u.scim_managed]), [["carol@lincoln.k12.us", "aac", false], ["dan@lincoln.k12.us", "invite", false]]);

        const match = await scim(emulator, "GET", `/Users?filter=${encodeURIComponent('userName eq "carol@lincoln.k12.us"')}`);
        const carol = match.body.Resources[0];
        assert.deepEqual(carol["urn:chatgpt-identity:emulator:2.0:User"], { source: "aac", scimManaged: false });
        const update = await scim(emulator, "PATCH", `/Users/${carol.id}`, { schemas: [patchSchema], Operations: [{ op: "replace", path: "active", value: false }] });
        assert.equal(update.status, 409, "SCIM does not own an unmatched user");

        const group = await scim(emulator, "POST", "/Groups", { displayName: "ROLLOUT_REGION_EMEA", members: [{ value: carol.id }] });
        assert.equal(group.status, 201);
        const after = await scim(emulator, "GET", `/Users/${carol.id}`);
        assert.deepEqual(after.body["urn:chatgpt-identity:emulator:2.0:User"], { source: "aac", scimManaged: true });
        assert.equal((await scim(emulator, "PATCH", `/Users/${carol.id}`, { schemas: [patchSchema], Operations: [{ op: "replace", path: "active", value: false }] })).status, 200);

        assert.throws(() => emulator.seedUser("lincoln", "carol@lincoln.k12.us", "invite"), /already exists/);
        assert.throws(() => emulator.seedUser("nobody", "x@lincoln.k12.us", "aac"), /Unknown emulator tenant 'nobody'/);
    });

    it("keeps SCIM data per tenant", async () => {
        await newUser("ada@lincoln.k12.us");
        const other = await scim(emulator, "GET", "/Users", undefined, twoTenants[1].scimToken);
        assert.equal(other.body.totalResults, 0);
    });
});
