import * as assert from "assert";
import { EntraSamlApp, EntraSamlAppArgs } from "../../../components/entra/samlApp";
import { SsoConfig } from "../../../core/config/model";
import { NON_GALLERY_TEMPLATE_ID } from "../../../components/entra/enterpriseApp";
import { NAME_ID_CLAIM_TYPE } from "../../../components/entra/claims";
import { USER_APP_ROLE_ID } from "../../../components/entra/appRoles";
import { valueOf } from "../../support/engine";
import { ACS_URL, DOMAIN, ENTITY_ID, T, allKeys, childrenOf, entraConfig, only, recordEntra } from "./fixtures";

const TEACHER = `teacher@${DOMAIN}`;
const PRINCIPAL = `principal@${DOMAIN}`;

/** The validated sso section of a config with these sso overrides (stage testing with two test users by default). */
function sso(overrides: Record<string, unknown> = {}): SsoConfig {
    return entraConfig({
        sso: { stage: "testing", entityId: ENTITY_ID, acsUrl: ACS_URL, testUsers: [TEACHER, PRINCIPAL], ...overrides },
    }).sso;
}

function samlArgs(ssoOverrides: Record<string, unknown> = {}, args: Partial<EntraSamlAppArgs> = {}): EntraSamlAppArgs {
    return { displayName: "ChatGPT SSO (Lincoln USD)", sso: sso(ssoOverrides), path: "workspace", ...args };
}

describe("EntraSamlApp", () => {
    it("registers exactly the SAML app's children under the component", async () => {
        const { engine } = await recordEntra(
            () => new EntraSamlApp("sso", samlArgs({}, { testGroupObjectId: "<object id of TESTING_ROLE_Pilot>" })),
        );
        const component = only(engine, "chatgpt-identity:entra:SamlApp");
        assert.deepStrictEqual(
            childrenOf(engine, component),
            [
                `${T.assignment} sso-test-group`,
                `${T.assignment} sso-test-user-${PRINCIPAL}`,
                `${T.assignment} sso-test-user-${TEACHER}`,
                `${T.template} sso-app`,
                `${T.identifierUri} sso-identifier-uri`,
                `${T.redirectUris} sso-redirect-uris`,
                `${T.claimsPolicy} sso-claims-policy`,
                `${T.sp} sso-sp`,
                `${T.claimsAssignment} sso-claims-policy-assignment`,
                `${T.cert} sso-signing-cert`,
            ].sort(),
        );
        assert.strictEqual(engine.resources.length, 11);
    });

    it("instantiates the non-gallery template and adopts its service principal in SAML mode", async () => {
        const { engine } = await recordEntra(() => new EntraSamlApp("sso", samlArgs()));
        assert.deepStrictEqual(only(engine, T.template).inputs, {
            displayName: "ChatGPT SSO (Lincoln USD)",
            templateId: NON_GALLERY_TEMPLATE_ID,
        });
        assert.strictEqual(NON_GALLERY_TEMPLATE_ID, "8adf8e6e-67b2-4cf2-a259-e3dc5476c621");
        const sp = only(engine, T.sp).inputs;
        assert.strictEqual(sp.useExisting, true);
        assert.strictEqual(sp.preferredSingleSignOnMode, "saml");
        assert.strictEqual(sp.clientId, "<client id of ChatGPT SSO (Lincoln USD)>");
        assert.deepStrictEqual(sp.featureTags, [{ enterprise: true, customSingleSignOn: true }]);
    });

    it("sets the ChatGPT entity ID as identifier URI and the ACS URL as the Web redirect URI", async () => {
        const { engine } = await recordEntra(() => new EntraSamlApp("sso", samlArgs()));
        const appResourceId = "/applications/<application object id of ChatGPT SSO (Lincoln USD)>";
        assert.deepStrictEqual(only(engine, T.identifierUri).inputs, {
            applicationId: appResourceId,
            identifierUri: ENTITY_ID,
        });
        assert.deepStrictEqual(only(engine, T.redirectUris).inputs, {
            applicationId: appResourceId,
            type: "Web",
            redirectUris: [ACS_URL],
        });
    });

    it("always sends email, given_name and family_name, with NameID = email (SSO-7)", async () => {
        const { engine } = await recordEntra(() => new EntraSamlApp("sso", samlArgs()));
        const policy = only(engine, T.claimsPolicy).inputs;
        assert.strictEqual(policy.definitions.length, 1);
        const schema = JSON.parse(policy.definitions[0]).ClaimsMappingPolicy.ClaimsSchema;
        assert.deepStrictEqual(schema, [
            { Source: "user", ID: "mail", SamlClaimType: NAME_ID_CLAIM_TYPE },
            { Source: "user", ID: "mail", SamlClaimType: "email" },
            { Source: "user", ID: "givenname", SamlClaimType: "given_name" },
            { Source: "user", ID: "surname", SamlClaimType: "family_name" },
        ]);
        const assignment = only(engine, T.claimsAssignment);
        assert.deepStrictEqual(assignment.inputs, {
            claimsMappingPolicyId: "sso-claims-policy-id",
            servicePrincipalId: "sso-sp-id",
        });
        // AADSTS50146: the policy only works once the app has its own signing key.
        assert.ok(assignment.dependsOn.includes(only(engine, T.cert).urn));
    });

    it("uses the config's claim sources when given, for the NameID too (SSO-7)", async () => {
        const { engine } = await recordEntra(
            () =>
                new EntraSamlApp(
                    "sso",
                    samlArgs({
                        claims: { email: "user.userprincipalname", family_name: "user.extension_abc_lastName" },
                    }),
                ),
        );
        const schema = JSON.parse(only(engine, T.claimsPolicy).inputs.definitions[0]).ClaimsMappingPolicy.ClaimsSchema;
        assert.deepStrictEqual(
            schema.map((e: any) => [e.SamlClaimType, e.ID ?? e.ExtensionID]),
            [
                [NAME_ID_CLAIM_TYPE, "userprincipalname"],
                ["email", "userprincipalname"],
                ["given_name", "givenname"],
                ["family_name", "extension_abc_lastName"],
            ],
        );
    });

    it("never configures token or assertion encryption on any resource (SSO-6)", async () => {
        const { engine } = await recordEntra(() => new EntraSamlApp("sso", samlArgs({}, { testGroupObjectId: "g" })));
        const keys = engine.resources.flatMap((r) => allKeys(r.inputs));
        const policyKeys = allKeys(JSON.parse(only(engine, T.claimsPolicy).inputs.definitions[0]));
        assert.ok(keys.length > 20);
        assert.deepStrictEqual(
            [...keys, ...policyKeys].filter((k) => /encrypt/i.test(k)),
            [],
        );
    });

    it("issues a new signing certificate when certificateRotation changes, under the same logical name", async () => {
        const first = await recordEntra(() => new EntraSamlApp("sso", samlArgs()));
        const firstCert = only(first.engine, T.cert);
        const second = await recordEntra(() => new EntraSamlApp("sso", samlArgs({ certificateRotation: "2027" })));
        const secondCert = only(second.engine, T.cert);
        // displayName forces a new certificate in the provider ("Changing this field forces a new resource").
        assert.deepStrictEqual(firstCert.inputs, { servicePrincipalId: "sso-sp-id", displayName: "CN=ChatGPT SSO 1" });
        assert.deepStrictEqual(secondCert.inputs, {
            servicePrincipalId: "sso-sp-id",
            displayName: "CN=ChatGPT SSO 2027",
        });
        assert.strictEqual(firstCert.urn, secondCert.urn);
        assert.strictEqual(await valueOf(second.result.certificateThumbprint), "<thumbprint of CN=ChatGPT SSO 2027>");
    });

    it("assigns the test users (one getUsers lookup) and the test group only at stage testing (SSO-2)", async () => {
        const { engine } = await recordEntra(
            () => new EntraSamlApp("sso", samlArgs({}, { testGroupObjectId: "<object id of TESTING_ROLE_Pilot>" })),
        );
        assert.strictEqual(only(engine, T.sp).inputs.appRoleAssignmentRequired, true);
        const lookups = engine.invokes.filter((i) => i.token === T.getUsers);
        assert.deepStrictEqual(
            lookups.map((i) => i.inputs),
            [{ userPrincipalNames: [TEACHER, PRINCIPAL], ignoreMissing: true }],
        );
        const spObjectId = "<service principal object id of ChatGPT SSO (Lincoln USD)>";
        const byName = Object.fromEntries(engine.byType(T.assignment).map((a) => [a.name, a.inputs]));
        assert.deepStrictEqual(byName, {
            [`sso-test-user-${TEACHER}`]: {
                appRoleId: USER_APP_ROLE_ID,
                principalObjectId: `<object id of ${TEACHER}>`,
                resourceObjectId: spObjectId,
            },
            [`sso-test-user-${PRINCIPAL}`]: {
                appRoleId: USER_APP_ROLE_ID,
                principalObjectId: `<object id of ${PRINCIPAL}>`,
                resourceObjectId: spObjectId,
            },
            "sso-test-group": {
                appRoleId: USER_APP_ROLE_ID,
                principalObjectId: "<object id of TESTING_ROLE_Pilot>",
                resourceObjectId: spObjectId,
            },
        });
    });

    for (const stage of ["enabled", "enforced"] as const) {
        it(`at stage ${stage} requires no assignment and assigns no test users (access gated by provisioning, SSO-9)`, async () => {
            const { engine } = await recordEntra(
                () =>
                    new EntraSamlApp(
                        "sso",
                        samlArgs(
                            { stage, ...(stage === "enforced" ? { testedUsers: [TEACHER] } : {}) },
                            { testGroupObjectId: "g" },
                        ),
                    ),
            );
            assert.strictEqual(only(engine, T.sp).inputs.appRoleAssignmentRequired, false);
            assert.deepStrictEqual(engine.byType(T.assignment), []);
            assert.deepStrictEqual(
                engine.invokes.filter((i) => i.token === T.getUsers),
                [],
            );
            assert.strictEqual(engine.resources.length, 8);
        });
    }

    it("outputs the app id, metadata URL, entity ID and certificate thumbprint", async () => {
        const { result } = await recordEntra(() => new EntraSamlApp("sso", samlArgs()));
        assert.strictEqual(await valueOf(result.appId), "<application object id of ChatGPT SSO (Lincoln USD)>");
        assert.strictEqual(
            await valueOf(result.metadataUrl),
            "https://login.microsoftonline.com/<tenant id>/federationmetadata/2007-06/federationmetadata.xml?appid=<client id of ChatGPT SSO (Lincoln USD)>",
        );
        assert.strictEqual(await valueOf(result.entityId), ENTITY_ID);
        assert.strictEqual(await valueOf(result.certificateThumbprint), "<thumbprint of CN=ChatGPT SSO 1>");
    });
});
