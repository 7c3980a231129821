import * as assert from "node:assert/strict";
import { RunningEmulator, startEmulator } from "../../../emulator";
import { verifyMain } from "../../../cli/verify/runVerify";
import { VERIFY_EXIT } from "../../../cli/verify/exitCodes";
import { RunningDnsServer, startDnsServer } from "../../support/dnsServer";
import { ScimPush } from "../../verify/scimPush";
import { STAFF_TOKEN, TOKEN, WORKSPACE_ID, captureIo, workspaceForm, writeStack } from "./support";

const LINCOLN = { id: WORKSPACE_ID, adminKey: "emulator-admin-key-lincoln", scimToken: "emulator-scim-lincoln" };
const OTHER = {
    id: "0b7e4c1a-2f3d-4e5a-8b9c-1d2e3f4a5b6c",
    adminKey: "emulator-admin-key-other",
    scimToken: "emulator-scim-other",
};

type Json = {
    summary: Record<string, unknown>;
    findings: { id: string; severity: string; path: string; message: string }[];
    checks: { rule: string; subject: string; status: string; detail: string }[];
    workspaces: { counts: Record<string, number>; checklist: { text: string; status: string; next?: string }[] }[];
};

describe("cli verify: rehearsal against the emulator, a SCIM push and a DNS server on loopback", function () {
    this.timeout(30000);
    let emulator: RunningEmulator;
    let dns: RunningDnsServer;
    let stack: ReturnType<typeof writeStack>;
    let scim: ScimPush;

    beforeEach(async () => {
        emulator = await startEmulator({ workspaces: [LINCOLN, OTHER] });
        dns = await startDnsServer();
        stack = writeStack(workspaceForm());
        scim = new ScimPush(emulator.scimBaseUrl(LINCOLN.id), LINCOLN.scimToken);
        dns.setTxt("lincoln.k12.us", ["v=spf1 include:_spf.google.com -all", TOKEN]);
        dns.setTxt("staff.lincoln.k12.us", []);
    });
    afterEach(async () => {
        await emulator.stop();
        await dns.stop();
        stack.remove();
    });

    const verify = async (extra: string[] = [], ioOverrides = {}) => {
        const { io, stdout, stderr } = captureIo({ cwd: stack.dir, resolveTxt: undefined, ...ioOverrides });
        const code = await verifyMain(
            ["--base-url", emulator.apiBaseUrl, "--admin-key", LINCOLN.adminKey, "--dns-server", dns.address, ...extra],
            io,
        );
        return { code, stdout: stdout(), stderr: stderr() };
    };
    const verifyJson = async (extra: string[] = []) => {
        const r = await verify(["--format", "json", ...extra]);
        return { ...r, report: JSON.parse(r.stdout) as Json };
    };
    const line = (f: { id: string; severity: string; path: string }) => `${f.id} ${f.severity} ${f.path}`;

    /** The IdP's first provisioning cycle: the pilot cohort, then the two pilot groups with their members. */
    const pushPilot = async () => {
        const ids: Record<string, string> = {};
        const people: [string, string, string][] = [
            ["it.pilot@lincoln.k12.us", "Ida", "Pilot"],
            ["office.pilot@staff.lincoln.k12.us", "Otto", "Pilot"],
            ["early.teacher@lincoln.k12.us", "Erin", "Early"],
            ...Array.from({ length: 10 }, (_, i): [string, string, string] => [
                `t${i + 1}@lincoln.k12.us`,
                "Teacher",
                `${i + 1}`,
            ]),
        ];
        for (const [email, given, family] of people) ids[email] = await scim.user(email, given, family);
        await scim.group(
            "ROLLOUT_ROLE_Teachers",
            ["it.pilot@lincoln.k12.us", "early.teacher@lincoln.k12.us", "t1@lincoln.k12.us"].map((e) => ids[e]),
        );
        await scim.group(
            "ANALYTICS_SCHOOL_Lincoln",
            [
                "office.pilot@staff.lincoln.k12.us",
                ...Array.from({ length: 10 }, (_, i) => `t${i + 1}@lincoln.k12.us`),
            ].map((e) => ids[e]),
        );
        return ids;
    };

    it(
        "before the push: groups missing (GRP-2), test users absent (SSO-9), a hand-invited member " +
            "not SCIM-managed (SCIM-4), the subdomain record missing (DOM-2); exit 1",
        async () => {
            emulator.seedUser(LINCOLN.id, { email: "early.teacher@lincoln.k12.us", source: "invite" });
            const { code, report, stderr } = await verifyJson();
            assert.equal(code, VERIFY_EXIT.findings);
            assert.equal(stderr, "");
            assert.deepEqual(report.findings.map(line), [
                "DOM-2 error workspace.domains[1]",
                "GRP-2 error workspace.groups[0]",
                "GRP-2 error workspace.groups[1]",
                "SCIM-4 warning workspace.scim.enabled",
                "SCIM-5 info workspace.settings.automaticAccountCreation",
                "GRP-5 info workspace.phase",
                "SSO-9 error workspace.sso.testUsers[0]",
                "SSO-9 error workspace.sso.testUsers[1]",
            ]);
            assert.equal(
                report.findings[0].message,
                `No TXT record at staff.lincoln.k12.us has the value "${STAFF_TOKEN}" (found no TXT record at that ` +
                    `name); the record at lincoln.k12.us does not cover this subdomain.`,
            );
            assert.equal(
                report.findings[3].message,
                '1 of 1 member of workspace "Lincoln Unified School District" is not SCIM-managed: 1 invited by hand.',
            );
            assert.deepEqual(report.workspaces[0].counts, {
                members: 1,
                scimManaged: 0,
                notScimManaged: 1,
                pendingInvites: 0,
                groups: 0,
            });
            assert.deepEqual(
                report.workspaces[0].checklist.map((i) => `${i.status}: ${i.text}`),
                [
                    "done: Pilot scope: 1–2 stable groups",
                    "open: Users appear as expected (managed vs. manual)",
                    "open: Group sync appears as expected",
                    "by-hand: Joiner/leaver flow works as intended",
                    "open: Existing manually invited users become SCIM-managed once matched by email and assigned " +
                        "to a synced group",
                ],
            );
            assert.deepEqual(report.summary, { error: 5, warning: 1, info: 2, blocking: true, unreadable: 0 });
        },
    );

    it(
        "after the push and the subdomain record: every check passes, the hand-invited member is " +
            "SCIM-managed once matched; exit 0",
        async () => {
            emulator.seedUser(LINCOLN.id, { email: "early.teacher@lincoln.k12.us", source: "invite" });
            await pushPilot();
            dns.setTxt("staff.lincoln.k12.us", [STAFF_TOKEN]);
            const { code, report } = await verifyJson();
            assert.deepEqual(report.findings, []);
            assert.equal(code, VERIFY_EXIT.ok);
            assert.deepEqual(
                report.checks.map((c) => `${c.rule} ${c.subject} ${c.status}: ${c.detail}`),
                [
                    `DOM-1 lincoln.k12.us pass: TXT lincoln.k12.us has "${TOKEN}"`,
                    `DOM-1 staff.lincoln.k12.us pass: TXT staff.lincoln.k12.us has "${STAFF_TOKEN}"`,
                    "GRP-2 ROLLOUT_ROLE_Teachers pass: pushed by SCIM, 3 members",
                    "GRP-2 ANALYTICS_SCHOOL_Lincoln pass: pushed by SCIM, 11 members",
                    "GRP-4 ANALYTICS_SCHOOL_Lincoln pass: 11 members, at least 10",
                    "SCIM-4 default pass: all 13 members SCIM-managed",
                    "DOM-2 default pass: every member on a listed domain (lincoln.k12.us, staff.lincoln.k12.us)",
                    "SCIM-5 default pass: no member on a listed domain arrived outside SCIM unexpectedly",
                    'SSO-9 it.pilot@lincoln.k12.us pass: member of "Lincoln Unified School District", SCIM-managed',
                    'SSO-9 office.pilot@staff.lincoln.k12.us pass: member of "Lincoln Unified School District", ' +
                        "SCIM-managed",
                ],
            );
            assert.deepEqual(
                report.workspaces[0].checklist.map((i) => i.status),
                ["done", "done", "done", "by-hand", "done"],
            );
            const text = (await verify()).stdout.replace(dns.address, "DNS");
            assert.equal(
                text,
                [
                    "Verify Lincoln Unified School District (Pulumi.lincoln.yaml): read-only; DNS through DNS",
                    "",
                    "Domain TXT records:",
                    `  ok    [DOM-1] lincoln.k12.us: TXT lincoln.k12.us has "${TOKEN}"`,
                    `  ok    [DOM-1] staff.lincoln.k12.us: TXT staff.lincoln.k12.us has "${STAFF_TOKEN}"`,
                    "",
                    `Workspace "Lincoln Unified School District" (default, ${WORKSPACE_ID}): 13 members (13 ` +
                        `SCIM-managed, 0 not), 0 pending invites, 2 groups`,
                    "  ok    [GRP-2] group ROLLOUT_ROLE_Teachers: pushed by SCIM, 3 members",
                    "  ok    [GRP-2] group ANALYTICS_SCHOOL_Lincoln: pushed by SCIM, 11 members",
                    "  ok    [GRP-4] group ANALYTICS_SCHOOL_Lincoln: 11 members, at least 10",
                    "  ok    [SCIM-4] all 13 members SCIM-managed",
                    "  ok    [DOM-2] every member on a listed domain (lincoln.k12.us, staff.lincoln.k12.us)",
                    "  ok    [SCIM-5] no member on a listed domain arrived outside SCIM unexpectedly",
                    "  Pilot validation checklist (GRP-5):",
                    "    [x] Pilot scope: 1–2 stable groups",
                    "    [x] Users appear as expected (managed vs. manual)",
                    "    [x] Group sync appears as expected",
                    "    [?] Joiner/leaver flow works as intended (by hand: in Microsoft Entra ID, add a test user " +
                        "to a synced group and remove another, then run verify again: the joiner shows as SCIM-managed, " +
                        "the leaver is gone)",
                    "    [x] Existing manually invited users become SCIM-managed once matched by email and assigned " +
                        "to a synced group",
                    "",
                    "Test users:",
                    '  ok    [SSO-9] it.pilot@lincoln.k12.us: member of "Lincoln Unified School District", SCIM-managed',
                    '  ok    [SSO-9] office.pilot@staff.lincoln.k12.us: member of "Lincoln Unified School ' +
                        'District", SCIM-managed',
                    "",
                    "Verify: no findings.",
                    "",
                ].join("\n"),
            );
        },
    );

    it(
        "joiners and leavers: a leaver drops an analytics group under 10 (GRP-4, exit 1 only with " +
            "--strict); a later hand invite off-domain shows (SCIM-4, DOM-2) and --details names it",
        async () => {
            const ids = await pushPilot();
            dns.setTxt("staff.lincoln.k12.us", [STAFF_TOKEN]);
            await scim.removeUser(ids["t9@lincoln.k12.us"]);
            await scim.removeUser(ids["t10@lincoln.k12.us"]);
            emulator.seedUser(LINCOLN.id, { email: "coach@gmail.com", source: "invite" });
            const { code, report } = await verifyJson();
            assert.equal(code, VERIFY_EXIT.ok);
            assert.deepEqual(report.findings.map(line), [
                "GRP-4 warning workspace.groups[1]",
                "SCIM-4 warning workspace.scim.enabled",
                "DOM-2 warning workspace.domains",
                "GRP-5 info workspace.phase",
            ]);
            assert.equal(
                report.findings[0].message,
                'Analytics group ANALYTICS_SCHOOL_Lincoln has 9 members in workspace "Lincoln Unified School ' +
                    'District", fewer than 10.',
            );
            assert.equal((await verify(["--strict"])).code, VERIFY_EXIT.findings);
            const detailed = await verifyJson(["--details"]);
            assert.equal(
                detailed.report.findings[1].message,
                '1 of 12 members of workspace "Lincoln Unified School District" is not SCIM-managed: 1 invited by ' +
                    "hand. coach@gmail.com (invite).",
            );
            assert.equal(
                detailed.report.findings[2].message,
                '1 member of workspace "Lincoln Unified School District" has an address on domains the config does ' +
                    "not list: gmail.com (1). coach@gmail.com.",
            );
        },
    );

    it("a test user invited but not joined (SSO-9 warning) and a local group with a SCIM name (GRP-3)", async () => {
        await pushPilot();
        dns.setTxt("staff.lincoln.k12.us", [STAFF_TOKEN]);
        emulator.seedLocalGroup(LINCOLN.id, "ROLLOUT_ROLE_Teachers");
        const stackWithThird = writeStack(
            workspaceForm({
                sso: {
                    ...(workspaceForm().sso as object),
                    testUsers: ["it.pilot@lincoln.k12.us", "new.pilot@lincoln.k12.us"],
                },
            }),
        );
        try {
            const response = await fetch(`${emulator.apiBaseUrl}/manage/workspaces/${LINCOLN.id}/invites`, {
                method: "POST",
                headers: { authorization: `Bearer ${LINCOLN.adminKey}`, "content-type": "application/json" },
                body: JSON.stringify({ email: "new.pilot@lincoln.k12.us" }),
            });
            assert.equal(response.status, 200);
            emulator.requestLog.length = 0;
            const { io, stdout } = captureIo({ cwd: stackWithThird.dir, resolveTxt: undefined });
            const code = await verifyMain(
                [
                    "--format",
                    "json",
                    "--base-url",
                    emulator.apiBaseUrl,
                    "--admin-key",
                    LINCOLN.adminKey,
                    "--dns-server",
                    dns.address,
                ],
                io,
            );
            const report = JSON.parse(stdout()) as Json;
            assert.deepEqual(report.findings.map(line), [
                "GRP-3 warning workspace.groups[0]",
                "GRP-5 info workspace.phase",
                "SSO-9 warning workspace.sso.testUsers[1]",
            ]);
            assert.equal(
                report.findings[0].message,
                'Workspace "Lincoln Unified School District" has a local group named ROLLOUT_ROLE_Teachers ' +
                    "besides the one SCIM pushed.",
            );
            assert.equal(
                report.findings[2].message,
                'Test user new.pilot@lincoln.k12.us is invited to workspace "Lincoln Unified School District" ' +
                    "but has not joined yet.",
            );
            assert.equal(code, VERIFY_EXIT.ok);
        } finally {
            stackWithThird.remove();
        }
    });

    it("ROLE-2: a custom role mapped to a group SCIM has not pushed is an error until the push", async () => {
        const roles = writeStack(
            workspaceForm({
                customRoles: [{ name: "GPT publishers", grants: ["publish-gpts"], groups: ["ROLLOUT_ROLE_Teachers"] }],
            }),
        );
        try {
            const run = async () => {
                const { io, stdout } = captureIo({ cwd: roles.dir, resolveTxt: undefined });
                const code = await verifyMain(
                    [
                        "--format",
                        "json",
                        "--base-url",
                        emulator.apiBaseUrl,
                        "--admin-key",
                        LINCOLN.adminKey,
                        "--dns-server",
                        dns.address,
                    ],
                    io,
                );
                return { code, report: JSON.parse(stdout()) as Json };
            };
            const before = await run();
            const role2 = before.report.findings.filter((f) => f.id === "ROLE-2");
            assert.deepEqual(
                role2.map((f) => [line(f), f.message]),
                [
                    [
                        "ROLE-2 error workspace.customRoles[0].groups[0]",
                        'Custom role "GPT publishers" is mapped to ROLLOUT_ROLE_Teachers, which SCIM has not pushed to workspace ' +
                            '"Lincoln Unified School District" yet.',
                    ],
                ],
            );
            await pushPilot();
            dns.setTxt("staff.lincoln.k12.us", [STAFF_TOKEN]);
            const after = await run();
            assert.deepEqual(after.report.findings, []);
            assert.equal(after.code, VERIFY_EXIT.ok);
        } finally {
            roles.remove();
        }
    });

    it("is read-only: every request it makes to the admin API is a GET", async () => {
        emulator.seedUser(LINCOLN.id, { email: "early.teacher@lincoln.k12.us", source: "invite" });
        await pushPilot();
        emulator.requestLog.length = 0;
        await verify(["--details"]);
        await verify(["--format", "json"]);
        const api = emulator.requestLog.filter((e) => e.path.startsWith("/v1/"));
        assert.deepEqual([...new Set(api.map((e) => `${e.method} ${e.route}`))].sort(), [
            "GET /v1/manage/workspaces/:workspaceId/groups",
            "GET /v1/manage/workspaces/:workspaceId/invites",
            "GET /v1/manage/workspaces/:workspaceId/users",
        ]);
        assert.equal(emulator.requestLog.length, api.length, "nothing but the admin API was asked");
    });

    it(
        "exit 5 when the workspace cannot be read, saying which: a refused key (401), another " +
            "workspace's key (403), no such workspace (404)",
        async () => {
            const cases: [string[], string][] = [
                [
                    ["--admin-key", "not-a-key"],
                    "the admin key was refused (401): it is wrong, revoked or belongs to another workspace",
                ],
                [
                    ["--admin-key", OTHER.adminKey],
                    "the admin key lacks a scope these reads need, or is not allowed on this workspace (403)",
                ],
                [
                    ["--admin-key", LINCOLN.adminKey, "--workspace-id", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"],
                    "no such workspace, or its plan has no admin API (404)",
                ],
            ];
            for (const [flags, reason] of cases) {
                const { io, stdout, stderr } = captureIo({ cwd: stack.dir, resolveTxt: undefined });
                const code = await verifyMain(
                    ["--base-url", emulator.apiBaseUrl, "--dns-server", dns.address, ...flags],
                    io,
                );
                assert.equal(code, VERIFY_EXIT.unreadable, reason);
                assert.ok(
                    stderr().startsWith(
                        `Workspace "Lincoln Unified School District" (workspace) cannot be read: ${reason}`,
                    ),
                    stderr(),
                );
                assert.match(stdout(), /: NOT READ\n/);
                for (const key of [LINCOLN.adminKey, OTHER.adminKey, "not-a-key"]) {
                    assert.ok(!stdout().includes(key) && !stderr().includes(key), "a key is never printed");
                }
            }
        },
    );

    it("a progress line on a terminal (stderr), nothing but the result on a pipe", async () => {
        await pushPilot();
        const tty = await verify([], { stderrIsTTY: true });
        assert.match(tty.stderr, /^\r\x1b\[2KReading workspace default: GET \/users, page 1, 13 read/);
        assert.ok(tty.stderr.endsWith("\r\x1b[2K"));
        const pipe = await verify([], { stderrIsTTY: false });
        assert.equal(pipe.stderr, "");
        assert.equal(pipe.stdout, tty.stdout);
    });
});
