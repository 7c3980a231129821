import * as assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { parse } from "yaml";
import { REPO_ROOT, repoPath } from "../../support/paths";

const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");

const RUN_PLUGIN = path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "run-plugin", "index.js");
const PLUGIN_DIR = path.join(REPO_ROOT, "dist", "components", "languages");

/** The plugin as `pulumi package add` runs it (Pulumi's Node.js plugin runner); resolves with its gRPC port. */
function startPlugin(): Promise<{ child: ChildProcess; port: number }> {
    const child = spawn(process.execPath, [RUN_PLUGIN, PLUGIN_DIR, "127.0.0.1:1"], {
        cwd: PLUGIN_DIR,
        stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr!.on("data", (c) => stderr.push(String(c)));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no port within 60 s: ${stderr.join("")}`)), 60_000);
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`plugin exited ${code}: ${stderr.join("")}`)));
        child.stdout!.once("data", (c) => {
            clearTimeout(timer);
            resolve({ child, port: Number(String(c).trim()) });
        });
    });
}

function getSchema(port: number): Promise<any> {
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) =>
        client.getSchema(new provproto.GetSchemaRequest(), (err: Error | null, res: any) => {
            client.close();
            if (err) return reject(err);
            resolve(JSON.parse(res.getSchema()));
        }),
    );
}

describe("components/languages: the component provider for Python, YAML, Go and C#, over gRPC", function () {
    this.timeout(120_000);
    let plugin: Awaited<ReturnType<typeof startPlugin>>;
    let schema: any;

    before(async () => {
        plugin = await startPlugin();
        schema = await getSchema(plugin.port);
    });
    after(() => {
        plugin?.child.kill();
    });

    it("is the package chatgpt-identity with one component, chatgpt-identity:index:Identity", () => {
        assert.equal(schema.name, "chatgpt-identity");
        assert.deepEqual(Object.keys(schema.resources), ["chatgpt-identity:index:Identity"]);
        assert.equal(schema.resources["chatgpt-identity:index:Identity"].isComponent, true);
    });

    it("pins the inputs and outputs: names, types, required", () => {
        const identity = schema.resources["chatgpt-identity:index:Identity"];
        assert.deepEqual(Object.keys(identity.inputProperties).sort(), [
            "dns",
            "domains",
            "groups",
            "idp",
            "manageWorkspace",
            "name",
            "phase",
            "scim",
            "scimToken",
            "settings",
            "sso",
        ]);
        assert.deepEqual([...identity.requiredInputs].sort(), ["domains", "idp", "name"]);
        assert.deepEqual(Object.keys(identity.properties).sort(), [
            "dnsHandoff",
            "scimManualSteps",
            "ssoMetadataUrl",
            "txtRecords",
        ]);
        assert.deepEqual(identity.inputProperties.domains.items, {
            $ref: "#/types/chatgpt-identity:index:DomainInput",
            plain: true,
        });
        assert.equal(identity.inputProperties.manageWorkspace.type, "boolean");
        assert.deepEqual(identity.properties.txtRecords.items, {
            $ref: "#/types/chatgpt-identity:index:TxtRecordOutput",
        });
        assert.match(
            identity.inputProperties.sso.description,
            /SAML SSO/,
            "the JSDoc of each input becomes its description",
        );
    });

    it("pins the input types: each nested object of the stack config, with its fields", () => {
        const fields = Object.fromEntries(
            Object.entries(schema.types).map(([token, t]: [string, any]) => [token, Object.keys(t.properties).sort()]),
        );
        assert.deepEqual(fields, {
            "chatgpt-identity:index:DomainInput": ["name", "verificationToken"],
            "chatgpt-identity:index:DnsInput": ["adapter", "ttl", "zoneIds"],
            "chatgpt-identity:index:SsoInput": [
                "acknowledgeUntestedEnforcement",
                "acsUrl",
                "apiPlatformSsoEnabled",
                "certificateRotation",
                "entityId",
                "stage",
                "testGroup",
                "testUsers",
                "testedUsers",
            ],
            "chatgpt-identity:index:ScimInput": ["baseUrl", "enabled", "oktaProvisioningEnabled"],
            "chatgpt-identity:index:GroupInput": [
                "description",
                "dimension",
                "existingId",
                "expectedMemberCount",
                "group",
                "members",
                "usage",
            ],
            "chatgpt-identity:index:SettingsInput": [
                "allowAutomaticAccountCreationWithScim",
                "automaticAccountCreation",
                "externalInvites",
            ],
            "chatgpt-identity:index:TxtRecordOutput": ["domain", "name", "status", "type", "value"],
        });
        assert.deepEqual(schema.types["chatgpt-identity:index:GroupInput"].required.sort(), ["dimension", "group"]);
        assert.deepEqual(schema.types["chatgpt-identity:index:DnsInput"].properties.zoneIds.additionalProperties, {
            type: "string",
        });
    });

    it("the Python and YAML examples name exactly these inputs", () => {
        const identity = schema.resources["chatgpt-identity:index:Identity"];
        const known = (token: string) => Object.keys(schema.types[`chatgpt-identity:index:${token}`].properties);
        const yamlProgram = parse(fs.readFileSync(repoPath("examples", "yaml-district", "Pulumi.yaml"), "utf8"));
        const resource = yamlProgram.resources.identity;
        assert.equal(resource.type, "chatgpt-identity:index:Identity");
        const yamlInputs = Object.keys(resource.properties);
        for (const input of yamlInputs)
            assert.ok(input in identity.inputProperties, `YAML example: unknown input ${input}`);
        for (const [key, token] of [
            ["sso", "SsoInput"],
            ["scim", "ScimInput"],
            ["dns", "DnsInput"],
        ] as const) {
            for (const field of Object.keys(resource.properties[key] ?? {}))
                assert.ok(known(token).includes(field), `YAML example: unknown ${key}.${field}`);
        }
        const python = fs.readFileSync(repoPath("examples", "python-district", "__main__.py"), "utf8");
        const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        const pythonInputs = [...python.matchAll(/^ {4}([a-z_]+)=/gm)].map((m) => m[1]);
        assert.deepEqual(
            pythonInputs.sort(),
            yamlInputs.map(snake).sort(),
            "the Python example sets the same top-level inputs as the YAML one",
        );
        for (const input of pythonInputs)
            assert.ok(
                Object.keys(identity.inputProperties).map(snake).includes(input),
                `Python example: unknown input ${input}`,
            );
    });
});
