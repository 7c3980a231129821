import { strict as assert } from "assert";
import * as azuread from "@pulumi/azuread";
import * as okta from "@pulumi/okta";
import { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import {
    groupNames,
    nameClaims,
    noAssertionEncryption,
    policies,
    preflightErrors,
    preflightWarnings,
    validateGroupNames,
    validateNameClaims,
    validateNoAssertionEncryption,
} from "../../policy/policies";
import {
    GROUP_TYPES,
    SAML_APP_TYPES,
    TENANT_IDENTITY_TYPE,
    WORKSPACE_IDENTITY_TYPE,
    isUnderThisPackage,
} from "../../policy/resourceTypes";
import { loadTenantConfig } from "../../core/config/load";
import { DOMAINS, SCIM_ON, SSO_WIZARD } from "../core/rules/support";

const SSO_BASE = { ...SSO_WIZARD, apiPlatformSsoEnabled: true };

/** The validated TenantConfig (workspace form) a top-level component registers as its `config` output. */
function makeConfig(patch: Record<string, unknown> = {}) {
    return loadTenantConfig(
        { name: "Lincoln Unified School District", idp: "entra", domains: DOMAINS, ...patch },
        "workspace",
    );
}

const STACK = "urn:pulumi:dev::district";
const ROOT_URN = `${STACK}::${WORKSPACE_IDENTITY_TYPE}::identity`;
const childUrn = (type: string, name: string) =>
    `${STACK}::${WORKSPACE_IDENTITY_TYPE}$chatgpt-identity:entra:Identity$${type}::${name}`;

/** Fake policy arguments: only what the validations read. */
function resourceArgs(
    type: string,
    props: Record<string, unknown>,
    urn = childUrn(type, "identity-entra-x"),
): ResourceValidationArgs {
    return {
        type,
        props,
        urn,
        name: urn.split("::").pop()!,
        opts: {} as never,
        isType: () => false,
        asType: () => undefined,
        getConfig: () => ({}) as never,
        notApplicable: () => {
            throw new Error("n/a");
        },
    } as unknown as ResourceValidationArgs;
}

function stackArgs(config: unknown, type = WORKSPACE_IDENTITY_TYPE, urn = ROOT_URN): StackValidationArgs {
    const root = {
        type,
        props: config === undefined ? {} : { config },
        urn,
        name: "identity",
    } as unknown as PolicyResource;
    const other = {
        type: "azuread:index/group:Group",
        props: { displayName: "x" },
        urn: childUrn(GROUP_TYPES.entraGroup, "g"),
        name: "g",
    } as unknown as PolicyResource;
    return {
        resources: [other, root],
        stackTags: new Map(),
        getConfig: () => ({}) as never,
        notApplicable: () => {
            throw new Error("n/a");
        },
    } as unknown as StackValidationArgs;
}

function collect(run: (report: (message: string, urn?: string) => void) => void): { message: string; urn?: string }[] {
    const out: { message: string; urn?: string }[] = [];
    run((message, urn) => out.push({ message, urn }));
    return out;
}

const jsonOf = (config: unknown) => JSON.parse(JSON.stringify(config));

describe("policy pack", () => {
    it("uses the real type tokens of the installed provider SDKs", () => {
        const token = (cls: unknown) => (cls as { __pulumiType: string }).__pulumiType;
        assert.equal(SAML_APP_TYPES.entraApplication, token(azuread.Application));
        assert.equal(SAML_APP_TYPES.entraApplicationFromTemplate, token(azuread.ApplicationFromTemplate));
        assert.equal(SAML_APP_TYPES.entraServicePrincipal, token(azuread.ServicePrincipal));
        assert.equal(SAML_APP_TYPES.entraClaimsMappingPolicy, token(azuread.ClaimsMappingPolicy));
        assert.equal(SAML_APP_TYPES.oktaSamlApp, token(okta.app.Saml));
        assert.equal(GROUP_TYPES.entraGroup, token(azuread.Group));
        assert.equal(GROUP_TYPES.oktaGroup, token(okta.group.Group));
    });

    it("exports the policies with unique names; rule errors are mandatory and warnings advisory", () => {
        assert.deepEqual(
            policies.map((p) => p.name),
            [
                "chatgpt-identity-preflight-errors",
                "chatgpt-identity-preflight-warnings",
                "chatgpt-identity-saml-no-encryption",
                "chatgpt-identity-saml-name-claims",
                "chatgpt-identity-group-names",
            ],
        );
        assert.equal(preflightErrors.enforcementLevel, "mandatory");
        assert.equal(preflightWarnings.enforcementLevel, "advisory");
        for (const p of [noAssertionEncryption, nameClaims, groupNames]) assert.equal(p.enforcementLevel, "mandatory");
    });

    it("stack policy: the component's config output runs through the rule engine; errors are reported on its URN", async () => {
        const config = jsonOf(
            makeConfig({
                sso: { ...SSO_BASE, stage: "enforced" },
                scim: SCIM_ON,
                settings: { automaticAccountCreation: true },
                groups: [{ dimension: "ROLE", group: "Staff" }],
            }),
        );
        const errors = collect((report) => preflightErrors.validateStack(stackArgs(config), report));
        assert.deepEqual(
            errors.map((e) => e.message.split(" ")[0]),
            ["SSO-2", "SCIM-3"],
        );
        assert.ok(errors.every((e) => e.urn === ROOT_URN));
        assert.equal(
            errors[1].message,
            "SCIM-3 (workspace.settings.automaticAccountCreation): Automatic account creation is on while SCIM is enabled. Why: Automatic account creation adds anyone who signs in with a verified-domain address and never removes them, so people SCIM deprovisions (leavers, students who moved) can come back, and the two compete over who manages each account. Fix: Set settings.automaticAccountCreation: false and let SCIM provision users. If you must run both for a transition, set settings.allowAutomaticAccountCreationWithScim: true.",
        );
        assert.deepEqual(
            collect((report) => preflightWarnings.validateStack(stackArgs(config), report)),
            [],
        );
    });

    it("stack policy: warnings go to the advisory policy only; a clean config reports nothing", () => {
        const groups = [1, 2, 3].map((i) => ({ dimension: "SCHOOL", group: `S${i}` }));
        const config = jsonOf(makeConfig({ scim: SCIM_ON, groups }));
        const warnings = collect((report) => preflightWarnings.validateStack(stackArgs(config), report));
        assert.deepEqual(
            warnings.map((w) => w.message.split(" ")[0]),
            ["GRP-5"],
        );
        assert.deepEqual(
            collect((report) => preflightErrors.validateStack(stackArgs(config), report)),
            [],
        );
        const clean = jsonOf(makeConfig({ scim: SCIM_ON, groups: groups.slice(0, 2) }));
        assert.deepEqual(
            collect((report) => preflightWarnings.validateStack(stackArgs(clean), report)),
            [],
        );
    });

    it("stack policy: the tenant form's TenantConfig (two workspaces) is judged per workspace, on the TenantIdentity URN", () => {
        const tenantUrn = `${STACK}::${TENANT_IDENTITY_TYPE}::district`;
        const config = jsonOf(
            loadTenantConfig(
                {
                    name: "Lincoln Unified School District",
                    idp: "entra",
                    domains: DOMAINS,
                    sso: { ...SSO_WIZARD, stage: "testing" },
                    apiPlatform: { ssoEnabled: true },
                    workspaces: [
                        { key: "staff", name: "Staff", scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] },
                        {
                            key: "students",
                            name: "Students",
                            scim: { ...SCIM_ON, baseUrl: "https://api.openai.com/scim/v2/students" },
                            settings: { automaticAccountCreation: true },
                            groups: [1, 2, 3].map((i) => ({ dimension: "SCHOOL", group: `S${i}` })),
                        },
                    ],
                },
                "tenant",
            ),
        );
        const args = stackArgs(config, TENANT_IDENTITY_TYPE, tenantUrn);
        const errors = collect((report) => preflightErrors.validateStack(args, report));
        assert.deepEqual(
            errors.map((e) => e.message.split(": ")[0]),
            ["SCIM-3 (tenant.workspaces[1].settings.automaticAccountCreation)"],
        );
        assert.ok(errors.every((e) => e.urn === tenantUrn));
        const warnings = collect((report) => preflightWarnings.validateStack(args, report));
        assert.deepEqual(warnings.map((w) => w.message.split(": ")[0]).sort(), [
            "GRP-5 (tenant.workspaces[1].groups)",
            "SSO-1 (tenant.workspaces[0].groups)",
            "SSO-1 (tenant.workspaces[1].groups)",
        ]);
    });

    it("stack policy: an old config the gate refuses (SSO-6 encryption) and a missing config output are blocking", () => {
        // A stack last deployed by the release before tenants registered the raw workspace object: it goes through the
        // gate.
        const old = {
            name: "Lincoln",
            idp: "entra",
            domains: DOMAINS,
            sso: { stage: "enabled", ...SSO_WIZARD, assertionEncryption: true },
        };
        const oldErrors = collect((report) => preflightErrors.validateStack(stackArgs(old), report));
        assert.deepEqual(
            oldErrors.map((e) => e.message.split(":")[0]),
            ["workspace.sso.assertionEncryption"],
        );
        const missing = collect((report) => preflightErrors.validateStack(stackArgs(undefined), report));
        assert.match(
            missing[0].message,
            /^The identity component has no "config" output, so the preflight rules could not run/,
        );
    });

    it("SSO-6 resource policy: any encryption setting on a SAML app of this package is reported", () => {
        const encrypted = collect((r) =>
            validateNoAssertionEncryption(
                resourceArgs(SAML_APP_TYPES.oktaSamlApp, {
                    label: "ChatGPT SSO",
                    appSettingsJson: '{"assertionEncryption":{"enabled":true}}',
                }),
                r,
            ),
        );
        assert.equal(encrypted.length, 1);
        assert.match(
            encrypted[0].message,
            /^SSO-6 \(identity-entra-x\): "appSettingsJson\.assertionEncryption" turns on SAML assertion encryption/,
        );
        assert.equal(
            collect((r) =>
                validateNoAssertionEncryption(
                    resourceArgs(SAML_APP_TYPES.entraApplication, { tokenEncryptionKeyId: "0f3c" }),
                    r,
                ),
            ).length,
            1,
        );
        assert.deepEqual(
            collect((r) =>
                validateNoAssertionEncryption(
                    resourceArgs(SAML_APP_TYPES.entraServicePrincipal, {
                        preferredSingleSignOnMode: "saml",
                        useExisting: true,
                    }),
                    r,
                ),
            ),
            [],
        );
        const foreign = resourceArgs(
            SAML_APP_TYPES.entraApplication,
            { tokenEncryptionKeyId: "0f3c" },
            `${STACK}::azuread:index/application:Application::other-app`,
        );
        assert.deepEqual(
            collect((r) => validateNoAssertionEncryption(foreign, r)),
            [],
            "resources outside this package are left alone",
        );
    });

    it("SSO-7 resource policy: Okta attribute statements and the Entra claims policy must send the three claims", () => {
        const statement = (name: string, values: string[]) => ({
            name,
            namespace: "urn:oasis:names:tc:SAML:2.0:attrname-format:basic",
            type: "EXPRESSION",
            values,
        });
        const full = [
            statement("email", ["user.email"]),
            statement("given_name", ["user.firstName"]),
            statement("family_name", ["user.lastName"]),
        ];
        assert.deepEqual(
            collect((r) =>
                validateNameClaims(resourceArgs(SAML_APP_TYPES.oktaSamlApp, { attributeStatements: full }), r),
            ),
            [],
        );
        const dropped = collect((r) =>
            validateNameClaims(resourceArgs(SAML_APP_TYPES.oktaSamlApp, { attributeStatements: full.slice(0, 1) }), r),
        );
        assert.match(
            dropped[0].message,
            /^SSO-7 \(identity-entra-x\): The SAML assertion would not carry "given_name" and "family_name"/,
        );
        const definition = (types: string[]) => [
            JSON.stringify({
                ClaimsMappingPolicy: {
                    Version: 1,
                    IncludeBasicClaimSet: "true",
                    ClaimsSchema: types.map((t) => ({ Source: "user", ID: "x", SamlClaimType: t })),
                },
            }),
        ];
        const entra = (types: string[]) =>
            collect((r) =>
                validateNameClaims(
                    resourceArgs(SAML_APP_TYPES.entraClaimsMappingPolicy, { definitions: definition(types) }),
                    r,
                ),
            );
        assert.deepEqual(
            entra([
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
                "email",
                "given_name",
                "family_name",
            ]),
            [],
        );
        assert.match(entra(["email", "given_name"])[0].message, /would not carry "family_name"/);
    });

    it("GRP-1 resource policy: Entra and Okta group names follow the convention", () => {
        const report = (type: string, props: Record<string, unknown>) =>
            collect((r) => validateGroupNames(resourceArgs(type, props), r));
        assert.deepEqual(
            report(GROUP_TYPES.entraGroup, { displayName: "ROLLOUT_ROLE_Teachers", securityEnabled: true }),
            [],
        );
        assert.deepEqual(report(GROUP_TYPES.oktaGroup, { name: "FUNCTION_Support" }), []);
        const bad = report(GROUP_TYPES.oktaGroup, { name: "Lincoln Teachers" });
        assert.match(
            bad[0].message,
            /^Group name "Lincoln Teachers" is invalid: .*GRP-1: names follow \[USAGE\]_\[DIMENSION\]_\[GROUP\]/,
        );
        assert.equal(report(GROUP_TYPES.entraGroup, { displayName: "rollout_role_teachers" }).length, 1);
    });

    it("isUnderThisPackage reads the parent type chain of the URN", () => {
        assert.equal(isUnderThisPackage(childUrn(GROUP_TYPES.entraGroup, "g")), true);
        assert.equal(isUnderThisPackage(`${STACK}::azuread:index/group:Group::g`), false);
        assert.equal(isUnderThisPackage(ROOT_URN), false);
    });
});
