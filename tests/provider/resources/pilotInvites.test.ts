import * as assert from "node:assert/strict";
import { pilotInvitesProvider } from "../../../provider/resources/pilotInvites";
import { installProviderTestClock } from "../../../provider/resources/testClock";
import { VirtualClock } from "../../clients/shared/virtualClock";
import { WORKSPACE_ID, Workspace, startWorkspace } from "./fixture";

const TESTERS = ["it.pilot@lincoln.k12.us", "Teacher.Pilot@lincoln.k12.us", "office.pilot@staff.lincoln.k12.us"];

describe("provider/resources PilotInvites (emulator over HTTP, ChatGPT admin API)", function () {
    this.timeout(30000);
    let ws: Workspace;
    let clock: VirtualClock;
    let uninstall: () => void;
    // The provider's retries and waits run on a virtual clock shared with the emulator (no real waiting).
    beforeEach(async () => {
        clock = new VirtualClock();
        uninstall = installProviderTestClock(clock);
        ws = await startWorkspace({ now: clock.now });
    });
    afterEach(async () => {
        uninstall();
        await ws.stop();
    });

    async function provider() {
        const p = pilotInvitesProvider();
        await p.configure!(ws.configureRequest());
        return p;
    }
    const pending = async () =>
        (await ws.list("/invites"))
            .filter((i) => i.status === "pending")
            .map((i) => `${i.email}`)
            .sort();

    it("check: a UUID, email addresses, each once (case-insensitive)", async () => {
        const p = await provider();
        const result = await p.check!({} as any, {
            workspaceId: WORKSPACE_ID,
            emails: ["a@lincoln.k12.us", "not an address", "A@lincoln.k12.us"],
        });
        assert.deepEqual(result.failures, [
            { property: "emails.1", reason: "each test user is an email address" },
            { property: "emails.2", reason: "A@lincoln.k12.us is listed twice" },
        ]);
    });

    it("invites only testers who are neither members nor invited (SSO-9); never re-invites; a second create sends no POST", async () => {
        const p = await provider();
        ws.emulator.seedUser(WORKSPACE_ID, { email: "it.pilot@lincoln.k12.us", source: "invite" }); // already a member
        const byHand = await ws.call("POST", "/invites", { email: "office.pilot@staff.lincoln.k12.us" }); // invited by a person
        assert.equal(byHand.status, 200);
        const created = await p.create({ workspaceId: WORKSPACE_ID, emails: TESTERS });
        assert.deepEqual(Object.keys(created.outs!.createdInvites), ["teacher.pilot@lincoln.k12.us"]);
        assert.deepEqual(created.outs!.skipped, ["it.pilot@lincoln.k12.us", "office.pilot@staff.lincoln.k12.us"]);
        assert.deepEqual(created.outs!.emails, TESTERS);
        assert.deepEqual(await pending(), ["office.pilot@staff.lincoln.k12.us", "teacher.pilot@lincoln.k12.us"]);

        const mark = ws.emulator.requestLog.length;
        const again = await p.create({ workspaceId: WORKSPACE_ID, emails: TESTERS });
        assert.deepEqual(ws.writesSince(mark), [], "everyone is a member or invited: nothing posted");
        assert.deepEqual(again.outs!.createdInvites, {}, "an invite this call did not make is never claimed");

        // Delete revokes only this stack's invite: the hand-made invite and the member stay.
        await p.delete!(created.id, created.outs as any);
        assert.deepEqual(await pending(), ["office.pilot@staff.lincoln.k12.us"]);
        assert.deepEqual(
            (await ws.list("/users")).map((u) => u.email),
            ["it.pilot@lincoln.k12.us"],
        );
    });

    it("read keeps this stack's invite when someone invites the same tester again, so delete still revokes it", async () => {
        const p = await provider();
        const created = await p.create({ workspaceId: WORKSPACE_ID, emails: [TESTERS[1]] });
        const ours = created.outs!.createdInvites["teacher.pilot@lincoln.k12.us"];
        const byHand = await ws.call("POST", "/invites", { email: TESTERS[1] });
        assert.equal(byHand.status, 200);
        const read = await p.read!(created.id, created.outs as any);
        assert.deepEqual(read.props!.createdInvites, { "teacher.pilot@lincoln.k12.us": ours });
        await p.delete!(created.id, read.props as any);
        const left = (await ws.list("/invites")).filter((i) => i.status === "pending").map((i) => i.id);
        assert.deepEqual(left, [byHand.body.id], "only the hand-made invite stays");
    });

    it("update invites added testers and revokes removed ones it invited; read reports an accepted invite as covered and a revoked one as drift; 404 on delete is success", async () => {
        const p = await provider();
        const created = await p.create({ workspaceId: WORKSPACE_ID, emails: TESTERS.slice(0, 2) });
        const ids = created.outs!.createdInvites;
        assert.deepEqual(
            await p.diff!(created.id, created.outs!, {
                workspaceId: WORKSPACE_ID,
                emails: ["TEACHER.pilot@lincoln.k12.us", "it.pilot@lincoln.k12.us"],
            }),
            { changes: false, replaces: [] },
        );
        const news = { workspaceId: WORKSPACE_ID, emails: [TESTERS[1], TESTERS[2]] };
        assert.deepEqual(await p.diff!(created.id, created.outs!, news), { changes: true, replaces: [] });
        let mark = ws.emulator.requestLog.length;
        const updated = await p.update!(created.id, created.outs!, news);
        assert.deepEqual(
            ws.writesSince(mark).map((r) => `${r.method} ${r.path.replace(/invites\/.+$/, "invites/{id}")}`),
            [
                `DELETE /v1/manage/workspaces/${WORKSPACE_ID}/invites/{id}`,
                `POST /v1/manage/workspaces/${WORKSPACE_ID}/invites`,
            ],
        );
        assert.equal(updated.outs!.createdInvites["teacher.pilot@lincoln.k12.us"], ids["teacher.pilot@lincoln.k12.us"]);
        assert.deepEqual(await pending(), ["office.pilot@staff.lincoln.k12.us", "teacher.pilot@lincoln.k12.us"]);

        // The teacher accepts (now a member); someone revokes the office invite in the console.
        ws.emulator.acceptInvite(WORKSPACE_ID, updated.outs!.createdInvites["teacher.pilot@lincoln.k12.us"]);
        await ws.call("DELETE", `/invites/${updated.outs!.createdInvites["office.pilot@staff.lincoln.k12.us"]}`);
        const read = await p.read!(created.id, updated.outs as any);
        assert.deepEqual(read.props!.emails, [TESTERS[1]], "the revoked tester is no longer covered: drift");
        assert.deepEqual(read.props!.createdInvites, {}, "neither invite is pending any more");
        assert.equal((await p.diff!(created.id, read.props as any, news)).changes, true);
        const healed = await p.update!(created.id, read.props as any, news);
        assert.deepEqual(
            Object.keys(healed.outs!.createdInvites),
            ["office.pilot@staff.lincoln.k12.us"],
            "invited again, the member is not",
        );

        mark = ws.emulator.requestLog.length;
        await p.delete!(created.id, {
            ...healed.outs,
            createdInvites: { ...healed.outs!.createdInvites, "gone@lincoln.k12.us": "invite-gone" },
        } as any);
        assert.deepEqual(
            ws
                .writesSince(mark)
                .map((r) => `${r.method} ${r.status}`)
                .sort(),
            ["DELETE 200", "DELETE 404"],
        );
        assert.deepEqual(
            (await ws.list("/users")).map((u) => u.email),
            ["teacher.pilot@lincoln.k12.us"],
            "a member is never removed",
        );
    });

    it("create never duplicates after a lost answer: it looks before posting again (8 seeded runs, 35% of answers lost)", async () => {
        let lostPosts = 0;
        for (let seed = 1; seed <= 8; seed++) {
            ws.emulator.reset();
            const p = await provider();
            ws.emulator.setFaults({ rateLostAnswer: 0.35, seed });
            const created = await p.create({ workspaceId: WORKSPACE_ID, emails: TESTERS });
            ws.emulator.setFaults({ rateLostAnswer: 0 });
            lostPosts += ws.requestsSince(0).filter((r) => r.method === "POST" && r.fault === "lost_answer").length;
            const invites = (await ws.list("/invites")).map((i) => i.email).sort();
            assert.deepEqual(
                invites,
                TESTERS.map((e) => e.toLowerCase()).sort(),
                `seed ${seed}: each tester invited exactly once`,
            );
            assert.deepEqual(
                Object.keys(created.outs!.createdInvites).sort(),
                TESTERS.map((e) => e.toLowerCase()).sort(),
                `seed ${seed}: every invite recorded as this stack's`,
            );
        }
        assert.ok(lostPosts >= 2, `some invite POSTs lost their answer (${lostPosts})`);
    });

    it("nothing half-applied: invites a failed create had sent are revoked again, so the next apply records them as its own", async () => {
        await ws.stop();
        ws = await startWorkspace({ maxObjectsPerWorkspace: 1, now: clock.now });
        const p = await provider();
        await assert.rejects(p.create({ workspaceId: WORKSPACE_ID, emails: TESTERS }), (err: Error) => {
            assert.match(
                err.message,
                /^PilotInvites: POST \/manage\/workspaces\/\S+\/invites failed .*; the 1 invite\(s\) this apply had sent were revoked again; run `pulumi up` again$/,
            );
            return true;
        });
        assert.deepEqual(await pending(), [], "the invite sent before the failure was revoked");
    });
});
