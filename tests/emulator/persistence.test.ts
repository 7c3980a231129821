import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { LINCOLN, chatgpt, platform, scim, scimUser } from "./helpers";

describe("emulator: persistence with a data file", () => {
    let dir: string;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-data-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("saves after every change and restores workspaces, keys and objects after a restart", async () => {
        const dataFile = path.join(dir, "state.json");
        const first = await startEmulator({ dataFile, workspaces: [LINCOLN] });
        const role = await platform(first, "POST", "/organization/roles", {
            role_name: "Publisher",
            permissions: ["gpts.publish"],
        });
        const invite = await chatgpt(first, "POST", "/invites", { email: "pilot@lincoln.k12.us" });
        await scim(first, "POST", "/Groups", { displayName: "FUNCTION_Support" });
        first.seedUser(LINCOLN.id, { email: "carol@lincoln.k12.us", source: "aac" });
        const onDisk = JSON.parse(fs.readFileSync(dataFile, "utf8"));
        assert.deepEqual(
            onDisk.workspaces[0].users.map((u: any) => u.email),
            ["carol@lincoln.k12.us"],
            "written before the next request",
        );
        assert.equal((fs.statSync(dataFile).mode & 0o777).toString(8), "600");
        assert.deepEqual(fs.readdirSync(dir), ["state.json"], "the temp file is renamed into place");
        const { workspaces, apiPlatformOrgs } = first;
        await first.stop();

        const second = await startEmulator({ dataFile });
        try {
            assert.deepEqual(
                [second.workspaces, second.apiPlatformOrgs],
                [workspaces, apiPlatformOrgs],
                "same ids and keys",
            );
            assert.deepEqual((await platform(second, "GET", `/organization/roles/${role.body.id}`)).body, role.body);
            assert.deepEqual((await chatgpt(second, "GET", `/invites/${invite.body.id}`)).body, invite.body);
            const groups = await chatgpt(second, "GET", "/groups");
            assert.deepEqual(
                groups.body.data.map((g: any) => [g.name, g.is_scim_managed]),
                [["FUNCTION_Support", true]],
            );
            await scim(second, "POST", "/Users", scimUser("carol@lincoln.k12.us"));
            const carol = (await chatgpt(second, "GET", "/users")).body.data;
            assert.deepEqual(
                carol.map((u: any) => [u.email, u.is_scim_managed]),
                [["carol@lincoln.k12.us", false]],
                "the seeded AAC member survived the restart and is skipped (SCIM-4)",
            );
        } finally {
            await second.stop();
        }
    });

    it("refuses a data file that is not version 2 emulator state, naming the file", async () => {
        const dataFile = path.join(dir, "other.json");
        fs.writeFileSync(dataFile, JSON.stringify({ version: 1, tenants: [] }));
        const escaped = dataFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        await assert.rejects(startEmulator({ dataFile }), new RegExp(`${escaped} is not a version 2 emulator state`));
    });

    it("keeps state in memory only without a data file, with fresh random credentials per start", async () => {
        const first = await startEmulator();
        await chatgpt(first, "POST", "/invites", { email: "a@x.org" });
        await first.stop();
        const second = await startEmulator();
        try {
            assert.equal((await chatgpt(second, "GET", "/invites")).body.data.length, 0);
            assert.notEqual(second.workspaces[0].adminKey, first.workspaces[0].adminKey);
            assert.notEqual(second.workspaces[0].id, first.workspaces[0].id);
            assert.match(
                second.workspaces[0].id,
                /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
            );
        } finally {
            await second.stop();
        }
    });

    it("refuses workspace ids that are not UUIDs and reused credentials", async () => {
        await assert.rejects(startEmulator({ workspaces: [{ ...LINCOLN, id: "lincoln" }] }), /must be a UUID/);
        await assert.rejects(
            startEmulator({ workspaces: [{ ...LINCOLN, scimToken: LINCOLN.adminKey }] }),
            /reuses a credential/,
        );
    });
});
