import { strict as assert } from "assert";
import { parseTenantConfig } from "../../../core/config/load";
import { ConfigForm } from "../../../core/config/model";
import { RULES, RuleId } from "../../../core/rules";

const SSO = {
    stage: "testing",
    entityId: "https://auth.openai.com/saml/entity/lincoln",
    acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
    testUsers: ["it.admin@lincoln.k12.us"],
};
const BASE = {
    name: "Lincoln Unified School District",
    idp: "entra",
    domains: [{ name: "lincoln.k12.us" }],
    sso: SSO,
};
const SCIM = (n: number) => ({ enabled: true, baseUrl: `https://api.openai.com/scim/v2/lincoln-${n}` });
const workspaces = (...entries: Record<string, unknown>[]) => ({
    ...BASE,
    workspaces: entries.map((e, i) => ({ key: `ws-${i}`, name: `Workspace ${i}`, ...e })),
});

/**
 * For each rule whose part is enforced by the config gate: a config that breaks that part, and where the gate
 * says so.
 */
const BROKEN: { rule: RuleId; form: ConfigForm; raw: Record<string, unknown>; path: string }[] = [
    {
        rule: "DOM-2",
        form: "workspace",
        raw: { ...BASE, sso: { ...SSO, testUsers: ["pat@hs.lincoln.k12.us"] } },
        path: "workspace.sso.testUsers[0]",
    },
    {
        rule: "SSO-1",
        form: "workspace",
        raw: { ...BASE, sso: { ...SSO, stage: "on" } },
        path: "workspace.sso.stage",
    },
    {
        rule: "SSO-1",
        form: "tenant",
        raw: { ...workspaces({}), sso: { ...SSO, enforced: true } },
        path: "tenant.sso.enforced",
    },
    {
        rule: "SSO-2",
        form: "workspace",
        raw: { ...BASE, sso: { ...SSO, testGroup: "TESTING_SSO_Pilot" } },
        path: "workspace.sso.testGroup",
    },
    {
        rule: "SSO-6",
        form: "workspace",
        raw: { ...BASE, sso: { ...SSO, assertionEncryption: true } },
        path: "workspace.sso.assertionEncryption",
    },
    {
        rule: "SSO-7",
        form: "workspace",
        raw: { ...BASE, sso: { ...SSO, claims: { given_name: null } } },
        path: "workspace.sso.claims.given_name",
    },
    {
        rule: "SSO-7",
        form: "workspace",
        raw: { ...BASE, idp: "okta", sso: { ...SSO, claims: { family_name: "user.surname" } } },
        path: "workspace.sso.claims.family_name",
    },
    {
        rule: "SSO-9",
        form: "workspace",
        raw: { ...BASE, invites: { testUsers: true } },
        path: "workspace.invites.testUsers",
    },
    {
        rule: "SSO-10",
        form: "tenant",
        raw: workspaces({ sso: SSO }),
        path: "tenant.workspaces[0].sso",
    },
    {
        rule: "SSO-12",
        form: "workspace",
        raw: { ...BASE, sso: { ...SSO, claims: { email: "user.employeeid" } } },
        path: "workspace.sso.claims.email",
    },
    {
        rule: "SSO-12",
        form: "tenant",
        raw: { ...workspaces({ scim: { ...SCIM(1), identifierSource: "user.userprincipalname" } }) },
        path: "tenant.sso.claims.email and tenant.workspaces[0].scim.identifierSource",
    },
    {
        rule: "SCIM-7",
        form: "tenant",
        raw: workspaces({ scim: SCIM(1) }, { scim: SCIM(1) }),
        path: "tenant.workspaces[0].scim.baseUrl and tenant.workspaces[1].scim.baseUrl",
    },
    {
        rule: "GRP-1",
        form: "workspace",
        raw: { ...BASE, groups: [{ dimension: "Function", group: "Lincoln_Elementary" }] },
        path: "workspace.groups[0]",
    },
    {
        rule: "ROLE-1",
        form: "workspace",
        raw: { ...BASE, customRoles: [{ name: "Publishers", grants: ["-publish-gpts"] }] },
        path: "workspace.customRoles[0].grants[0]",
    },
    {
        rule: "ROLE-2",
        form: "workspace",
        raw: { ...BASE, customRoles: [{ name: "Publishers", grants: ["publish-gpts"], groups: ["ROLE_Teachers"] }] },
        path: "workspace.customRoles[0].groups[0]",
    },
    {
        rule: "ROLE-2",
        form: "workspace",
        raw: {
            ...BASE,
            apiPlatform: {
                roles: [{ name: "R", permissions: ["api.model.read"] }],
                roleMappings: [{ group: "ROLE_Staff", roles: ["R"] }],
            },
        },
        path: "workspace.apiPlatform.roleMappings[0].group",
    },
];

describe("rules: the parts enforced by the config gate (each check exists once)", () => {
    it("every rule that says the gate enforces part of it has a broken config here", () => {
        const claimed = RULES.filter((r) => r.enforcedByConfig !== undefined).map((r) => r.id);
        assert.deepEqual([...new Set(BROKEN.map((b) => b.rule))].sort(), [...claimed].sort());
    });

    for (const broken of BROKEN) {
        it(`${broken.rule}: the gate refuses it at ${broken.path} with the rule id, why and fix`, () => {
            const result = parseTenantConfig(broken.raw, broken.form);
            assert.equal(result.ok, false);
            const problems = result.ok ? [] : result.problems;
            const problem = problems.find((p) => p.path === broken.path);
            assert.ok(problem, `no problem at ${broken.path}: ${JSON.stringify(problems)}`);
            assert.equal(problem.rule, broken.rule);
            assert.ok(problem.why && problem.fix, `${broken.rule} at ${broken.path} lacks why or fix`);
        });
    }

    it("the same configs, repaired, pass the gate (the samples break one thing each)", () => {
        assert.equal(parseTenantConfig(BASE, "workspace").ok, true);
        assert.equal(parseTenantConfig(workspaces({ scim: SCIM(1) }, { scim: SCIM(2) }), "tenant").ok, true);
    });
});
