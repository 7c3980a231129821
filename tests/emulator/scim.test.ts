import * as assert from "node:assert/strict";
import { RunningEmulator, startEmulator } from "../../emulator";
import { JEFFERSON, LINCOLN, call, chatgpt, readAllCursor, scim, scimUser, twoWorkspaces } from "./helpers";

const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const patchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

describe("emulator: SCIM 2.0 inbound per workspace", () => {
    let emulator: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ workspaces: twoWorkspaces });
    });
    afterEach(() => emulator.stop());

    const newUser = (email: string) => scim(emulator, "POST", "/Users", scimUser(email, "Ada", "Lovelace"));
    const member = async (email: string) =>
        (await chatgpt(emulator, "GET", `/users?email=${encodeURIComponent(email)}`)).body.data[0];
    const controlUsers = async () =>
        (await call(emulator, undefined, "GET", `/_emulator/workspaces/${LINCOLN.id}/users`)).body.data.map(
            (u: any) => [u.email, u.source, u.is_scim_managed],
        );

    it("has one base URL and token per workspace and serves ServiceProviderConfig", async () => {
        assert.equal(emulator.scimBaseUrl(LINCOLN.id), `${emulator.url}/scim/v2/${LINCOLN.id}`);
        assert.throws(() => emulator.scimBaseUrl("9f0e0c4c-0000-4000-8000-000000000000"), /Unknown emulator workspace/);
        const config = await scim(emulator, "GET", "/ServiceProviderConfig");
        assert.equal(config.status, 200);
        assert.equal(config.body.patch.supported, true);
        assert.equal(config.headers.get("content-type"), "application/scim+json");
        const wrong = await scim(emulator, "GET", "/Users", undefined, { token: "not-a-token" });
        assert.equal(wrong.status, 401);
        assert.deepEqual(wrong.body.schemas, ["urn:ietf:params:scim:api:messages:2.0:Error"]);
        assert.equal(
            (await scim(emulator, "GET", "/Users", undefined, { token: LINCOLN.adminKey })).status,
            401,
            "an Admin key is not a SCIM token",
        );
        assert.equal(
            (await call(emulator, LINCOLN.scimToken, "GET", "/scim/v2/Users")).status,
            404,
            "there is no shared SCIM base",
        );
    });

    it("pushes users: SCIM-managed members appear in the admin API; filter, replace, patch, deactivate, delete", async () => {
        const created = await newUser("Ada@Lincoln.k12.us");
        assert.equal(created.status, 201);
        assert.deepEqual([created.body.userName, created.body.displayName], ["ada@lincoln.k12.us", "Ada Lovelace"]);
        assert.equal(created.body.meta.location, `${emulator.scimBaseUrl(LINCOLN.id)}/Users/${created.body.id}`);
        const id = created.body.id;
        const ada = await member("ada@lincoln.k12.us");
        assert.deepEqual([ada.name, ada.is_scim_managed, ada.role], ["Ada Lovelace", true, "standard-user"]);

        const found = await scim(
            emulator,
            "GET",
            `/Users?filter=${encodeURIComponent('userName eq "ADA@lincoln.k12.us"')}`,
        );
        assert.deepEqual([found.body.totalResults, found.body.Resources[0].id], [1, id]);
        const none = await scim(
            emulator,
            "GET",
            `/Users?filter=${encodeURIComponent('userName eq "bob@lincoln.k12.us"')}`,
        );
        assert.equal(none.body.totalResults, 0);
        const badFilter = await scim(emulator, "GET", `/Users?filter=${encodeURIComponent('title co "x"')}`);
        assert.deepEqual([badFilter.status, badFilter.body.scimType], [400, "invalidFilter"]);
        const duplicate = await newUser("ada@lincoln.k12.us");
        assert.deepEqual([duplicate.status, duplicate.body.scimType], [409, "uniqueness"]);

        const replaced = await scim(emulator, "PUT", `/Users/${id}`, {
            schemas: [userSchema],
            userName: "ada@lincoln.k12.us",
            name: { givenName: "Augusta", familyName: "King" },
            active: true,
        });
        assert.equal(replaced.body.name.givenName, "Augusta");
        assert.equal((await member("ada@lincoln.k12.us")).name, "Augusta King");
        // Entra ID style: capitalised op and a string boolean.
        const deactivated = await scim(emulator, "PATCH", `/Users/${id}`, {
            schemas: [patchSchema],
            Operations: [{ op: "Replace", path: "active", value: "False" }],
        });
        assert.deepEqual([deactivated.status, deactivated.body.active], [200, false]);
        assert.equal(await member("ada@lincoln.k12.us"), undefined, "a deactivated member leaves the active list");
        assert.equal((await chatgpt(emulator, "GET", `/users/${ada.id}`)).body.status, "deactivated");

        assert.equal((await scim(emulator, "DELETE", `/Users/${id}`)).status, 204);
        assert.equal((await scim(emulator, "GET", `/Users/${id}`)).status, 404);
        assert.equal(
            (await chatgpt(emulator, "GET", `/users/${ada.id}`)).status,
            404,
            "SCIM deprovisioning removes the member",
        );
    });

    it("pushes groups: SCIM-managed groups with their members; PATCH add/remove/replace; DELETE", async () => {
        const ada = (await newUser("ada@lincoln.k12.us")).body;
        const bob = (await newUser("bob@lincoln.k12.us")).body;
        const carl = (await newUser("carl@lincoln.k12.us")).body;
        emulator.seedLocalGroup(LINCOLN.id, "FUNCTION_Support");
        const pushed = await scim(emulator, "POST", "/Groups", {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            displayName: "FUNCTION_Support",
            members: [{ value: ada.id }],
        });
        assert.equal(pushed.status, 201, JSON.stringify(pushed.body));
        const scimId = pushed.body.id;
        const groups = (await chatgpt(emulator, "GET", "/groups")).body.data;
        assert.deepEqual(
            groups.map((g: any) => [g.name, g.is_scim_managed, g.member_count]),
            [
                ["FUNCTION_Support", false, 0],
                ["FUNCTION_Support", true, 1],
            ],
            "a local group with a SCIM group's name (GRP-3)",
        );
        const workspaceGroupId = groups[1].id;

        const patch = (Operations: unknown[]) =>
            scim(emulator, "PATCH", `/Groups/${scimId}`, { schemas: [patchSchema], Operations });
        const patched = await patch([
            { op: "add", path: "members", value: [{ value: bob.id }, { value: carl.id }] },
            { op: "remove", path: `members[value eq "${ada.id}"]` },
            { op: "replace", path: "displayName", value: "FUNCTION_Helpdesk" },
        ]);
        assert.equal(patched.status, 200);
        assert.deepEqual(
            patched.body.members.map((m: any) => m.value),
            [bob.id, carl.id],
        );
        const members = await readAllCursor(emulator, `/groups/${workspaceGroupId}/users`, 1);
        assert.deepEqual(
            members.items.map((u) => u.email),
            ["bob@lincoln.k12.us", "carl@lincoln.k12.us"],
        );
        assert.equal((await chatgpt(emulator, "GET", `/groups/${workspaceGroupId}`)).body.name, "FUNCTION_Helpdesk");

        const replaced = await patch([{ op: "replace", path: "members", value: [{ value: ada.id }] }]);
        assert.deepEqual(
            replaced.body.members.map((m: any) => m.value),
            [ada.id],
        );
        const removedAll = await patch([{ op: "remove", path: "members" }]);
        assert.deepEqual(removedAll.body.members, []);
        const filtered = await scim(
            emulator,
            "GET",
            `/Groups?filter=${encodeURIComponent('displayName eq "FUNCTION_Helpdesk"')}`,
        );
        assert.deepEqual(
            filtered.body.Resources.map((g: any) => g.id),
            [scimId],
        );

        const badMember = await patch([
            { op: "replace", path: "displayName", value: "NEVER" },
            { op: "add", path: "members", value: [{ value: "missing" }] },
        ]);
        assert.equal(badMember.status, 400);
        assert.equal(
            (await scim(emulator, "GET", `/Groups/${scimId}`)).body.displayName,
            "FUNCTION_Helpdesk",
            "a refused PATCH applies nothing",
        );

        assert.equal((await scim(emulator, "DELETE", `/Groups/${scimId}`)).status, 204);
        assert.deepEqual(
            (await chatgpt(emulator, "GET", "/groups")).body.data.map((g: any) => g.is_scim_managed),
            [false],
        );
    });

    it("SCIM-4: skips members who came through AAC or an invite until matched by email in a synced group", async () => {
        emulator.seedUser(LINCOLN.id, { email: "Carol@Lincoln.k12.us", source: "aac" });
        const invite = await chatgpt(emulator, "POST", "/invites", { email: "dan@lincoln.k12.us" });
        emulator.acceptInvite(LINCOLN.id, invite.body.id);

        const carol = await newUser("carol@lincoln.k12.us");
        assert.equal(carol.status, 201, "the directory (WorkOS) accepts the push");
        const dan = await newUser("dan@lincoln.k12.us");
        assert.deepEqual(
            await controlUsers(),
            [
                ["carol@lincoln.k12.us", "aac", false],
                ["dan@lincoln.k12.us", "invite", false],
            ],
            "skipped: no second member, still not SCIM-managed",
        );
        assert.equal((await chatgpt(emulator, "GET", "/users")).body.data.length, 2);

        const renamed = await scim(emulator, "PATCH", `/Users/${carol.body.id}`, {
            schemas: [patchSchema],
            Operations: [{ op: "replace", path: "name.givenName", value: "Caroline" }],
        });
        assert.equal(renamed.status, 200);
        assert.equal((await member("carol@lincoln.k12.us")).name, null, "a skipped member is not updated by SCIM");

        const group = await scim(emulator, "POST", "/Groups", {
            displayName: "ROLLOUT_REGION_EMEA",
            members: [{ value: carol.body.id }],
        });
        assert.equal(group.status, 201);
        assert.deepEqual(
            await controlUsers(),
            [
                ["carol@lincoln.k12.us", "aac", true],
                ["dan@lincoln.k12.us", "invite", false],
            ],
            "carol matched by email in a synced group; dan still skipped",
        );
        assert.equal((await member("carol@lincoln.k12.us")).name, "Caroline Lovelace");

        await scim(emulator, "PATCH", `/Groups/${group.body.id}`, {
            schemas: [patchSchema],
            Operations: [{ op: "add", path: "members", value: [{ value: dan.body.id }] }],
        });
        assert.deepEqual(
            (await controlUsers()).map((u: any[]) => u[2]),
            [true, true],
        );
        const emea = (await chatgpt(emulator, "GET", "/groups")).body.data[0];
        assert.equal(emea.member_count, 2);
    });

    it("deleting a skipped directory user leaves the invited member in place", async () => {
        emulator.seedUser(LINCOLN.id, { email: "erin@lincoln.k12.us", source: "invite" });
        const erin = await newUser("erin@lincoln.k12.us");
        assert.equal((await scim(emulator, "DELETE", `/Users/${erin.body.id}`)).status, 204);
        assert.deepEqual(await controlUsers(), [["erin@lincoln.k12.us", "invite", false]]);
    });

    it("keeps each workspace's directory apart", async () => {
        await newUser("ada@lincoln.k12.us");
        const other = await scim(emulator, "GET", "/Users", undefined, { workspace: 1 });
        assert.equal(other.body.totalResults, 0);
        assert.equal((await chatgpt(emulator, "GET", "/users", undefined, { workspace: 1 })).body.data.length, 0);
        assert.equal(
            (await scim(emulator, "GET", "/Users", undefined, { workspace: 1, token: JEFFERSON.scimToken })).status,
            200,
        );
    });
});
