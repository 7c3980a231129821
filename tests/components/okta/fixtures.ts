import { TenantConfig, loadTenantConfig } from "../../../core/config/load";
import { GroupSpec } from "../../../core/config/model";

export const ENTITY_ID = "https://auth.openai.com/saml/acme-entity";
export const ACS_URL = "https://auth.openai.com/saml/acme/acs";
export const SCIM_BASE_URL = "https://api.openai.com/scim/v2/acme";

/**
 * A validated one-workspace (workspace form) Okta config for Acme with the given overrides (sections are replaced, not
 * merged).
 */
export function oktaConfig(overrides: Record<string, unknown> = {}): TenantConfig {
    return loadTenantConfig(
        {
            name: "Acme",
            idp: "okta",
            domains: [{ name: "acme.org" }],
            sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL },
            groups: [
                { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
                { dimension: "FUNCTION", group: "Support", existingId: "00gADOPTED1" },
            ],
            ...overrides,
        },
        "workspace",
    );
}

/** The validated groups of the one workspace of `oktaConfig(overrides)`. */
export function oktaGroups(overrides: Record<string, unknown> = {}): GroupSpec[] {
    return oktaConfig(overrides).workspaces[0].groups;
}

/**
 * A validated two-workspace (tenant form) Okta config: Staff and Students, each with SCIM on (pushes on) and its own
 * groups.
 */
export function oktaTwoWorkspaces(): TenantConfig {
    return loadTenantConfig(
        {
            name: "Acme",
            idp: "okta",
            domains: [{ name: "acme.org" }],
            sso: { stage: "enabled", entityId: ENTITY_ID, acsUrl: ACS_URL },
            workspaces: [
                {
                    key: "staff",
                    name: "Staff",
                    scim: { enabled: true, baseUrl: `${SCIM_BASE_URL}-staff`, oktaProvisioningEnabled: true },
                    groups: [
                        { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
                        { dimension: "FUNCTION", group: "Support", existingId: "00gADOPTED1" },
                    ],
                },
                {
                    key: "students",
                    name: "Students",
                    scim: { enabled: true, baseUrl: `${SCIM_BASE_URL}-students`, oktaProvisioningEnabled: true },
                    groups: [{ usage: "ROLLOUT", dimension: "SCHOOL", group: "Lincoln-High" }],
                },
            ],
        },
        "tenant",
    );
}

/** `count` distinct convention groups: ROLLOUT_SCHOOL_S0001, ROLLOUT_SCHOOL_S0002, ... */
export function manyGroups(count: number): { usage: string; dimension: string; group: string }[] {
    return Array.from({ length: count }, (_, i) => ({
        usage: "ROLLOUT",
        dimension: "SCHOOL",
        group: `S${String(i + 1).padStart(4, "0")}`,
    }));
}
