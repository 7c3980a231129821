import { loadWorkspaceConfig } from "../../../core/config/load";
import { WorkspaceConfig, WorkspaceConfigInput } from "../../../core/config/schema";
import { entraFakeInvokes, entraFakeOutputs } from "../../../offline/previewValues/entra";
import { RecordedResource, RecordingEngine } from "../../../offline/recordingEngine";
import { record } from "../../support/engine";

export const DOMAIN = "lincoln.k12.ca.us";
export const ENTITY_ID = "https://auth.openai.com/saml/lincoln-usd";
export const ACS_URL = "https://auth.openai.com/saml/acs/lincoln-usd";
export const SCIM_URL = "https://api.openai.com/scim/v2/lincoln-usd";

export function entraConfig(overrides: Partial<WorkspaceConfigInput> = {}): WorkspaceConfig {
    return loadWorkspaceConfig({ name: "Lincoln USD", idp: "entra", domains: [{ name: DOMAIN }], ...overrides });
}

/** Records `build` with the Entra preview values (the same ones `plan` uses). */
export function recordEntra<T>(build: () => T) {
    return record(build, { fakeOutputs: entraFakeOutputs, fakeInvokes: entraFakeInvokes });
}

/** `type name` of every direct child of the resource, sorted. */
export function childrenOf(engine: RecordingEngine, parent: RecordedResource): string[] {
    return engine.childrenOf(parent.urn).map((r) => `${r.type} ${r.name}`).sort();
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
    claimsAssignment: "azuread:index/servicePrincipalClaimsMappingPolicyAssignment:ServicePrincipalClaimsMappingPolicyAssignment",
    assignment: "azuread:index/appRoleAssignment:AppRoleAssignment",
    syncSecret: "azuread:index/synchronizationSecret:SynchronizationSecret",
    syncJob: "azuread:index/synchronizationJob:SynchronizationJob",
    group: "azuread:index/group:Group",
    getUsers: "azuread:index/getUsers:getUsers",
} as const;
