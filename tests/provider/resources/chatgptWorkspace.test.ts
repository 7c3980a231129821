import * as assert from "node:assert/strict";
import { overrideCredits } from "../../../provider/resources/chatgptWorkspace";

describe("provider/resources overrideCredits", () => {
    const limited = (amount: number, unit: "credit" | "usd") => ({
        override_monthly_usage_limit: { type: "limited" as const, limit_amount: { amount, unit } },
    });

    it("reads a credit override as its credits, no override as null, an unlimited one as unlimited", () => {
        assert.equal(overrideCredits(limited(50, "credit")), 50);
        assert.equal(overrideCredits({ override_monthly_usage_limit: null }), null);
        assert.equal(overrideCredits({ override_monthly_usage_limit: { type: "unlimited" } }), "unlimited");
    });

    it("never mistakes a limit set by hand in another unit for the same number of credits (read shows drift)", () => {
        assert.equal(overrideCredits(limited(50, "usd")), "50 usd");
    });
});
