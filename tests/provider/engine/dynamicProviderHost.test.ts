import * as assert from "node:assert/strict";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as grpc from "@grpc/grpc-js";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import {
    CONFIG_API_PLATFORM_ADMIN_KEY,
    CONFIG_API_PLATFORM_BASE_URL,
    CONFIG_CHATGPT_ADMIN_KEY,
    ENV_API_PLATFORM_ADMIN_KEY,
    ENV_CHATGPT_ADMIN_KEY,
} from "../../../provider/resources/providerSettings";
import { apiPlatformRoleProvider } from "../../../provider/resources/apiPlatformRole";
import { apiPlatformGroupRolesProvider } from "../../../provider/resources/apiPlatformGroupRoles";
import { groupUsageLimitsProvider } from "../../../provider/resources/groupUsageLimits";
import { pilotInvitesProvider } from "../../../provider/resources/pilotInvites";
import { workspaceUsageLimitProvider } from "../../../provider/resources/workspaceUsageLimit";
import { WORKSPACE_ID, Workspace, startWorkspace } from "../resources/fixture";
import { REPO_ROOT } from "../../support/paths";

const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");

const ROOT = REPO_ROOT;
const HOST = path.join(ROOT, "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js");

/** Pulumi's own dynamic-provider host, as `pulumi up` starts it; resolves with its gRPC port. */
function startHost(): Promise<{ child: ChildProcess; port: number; stderr: string[] }> {
    const env = { ...process.env };
    for (const key of Object.keys(env))
        if (key === ENV_CHATGPT_ADMIN_KEY || key === ENV_API_PLATFORM_ADMIN_KEY || key.startsWith("CHATGPT_IDENTITY_"))
            delete env[key];
    const child = spawn(process.execPath, [HOST, "127.0.0.1:1"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const stderr: string[] = [];
    child.stderr!.on("data", (c) => stderr.push(String(c)));
    return new Promise((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`host exited ${code}: ${stderr.join("")}`)));
        child.stdout!.once("data", (c) => resolve({ child, port: Number(String(c).trim()), stderr }));
    });
}

/** The provider text exactly as pulumi.dynamic.Resource puts it in `__provider`. */
async function serialize(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
    return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

const struct = (value: Record<string, unknown>) => structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));

/**
 * The engine's side of the gRPC calls. Every answer and every error message is kept in `seen`, so a
 * test can show that none of them (the future state, outputs and error text) holds a credential.
 */
class Engine {
    private readonly client: any;
    readonly seen: string[] = [];
    constructor(port: number) {
        this.client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    }
    close() {
        this.client.close();
    }
    private call<T>(method: string, req: unknown): Promise<T> {
        return new Promise((resolve, reject) =>
            this.client[method](req, (err: Error | null, res: T) => {
                if (err) {
                    this.seen.push(`${method} error: ${err.message}`);
                    return reject(err);
                }
                this.seen.push(`${method}: ${JSON.stringify((res as any)?.toObject?.() ?? res)}`);
                resolve(res);
            }),
        );
    }
    configure(config: Record<string, unknown>) {
        return this.call("configure", new provproto.ConfigureRequest().setArgs(struct(config)).setAcceptsecrets(true));
    }
    async check(urn: string, olds: object, news: object) {
        const res: any = await this.call(
            "check",
            new provproto.CheckRequest()
                .setUrn(urn)
                .setOlds(struct(olds as any))
                .setNews(struct(news as any)),
        );
        return {
            inputs: res.getInputs().toJavaScript(),
            failures: res.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }
    async diff(urn: string, id: string, olds: object, news: object) {
        const res: any = await this.call(
            "diff",
            new provproto.DiffRequest()
                .setUrn(urn)
                .setId(id)
                .setOlds(struct(olds as any))
                .setNews(struct(news as any)),
        );
        return { changes: res.getChanges(), replaces: res.getReplacesList() as string[] };
    }
    async create(urn: string, props: object) {
        const res: any = await this.call(
            "create",
            new provproto.CreateRequest().setUrn(urn).setProperties(struct(props as any)),
        );
        return { id: res.getId() as string, props: res.getProperties().toJavaScript() };
    }
    async read(urn: string, id: string, props: object) {
        const res: any = await this.call(
            "read",
            new provproto.ReadRequest()
                .setUrn(urn)
                .setId(id)
                .setProperties(struct(props as any)),
        );
        return { id: res.getId() as string, props: res.getProperties()?.toJavaScript() };
    }
    async update(urn: string, id: string, olds: object, news: object) {
        const res: any = await this.call(
            "update",
            new provproto.UpdateRequest()
                .setUrn(urn)
                .setId(id)
                .setOlds(struct(olds as any))
                .setNews(struct(news as any)),
        );
        return res.getProperties().toJavaScript();
    }
    delete(urn: string, id: string, props: object) {
        return this.call(
            "delete",
            new provproto.DeleteRequest()
                .setUrn(urn)
                .setId(id)
                .setProperties(struct(props as any)),
        );
    }
}

/** Serializes the five resource types in a program process that has the keys in its environment and config. */
function serializeInProgramProcess(adminKey: string): { configHoldsKey: boolean; providers: Record<string, string> } {
    const script = path.join(__dirname, "programSerialization" + path.extname(__filename));
    const args = __filename.endsWith(".ts") ? ["-r", "ts-node/register/transpile-only", script] : [script];
    const config = {
        [CONFIG_CHATGPT_ADMIN_KEY]: adminKey,
        [CONFIG_API_PLATFORM_ADMIN_KEY]: adminKey,
        [CONFIG_API_PLATFORM_BASE_URL]: "http://127.0.0.1:1/v1",
    };
    const env = {
        ...process.env,
        [ENV_CHATGPT_ADMIN_KEY]: adminKey,
        [ENV_API_PLATFORM_ADMIN_KEY]: adminKey,
        PULUMI_CONFIG: JSON.stringify(config),
    };
    return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8", timeout: 60000 }));
}

const DIFF_NONE = 1;
const DIFF_SOME = 2;
const urn = (type: string, name: string) =>
    `urn:pulumi:dev::district::pulumi-nodejs:dynamic/chatgpt-identity/${type.startsWith("ApiPlatform") ? "apiPlatform" : "workspace"}:${type}::${name}`;

describe("provider/engine: every resource through Pulumi's dynamic-provider host over gRPC", function () {
    this.timeout(60000);
    let ws: Workspace;
    let host: Awaited<ReturnType<typeof startHost>>;
    let engine: Engine;
    const texts: Record<string, string> = {};

    before(async () => {
        ws = await startWorkspace({ orgScimGroups: ["ROLLOUT_ROLE_Teachers"] });
        host = await startHost();
        engine = new Engine(host.port);
        const secret = (value: string) => ({ [specialSigKey]: specialSecretSig, value });
        await engine.configure({
            ...ws.configValues(),
            [CONFIG_CHATGPT_ADMIN_KEY]: secret(ws.workspace.adminKey),
            [CONFIG_API_PLATFORM_ADMIN_KEY]: secret(ws.org.adminKey),
            [CONFIG_API_PLATFORM_BASE_URL]: ws.emulator.apiBaseUrl,
        });
        texts.GroupUsageLimits = await serialize(groupUsageLimitsProvider());
        texts.WorkspaceUsageLimit = await serialize(workspaceUsageLimitProvider());
        texts.PilotInvites = await serialize(pilotInvitesProvider());
        texts.ApiPlatformRole = await serialize(apiPlatformRoleProvider());
        texts.ApiPlatformGroupRoles = await serialize(apiPlatformGroupRolesProvider());
    });

    after(async () => {
        engine?.close();
        if (host?.child.exitCode === null) {
            host.child.removeAllListeners("exit");
            host.child.kill();
        }
        await ws?.stop();
    });

    it("the serialized provider text carries no credential", () => {
        for (const [type, text] of Object.entries(texts)) {
            assert.ok(text.includes("exports.handler"), type);
            for (const secret of [ws.workspace.adminKey, ws.org.adminKey, ws.workspace.scimToken, ws.other.adminKey])
                assert.ok(!text.includes(secret), `${type} text holds a credential`);
            assert.ok(!/sk-admin-|test-admin-key/.test(text), type);
        }
    });

    it("the provider a program registers carries no credential even when the program's environment and stack config hold the key", () => {
        const key = ws.tenant.adminKey;
        const { configHoldsKey, providers } = serializeInProgramProcess(key);
        assert.ok(configHoldsKey, "the program process saw the key in its stack config");
        assert.deepEqual(Object.keys(providers).sort(), [
            "pulumi-nodejs:dynamic/chatgpt-identity/apiPlatform:ApiPlatformGroupRoles",
            "pulumi-nodejs:dynamic/chatgpt-identity/apiPlatform:ApiPlatformRole",
            "pulumi-nodejs:dynamic/chatgpt-identity/workspace:GroupUsageLimits",
            "pulumi-nodejs:dynamic/chatgpt-identity/workspace:PilotInvites",
            "pulumi-nodejs:dynamic/chatgpt-identity/workspace:WorkspaceUsageLimit",
        ]);
        for (const [type, text] of Object.entries(providers)) {
            assert.ok(text.includes("exports.handler"), type);
            assert.ok(!text.includes(key), `${type}: the registered provider text holds the admin key`);
        }
    });

    it("ApiPlatformRole: Check, Create, Read, Diff, Update, Delete (and no silent takeover)", async () => {
        const p = texts.ApiPlatformRole;
        const u = urn("ApiPlatformRole", "district-role-gpt-publisher");
        const inputs = (
            await engine.check(u, {}, { __provider: p, name: "GPT Publisher", permissions: ["gpts.publish"] })
        ).inputs;
        const created = await engine.create(u, inputs);
        assert.match(created.id, /\S/);
        await assert.rejects(
            engine.create(u, inputs),
            /already exists .* never taken over silently/,
            "a same-named role is not taken over",
        );
        assert.equal(
            (await engine.create(u, { ...inputs, adoptExisting: true })).id,
            created.id,
            "adopted only when the config says so",
        );
        const read = await engine.read(u, created.id, created.props);
        assert.deepEqual(read.props.permissions, ["gpts.publish"]);
        assert.equal((await engine.diff(u, created.id, read.props, inputs)).changes, DIFF_NONE);
        const news = { ...inputs, permissions: ["gpts.publish", "skills.publish"] };
        assert.equal((await engine.diff(u, created.id, read.props, news)).changes, DIFF_SOME);
        assert.deepEqual((await engine.update(u, created.id, read.props, news)).permissions, [
            "gpts.publish",
            "skills.publish",
        ]);
        await engine.delete(u, created.id, read.props);
        assert.equal((await engine.read(u, created.id, read.props)).id, "");
        await engine.delete(u, created.id, read.props);
    });

    it("ApiPlatformGroupRoles: Check, Create, Read, Diff, Update, Delete", async () => {
        const roleText = texts.ApiPlatformRole;
        const ru = urn("ApiPlatformRole", "district-role-codex");
        await engine.create(
            ru,
            (await engine.check(ru, {}, { __provider: roleText, name: "Codex", permissions: ["codex.use"] })).inputs,
        );
        const p = texts.ApiPlatformGroupRoles;
        const u = urn("ApiPlatformGroupRoles", "district-api-platform-role-mappings");
        const inputs = (
            await engine.check(
                u,
                {},
                {
                    __provider: p,
                    mappings: [{ group: "ROLLOUT_ROLE_Teachers", roles: ["Codex"] }],
                    groupWaitAttempts: 2,
                    groupWaitIntervalSeconds: 0,
                },
            )
        ).inputs;
        const created = await engine.create(u, inputs);
        assert.ok(created.props.groupIds.ROLLOUT_ROLE_Teachers);
        const read = await engine.read(u, created.id, created.props);
        assert.deepEqual(read.props.mappings, [{ group: "ROLLOUT_ROLE_Teachers", roles: ["Codex"] }]);
        assert.equal((await engine.diff(u, created.id, read.props, inputs)).changes, DIFF_NONE);
        const none = { ...inputs, mappings: [] };
        assert.equal((await engine.diff(u, created.id, read.props, none)).changes, DIFF_SOME);
        const updated = await engine.update(u, created.id, read.props, none);
        assert.deepEqual(updated.mappings, []);
        await engine.delete(u, created.id, updated);
        // A failure reaches the engine as an error that names the resource and never the key.
        await assert.rejects(
            engine.create(u, { ...inputs, mappings: [{ group: "FUNCTION_Nobody", roles: ["Codex"] }] }),
            (err: Error) => {
                assert.match(
                    err.message,
                    /ApiPlatformGroupRoles: ROLE-2: 1 group\(s\) have not been pushed .*FUNCTION_Nobody/,
                );
                assert.ok(!err.message.includes(ws.tenant.adminKey));
                return true;
            },
        );
    });

    it("GroupUsageLimits: Check, Create after a bounded wait for SCIM (ROLE-2), Read with drift and a gone group, Diff, Update, Delete (404 ok)", async () => {
        const p = texts.GroupUsageLimits;
        const u = urn("GroupUsageLimits", "district-workspace-group-usage-limits");
        const bad = await engine.check(
            u,
            {},
            { __provider: p, workspaceId: "lincoln", limits: [{ group: "ROLE_Staff", credits: -5 }] },
        );
        assert.deepEqual(
            bad.failures.map((f: any) => f.property),
            ["workspaceId", "limits.0.credits"],
        );
        const inputs = (
            await engine.check(
                u,
                {},
                {
                    __provider: p,
                    workspaceId: WORKSPACE_ID,
                    limits: [
                        { group: "ROLE_Staff", credits: 5000 },
                        { group: "ROLE_Teachers", credits: 3000 },
                    ],
                    groupWaitSeconds: 0.3,
                    groupPollSeconds: 0.1,
                },
            )
        ).inputs;
        await ws.pushGroup("ROLE_Staff");
        const mark = ws.emulator.requestLog.length;
        await assert.rejects(engine.create(u, inputs), (err: Error) => {
            assert.match(
                err.message,
                /GroupUsageLimits: ROLE-2: 1 group\(s\) have not been pushed to the workspace by SCIM after \d+ looks over 0\.3 s: ROLE_Teachers\./,
            );
            return true;
        });
        assert.deepEqual(ws.writesSince(mark), [], "nothing set while a group is missing");
        const scimTeachers = await ws.pushGroup("ROLE_Teachers");
        const created = await engine.create(u, inputs);
        assert.equal(created.id, WORKSPACE_ID);
        assert.deepEqual(Object.keys(created.props.groupIds).sort(), ["ROLE_Staff", "ROLE_Teachers"]);
        assert.equal(created.props.__provider, p);
        assert.equal((await engine.diff(u, created.id, created.props, inputs)).changes, DIFF_NONE);

        await ws.call("PATCH", `/usage_limits/groups/${created.props.groupIds.ROLE_Staff}`, {
            override_monthly_usage_limit: { type: "limited", limit_amount: { amount: 1, unit: "credit" } },
        });
        await fetch(`${ws.emulator.scimBaseUrl(WORKSPACE_ID)}/Groups/${scimTeachers}`, {
            method: "DELETE",
            headers: { Authorization: `Bearer ${ws.workspace.scimToken}` },
        });
        const read = await engine.read(u, created.id, created.props);
        assert.deepEqual(
            read.props.limits,
            [{ group: "ROLE_Staff", credits: 1 }],
            "drift: a limit changed by hand, a group deleted by the IdP",
        );
        assert.equal((await engine.diff(u, created.id, read.props, inputs)).changes, DIFF_SOME);
        const news = { ...inputs, limits: [{ group: "ROLE_Staff", credits: 5000 }] };
        const updated = await engine.update(u, created.id, read.props, news);
        assert.deepEqual(updated.limits, [{ group: "ROLE_Staff", credits: 5000 }]);
        await engine.delete(u, created.id, created.props); // Teachers is gone: 404 counts as success
        assert.equal(
            (await ws.call("GET", `/usage_limits/groups/${created.props.groupIds.ROLE_Staff}`)).body
                .override_monthly_usage_limit,
            null,
        );
    });

    it("GroupUsageLimits: an apply that stops midway reaches the engine as a plain error saying what stays set", async () => {
        const p = texts.GroupUsageLimits;
        const u = urn("GroupUsageLimits", "district-workspace-group-usage-limits-partial");
        await ws.pushGroup("ROLE_Office");
        const scimLeavers = await ws.pushGroup("ROLE_Leavers");
        const inputs = (
            await engine.check(
                u,
                {},
                {
                    __provider: p,
                    workspaceId: WORKSPACE_ID,
                    limits: [
                        { group: "ROLE_Office", credits: 10 },
                        { group: "ROLE_Leavers", credits: 20 },
                    ],
                    groupWaitSeconds: 0.2,
                    groupPollSeconds: 0.1,
                },
            )
        ).inputs;
        const created = await engine.create(u, inputs);
        await fetch(`${ws.emulator.scimBaseUrl(WORKSPACE_ID)}/Groups/${scimLeavers}`, {
            method: "DELETE",
            headers: { Authorization: `Bearer ${ws.workspace.scimToken}` },
        });
        const news = {
            ...inputs,
            limits: [
                { group: "ROLE_Office", credits: 11 },
                { group: "ROLE_Leavers", credits: 21 },
            ],
        };
        await assert.rejects(engine.update(u, created.id, created.props, news), (err: any) => {
            assert.match(
                err.message,
                /GroupUsageLimits: ROLE-2: 1 group\(s\) have not been pushed .*ROLE_Leavers.*; 1 of 2 group limits were already changed and stay so: run `pulumi up` again to finish/,
            );
            assert.deepEqual(err.metadata.get("grpc-status-details-bin"), [], "no partial state in a trailer");
            return true;
        });
    });

    it("WorkspaceUsageLimit: Check, Create, Read with drift, Diff, Update, Delete; a 404 reads as gone", async () => {
        const p = texts.WorkspaceUsageLimit;
        const u = urn("WorkspaceUsageLimit", "district-workspace-usage-limit");
        const inputs = (await engine.check(u, {}, { __provider: p, workspaceId: WORKSPACE_ID, credits: 1000 })).inputs;
        const created = await engine.create(u, inputs);
        assert.deepEqual(
            { ...created.props, __provider: undefined },
            { __provider: undefined, workspaceId: WORKSPACE_ID, credits: 1000, replacedCredits: null },
        );
        await ws.call("PATCH", "/usage_limits/workspace", {
            override_monthly_usage_limit: { type: "limited", limit_amount: { amount: 20, unit: "credit" } },
        });
        const read = await engine.read(u, created.id, created.props);
        assert.equal(read.props.credits, 20);
        assert.equal((await engine.diff(u, created.id, read.props, inputs)).changes, DIFF_SOME);
        assert.equal((await engine.update(u, created.id, read.props, inputs)).credits, 1000);
        await engine.delete(u, created.id, created.props);
        assert.equal((await ws.call("GET", "/usage_limits/workspace")).body.override_monthly_usage_limit, null);
        const gone = { ...created.props, workspaceId: "11111111-2222-4333-8444-555555555555" };
        assert.equal((await engine.read(u, gone.workspaceId, gone)).id, "", "404: gone");
        await engine.delete(u, gone.workspaceId, gone);
    });

    it("PilotInvites: Check, Create (members skipped), Read with drift, Diff, Update, Delete of its own invites only", async () => {
        const p = texts.PilotInvites;
        const u = urn("PilotInvites", "district-workspace-pilot-invites");
        await ws.pushUser("it.pilot@lincoln.k12.us");
        const inputs = (
            await engine.check(
                u,
                {},
                {
                    __provider: p,
                    workspaceId: WORKSPACE_ID,
                    emails: ["it.pilot@lincoln.k12.us", "teacher.pilot@lincoln.k12.us"],
                },
            )
        ).inputs;
        const created = await engine.create(u, inputs);
        assert.deepEqual(Object.keys(created.props.createdInvites), ["teacher.pilot@lincoln.k12.us"]);
        assert.deepEqual(created.props.skipped, ["it.pilot@lincoln.k12.us"]);
        await ws.call("DELETE", `/invites/${created.props.createdInvites["teacher.pilot@lincoln.k12.us"]}`);
        const read = await engine.read(u, created.id, created.props);
        assert.deepEqual(read.props.emails, ["it.pilot@lincoln.k12.us"], "the revoked invite shows as drift");
        assert.equal((await engine.diff(u, created.id, read.props, inputs)).changes, DIFF_SOME);
        const updated = await engine.update(u, created.id, read.props, inputs);
        assert.deepEqual(Object.keys(updated.createdInvites), ["teacher.pilot@lincoln.k12.us"]);
        await engine.delete(u, created.id, updated);
        assert.deepEqual(
            (await ws.list("/invites")).filter((i) => i.status === "pending"),
            [],
        );
        assert.deepEqual(
            (await ws.list("/users")).map((x) => x.email),
            ["it.pilot@lincoln.k12.us"],
            "the member stays",
        );
    });

    it("no answer, error or log line of the host holds a credential", () => {
        assert.ok(engine.seen.length > 40, `every call above was seen (${engine.seen.length})`);
        assert.ok(
            engine.seen.some((line) => line.startsWith("create error: ")),
            "an error answer is among them",
        );
        for (const secret of [ws.workspace.adminKey, ws.org.adminKey, ws.workspace.scimToken]) {
            for (const line of engine.seen)
                assert.ok(!line.includes(secret), `a host answer holds a credential: ${line.slice(0, 200)}`);
            assert.ok(!host.stderr.join("").includes(secret), "the host's log holds a credential");
        }
    });
});
