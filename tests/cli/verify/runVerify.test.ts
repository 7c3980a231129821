import * as assert from "node:assert/strict";
import { VERIFY_EXIT } from "../../../cli/verify/exitCodes";
import { verifyMain } from "../../../cli/verify/runVerify";
import { VERIFY_USAGE } from "../../../cli/verify/usage";
import { captureIo, workspaceForm, writeStack } from "./support";

describe("cli verify: runner without a workspace to read", () => {
    it("prints the usage on --help and exits 0", async () => {
        const { io, stdout } = captureIo();
        assert.equal(await verifyMain(["--help"], io), 0);
        assert.equal(stdout(), `${VERIFY_USAGE}\n`);
    });

    it("exits 2 on a usage error, with the message and a one-line hint on stderr and nothing on stdout", async () => {
        const { io, stdout, stderr } = captureIo();
        assert.equal(await verifyMain(["--format", "yaml"], io), VERIFY_EXIT.usage);
        assert.equal(stdout(), "");
        assert.equal(
            stderr(),
            'chatgpt-identity verify: --format must be text or json, not "yaml"\n' +
                "Try `chatgpt-identity verify --help` for the options.\n",
        );
    });

    it("exits 2 on a missing stack file", async () => {
        const { io, stderr } = captureIo();
        assert.equal(await verifyMain(["/nonexistent/Pulumi.x.yaml"], io), VERIFY_EXIT.usage);
        assert.equal(
            stderr(),
            "chatgpt-identity verify: Cannot read stack file /nonexistent/Pulumi.x.yaml: no such file\n",
        );
    });

    it("exits 1 on a config the gate refuses, reading nothing", async () => {
        const stack = writeStack(workspaceForm({ phase: "everything" }));
        try {
            const { io, stdout, stderr } = captureIo({ cwd: stack.dir, env: { CHATGPT_ADMIN_KEY: "k" } });
            assert.equal(await verifyMain([], io), VERIFY_EXIT.findings);
            assert.equal(stdout(), "");
            assert.match(
                stderr(),
                /^The configuration in Pulumi\.lincoln\.yaml has problems; nothing was read:\n {2}- workspace\.phase: /,
            );
        } finally {
            stack.remove();
        }
    });

    it("exits 2 when the workspace has no id, naming the field and --workspace-id", async () => {
        const { workspaceId: _, ...withoutId } = workspaceForm();
        const stack = writeStack(withoutId);
        try {
            const { io, stderr } = captureIo({ cwd: stack.dir });
            assert.equal(await verifyMain([], io), VERIFY_EXIT.usage);
            assert.equal(
                stderr(),
                "chatgpt-identity verify: workspace.workspaceId is not set: copy the workspace's id from the admin " +
                    "console into the config, or pass --workspace-id UUID\n" +
                    "Try `chatgpt-identity verify --help` for the options.\n",
            );
        } finally {
            stack.remove();
        }
    });

    it("exits 5 without an admin key, saying which variables it looked at; stdout still has the report", async () => {
        const stack = writeStack(workspaceForm());
        try {
            const { io, stdout, stderr } = captureIo({ cwd: stack.dir });
            assert.equal(await verifyMain(["--format", "json"], io), VERIFY_EXIT.unreadable);
            const message =
                'Workspace "Lincoln Unified School District" (workspace) cannot be read: no admin key was ' +
                "given: set CHATGPT_ADMIN_KEY_DEFAULT or CHATGPT_ADMIN_KEY to the workspace's Admin key (Admin " +
                "Console → Credentials → Admin keys)";
            assert.equal(stderr(), `${message}\n`);
            const report = JSON.parse(stdout());
            assert.deepEqual(Object.keys(report), [
                "command",
                "formatVersion",
                "stackFile",
                "tenant",
                "dnsServer",
                "summary",
                "findings",
                "domains",
                "workspaces",
                "checks",
                "unreadable",
            ]);
            assert.deepEqual(
                [report.command, report.formatVersion, report.stackFile],
                ["verify", 1, "Pulumi.lincoln.yaml"],
            );
            assert.deepEqual(report.unreadable, [{ workspace: "default", reason: "no-key", message }]);
            assert.deepEqual(report.summary, { error: 0, warning: 0, info: 0, blocking: false, unreadable: 1 });
            assert.deepEqual(
                report.domains.map((d: { status: string }) => d.status),
                ["present", "present"],
            );
        } finally {
            stack.remove();
        }
    });

    it("tenant form: --workspace picks one workspace, an unknown key is a usage error", async () => {
        const { workspaceId: _id, phase: _p, scim: _s, groups: _g, ...tenant } = workspaceForm();
        const stack = writeStack(
            {
                ...tenant,
                sso: { ...(tenant.sso as object), apiPlatformSsoEnabled: undefined },
                apiPlatform: { ssoEnabled: true },
                workspaces: [
                    { key: "district", name: "District office", workspaceId: "0b7e4c1a-2f3d-4e5a-8b9c-1d2e3f4a5b6c" },
                    { key: "high-school", name: "Lincoln High", workspaceId: "6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40" },
                ],
            },
            "chatgpt-identity:tenant",
        );
        try {
            const bad = captureIo({ cwd: stack.dir });
            assert.equal(await verifyMain(["--workspace", "middle"], bad.io), VERIFY_EXIT.usage);
            assert.equal(
                bad.stderr(),
                "chatgpt-identity verify: --workspace middle: the config has no workspace with that key (it has " +
                    "district, high-school)\nTry `chatgpt-identity verify --help` for the options.\n",
            );
            const one = captureIo({ cwd: stack.dir, env: { CHATGPT_ADMIN_KEY_DISTRICT: "not this one" } });
            assert.equal(
                await verifyMain(["--workspace", "high-school", "--format", "json"], one.io),
                VERIFY_EXIT.unreadable,
            );
            const report = JSON.parse(one.stdout());
            assert.deepEqual(
                report.workspaces.map((w: { key: string }) => w.key),
                ["high-school"],
            );
            assert.match(one.stderr(), /set CHATGPT_ADMIN_KEY_HIGH_SCHOOL or CHATGPT_ADMIN_KEY to/);
        } finally {
            stack.remove();
        }
    });
});

describe("cli verify: live facts for plan --live", () => {
    it("reads nothing without a key and lists each workspace as unreadable", async () => {
        const { loadTenantConfig } = await import("../../../core/config/load");
        const { readLiveFactsFromEnvironment } = await import("../../../cli/verify/planLive");
        const config = loadTenantConfig(workspaceForm(), "workspace");
        const facts = await readLiveFactsFromEnvironment(config, { env: {}, dnsServer: "127.0.0.1:9" });
        assert.deepEqual(
            facts.unreadable.map((u) => u.reason),
            ["no-key"],
        );
        assert.equal(facts.unmanagedUsers, undefined);
    });
});
