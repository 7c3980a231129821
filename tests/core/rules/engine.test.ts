import { strict as assert } from "assert";
import * as fs from "node:fs";
import {
    Finding,
    MISSING_FACTS_ID,
    PartialTenantConfig,
    RULES,
    UNJUDGEABLE_RULES,
    evaluatePartialConfig,
    evaluateRules,
    findingsToJson,
    formatFindings,
    hasErrors,
} from "../../../core/rules";
import {
    CLEAN_FACTS,
    SCIM_ON,
    SSO_WIZARD,
    domainRuleIds,
    findingsOf,
    workspaceForm,
    tenantForm,
    summary,
} from "./support";
import { repoPath } from "../../support/paths";

describe("rules: engine and output", () => {
    it(
        "every id of ../shared/domain-rules.md is in exactly one of RULES and UNJUDGEABLE_RULES, and " +
            "nothing else is",
        () => {
            const ids = domainRuleIds();
            assert.ok(ids.length >= 35, `read ${ids.length} ids from domain-rules.md`);
            assert.ok(ids.includes("DOM-6") && ids.includes("SSO-12") && ids.includes("SCIM-7"));
            const checked = RULES.map((r) => r.id);
            const unjudgeable = UNJUDGEABLE_RULES.map((r) => r.id);
            assert.equal(new Set(checked).size, checked.length, "one RULES entry per rule id");
            for (const id of ids) {
                assert.equal(
                    Number(checked.includes(id as never)) + Number(unjudgeable.includes(id as never)),
                    1,
                    `${id} must be in exactly one list`,
                );
            }
            assert.deepEqual([...checked, ...unjudgeable].sort(), [...ids].sort());
            for (const r of UNJUDGEABLE_RULES) assert.ok(r.reason.length > 40, r.id);
        },
    );

    it(
        "README's rollout-rules section lists every judged rule in its table and every unjudgeable one in " +
            "the other",
        () => {
            const readme = fs.readFileSync(repoPath("README.md"), "utf8");
            const section = readme.slice(readme.indexOf("## Rollout rules"), readme.indexOf("### Facts"));
            const [judged, unjudged] = section.split("Rules that cannot be judged");
            const rowIds = (text: string) =>
                [...text.matchAll(/^\| ([A-Z0-9, -]+) \|/gm)].flatMap((m) => m[1].split(", "));
            assert.deepEqual(
                rowIds(judged)
                    .filter((id) => id !== "rule")
                    .sort(),
                RULES.map((r) => r.id).sort(),
            );
            assert.deepEqual(
                rowIds(unjudged)
                    .filter((id) => id !== "rule")
                    .sort(),
                UNJUDGEABLE_RULES.map((r) => r.id).sort(),
            );
        },
    );

    it("every judged rule says where it is judged: an engine check, the config gate, or both", () => {
        for (const rule of RULES) {
            assert.ok(rule.tenant || rule.workspace || rule.enforcedByConfig, `${rule.id} judges nothing`);
            assert.ok(rule.summary.length > 20, rule.id);
        }
        const gateOnly = RULES.filter((r) => !r.tenant && !r.workspace).map((r) => r.id);
        assert.deepEqual(gateOnly, ["DOM-2", "SSO-6", "SSO-12", "SCIM-7"]);
    });

    it("findings come out in rule order, then config order, the same on every run", () => {
        const config = workspaceForm(
            { sso: { ...SSO_WIZARD, stage: "enforced" }, apiPlatform: { ssoEnabled: true } },
            {
                scim: SCIM_ON,
                settings: { automaticAccountCreation: true },
                groups: [{ dimension: "ROLE", group: "Staff" }],
            },
        );
        const first = evaluateRules(config, CLEAN_FACTS);
        assert.deepEqual(evaluateRules(config, CLEAN_FACTS), first);
        const order = RULES.map((r) => r.id);
        const positions = first.map((f) => order.indexOf(f.id as never));
        assert.deepEqual(
            positions,
            [...positions].sort((a, b) => a - b),
        );
        assert.deepEqual(
            first.filter((f) => f.severity === "error").map((f) => f.id),
            ["SSO-2", "SCIM-3"],
        );
        assert.equal(hasErrors(first), true);
        assert.equal(hasErrors(first.filter((f) => f.severity !== "error")), false);
    });

    it("no finding leaks an internal name, a stack trace or 'undefined'", () => {
        const config = workspaceForm(
            { sso: { ...SSO_WIZARD, stage: "enforced" } },
            {
                scim: SCIM_ON,
                settings: { automaticAccountCreation: true },
                groups: [{ usage: "ANALYTICS", dimension: "ROLE", group: "Staff" }],
            },
        );
        for (const f of evaluateRules(config)) {
            const text = `${f.message} ${f.why} ${f.fix}`;
            assert.doesNotMatch(
                text,
                /undefined|\[object|at .*\.ts:|Error:|TenantConfig|evaluateRules\(/,
                `${f.id}: ${text}`,
            );
            assert.ok(f.message && f.why && f.fix, f.id);
        }
    });
});

describe("rules: tenant with two workspaces", () => {
    const tenant = tenantForm(
        {
            sso: { ...SSO_WIZARD, stage: "enabled", testedUsers: ["it.admin@lincoln.k12.us"] },
            apiPlatform: { ssoEnabled: true },
        },
        [
            {
                key: "staff",
                name: "Lincoln Staff",
                scim: SCIM_ON,
                settings: { automaticAccountCreation: true },
                groups: [{ dimension: "ROLE", group: "Staff" }],
            },
            {
                key: "students",
                name: "Lincoln Students",
                settings: { automaticAccountCreation: true },
                groups: [{ dimension: "ROLE", group: "Students" }],
            },
        ],
    );

    it("workspace rules run per workspace, with paths under each workspace and its key", () => {
        const findings = evaluateRules(tenant, CLEAN_FACTS);
        assert.deepEqual(summary(findings.filter((f) => f.id === "SCIM-3" || f.id === "GRP-2")), [
            "SCIM-3 error tenant.workspaces[0].settings.automaticAccountCreation @staff",
            "GRP-2 info tenant.workspaces[1].groups @students",
        ]);
        assert.deepEqual(summary(findings.filter((f) => f.id === "GRP-5")), [
            "GRP-5 info tenant.workspaces[0].phase @staff",
            "GRP-5 info tenant.workspaces[1].phase @students",
        ]);
    });

    it("tenant rules run once, with paths under tenant", () => {
        const findings = evaluateRules(tenant, CLEAN_FACTS);
        assert.deepEqual(
            summary(
                findings.filter((f) => ["SSO-3", "SSO-8", "SSO-10", "SSO-11", "WS-2", "WS-3", "DOM-6"].includes(f.id)),
            ),
            [
                "DOM-6 info tenant.domains",
                "SSO-3 info tenant.sso.stage",
                "SSO-8 info tenant.sso.stage",
                "SSO-10 info tenant.sso",
                "SSO-11 info tenant.domains",
                "WS-2 info tenant.domains",
                "WS-3 info tenant.domains",
            ],
        );
        assert.equal(
            findingsOf("SSO-10", tenant, CLEAN_FACTS)[0].message,
            "One SSO app in Microsoft Entra ID serves all 2 workspaces and the API Platform organizations " +
                "of the tenant.",
        );
    });

    it("an info that says the same thing for several workspaces is one finding listing every path", () => {
        const findings = findingsOf("SCIM-5", tenant, CLEAN_FACTS);
        assert.deepEqual(summary(findings), [
            "SCIM-5 info tenant.workspaces[0].settings.automaticAccountCreation, " +
                "tenant.workspaces[1].settings.automaticAccountCreation",
        ]);
        assert.equal(findings[0].workspace, undefined);
    });

    it("SSO-9 says where members come from in each workspace, once", () => {
        const [info] = findingsOf("SSO-9", tenant, CLEAN_FACTS);
        assert.equal(
            info.message,
            "Signing in through Microsoft Entra ID is not enough: a user also needs to be a member of a " +
                "workspace. " +
                "Members come from SCIM in Lincoln Staff and automatic account creation in Lincoln Students.",
        );
    });
});

describe("rules: facts (issue 9)", () => {
    const config = workspaceForm(
        { sso: { ...SSO_WIZARD, stage: "enabled", testedUsers: ["it.admin@lincoln.k12.us"] } },
        {
            scim: SCIM_ON,
            groups: [{ usage: "ANALYTICS", dimension: "FUNCTION", group: "Support" }],
        },
    );

    it(
        "without facts, no rule says it could not check; ONE last info lists the missing facts, their rules " +
            "and how to give them",
        () => {
            const findings = evaluateRules(config);
            const notes = findings.filter((f) => /could not|not checked/i.test(`${f.message} ${f.why}`));
            assert.deepEqual(summary(notes), ["FACTS info workspace.facts"]);
            const last = findings[findings.length - 1];
            assert.equal(last.id, MISSING_FACTS_ID);
            assert.equal(
                last.message,
                "Not checked without facts: domains another OpenAI organization holds (DOM-3); " +
                    "domains verified earlier (DOM-5); whether API Platform SSO is on (SSO-4); other IdP " +
                    "configurations (SSO-5, SSO-10); " +
                    "members who joined by automatic account creation or invite (SCIM-4); local workspace " +
                    "groups (GRP-3); " +
                    "group member counts (GRP-4).",
            );
            assert.equal(
                last.fix,
                "Set apiPlatform.ssoEnabled; list facts.domainsHeldElsewhere, facts.verifiedDomains and " +
                    "facts.otherIdpConfigurations under facts: in the stack config (no API shows them; an " +
                    "empty list means none); " +
                    "run `chatgpt-identity plan --live` or `chatgpt-identity verify` to read " +
                    "facts.unmanagedUsers, facts.localGroups and " +
                    "facts.groupMemberCounts from the workspace (or list them under facts:). Facts can also be " +
                    "passed to evaluateRules from TypeScript.",
            );
        },
    );

    it("with every fact given there is no FACTS line and DOM-3 and SSO-5 block, DOM-5 and GRP-3 warn", () => {
        assert.deepEqual(findingsOf(MISSING_FACTS_ID, config, CLEAN_FACTS), []);
        const facts = {
            ...CLEAN_FACTS,
            domainsHeldElsewhere: ["staff.lincoln.k12.us"],
            otherIdpConfigurations: [{ name: "Okta app ChatGPT (old pilot)", domains: ["lincoln.k12.us"] }],
            verifiedDomains: ["lincoln.k12.us", "staff.lincoln.k12.us", "lincolnusd.org"],
            localGroups: ["ANALYTICS_FUNCTION_Support"],
            groupMemberCounts: { ANALYTICS_FUNCTION_Support: 12 },
        };
        const judged = evaluateRules(config, facts).filter((f) => ["DOM-3", "SSO-5", "DOM-5", "GRP-3"].includes(f.id));
        assert.deepEqual(summary(judged), [
            "DOM-3 error workspace.domains[1].name",
            "DOM-5 warning workspace.domains",
            "SSO-5 error workspace.domains[0].name",
            "GRP-3 warning workspace.groups[0] @default",
        ]);
    });

    it("GRP-3 compares group names without case, as the config gate does", () => {
        const facts = { ...CLEAN_FACTS, localGroups: ["analytics_function_support"] };
        assert.deepEqual(
            findingsOf("GRP-3", config, facts).map((f) => f.message),
            [
                "A local workspace group named analytics_function_support already exists; SCIM will push a second " +
                    "group with the same name (ANALYTICS_FUNCTION_Support; names compare without case).",
            ],
        );
    });

    it("the config's facts section counts as given, and facts passed in win over it", () => {
        const withConfigFacts = { ...config, facts: { ...CLEAN_FACTS, domainsHeldElsewhere: ["lincoln.k12.us"] } };
        assert.deepEqual(summary(findingsOf("DOM-3", withConfigFacts)), ["DOM-3 error workspace.domains[0].name"]);
        assert.deepEqual(findingsOf(MISSING_FACTS_ID, withConfigFacts), []);
        assert.deepEqual(summary(findingsOf("SSO-4", withConfigFacts, { apiPlatformSsoEnabled: false })), [
            "SSO-4 error workspace.apiPlatform.ssoEnabled",
        ]);
    });

    it("only the facts still missing are listed; a fact a rule did not need is not", () => {
        const [line] = findingsOf(MISSING_FACTS_ID, config, {
            ...CLEAN_FACTS,
            localGroups: undefined,
            groupMemberCounts: undefined,
        });
        assert.equal(
            line.message,
            "Not checked without facts: local workspace groups (GRP-3); group member counts (GRP-4).",
        );
        const ssoOff = workspaceForm({}, {});
        const [offLine] = findingsOf(MISSING_FACTS_ID, ssoOff);
        assert.equal(
            offLine.message,
            "Not checked without facts: domains another OpenAI organization holds (DOM-3); domains " +
                "verified earlier (DOM-5).",
        );
    });
});

describe("rules: partial configs (shown with the config problems)", () => {
    const full = tenantForm({ sso: { ...SSO_WIZARD, stage: "enforced" } }, [
        {
            key: "staff",
            scim: SCIM_ON,
            settings: { automaticAccountCreation: true },
            groups: [{ dimension: "ROLE", group: "Staff" }],
        },
    ]);

    it("with the sso section refused, the workspace checks and the checks that do not read sso still run", () => {
        const { sso: _sso, ...rest } = full;
        const findings = evaluatePartialConfig(rest as PartialTenantConfig, CLEAN_FACTS);
        assert.deepEqual(
            findings.filter((f) => f.id.startsWith("SSO-")),
            [],
        );
        assert.deepEqual(summary(findings.filter((f) => f.severity !== "info")), [
            "SCIM-3 error tenant.workspaces[0].settings.automaticAccountCreation @staff",
        ]);
        assert.ok(findings.some((f) => f.id === "WS-2"));
    });

    it("with a workspace's settings refused, only that workspace's checks that read settings are skipped", () => {
        const partial = {
            ...full,
            workspaces: [{ ...full.workspaces[0], settings: undefined }],
        } as PartialTenantConfig;
        const findings = evaluatePartialConfig(partial, CLEAN_FACTS);
        assert.deepEqual(
            findings.filter((f) => f.id === "SCIM-3" || f.id === "SCIM-5"),
            [],
        );
        assert.deepEqual(summary(findings.filter((f) => f.severity === "error")), ["SSO-2 error tenant.sso.stage"]);
    });

    it("with no workspace parsed, tenant checks that do not read workspaces still run", () => {
        const { workspaces: _w, ...rest } = full;
        const findings = evaluatePartialConfig(rest as PartialTenantConfig, {
            ...CLEAN_FACTS,
            domainsHeldElsewhere: ["lincoln.k12.us"],
        });
        assert.deepEqual(summary(findings.filter((f) => f.severity !== "info")), [
            "DOM-3 error tenant.domains[0].name",
            "SSO-2 error tenant.sso.stage",
        ]);
    });

    it("a full config gives the same findings through both entry points", () => {
        assert.deepEqual(evaluatePartialConfig(full, CLEAN_FACTS), evaluateRules(full, CLEAN_FACTS));
    });
});

describe("rules: output", () => {
    const sample: Finding[] = [
        {
            id: "GRP-5",
            severity: "warning",
            path: "workspace.groups",
            message: "Too many groups.",
            why: "Small phases.",
            fix: "Hold some back.",
        },
        {
            id: "WS-3",
            severity: "info",
            path: "workspace.domains",
            message: "Migration prompt.",
            why: "Plus ends.",
            fix: "Tell users.",
        },
        {
            id: "SSO-2",
            severity: "error",
            path: "workspace.sso.stage",
            message: "Not tested.",
            why: "Lock-out.",
            fix: "Test first.",
        },
    ];

    it(
        "formatFindings groups by severity, errors first, each with path, message, why and fix; standing " +
            "explanations one line each, last",
        () => {
            const withNote: Finding[] = [
                ...sample,
                {
                    id: "SCIM-4",
                    severity: "info",
                    path: "workspace.scim.enabled",
                    message: "2 members are not SCIM-managed.",
                    why: "SCIM skips them.",
                    fix: "Add them to a group.",
                },
            ];
            assert.equal(
                formatFindings(withNote),
                [
                    "Preflight: 1 error, 1 warning, 2 notes.",
                    "",
                    "Errors (must be fixed before deploying):",
                    "  [SSO-2] workspace.sso.stage",
                    "    Not tested.",
                    "    Why: Lock-out.",
                    "    Fix: Test first.",
                    "",
                    "Warnings (check before deploying):",
                    "  [GRP-5] workspace.groups",
                    "    Too many groups.",
                    "    Why: Small phases.",
                    "    Fix: Hold some back.",
                    "",
                    "Information:",
                    "  [SCIM-4] workspace.scim.enabled",
                    "    2 members are not SCIM-managed.",
                    "    Why: SCIM skips them.",
                    "    Fix: Add them to a group.",
                    "",
                    "What this plan means for users (one line each; why and fix in --format json):",
                    "  [WS-3] Migration prompt.",
                ].join("\n"),
            );
            assert.equal(formatFindings([]), "Preflight: no findings.");
            assert.equal(formatFindings([], "Verify:"), "Verify: no findings.");
            assert.equal(formatFindings(withNote, "Verify:").split("\n")[0], "Verify: 1 error, 1 warning, 2 notes.");
        },
    );

    it("the standing explanations of a real plan are one line each", () => {
        const config = tenantForm({ sso: { ...SSO_WIZARD, stage: "enabled" }, apiPlatform: { ssoEnabled: true } }, [
            { key: "staff", scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] },
            {
                key: "students",
                scim: { ...SCIM_ON, baseUrl: "https://api.openai.com/scim/v2/students" },
                groups: [{ dimension: "ROLE", group: "Students" }],
            },
        ]);
        const text = formatFindings(evaluateRules(config, CLEAN_FACTS));
        const standing = text.slice(text.indexOf("What this plan means")).split("\n").slice(1);
        assert.deepEqual(
            standing.map((l) => l.slice(0, l.indexOf("]") + 1)),
            [
                "  [DOM-6]",
                "  [SSO-3]",
                "  [SSO-8]",
                "  [SSO-9]",
                "  [SSO-10]",
                "  [SSO-11]",
                "  [GRP-5]",
                "  [GRP-5]",
                "  [WS-2]",
                "  [WS-3]",
            ],
        );
        assert.doesNotMatch(text.slice(text.indexOf("What this plan means")), /Why: /);
    });

    it("findingsToJson gives counts, a blocking flag and the findings in order, with any workspace key", () => {
        const parsed = JSON.parse(findingsToJson([...sample, { ...sample[0], workspace: "staff" }]));
        assert.deepEqual(parsed.summary, { error: 1, warning: 2, info: 1, blocking: true });
        assert.deepEqual(parsed.findings, [...sample, { ...sample[0], workspace: "staff" }]);
        assert.deepEqual(JSON.parse(findingsToJson([])).summary, {
            error: 0,
            warning: 0,
            info: 0,
            blocking: false,
        });
    });
});
