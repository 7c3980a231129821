import { strict as assert } from "assert";
import { DOM6_EMAIL_CHANGE_STEPS, evaluateRules } from "../../../core/rules";
import { CLEAN_FACTS, SCIM_ON, SSO_WIZARD, findingsOf, workspaceForm, tenantForm, summary } from "./support";

describe("rules: domains (DOM-1, DOM-3, DOM-5, DOM-6)", () => {
    const testing = { ...SSO_WIZARD, stage: "testing" as const, testUsers: ["it.admin@lincoln.k12.us"] };

    it("DOM-1: SSO beyond off with a domain that has no TXT value and is not known verified is an error", () => {
        const config = workspaceForm({ sso: testing, domains: [{ name: "lincoln.k12.us" }] });
        const findings = findingsOf("DOM-1", config, { verifiedDomains: [] });
        assert.deepEqual(summary(findings), ["DOM-1 error workspace.domains[0].verificationToken"]);
        assert.equal(
            findings[0].message,
            'SSO is at stage "testing" but domain lincoln.k12.us has no verification TXT value, so it ' +
                "cannot be verified first.",
        );
        assert.match(findings[0].fix, /domains\[0\]\.verificationToken.*facts\.verifiedDomains/);
    });

    it("DOM-1: a token or a domain verified earlier satisfies it; SSO off needs nothing", () => {
        assert.deepEqual(findingsOf("DOM-1", workspaceForm({ sso: testing })), []);
        const noToken = workspaceForm({ sso: testing, domains: [{ name: "lincoln.k12.us" }] });
        assert.deepEqual(findingsOf("DOM-1", noToken, { verifiedDomains: ["lincoln.k12.us"] }), []);
        assert.deepEqual(findingsOf("DOM-1", workspaceForm({ domains: [{ name: "lincoln.k12.us" }] })), []);
    });

    it("DOM-1: without the verifiedDomains fact it still errors, and the fact joins the one FACTS line", () => {
        const noToken = workspaceForm({ sso: testing, domains: [{ name: "lincoln.k12.us" }] });
        assert.deepEqual(summary(findingsOf("DOM-1", noToken)), ["DOM-1 error workspace.domains[0].verificationToken"]);
        assert.match(findingsOf("FACTS", noToken)[0].message, /domains verified earlier \(DOM-1, DOM-5\)/);
    });

    it("DOM-3: a domain another organization holds is an error per domain, compared in lower case", () => {
        const config = workspaceForm();
        const findings = findingsOf("DOM-3", config, { domainsHeldElsewhere: ["Staff.Lincoln.K12.us"] });
        assert.deepEqual(summary(findings), ["DOM-3 error workspace.domains[1].name"]);
        assert.equal(findings[0].message, "staff.lincoln.k12.us is already verified by another OpenAI organization.");
        assert.deepEqual(findingsOf("DOM-3", config, { domainsHeldElsewhere: ["other.org"] }), []);
        assert.deepEqual(findingsOf("DOM-3", config), []);
    });

    it("DOM-5: a verified domain missing from the config is a warning naming it; a complete list passes", () => {
        const config = workspaceForm();
        const findings = findingsOf("DOM-5", config, {
            verifiedDomains: ["lincoln.k12.us", "staff.lincoln.k12.us", "lincolnusd.org"],
        });
        assert.deepEqual(summary(findings), ["DOM-5 warning workspace.domains"]);
        assert.equal(
            findings[0].message,
            "lincolnusd.org is verified in the tenant but not listed under domains: this plan removes or " +
                "renames it.",
        );
        assert.deepEqual(findingsOf("DOM-5", config, CLEAN_FACTS), []);
        assert.deepEqual(findingsOf("DOM-5", config), []);
    });

    it("DOM-6: one info when SSO or SCIM is on, pointing to the runbook; nothing when both are off", () => {
        const findings = findingsOf("DOM-6", workspaceForm({ sso: testing }));
        assert.deepEqual(summary(findings), ["DOM-6 info workspace.domains"]);
        assert.equal(
            findings[0].message,
            "A person whose address on lincoln.k12.us and staff.lincoln.k12.us changes (marriage, rename, " +
                "acquisition) appears as two users, and the old SAML profile stays mapped to the old " +
                "address until OpenAI support disassociates it.",
        );
        assert.match(
            findings[0].fix,
            /ask OpenAI support to disassociate the old SAML profile \(the runbook lists the steps\)\.$/,
        );
        assert.deepEqual(summary(findingsOf("DOM-6", workspaceForm({}, { scim: SCIM_ON }))), [
            "DOM-6 info workspace.domains",
        ]);
        assert.deepEqual(findingsOf("DOM-6", workspaceForm()), []);
        const tenant = tenantForm({ sso: testing }, [{ key: "staff" }, { key: "students" }]);
        assert.deepEqual(summary(findingsOf("DOM-6", tenant)), ["DOM-6 info tenant.domains"]);
        assert.ok(DOM6_EMAIL_CHANGE_STEPS.some((s) => /OpenAI support to disassociate the old SAML profile/.test(s)));
    });

    it("a clean config with full facts has no domain finding but the DOM-6 explanation", () => {
        const findings = evaluateRules(workspaceForm({ sso: testing }), CLEAN_FACTS).filter((f) =>
            f.id.startsWith("DOM-"),
        );
        assert.deepEqual(summary(findings), ["DOM-6 info workspace.domains"]);
    });
});
