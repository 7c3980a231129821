import * as assert from "node:assert/strict";
import { loadStackConfig } from "../../../core/config/load";
import { evaluatePartialRules, evaluateRules, Finding } from "../../../core/rules";
import { minimalWorkspace as minimal } from "./support";

const SSO_ENFORCED = {
    stage: "enforced",
    entityId: "https://chatgpt.com/sso/saml/lincoln",
    acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
    testUsers: ["pilot@lincoln.k12.us"],
    testedUsers: ["pilot@lincoln.k12.us"],
};
const THREE_GROUPS = [
    { dimension: "ROLE", group: "Teachers" },
    { dimension: "ROLE", group: "Staff" },
    { dimension: "ROLE", group: "Counselors" },
];
const SCIM_ON = { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" };

const withPartialRules = {
    evaluate: (config: Parameters<typeof evaluateRules>[0]) => evaluateRules(config),
    evaluatePartial: evaluatePartialRules,
};

function stack(workspace: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { "chatgpt-identity:workspace": JSON.stringify(workspace), ...extra };
}

const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.id} ${f.severity}`);

describe("config: a refused config still shows the rollout checks that can run (issue 10)", () => {
    it("one schema problem: the problem, and beside it the SSO-8 and GRP-5 findings of the sections that parsed", () => {
        const values = stack({
            ...minimal,
            sso: SSO_ENFORCED,
            groups: THREE_GROUPS,
            settings: { externalInvites: "yes" },
        });
        const result = loadStackConfig<Finding>(values, new Set(), withPartialRules);
        assert.equal(result.ok, false);
        assert.deepEqual(result.ok ? [] : result.problems, [
            { path: "workspace.settings.externalInvites", message: 'expected true or false, got a string ("yes")' },
        ]);
        assert.deepEqual(
            result.findings.find((f) => f.id === "SSO-8"),
            {
                id: "SSO-8",
                severity: "info",
                path: "workspace.sso.stage",
                message:
                    "SSO is enforced: provisioned users on lincoln.k12.us can no longer sign in with Google, Microsoft or Apple.",
                why: 'Users who used "Continue with Google" or Apple will see that option fail and must sign in through Microsoft Entra ID.',
                fix: "Tell users before enforcement; point help-desk tickets about Google/Apple sign-in to this change.",
            },
        );
        const grp5 = result.findings.find((f) => f.id === "GRP-5" && f.severity === "warning");
        assert.equal(
            grp5?.message,
            "Phase pilot expects a pilot of 1–2 stable groups, and 3 are declared (ROLE_Teachers, ROLE_Staff and ROLE_Counselors).",
        );
    });

    it("is what the rule engine says about the sections that parsed, and nothing without evaluatePartial", () => {
        const raw = { ...minimal, sso: SSO_ENFORCED, groups: THREE_GROUPS, settings: { externalInvites: "yes" } };
        const result = loadStackConfig<Finding>(stack(raw), new Set(), withPartialRules);
        const problems = result.ok ? [] : result.problems;
        assert.deepEqual(result.findings, evaluatePartialRules(raw, "workspace", problems));
        assert.deepEqual(loadStackConfig<Finding>(stack(raw), new Set(), { evaluate: evaluateRules }).findings, []);
    });

    it("a cross-field refusal (ROLE-2) keeps the findings of the other sections; the refused section is not judged", () => {
        const raw = {
            ...minimal,
            sso: SSO_ENFORCED,
            groups: THREE_GROUPS,
            customRoles: [{ name: "Publishers", grants: ["publish-gpts"], groups: ["ROLE_Principals"] }],
        };
        const result = loadStackConfig<Finding>(stack(raw), new Set(), withPartialRules);
        assert.deepEqual(result.ok ? [] : result.problems.map((p) => `${p.rule} ${p.path}`), [
            "ROLE-2 workspace.customRoles[0].groups[0]",
        ]);
        assert.ok(ids(result.findings).includes("SSO-8 info"), ids(result.findings).join(", "));
        assert.ok(ids(result.findings).includes("GRP-5 warning"), ids(result.findings).join(", "));
        assert.equal(
            result.findings.some((f) => f.id === "ROLE-2"),
            false,
            "ROLE-2 reads the refused customRoles",
        );
    });

    it("no findings when the stack key itself is missing or not a mapping", () => {
        assert.deepEqual(loadStackConfig<Finding>({}, new Set(), withPartialRules).findings, []);
        const notJson = { "chatgpt-identity:workspace": "{ not json" };
        assert.deepEqual(loadStackConfig<Finding>(notJson, new Set(), withPartialRules).findings, []);
    });
});

describe("config: loadStackConfig(values, { checkSecrets: false }) for read-only commands", () => {
    const entraScim = { ...minimal, scim: SCIM_ON };

    it("an apply needs the SCIM token; a read-only command does not look for it", () => {
        const apply = loadStackConfig(stack(entraScim), new Set());
        assert.deepEqual(apply.ok ? [] : apply.problems.map((p) => p.path), ["workspace.scim.enabled"]);
        const readOnly = loadStackConfig(stack(entraScim), { checkSecrets: false });
        assert.equal(readOnly.ok, true);
        assert.equal(readOnly.ok && readOnly.config.workspaces[0].scim.enabled, true);
    });

    it("also skips the plain-text secret check, and still refuses a bad config with every problem", () => {
        const plain = stack(entraScim, { "chatgpt-identity:scimToken": "tok" });
        assert.equal(loadStackConfig(plain, new Set()).ok, false);
        assert.equal(loadStackConfig(plain, { checkSecrets: false }).ok, true);
        const bad = loadStackConfig(stack({ ...entraScim, phase: "beta" }), { checkSecrets: false });
        assert.deepEqual(bad.ok ? [] : bad.problems.map((p) => p.path), ["workspace.phase"]);
    });

    it("runs the rule engine and partial rules as with secrets", () => {
        const ok = loadStackConfig<Finding>(stack({ ...minimal, groups: THREE_GROUPS }), {
            checkSecrets: false,
            evaluate: (config) => evaluateRules(config),
        });
        assert.ok(ids(ok.findings).includes("GRP-5 warning"));
        const refused = loadStackConfig<Finding>(stack({ ...minimal, groups: THREE_GROUPS, phase: "beta" }), {
            checkSecrets: false,
            ...withPartialRules,
        });
        assert.equal(refused.ok, false);
        assert.ok(ids(refused.findings).includes("WS-2 info"), ids(refused.findings).join(", "));
        assert.equal(
            refused.findings.some((f) => f.id === "GRP-5"),
            false,
            "GRP-5 reads the refused phase",
        );
    });
});
