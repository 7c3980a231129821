import * as assert from "node:assert/strict";
import {
    DEFAULT_RETRY_POLICY,
    backoffDelay,
    isNotAppliedStatus,
    parseRetryAfter,
} from "../../../clients/shared/retryPolicy";

describe("clients/shared retryPolicy", () => {
    it("reads Retry-After as seconds or an HTTP date", () => {
        const now = Date.parse("2026-11-25T12:00:00Z");
        assert.equal(parseRetryAfter("7", now), 7000);
        assert.equal(parseRetryAfter("Wed, 25 Nov 2026 12:00:09 GMT", now), 9000);
        assert.equal(parseRetryAfter("Wed, 25 Nov 2026 11:59:00 GMT", now), 0);
        assert.equal(parseRetryAfter("soon", now), undefined);
        assert.equal(parseRetryAfter(null, now), undefined);
    });

    it("backs off exponentially with jitter, never shorter than Retry-After", () => {
        const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };
        assert.deepEqual(
            [1, 2, 3, 10].map((n) => backoffDelay(policy, n)),
            [125, 250, 500, 4000],
        );
        assert.equal(backoffDelay(policy, 1, 3000), 3000);
        assert.equal(backoffDelay(policy, 1, 10 * 60000), 60000);
    });

    it("a 503 proves nothing was applied only with Retry-After in the strict reading", () => {
        assert.equal(isNotAppliedStatus(429), true);
        assert.equal(isNotAppliedStatus(503), true);
        assert.equal(isNotAppliedStatus(503, { requireRetryAfterOn503: true }), false);
        assert.equal(isNotAppliedStatus(503, { requireRetryAfterOn503: true, retryAfterPresent: true }), true);
        assert.equal(isNotAppliedStatus(500), false);
        assert.equal(isNotAppliedStatus(undefined), false);
    });
});
