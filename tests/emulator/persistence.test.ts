import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { admin, scim } from "./helpers";

describe("emulator: persistence with a data file", () => {
    let dir: string;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-data-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("saves after every change and restores tenants, keys and objects after a restart", async () => {
        const dataFile = path.join(dir, "state.json");
        const first = await startEmulator({ dataFile });
        const role = await admin(first, "POST", "/organization/roles", { role_name: "Publisher", permissions: ["gpts.publish"] });
        const domain = await admin(first, "POST", "/organization/identity/domains", { domain: "lincoln.k12.us" });
        await scim(first, "POST", "/Groups", { displayName: "FUNCTION_Support" });
        first.seedUser("default", "carol@lincoln.k12.us", "aac");
        const onDisk = JSON.parse(fs.readFileSync(dataFile, "utf8"));
        assert.deepEqual(onDisk.tenants[0].roles.map((r: any) => r.name), ["Publisher"], "written before the next request, not on stop");
        assert.equal((fs.statSync(dataFile).mode & 0o777).toString(8), "600");
        assert.deepEqual(fs.readdirSync(dir), ["state.json"], "the temp file is renamed into place");
        const tenants = first.tenants;
        await first.stop();

        const second = await startEmulator({ dataFile });
        try {
            assert.deepEqual(second.tenants, tenants, "same tenant ids and keys");
            assert.deepEqual((await admin(second, "GET", `/organization/roles/${role.body.id}`)).body, role.body);
            assert.deepEqual((await admin(second, "GET", `/organization/identity/domains/${domain.body.id}`)).body, domain.body);
            const groups = await admin(second, "GET", "/organization/groups");
            assert.deepEqual(groups.body.data.map((g: any) => [g.name, g.is_scim_managed]), [["FUNCTION_Support", true]]);
            const skipped = await scim(second, "POST", "/Users", { userName: "carol@lincoln.k12.us" });
            assert.equal(skipped.status, 409, "the seeded AAC user survived the restart (SCIM-4)");
        } finally {
            await second.stop();
        }
    });

    it("refuses a data file that is not emulator state, naming the file", async () => {
        const dataFile = path.join(dir, "other.json");
        fs.writeFileSync(dataFile, JSON.stringify({ hello: "world" }));
        await assert.rejects(startEmulator({ dataFile }), new RegExp(`${dataFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a version 1 emulator state`));
    });

    it("keeps state in memory only without a data file", async () => {
        const first = await startEmulator();
        await admin(first, "POST", "/organization/roles", { role_name: "Publisher", permissions: [] });
        await first.stop();
        const second = await startEmulator();
        try {
            assert.equal((await admin(second, "GET", "/organization/roles")).body.data.length, 0);
            assert.notEqual(second.tenants[0].adminKey, first.tenants[0].adminKey, "generated keys differ per start");
        } finally {
            await second.stop();
        }
    });
});
