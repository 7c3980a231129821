import { loadWorkspaceConfig } from "../../../core/config/load";
import { WorkspaceConfig, WorkspaceConfigInput } from "../../../core/config/schema";

export const ENTITY_ID = "https://auth.openai.com/saml/acme-entity";
export const ACS_URL = "https://auth.openai.com/saml/acme/acs";
export const SCIM_BASE_URL = "https://api.openai.com/scim/v2/acme";

/** A validated Okta config for Acme with the given overrides (sections are replaced, not merged). */
export function oktaConfig(overrides: Partial<WorkspaceConfigInput> = {}): WorkspaceConfig {
    return loadWorkspaceConfig({
        name: "Acme",
        idp: "okta",
        domains: [{ name: "acme.org" }],
        sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL },
        groups: [
            { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
            { dimension: "FUNCTION", group: "Support", existingId: "00gADOPTED1" },
        ],
        ...overrides,
    });
}

/** `count` distinct convention groups: ROLLOUT_SCHOOL_S0001, ROLLOUT_SCHOOL_S0002, ... */
export function manyGroups(count: number): WorkspaceConfigInput["groups"] {
    return Array.from({ length: count }, (_, i) => ({ usage: "ROLLOUT", dimension: "SCHOOL", group: `S${String(i + 1).padStart(4, "0")}` }));
}
