import * as assert from "node:assert/strict";
import { Resolver } from "node:dns/promises";
import { startDnsServer } from "../support/dnsServer";

describe("test support: loopback DNS server", () => {
    it("answers TXT queries from its map, NXDOMAIN for unknown names, no data for other types", async () => {
        const dns = await startDnsServer();
        try {
            assert.match(dns.address, /^127\.0\.0\.1:\d+$/);
            const resolver = new Resolver({ timeout: 1000, tries: 1 });
            resolver.setServers([dns.address]);
            await assert.rejects(resolver.resolveTxt("lincoln.k12.us"), { code: "ENOTFOUND" });
            const long = "openai-domain-verification=" + "a".repeat(300);
            dns.setTxt("Lincoln.K12.us.", ["v=spf1 -all", long]);
            const records = await resolver.resolveTxt("lincoln.k12.us");
            assert.deepEqual(
                records.map((chunks) => chunks.join("")),
                ["v=spf1 -all", long],
            );
            assert.equal(records[1].length, 2, "values over 255 bytes are split into character-strings");
            await assert.rejects(resolver.resolve4("lincoln.k12.us"), { code: "ENODATA" });
            dns.setTxt("lincoln.k12.us", []);
            await assert.rejects(resolver.resolveTxt("lincoln.k12.us"), { code: "ENODATA" });
        } finally {
            await dns.stop();
        }
    });
});
