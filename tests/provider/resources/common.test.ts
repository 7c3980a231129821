import * as assert from "node:assert/strict";
import { forEachLimited, inContext } from "../../../provider/resources/common";
import { chatgptCredentials, readProviderSettings } from "../../../provider/resources/providerSettings";

describe("provider/resources common: forEachLimited", () => {
    it("runs at most `limit` items at a time and every item once", async () => {
        let running = 0;
        let peak = 0;
        const done: number[] = [];
        await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((r) => setTimeout(r, 5));
            done.push(n);
            running--;
        });
        assert.equal(peak, 3);
        assert.deepEqual([...done].sort(), [1, 2, 3, 4, 5, 6, 7]);
    });

    it("after a failure starts no new item and rejects only once the items under way have finished", async () => {
        const started: number[] = [];
        let inFlight = 0;
        await assert.rejects(
            forEachLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
                started.push(n);
                inFlight++;
                try {
                    if (n === 1) throw new Error("item 1 failed");
                    await new Promise((r) => setTimeout(r, 30));
                } finally {
                    inFlight--;
                }
            }),
            (err: Error) => {
                assert.equal(err.message, "item 1 failed");
                assert.equal(inFlight, 0, "nothing still running when the failure is reported");
                return true;
            },
        );
        assert.deepEqual(started, [1, 2], "no item started after the failure");
    });
});

describe("provider/resources common: inContext", () => {
    it("redacts a tenant-form workspace's own Admin key (chatgpt-identity:adminKey-<key>) from any error", async () => {
        const key = "sk-admin-north-0123456789";
        const values: Record<string, string> = { "chatgpt-identity:adminKey-north": key };
        const settings = readProviderSettings({ get: (k) => values[k], require: (k) => values[k] });
        const credentials = chatgptCredentials(settings, "adminKey-north", {});
        assert.equal(credentials.adminKey(), key);
        await assert.rejects(
            inContext(
                "GroupUsageLimits",
                () => settings,
                async () => {
                    throw new Error(`the proxy echoed Bearer ${key}`);
                },
            ),
            (e: Error) => e.message === "GroupUsageLimits: the proxy echoed Bearer [redacted]",
        );
    });
});
