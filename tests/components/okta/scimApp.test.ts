import * as assert from "assert";
import { record, valueOf } from "../../support/engine";
import { OktaScimApp } from "../../../components/okta/scimApp";
import { DEFAULT_OKTA_CLAIM_SOURCES } from "../../../components/okta/claims";
import { scimManualSteps } from "../../../components/okta/scimManualSteps";
import { oktaFakeInvokes, oktaFakeOutputs } from "../../../offline/previewValues/okta";
import { SCIM_BASE_URL } from "./fixtures";

const SWA = "okta:app/swa:Swa";
const LABEL = "ChatGPT SCIM provisioning (Acme)";
const fakes = { fakeOutputs: oktaFakeOutputs, fakeInvokes: oktaFakeInvokes };

function build(groupPushDeferred = false) {
    return record(
        () =>
            new OktaScimApp("scim", {
                displayName: LABEL,
                baseUrl: SCIM_BASE_URL,
                claims: { ...DEFAULT_OKTA_CLAIM_SOURCES },
                groupPushDeferred,
            }),
        fakes,
    );
}

describe("okta/OktaScimApp", () => {
    it("registers exactly one hidden custom SWA app whose username is the email, child of the component (SCIM-1, SCIM-6)", async () => {
        const { engine } = await build();
        const component = engine.find("chatgpt-identity:okta:ScimApp", "scim")!;
        assert.deepStrictEqual(
            engine.childrenOf(component.urn).map((r) => [r.type, r.name]),
            [[SWA, "scim-app"]],
        );
        const app = engine.byType(SWA)[0].inputs;
        assert.strictEqual(app.label, LABEL);
        assert.strictEqual(app.preconfiguredApp, undefined);
        assert.strictEqual(app.hideWeb, true);
        assert.strictEqual(app.hideIos, true);
        assert.strictEqual(app.userNameTemplate, "${source.email}");
        assert.strictEqual(app.userNameTemplateType, "CUSTOM");
    });

    it("does not pretend: no provisioning connection or feature resource is created for the custom app, and no token is sent anywhere", async () => {
        const { engine } = await build();
        assert.deepStrictEqual(engine.byType("okta:app/connection:Connection"), []);
        assert.deepStrictEqual(engine.byType("okta:app/features:Features"), []);
        assert.ok(!/token/i.test(JSON.stringify(engine.resources.map((r) => r.inputs))));
    });

    it("outputs the app id and the exact one-time console steps", async () => {
        const { result } = await build();
        assert.strictEqual(await valueOf(result.appId), "scim-app-id");
        const steps = (await valueOf(result.manualSteps))!;
        assert.deepStrictEqual(steps, [
            '1. Okta Admin Console → Applications → Applications → "ChatGPT SCIM provisioning (Acme)" → General → App Settings → Edit: set Provisioning to SCIM (older consoles: tick "Enable SCIM provisioning") → Save. This is the provisioning app, separate from the SSO app (SCIM-1).',
            `2. Provisioning → Integration → Edit: SCIM connector base URL = ${SCIM_BASE_URL}; Unique identifier field for users = email; Supported provisioning actions: tick Push New Users, Push Profile Updates and Push Groups; Authentication Mode = HTTP Header; Authorization (Bearer) = the bearer token from the ChatGPT Directory Sync wizard (it is shown only once; paste it here, never into a file, ticket or chat) → Test Connector Configuration → Save.`,
            "3. Provisioning → To App → Edit: enable Create Users, Update User Attributes and Deactivate Users → Save. Deactivate Users is what removes people from ChatGPT when they leave an assigned group.",
            "4. Provisioning → To App → attribute mappings (SCIM-6): userName = the app username, which this stack sets to the email (${source.email}); email ← user.email; givenName ← user.firstName; familyName ← user.lastName. Without givenName and familyName ChatGPT shows names as email addresses.",
            "5. Users assigned before provisioning was enabled may not be pushed: Okta Admin Console → Dashboard → Tasks lists failed or pending provisioning; retry them there.",
            "6. Push Groups tab: every access group shows Push Status Active (this stack creates the pushes, GRP-2). Okta accepts group pushes only once provisioning is on: if `pulumi up` failed creating them before steps 1-3 were done, run it again now.",
        ]);
    });

    it("manual steps are known in a preview, when the app id is not", async () => {
        const { result } = await record(
            () =>
                new OktaScimApp("scim", {
                    displayName: LABEL,
                    baseUrl: SCIM_BASE_URL,
                    claims: { ...DEFAULT_OKTA_CLAIM_SOURCES },
                }),
            { preview: true },
        );
        const steps = await valueOf(result.manualSteps);
        assert.strictEqual(steps?.length, 6);
    });

    it("with deferred group pushes the last step says how to turn them on", () => {
        const steps = scimManualSteps({
            appLabel: LABEL,
            baseUrl: SCIM_BASE_URL,
            claims: { ...DEFAULT_OKTA_CLAIM_SOURCES },
            groupPushDeferred: true,
        });
        assert.strictEqual(
            steps[5],
            "6. Group pushes are deferred until provisioning is on: after steps 1-5 set `scim.oktaProvisioningEnabled: true` in the stack config and run `pulumi up`; it creates one group push per access group (GRP-2), which Okta accepts only once provisioning is on. Then check the Push Groups tab: every group shows Push Status Active.",
        );
    });

    it("custom claim sources flow into the username template and the mappings (SCIM-6)", () => {
        const steps = scimManualSteps({
            appLabel: LABEL,
            baseUrl: SCIM_BASE_URL,
            claims: { email: "user.login", given_name: "user.nickName", family_name: "user.lastName" },
            groupPushDeferred: false,
        });
        assert.ok(
            steps[3].includes(
                "(${source.login}); email ← user.login; givenName ← user.nickName; familyName ← user.lastName.",
            ),
            steps[3],
        );
    });
});
