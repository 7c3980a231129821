import { strict as assert } from "assert";
import * as fs from "fs";
import { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { parse } from "yaml";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { RecordedResource } from "../../offline/recordingEngine";
import { TenantIdentity } from "../../components/workspaceIdentity";
import { loadTenantConfig } from "../../core/config/load";
import {
    preflightErrors,
    preflightWarnings,
    validateGroupNames,
    validateNameClaims,
    validateNoAssertionEncryption,
} from "../../policy/policies";
import { GROUP_TYPES, SAML_APP_TYPES, WORKSPACE_IDENTITY_TYPE } from "../../policy/resourceTypes";
import { record } from "../support/engine";
import { repoPath } from "../support/paths";

/**
 * The policies applied to what the real program registers for the two examples: no false positives
 * on the resources chatgpt-identity builds, and a violation as soon as one of them is changed.
 */

const RESOURCE_VALIDATIONS = [validateNoAssertionEncryption, validateNameClaims, validateGroupNames];

function exampleConfig(...file: string[]): unknown {
    return parse(fs.readFileSync(repoPath("examples", ...file), "utf8")).config["chatgpt-identity:workspace"];
}

async function recordExample(raw: unknown): Promise<{ resources: RecordedResource[]; identity: TenantIdentity }> {
    const config = loadTenantConfig(raw, "workspace");
    const { engine, result } = await record(
        () => new TenantIdentity("identity", { config, secrets: { scimTokens: { default: "tok" } } }),
        { fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes },
    );
    return { resources: engine.customResources(), identity: result };
}

/** Plain JSON props, as the policy engine hands them over (secrets as plain values are never needed here). */
function args(
    r: RecordedResource,
    props: Record<string, unknown> = JSON.parse(JSON.stringify(r.inputs)),
): ResourceValidationArgs {
    return { type: r.type, props, urn: r.urn, name: r.name, opts: {} } as unknown as ResourceValidationArgs;
}

function violations(a: ResourceValidationArgs): string[] {
    const out: string[] = [];
    for (const validate of RESOURCE_VALIDATIONS) validate(a, (message) => out.push(message));
    return out;
}

function only(resources: RecordedResource[], type: string): RecordedResource {
    const found = resources.filter((r) => r.type === type);
    assert.equal(found.length, 1, `one ${type}`);
    return found[0];
}

describe("policy pack on the resources the program registers", () => {
    it("Entra example: no violation on any resource; a changed claims policy, an encryption key or a renamed group is caught", async () => {
        const { resources, identity } = await recordExample(exampleConfig("entra-district", "Pulumi.lincoln.yaml"));
        for (const r of resources) assert.deepEqual(violations(args(r)), [], `${r.type} ${r.name}`);

        const policy = only(resources, SAML_APP_TYPES.entraClaimsMappingPolicy);
        const definition = JSON.parse(policy.inputs.definitions[0]);
        definition.ClaimsMappingPolicy.ClaimsSchema = definition.ClaimsMappingPolicy.ClaimsSchema.filter(
            (c: { SamlClaimType?: string }) => !String(c.SamlClaimType).endsWith("family_name"),
        );
        const dropped = violations(args(policy, { ...policy.inputs, definitions: [JSON.stringify(definition)] }));
        assert.equal(dropped.length, 1);
        assert.match(
            dropped[0],
            /^SSO-7 \(identity-entra-sso-claims-policy\): The SAML assertion would not carry "family_name"/,
        );

        const app = resources.find(
            (r) => r.type === SAML_APP_TYPES.entraServicePrincipal && r.name === "identity-entra-sso-sp",
        )!;
        assert.match(
            violations(args(app, { ...JSON.parse(JSON.stringify(app.inputs)), tokenEncryptionKeyId: "6f1c" }))[0],
            /^SSO-6 .*"tokenEncryptionKeyId" turns on SAML assertion encryption/,
        );

        const group = resources.find((r) => r.type === GROUP_TYPES.entraGroup)!;
        assert.match(
            violations(args(group, { ...group.inputs, displayName: "Lincoln Teachers" }))[0],
            /^Group name "Lincoln Teachers" is invalid/,
        );

        // The stack policy sees the component's registered config: the example has warnings, no errors.
        const stack = stackArgs(JSON.parse(JSON.stringify(identity.config)));
        const errors: string[] = [];
        preflightErrors.validateStack(stack, (m) => errors.push(m));
        assert.deepEqual(errors, []);
        const warnings: string[] = [];
        preflightWarnings.validateStack(stack, (m) => warnings.push(m.split(" ")[0]));
        assert.deepEqual(warnings, ["SSO-1", "GRP-5"]);
    });

    it("Okta example: no violation on any resource; attribute statements without the name claims are caught", async () => {
        const { resources } = await recordExample(exampleConfig("okta-enterprise", "Pulumi.pilot.yaml"));
        for (const r of resources) assert.deepEqual(violations(args(r)), [], `${r.type} ${r.name}`);

        const app = only(resources, SAML_APP_TYPES.oktaSamlApp);
        const props = JSON.parse(JSON.stringify(app.inputs));
        assert.deepEqual(props.attributeStatements.map((s: { name: string }) => s.name).sort(), [
            "email",
            "family_name",
            "given_name",
        ]);
        const emailOnly = props.attributeStatements.filter((s: { name: string }) => s.name === "email");
        assert.match(
            violations(args(app, { ...props, attributeStatements: emailOnly }))[0],
            /would not carry "given_name" and "family_name"/,
        );

        const group = resources.find((r) => r.type === GROUP_TYPES.oktaGroup)!;
        assert.equal(violations(args(group, { ...group.inputs, name: "analytics engineering" })).length, 1);
    });
});

function stackArgs(config: unknown): StackValidationArgs {
    const root = {
        type: WORKSPACE_IDENTITY_TYPE,
        props: { config },
        urn: `urn:pulumi:plan::chatgpt-identity::${WORKSPACE_IDENTITY_TYPE}::identity`,
        name: "identity",
    } as unknown as PolicyResource;
    return { resources: [root] } as unknown as StackValidationArgs;
}
