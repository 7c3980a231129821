import { strict as assert } from "assert";
import { parseTenantConfig } from "../../../core/config/load";
import { ConfigForm } from "../../../core/config/model";
import { evaluatePartialRules, evaluateRules, partialTenantConfig } from "../../../core/rules";
import { CLEAN_FACTS, summary } from "./support";

const FACTS = { ...CLEAN_FACTS, verifiedDomains: ["lincoln.k12.us"] };

const SSO = {
    stage: "enabled",
    entityId: "https://auth.openai.com/saml/entity/lincoln",
    acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
    testUsers: ["it.admin@lincoln.k12.us"],
};
const BASE = {
    name: "Lincoln Unified School District",
    idp: "entra",
    domains: [{ name: "lincoln.k12.us" }],
    apiPlatform: { ssoEnabled: true },
};
const SCIM_AAC = {
    scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" },
    settings: { automaticAccountCreation: true },
};

/** The gate's problems, then the checks that still run beside them. */
function refused(raw: Record<string, unknown>, form: ConfigForm) {
    const result = parseTenantConfig(raw, form);
    assert.equal(result.ok, false, "the sample must be refused by the gate");
    const problems = result.ok ? [] : result.problems;
    return { problems, findings: evaluatePartialRules(raw, form, problems, FACTS) };
}

describe("rules: checks shown when the config gate refuses a config", () => {
    it("a refused sso section hides the SSO checks; SCIM-3 on the workspace still shows", () => {
        const { problems, findings } = refused(
            { ...BASE, sso: { ...SSO, stage: "on" }, ...SCIM_AAC, groups: [{ dimension: "ROLE", group: "Staff" }] },
            "workspace",
        );
        assert.deepEqual(
            problems.map((p) => p.path),
            ["workspace.sso.stage"],
        );
        assert.deepEqual(
            findings.filter((f) => f.id.startsWith("SSO-") || f.id === "DOM-1"),
            [],
        );
        assert.deepEqual(summary(findings.filter((f) => f.severity !== "info")), [
            "SCIM-3 error workspace.settings.automaticAccountCreation @default",
        ]);
        assert.ok(findings.some((f) => f.id === "SCIM-5") && findings.some((f) => f.id === "WS-2"));
    });

    it("a malformed group name hides the group checks but not the SSO and SCIM ones", () => {
        const raw = {
            ...BASE,
            sso: { ...SSO, stage: "enforced" },
            ...SCIM_AAC,
            groups: [{ dimension: "role", group: "Staff" }],
        };
        const { problems, findings } = refused(raw, "workspace");
        assert.deepEqual(
            problems.map((p) => `${p.rule} ${p.path}`),
            ["GRP-1 workspace.groups[0]"],
        );
        assert.deepEqual(summary(findings.filter((f) => f.severity !== "info")), [
            "SSO-2 error workspace.sso.stage",
            "SCIM-3 error workspace.settings.automaticAccountCreation @default",
        ]);
        assert.deepEqual(
            findings.filter((f) => f.id.startsWith("GRP-")),
            [],
        );
        assert.ok(
            findings.some((f) => f.id === "SSO-9"),
            "on Entra SSO-9 does not read the groups, so it runs",
        );
    });

    it("in the tenant form, one refused workspace field leaves the other workspaces' checks", () => {
        const raw = {
            ...BASE,
            sso: SSO,
            workspaces: [
                { key: "staff", name: "Staff", ...SCIM_AAC },
                {
                    key: "students",
                    name: "Students",
                    scim: { enabled: true, baseUrl: "http://not-https" },
                    settings: { automaticAccountCreation: true },
                },
            ],
        };
        const { problems, findings } = refused(raw, "tenant");
        assert.deepEqual(
            problems.map((p) => p.path),
            ["tenant.workspaces[1].scim.baseUrl"],
        );
        assert.deepEqual(summary(findings.filter((f) => f.id === "SCIM-3" || f.id === "SCIM-5")), [
            "SCIM-3 error tenant.workspaces[0].settings.automaticAccountCreation @staff",
            "SCIM-5 info tenant.workspaces[0].settings.automaticAccountCreation, " +
                "tenant.workspaces[1].settings.automaticAccountCreation",
        ]);
        const partial = partialTenantConfig(raw, "tenant", problems);
        assert.equal(partial.workspaces?.[1].scim, undefined);
        assert.deepEqual(
            partial.workspaces?.map((w) => w.path),
            ["tenant.workspaces[0]", "tenant.workspaces[1]"],
        );
    });

    it("the workspace form's old sso.apiPlatformSsoEnabled still counts for SSO-4", () => {
        const raw = {
            ...BASE,
            apiPlatform: {},
            sso: { ...SSO, apiPlatformSsoEnabled: false },
            groups: [{ dimension: "role", group: "Staff" }],
        };
        const { findings } = refused(raw, "workspace");
        assert.deepEqual(summary(findings.filter((f) => f.id === "SSO-4")), [
            "SSO-4 error workspace.apiPlatform.ssoEnabled",
        ]);
    });

    it("something that is not a mapping gives no findings; a config the gate accepts gives the full findings", () => {
        assert.deepEqual(
            evaluatePartialRules("not a mapping", "workspace", [{ path: "workspace", message: "expected a mapping" }]),
            [],
        );
        assert.deepEqual(
            evaluatePartialRules({ ...BASE, domains: "x" }, "workspace", [
                { path: "workspace.domains", message: "expected a list" },
            ]).filter((f) => f.id.startsWith("DOM-") || f.id === "FACTS"),
            [],
            "no domains, nothing said about domain facts",
        );
        const raw = { ...BASE, sso: { ...SSO, testedUsers: ["it.admin@lincoln.k12.us"] }, ...SCIM_AAC };
        const parsed = parseTenantConfig(raw, "workspace");
        assert.ok(parsed.ok);
        assert.deepEqual(evaluatePartialRules(raw, "workspace", [], FACTS), evaluateRules(parsed.config, FACTS));
    });
});
