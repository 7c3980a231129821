import * as assert from "node:assert/strict";
import { judgeLiveState } from "../../verify/verifyTenant";
import { group, healthySnapshot, invite, liveState, snapshot, tenantConfig, user } from "./support";

const ids = (findings: { id: string; severity: string; path: string }[]) =>
    findings.map((f) => `${f.id} ${f.severity} ${f.path}`);

describe("verify: holding the live workspace against the config", () => {
    it("a healthy pilot has no findings, every check passes and the checklist is done but for the by-hand item", () => {
        const config = tenantConfig();
        const report = judgeLiveState(config, liveState(config, healthySnapshot()));
        assert.deepEqual(report.findings, []);
        assert.deepEqual(
            report.checks.map((c) => `${c.rule} ${c.subject} ${c.status}`),
            [
                "DOM-1 lincoln.k12.us pass",
                "DOM-1 staff.lincoln.k12.us pass",
                "GRP-2 FUNCTION_Teachers pass",
                "GRP-2 ANALYTICS_SCHOOL_Lincoln-High pass",
                "GRP-4 ANALYTICS_SCHOOL_Lincoln-High pass",
                "SCIM-4 default pass",
                "DOM-2 default pass",
                "SCIM-5 default pass",
                "SSO-9 pilot.one@lincoln.k12.us pass",
                "SSO-9 pilot.two@lincoln.k12.us pass",
            ],
        );
        assert.deepEqual(
            report.workspaces[0].checklist.map((i) => `${i.status}: ${i.text}`),
            [
                "done: Pilot scope: 1–2 stable groups",
                "done: Users appear as expected (managed vs. manual)",
                "done: Group sync appears as expected",
                "by-hand: Joiner/leaver flow works as intended",
                "done: Existing manually invited users become SCIM-managed once matched by email and assigned " +
                    "to a synced group",
            ],
        );
        assert.deepEqual(report.workspaces[0].counts, {
            members: 3,
            scimManaged: 3,
            notScimManaged: 0,
            pendingInvites: 0,
            groups: 3,
        });
        assert.deepEqual(report.unreadable, []);
    });

    it("GRP-2: declared groups SCIM has not pushed are errors, and the GRP-5 checklist says what is next", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.groups = [];
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), [
            "GRP-2 error workspace.groups[0]",
            "GRP-2 error workspace.groups[1]",
            "GRP-5 info workspace.phase",
        ]);
        assert.deepEqual(report.findings[0], {
            id: "GRP-2",
            severity: "error",
            path: "workspace.groups[0]",
            message: 'Group FUNCTION_Teachers has not been pushed to workspace "Lincoln Public Schools" by SCIM.',
            why:
                "Groups come from the IdP through SCIM (GRP-2); until it arrives, its members get no group-based " +
                "access, limits or analytics.",
            fix:
                "In Microsoft Entra ID, assign FUNCTION_Teachers to this workspace's SCIM app and start (or wait " +
                "for) provisioning, then run verify again.",
        });
        assert.deepEqual(report.findings[2], {
            id: "GRP-5",
            severity: "info",
            path: "workspace.phase",
            message:
                'Pilot validation of workspace "Lincoln Public Schools": 3 of 5 items done; open: Group sync ' +
                "appears as expected.",
            why: "Roll out in phases (GRP-5): widen to the next phase only once this phase's validation list holds.",
            fix:
                "assign FUNCTION_Teachers, ANALYTICS_SCHOOL_Lincoln-High to the SCIM app in Microsoft Entra ID and " +
                "let it push them (GRP-2).",
        });
    });

    it("GRP-3: a local group with a declared name is a warning, besides GRP-2 when SCIM has not pushed it", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.groups[0] = group("FUNCTION_Teachers", false);
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), [
            "GRP-2 error workspace.groups[0]",
            "GRP-3 warning workspace.groups[0]",
            "GRP-5 info workspace.phase",
        ]);
        assert.equal(
            report.findings[1].message,
            'Workspace "Lincoln Public Schools" has a local group named FUNCTION_Teachers.',
        );
        assert.equal(
            report.checks.find((c) => c.rule === "GRP-2" && c.subject === "FUNCTION_Teachers")?.detail,
            "not pushed by SCIM (only a local group of that name)",
        );
    });

    it("GRP-3 also when the SCIM group arrived next to a local one of the same name", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.groups.push(group("FUNCTION_Teachers", false));
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), ["GRP-3 warning workspace.groups[0]", "GRP-5 info workspace.phase"]);
        assert.equal(
            report.findings[0].message,
            'Workspace "Lincoln Public Schools" has a local group named FUNCTION_Teachers besides the one SCIM pushed.',
        );
    });

    it("GRP-4: an ANALYTICS group under 10 members is a warning with its count", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.memberCounts[snap.groups[1].id] = 4;
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(report.findings, [
            {
                id: "GRP-4",
                severity: "warning",
                path: "workspace.groups[1]",
                message:
                    'Analytics group ANALYTICS_SCHOOL_Lincoln-High has 4 members in workspace "Lincoln Public ' +
                    'Schools", fewer than 10.',
                why:
                    "Analytics show aggregate trends only for groups of at least 10 people; smaller groups show " +
                    "nothing or risk identifying individuals (GRP-4).",
                fix:
                    "Add members to ANALYTICS_SCHOOL_Lincoln-High in Microsoft Entra ID, merge it into a larger " +
                    "group, or drop the ANALYTICS usage prefix.",
            },
        ]);
    });

    it("ROLE-2: a custom role mapped to a group that is not in the workspace yet is an error", () => {
        const config = tenantConfig(
            {},
            { customRoles: [{ name: "GPT publishers", groups: ["ANALYTICS_SCHOOL_Lincoln-High"] }] },
        );
        const snap = healthySnapshot();
        snap.groups.splice(1, 1);
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), [
            "GRP-2 error workspace.groups[1]",
            "ROLE-2 error workspace.customRoles[0].groups[0]",
            "GRP-5 info workspace.phase",
        ]);
        assert.equal(
            report.findings[1].message,
            'Custom role "GPT publishers" is mapped to ANALYTICS_SCHOOL_Lincoln-High, which SCIM has not pushed ' +
                'to workspace "Lincoln Public Schools" yet.',
        );
    });

    it("with SCIM off, missing groups are an info and the SCIM checks are skipped", () => {
        const config = tenantConfig({}, { scim: { enabled: false } });
        const snap = healthySnapshot();
        snap.groups = [];
        snap.users = snap.users.map((u) => ({ ...u, is_scim_managed: false }));
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), [
            "GRP-2 info workspace.groups[0]",
            "GRP-2 info workspace.groups[1]",
            "GRP-5 info workspace.phase",
        ]);
        assert.deepEqual(
            report.checks.filter((c) => c.kind === "members").map((c) => `${c.rule} ${c.status}`),
            ["SCIM-4 skipped", "DOM-2 pass"],
        );
    });

    it("SCIM-4, SCIM-5 and DOM-2: members outside SCIM are counted by source, off-domain ones by domain", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.users.push(
            user("early.bird@lincoln.k12.us", false),
            user("coach@gmail.com", false),
            user("t9@eng.lincoln.k12.us"),
        );
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), [
            "SCIM-4 warning workspace.scim.enabled",
            "DOM-2 warning workspace.domains",
            "SCIM-5 info workspace.settings.automaticAccountCreation",
            "GRP-5 info workspace.phase",
        ]);
        assert.equal(
            report.findings[0].message,
            '2 of 6 members of workspace "Lincoln Public Schools" are not SCIM-managed: 2 invited by hand.',
        );
        assert.match(report.findings[0].fix, /Run verify with --details to list them\.$/);
        assert.equal(
            report.findings[1].message,
            '2 members of workspace "Lincoln Public Schools" have addresses on domains the config does not ' +
                "list: gmail.com (1), eng.lincoln.k12.us (1, a subdomain of lincoln.k12.us).",
        );
        assert.equal(
            report.findings[2].message,
            '1 member of workspace "Lincoln Public Schools" on listed domains arrived outside SCIM and is not a ' +
                "test user; if nobody invited them, automatic account creation is on in the console.",
        );
    });

    it(
        "SCIM-5 is a warning naming automatic account creation when the config has it on; --details names " +
            "the members",
        () => {
            const config = tenantConfig({}, { settings: { automaticAccountCreation: true } });
            const snap = healthySnapshot();
            snap.users.push(user("walk.in@lincoln.k12.us", false), user("pilot.extra@staff.lincoln.k12.us", false));
            const report = judgeLiveState(config, liveState(config, snap), { details: true });
            assert.deepEqual(ids(report.findings), [
                "SCIM-4 warning workspace.scim.enabled",
                "SCIM-5 warning workspace.settings.automaticAccountCreation",
                "GRP-5 info workspace.phase",
            ]);
            assert.equal(
                report.findings[0].message,
                '2 of 5 members of workspace "Lincoln Public Schools" are not SCIM-managed: 2 invited or by ' +
                    "automatic account creation. walk.in@lincoln.k12.us (unknown), pilot.extra@staff.lincoln.k12.us " +
                    "(unknown).",
            );
            assert.equal(
                report.findings[1].message,
                '2 members of workspace "Lincoln Public Schools" on listed domains arrived outside SCIM and are not ' +
                    "test users; automatic account creation is on in the config and is the likely source. " +
                    "walk.in@lincoln.k12.us, pilot.extra@staff.lincoln.k12.us.",
            );
            assert.doesNotMatch(report.findings[0].fix, /--details/);
        },
    );

    it("a test user invited by hand before SCIM counts under SCIM-4 but is not unexpected (SCIM-5)", () => {
        const config = tenantConfig();
        const snap = healthySnapshot();
        snap.users[0] = user("pilot.one@lincoln.k12.us", false);
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), ["SCIM-4 warning workspace.scim.enabled", "GRP-5 info workspace.phase"]);
        assert.equal(
            report.checks.find((c) => c.subject === "pilot.one@lincoln.k12.us")?.detail,
            'member of "Lincoln Public Schools", not SCIM-managed',
        );
        assert.deepEqual(
            report.workspaces[0].checklist.filter((i) => i.status === "open").map((i) => i.next),
            [
                "1 member is not SCIM-managed (SCIM-4)",
                "1 member on listed domains still not SCIM-managed: assign them to a synced group in Microsoft " +
                    "Entra ID (SCIM-4)",
            ],
        );
    });

    it(
        "SSO-9: a test user invited but not joined is a warning; one neither member nor invited an error " +
            "while SSO is on",
        () => {
            const config = tenantConfig();
            const snap = healthySnapshot();
            snap.users = snap.users.filter((u) => !u.email.startsWith("pilot."));
            snap.invites = [invite("Pilot.One@lincoln.k12.us")];
            const report = judgeLiveState(config, liveState(config, snap));
            const sso9 = report.findings.filter((f) => f.id === "SSO-9");
            assert.deepEqual(sso9, [
                {
                    id: "SSO-9",
                    severity: "warning",
                    path: "workspace.sso.testUsers[0]",
                    message:
                        'Test user pilot.one@lincoln.k12.us is invited to workspace "Lincoln Public Schools" but ' +
                        "has not joined yet.",
                    why:
                        "A successful IdP sign-in is not enough: access needs membership in the workspace (SSO-9), and " +
                        "an invite becomes membership only once accepted.",
                    fix:
                        "Ask pilot.one@lincoln.k12.us to accept the invitation email (resend it from the console if " +
                        "needed), then run verify again.",
                },
                {
                    id: "SSO-9",
                    severity: "error",
                    path: "workspace.sso.testUsers[1]",
                    message:
                        'Test user pilot.two@lincoln.k12.us is not a member of workspace "Lincoln Public Schools" ' +
                        "and has no pending invitation.",
                    why:
                        "Even after a successful IdP sign-in, access fails unless the user is a member of the workspace " +
                        "(SSO-9); the SSO test cannot pass for this user.",
                    fix:
                        "Assign pilot.two@lincoln.k12.us to the SCIM app (or a synced group) in Microsoft Entra ID, or " +
                        "set invites.testUsers: true on the workspace to invite the test users, then run verify again.",
                },
            ]);
            const off = judgeLiveState(
                tenantConfig({ sso: { stage: "off", testUsers: ["pilot.two@lincoln.k12.us"] } }),
                liveState(config, snap),
            );
            assert.deepEqual(ids(off.findings.filter((f) => f.id === "SSO-9")), [
                "SSO-9 warning workspace.sso.testUsers[0]",
            ]);
        },
    );

    it("a test user found in no read workspace is skipped, not failed, when another workspace was not read", () => {
        const base = tenantConfig({ form: "tenant" }, { path: "tenant.workspaces[0]" });
        const config = {
            ...base,
            workspaces: [
                base.workspaces[0],
                { ...base.workspaces[0], key: "students", name: "Students", path: "tenant.workspaces[1]" },
            ],
        };
        const snap = healthySnapshot();
        snap.users = snap.users.filter((u) => u.email !== "pilot.two@lincoln.k12.us");
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(
            report.checks.filter((c) => c.kind === "test user").map((c) => `${c.status}: ${c.detail}`),
            [
                'pass: member of "Lincoln Public Schools", SCIM-managed',
                'skipped: not a member of "Lincoln Public Schools"; students not read',
            ],
        );
        assert.deepEqual(
            report.findings.filter((f) => f.id === "SSO-9"),
            [],
        );
    });

    it("a workspace that cannot be read leaves its checks out and is reported as unreadable", () => {
        const config = tenantConfig();
        const live = liveState(config, snapshot());
        const unreadable = { workspace: "default", reason: "authentication" as const, message: "refused" };
        live.workspaces = [{ spec: config.workspaces[0], unreadable }];
        const report = judgeLiveState(config, live);
        assert.deepEqual(report.unreadable, [unreadable]);
        assert.deepEqual(report.findings, []);
        assert.deepEqual(
            report.checks.map((c) => c.kind),
            ["domain TXT record", "domain TXT record"],
        );
    });

    it("tenant form: paths use the workspace's own path and the tenant root", () => {
        const config = tenantConfig({ form: "tenant" }, { key: "high-school", path: "tenant.workspaces[1]" });
        const snap = healthySnapshot();
        snap.groups = snap.groups.slice(1);
        snap.users = snap.users.slice(1);
        const report = judgeLiveState(config, liveState(config, snap));
        assert.deepEqual(ids(report.findings), [
            "GRP-2 error tenant.workspaces[1].groups[0]",
            "GRP-5 info tenant.workspaces[1].phase",
            "SSO-9 error tenant.sso.testUsers[0]",
        ]);
    });
});
