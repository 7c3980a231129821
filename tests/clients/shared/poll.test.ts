import * as assert from "node:assert/strict";
import { isPollTimeout, pollUntil } from "../../../clients/shared/poll";
import { fakeClock } from "../chatgptAdmin/scriptedServer";

describe("clients/shared pollUntil", () => {
    it("returns the first value the check finds, pausing intervalMs between checks", async () => {
        const clock = fakeClock(0);
        let calls = 0;
        const found = await pollUntil(async () => (++calls === 3 ? { id: "g-1" } : undefined), {
            timeoutMs: 60000,
            intervalMs: 5000,
            describe: "group X",
            now: clock.now,
            sleep: clock.sleep,
        });
        assert.deepEqual(found, { id: "g-1" });
        assert.equal(calls, 3);
        assert.deepEqual(clock.sleeps, [5000, 5000]);
    });

    it("throws after timeoutMs, saying what it waited for and how often it looked", async () => {
        const clock = fakeClock(0);
        let calls = 0;
        const wait = pollUntil(
            async () => {
                calls++;
                return false;
            },
            {
                timeoutMs: 12000,
                intervalMs: 5000,
                now: clock.now,
                sleep: clock.sleep,
                describe: 'SCIM group "[USAGE]_STAFF_ALL" in workspace 6f1c2a9e (ROLE-2)',
            },
        );
        await assert.rejects(wait, (error: Error) => {
            assert.ok(isPollTimeout(error));
            assert.equal(
                error.message,
                'timed out after 12 s waiting for SCIM group "[USAGE]_STAFF_ALL" in ' +
                    "workspace 6f1c2a9e (ROLE-2) (4 checks, every 5000 ms)",
            );
            return true;
        });
        assert.equal(calls, 4);
        assert.deepEqual(clock.sleeps, [5000, 5000, 2000]);
    });

    it("stops at once when the check throws", async () => {
        const clock = fakeClock(0);
        await assert.rejects(
            pollUntil(
                async () => {
                    throw new Error("401 from the API");
                },
                { timeoutMs: 60000, intervalMs: 1000, describe: "x", now: clock.now, sleep: clock.sleep },
            ),
            /^Error: 401 from the API$/,
        );
        assert.deepEqual(clock.sleeps, []);
    });
});
