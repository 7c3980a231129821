import { TenantConfig, loadTenantConfig } from "../../../core/config/load";
import { GroupSpec } from "../../../core/config/model";
import { entraFakeInvokes, entraFakeOutputs } from "../../../offline/previewValues/entra";
import { RecordedResource, RecordingEngine } from "../../../offline/recordingEngine";
import { record } from "../../support/engine";

export const DOMAIN = "lincoln.k12.ca.us";
export const ENTITY_ID = "https://auth.openai.com/saml/lincoln-usd";
export const ACS_URL = "https://auth.openai.com/saml/acs/lincoln-usd";
export const SCIM_URL = "https://api.openai.com/scim/v2/lincoln-usd";

/**
 * A validated one-workspace (workspace form) Entra config for Lincoln USD with the given overrides (sections
 * replaced).
 */
export function entraConfig(overrides: Record<string, unknown> = {}): TenantConfig {
    return loadTenantConfig(
        { name: "Lincoln USD", idp: "entra", domains: [{ name: DOMAIN }], ...overrides },
        "workspace",
    );
}

/** The validated groups of a one-workspace config (with their convention names). */
export function entraGroups(groups: Record<string, unknown>[]): GroupSpec[] {
    return entraConfig({ groups }).workspaces[0].groups;
}

/** A validated two-workspace (tenant form) Entra config: Staff and Students, each with SCIM on and its own groups. */
export function entraTwoWorkspaces(
    sso: Record<string, unknown> = { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL },
): TenantConfig {
    return loadTenantConfig(
        {
            name: "Lincoln USD",
            idp: "entra",
            domains: [{ name: DOMAIN }],
            sso,
            workspaces: [
                {
                    key: "staff",
                    name: "Staff",
                    scim: { enabled: true, baseUrl: `${SCIM_URL}-staff` },
                    groups: [
                        { usage: "TESTING", dimension: "ROLE", group: "Pilot", members: [`pilot@${DOMAIN}`] },
                        { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
                    ],
                },
                {
                    key: "students",
                    name: "Students",
                    scim: { enabled: true, baseUrl: `${SCIM_URL}-students` },
                    groups: [{ usage: "ROLLOUT", dimension: "SCHOOL", group: "Lincoln-High" }],
                },
            ],
        },
        "tenant",
    );
}

/** Records `build` with the Entra preview values (the same ones `plan` uses). */
export function recordEntra<T>(build: () => T) {
    return record(build, { fakeOutputs: entraFakeOutputs, fakeInvokes: entraFakeInvokes });
}

/** `type name` of every direct child of the resource, sorted. */
export function childrenOf(engine: RecordingEngine, parent: RecordedResource): string[] {
    return engine
        .childrenOf(parent.urn)
        .map((r) => `${r.type} ${r.name}`)
        .sort();
}

export function only(engine: RecordingEngine, type: string): RecordedResource {
    const found = engine.byType(type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0];
}

/** Every object key anywhere in a value (RecordedSecret values included). */
export function allKeys(value: unknown, into: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => allKeys(v, into));
    else if (value !== null && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) {
            into.push(k);
            allKeys(v, into);
        }
    }
    return into;
}

export const T = {
    template: "azuread:index/applicationFromTemplate:ApplicationFromTemplate",
    sp: "azuread:index/servicePrincipal:ServicePrincipal",
    identifierUri: "azuread:index/applicationIdentifierUri:ApplicationIdentifierUri",
    redirectUris: "azuread:index/applicationRedirectUris:ApplicationRedirectUris",
    cert: "azuread:index/servicePrincipalTokenSigningCertificate:ServicePrincipalTokenSigningCertificate",
    claimsPolicy: "azuread:index/claimsMappingPolicy:ClaimsMappingPolicy",
    claimsAssignment:
        "azuread:index/servicePrincipalClaimsMappingPolicyAssignment:ServicePrincipalClaimsMappingPolicyAssignment",
    assignment: "azuread:index/appRoleAssignment:AppRoleAssignment",
    syncSecret: "azuread:index/synchronizationSecret:SynchronizationSecret",
    syncJob: "azuread:index/synchronizationJob:SynchronizationJob",
    group: "azuread:index/group:Group",
    getUsers: "azuread:index/getUsers:getUsers",
} as const;
