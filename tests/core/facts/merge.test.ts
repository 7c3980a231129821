import { strict as assert } from "assert";
import { TenantFacts as ConfigFacts } from "../../../core/config/schema";
import { FACTS, FACT_KEYS, TenantFacts, mergeFacts } from "../../../core/facts";

describe("facts: mergeFacts (config < live < API)", () => {
    it("the config's facts section is a TenantFacts (one fact model)", () => {
        const fromConfig: ConfigFacts = {
            domainsHeldElsewhere: ["a.org"],
            unmanagedUsers: [{ email: "x@a.org", source: "aac" }],
        };
        const asFacts: TenantFacts = fromConfig;
        assert.deepEqual(mergeFacts(asFacts), fromConfig);
    });

    it("no source gives no facts; undefined sources and fields are skipped, never erasing a fact", () => {
        assert.deepEqual(mergeFacts(), {});
        assert.deepEqual(mergeFacts(undefined, {}, undefined), {});
        assert.deepEqual(mergeFacts({ apiPlatformSsoEnabled: true }, { apiPlatformSsoEnabled: undefined }), {
            apiPlatformSsoEnabled: true,
        });
    });

    it("a later scalar wins; an empty list stays a fact ('none')", () => {
        assert.deepEqual(mergeFacts({ apiPlatformSsoEnabled: true }, { apiPlatformSsoEnabled: false }), {
            apiPlatformSsoEnabled: false,
        });
        assert.deepEqual(mergeFacts({ localGroups: [] }), { localGroups: [] });
    });

    it("lists of names are united in first-seen order; domains compare in lower case", () => {
        const merged = mergeFacts(
            { verifiedDomains: ["lincoln.k12.us"], domainsHeldElsewhere: ["Old.Lincoln.org"], localGroups: ["Pilot"] },
            { verifiedDomains: ["staff.lincoln.k12.us", "LINCOLN.k12.us"], localGroups: ["pilot", "Pilot"] },
        );
        assert.deepEqual(merged, {
            verifiedDomains: ["lincoln.k12.us", "staff.lincoln.k12.us"],
            domainsHeldElsewhere: ["old.lincoln.org"],
            localGroups: ["Pilot", "pilot"],
        });
    });

    it(
        "IdP configurations merge by name, users by email and workspace, member counts by group; later " +
            "entries win",
        () => {
            const merged = mergeFacts(
                {
                    otherIdpConfigurations: [
                        { name: "old pilot", domains: ["a.org"] },
                        { name: "students", domains: ["s.org"] },
                    ],
                    unmanagedUsers: [
                        { email: "Pat@a.org", source: "unknown" },
                        { email: "kim@a.org", source: "aac" },
                    ],
                    groupMemberCounts: { ROLE_Staff: 4, ROLE_Teachers: 30 },
                },
                {
                    otherIdpConfigurations: [{ name: "old pilot", domains: ["a.org", "b.org"], entityId: "urn:x" }],
                    unmanagedUsers: [
                        { email: "pat@a.org", source: "invite" },
                        { email: "kim@a.org", source: "aac", workspace: "staff" },
                    ],
                    groupMemberCounts: { ROLE_Staff: 12 },
                },
            );
            assert.deepEqual(merged, {
                otherIdpConfigurations: [
                    { name: "old pilot", domains: ["a.org", "b.org"], entityId: "urn:x" },
                    { name: "students", domains: ["s.org"] },
                ],
                unmanagedUsers: [
                    { email: "pat@a.org", source: "invite" },
                    { email: "kim@a.org", source: "aac" },
                    { email: "kim@a.org", source: "aac", workspace: "staff" },
                ],
                groupMemberCounts: { ROLE_Staff: 12, ROLE_Teachers: 30 },
            });
        },
    );

    it("FACTS describes every fact key once, each with at least one source", () => {
        const keys: (keyof Required<TenantFacts>)[] = [
            "domainsHeldElsewhere",
            "otherIdpConfigurations",
            "verifiedDomains",
            "apiPlatformSsoEnabled",
            "localGroups",
            "unmanagedUsers",
            "groupMemberCounts",
        ];
        assert.deepEqual([...FACT_KEYS].sort(), [...keys].sort());
        for (const f of FACTS) assert.ok(f.sources.length > 0 && f.describes.length > 5, f.key);
        assert.deepEqual(
            FACTS.filter((f) => f.sources.includes("live")).map((f) => f.key),
            ["unmanagedUsers", "localGroups", "groupMemberCounts"],
        );
    });
});
