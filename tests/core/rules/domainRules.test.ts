import { strict as assert } from "assert";
import { evaluateRules } from "../../../core/rules";
import { CLEAN_FACTS, SSO_BASE, findingsOf, makeConfig, summary } from "./support";

describe("rules: domains (DOM-1, DOM-2, DOM-3, DOM-5)", () => {
    const testing = { ...SSO_BASE, stage: "testing" as const, testUsers: ["it.admin@lincoln.k12.us"] };

    it("DOM-1: SSO beyond off with a domain that has no TXT value and no managed workspace is an error", () => {
        const config = makeConfig({ sso: testing, domains: [{ name: "lincoln.k12.us" }] });
        const [f, ...rest] = findingsOf("DOM-1", config);
        assert.equal(rest.length, 0);
        assert.equal(f.severity, "error");
        assert.equal(f.path, "workspace.domains[0].verificationToken");
        assert.equal(f.message, 'SSO is at stage "testing" but domain lincoln.k12.us has no verification TXT value, so it cannot be verified first.');
        assert.match(f.fix, /domains\[0\]\.verificationToken/);
    });

    it("DOM-1: a token, a managed workspace or an already verified domain satisfies it; SSO off needs nothing", () => {
        assert.deepEqual(findingsOf("DOM-1", makeConfig({ sso: testing })), []);
        assert.deepEqual(findingsOf("DOM-1", makeConfig({ sso: testing, domains: [{ name: "lincoln.k12.us" }], manageWorkspace: true })), []);
        assert.deepEqual(findingsOf("DOM-1", makeConfig({ sso: testing, domains: [{ name: "lincoln.k12.us" }] }), { verifiedDomains: ["lincoln.k12.us"] }), []);
        assert.deepEqual(findingsOf("DOM-1", makeConfig({ domains: [{ name: "lincoln.k12.us" }] })), []);
    });

    it("DOM-1: no domains at all (a config built without the loader) is an error on workspace.domains", () => {
        const config = { ...makeConfig({ sso: testing }), domains: [] };
        assert.deepEqual(summary(findingsOf("DOM-1", config)), ["DOM-1 error workspace.domains"]);
    });

    it("DOM-2: an address on an unlisted subdomain is an error even when the schema was bypassed", () => {
        const base = makeConfig({ sso: testing });
        const config = { ...base, sso: { ...base.sso, testUsers: ["pat@hs.lincoln.k12.us"] } };
        const findings = findingsOf("DOM-2", config);
        assert.deepEqual(summary(findings), ["DOM-2 error workspace.sso.testUsers[0]"]);
        assert.equal(findings[0].message, "pat@hs.lincoln.k12.us is on hs.lincoln.k12.us, a subdomain of lincoln.k12.us; a subdomain is not covered by its parent's verification.");
        assert.equal(findings[0].fix, "Add { name: hs.lincoln.k12.us } to domains and verify it, or use an address on lincoln.k12.us and staff.lincoln.k12.us.");
    });

    it("DOM-2: group members on listed domains pass; a member on another domain fails", () => {
        const ok = makeConfig({ groups: [{ dimension: "ROLE", group: "Staff", members: ["a@staff.lincoln.k12.us"] }] });
        assert.deepEqual(findingsOf("DOM-2", ok), []);
        const bad = { ...ok, groups: [{ ...ok.groups[0], members: ["a@gmail.com"] }] };
        assert.deepEqual(summary(findingsOf("DOM-2", bad)), ["DOM-2 error workspace.groups[0].members[0]"]);
    });

    it("DOM-3: a domain another organization holds is an error; without facts it is an info", () => {
        const config = makeConfig();
        assert.deepEqual(summary(findingsOf("DOM-3", config, { domainsClaimedElsewhere: ["staff.lincoln.k12.us"] })), ["DOM-3 error workspace.domains[1].name"]);
        assert.deepEqual(findingsOf("DOM-3", config, { domainsClaimedElsewhere: ["other.org"] }), []);
        assert.deepEqual(summary(findingsOf("DOM-3", config)), ["DOM-3 info workspace.domains"]);
    });

    it("DOM-5: a verified domain missing from the config is a warning naming it; a complete list passes", () => {
        const config = makeConfig();
        const findings = findingsOf("DOM-5", config, { verifiedDomains: ["lincoln.k12.us", "staff.lincoln.k12.us", "lincolnusd.org"] });
        assert.deepEqual(summary(findings), ["DOM-5 warning workspace.domains"]);
        assert.equal(findings[0].message, "lincolnusd.org is verified in the workspace but no longer listed under domains.");
        assert.deepEqual(findingsOf("DOM-5", config, CLEAN_FACTS), []);
        assert.deepEqual(summary(findingsOf("DOM-5", config)), ["DOM-5 info workspace.domains"]);
    });

    it("a clean config with full facts has no domain findings at all", () => {
        const findings = evaluateRules(makeConfig({ sso: testing }), CLEAN_FACTS).filter((f) => f.id.startsWith("DOM-"));
        assert.deepEqual(findings, []);
    });
});
