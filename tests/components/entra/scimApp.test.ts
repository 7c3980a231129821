import * as assert from "assert";
import { EntraScimApp, scimManualSteps } from "../../../components/entra/scimApp";
import { NON_GALLERY_TEMPLATE_ID } from "../../../components/entra/enterpriseApp";
import { USER_APP_ROLE_ID } from "../../../components/entra/appRoles";
import { RecordedSecret, valueOf } from "../../support/engine";
import * as pulumi from "@pulumi/pulumi";
import { SCIM_URL, T, allKeys, childrenOf, only, recordEntra } from "./fixtures";

const DISPLAY = "ChatGPT SCIM provisioning (Lincoln USD)";

describe("EntraScimApp", () => {
    it("registers exactly its own enterprise app, credentials and job (SCIM-1)", async () => {
        const { engine } = await recordEntra(
            () =>
                new EntraScimApp("scim", { displayName: DISPLAY, baseUrl: SCIM_URL, token: pulumi.secret("tok-123") }),
        );
        const component = only(engine, "chatgpt-identity:entra:ScimApp");
        assert.deepStrictEqual(
            childrenOf(engine, component),
            [
                `${T.template} scim-app`,
                `${T.sp} scim-sp`,
                `${T.syncSecret} scim-secret`,
                `${T.syncJob} scim-job`,
            ].sort(),
        );
        assert.strictEqual(engine.resources.length, 5);
        assert.deepStrictEqual(only(engine, T.template).inputs, {
            displayName: DISPLAY,
            templateId: NON_GALLERY_TEMPLATE_ID,
        });
        const sp = only(engine, T.sp).inputs;
        assert.strictEqual(sp.useExisting, true);
        assert.strictEqual(sp.clientId, `<client id of ${DISPLAY}>`);
        assert.strictEqual(sp.preferredSingleSignOnMode, undefined);
        assert.deepStrictEqual(sp.featureTags, [{ enterprise: true, hide: true }]);
    });

    for (const [label, token] of [
        ["a secret Output", pulumi.secret("tok-123")],
        ["a plain string", "tok-123"],
    ] as const) {
        it(`stores BaseAddress and SecretToken as a Pulumi secret when the token is ${label}`, async () => {
            const { engine } = await recordEntra(
                () => new EntraScimApp("scim", { displayName: DISPLAY, baseUrl: SCIM_URL, token }),
            );
            const secret = only(engine, T.syncSecret);
            assert.strictEqual(secret.inputs.servicePrincipalId, "scim-sp-id");
            assert.ok(
                secret.inputs.credentials instanceof RecordedSecret,
                "credentials must reach the engine as a secret",
            );
            assert.deepStrictEqual((secret.inputs.credentials as RecordedSecret).value, [
                { key: "BaseAddress", value: SCIM_URL },
                { key: "SecretToken", value: "tok-123" },
            ]);
            assert.ok(
                !JSON.stringify(engine.resources).includes("tok-123"),
                "the token must never serialize in plaintext",
            );
        });
    }

    it("runs the scim synchronization job after its credentials exist", async () => {
        const { engine } = await recordEntra(
            () => new EntraScimApp("scim", { displayName: DISPLAY, baseUrl: SCIM_URL, token: "t" }),
        );
        const job = only(engine, T.syncJob);
        assert.deepStrictEqual(job.inputs, { servicePrincipalId: "scim-sp-id", templateId: "scim", enabled: true });
        assert.ok(job.dependsOn.includes(only(engine, T.syncSecret).urn));
        assert.deepStrictEqual(
            engine.resources.flatMap((r) => allKeys(r.inputs)).filter((k) => /encrypt/i.test(k)),
            [],
        );
    });

    it("outputs the app, service principal, the User app role and the remaining manual steps (SCIM-6)", async () => {
        const { result } = await recordEntra(
            () => new EntraScimApp("scim", { displayName: DISPLAY, baseUrl: SCIM_URL, token: "t" }),
        );
        assert.strictEqual(await valueOf(result.appId), `<application object id of ${DISPLAY}>`);
        assert.strictEqual(
            await valueOf(result.servicePrincipalObjectId),
            `<service principal object id of ${DISPLAY}>`,
        );
        assert.strictEqual(await valueOf(result.appRoleId), USER_APP_ROLE_ID);
        const steps = await valueOf(result.manualSteps);
        assert.deepStrictEqual(steps, scimManualSteps(DISPLAY));
        assert.strictEqual(steps!.length, 2);
        assert.match(steps![0], /^SCIM-6: .*"ChatGPT SCIM provisioning \(Lincoln USD\)" → Provisioning → Mappings/);
        assert.match(steps![0], /name\.givenName ← givenName, name\.familyName ← surname/);
        assert.match(steps![1], /^GRP-2: .*Sync only assigned users and groups/);
    });
});
