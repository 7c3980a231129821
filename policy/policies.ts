import {
    Policies,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { ConfigProblem, TenantConfig, parseTenantConfig } from "../core/config/load";
import { groupNameProblem } from "../core/naming/groupName";
import {
    Finding,
    Severity,
    droppedClaims,
    droppedClaimsMessage,
    encryptionSettings,
    evaluateRules,
} from "../core/rules";
import { SSO6_WHY, SSO7_WHY } from "../core/rules/samlAssertionRules";
import { GROUP_TYPES, IDENTITY_TYPES, SAML_APP_TYPES, isUnderThisPackage } from "./resourceTypes";

/**
 * The CrossGuard policies: the same rule engine as `chatgpt-identity plan` and the component
 * (components/rules), applied to what the engine sees: the top-level component's `config` output,
 * and the IdP resources' inputs for what shows on them (SSO-6, SSO-7, GRP-1).
 */

const violationText = (f: Pick<Finding, "id" | "path" | "message" | "why" | "fix">) =>
    `${f.id} (${f.path}): ${f.message} Why: ${f.why} Fix: ${f.fix}`;

/**
 * The config a top-level component registered: the validated TenantConfig it was built from, or (a
 * stack last deployed by a release before tenants) the old workspace object, put through the gate.
 */
export function registeredConfig(
    raw: unknown,
): { ok: true; config: TenantConfig } | { ok: false; problems: ConfigProblem[] } {
    const value = raw as Partial<TenantConfig> | null;
    if (value && (value.form === "workspace" || value.form === "tenant") && Array.isArray(value.workspaces)) {
        return { ok: true, config: value as TenantConfig };
    }
    return parseTenantConfig(raw, "workspace");
}

/**
 * Reports the rule findings of one severity for every top-level component (WorkspaceIdentity, TenantIdentity) in the
 * stack.
 */
function preflight(severity: Exclude<Severity, "info">) {
    return (args: StackValidationArgs, reportViolation: ReportViolation): void => {
        for (const resource of args.resources.filter((r) => IDENTITY_TYPES.includes(r.type))) {
            const raw = resource.props.config;
            if (raw === undefined || raw === null) {
                if (severity === "error") {
                    reportViolation(
                        `The ${resource.name} component has no "config" output, so the preflight rules could not run. Use a chatgpt-identity version whose WorkspaceIdentity registers its config.`,
                        resource.urn,
                    );
                }
                continue;
            }
            const parsed = registeredConfig(raw);
            if (!parsed.ok) {
                if (severity === "error") {
                    for (const p of parsed.problems) reportViolation(`${p.path}: ${p.message}`, resource.urn);
                }
                continue;
            }
            for (const f of evaluateRules(parsed.config).filter((x) => x.severity === severity)) {
                reportViolation(violationText(f), resource.urn);
            }
        }
    };
}

export const preflightErrors: StackValidationPolicy = {
    name: "chatgpt-identity-preflight-errors",
    description:
        "The chatgpt-identity preflight rules of severity error (SSO-2, SSO-4, SCIM-3, DOM-1, ...) block the deployment.",
    enforcementLevel: "mandatory",
    validateStack: preflight("error"),
};

export const preflightWarnings: StackValidationPolicy = {
    name: "chatgpt-identity-preflight-warnings",
    description: "The chatgpt-identity preflight rules of severity warning (GRP-5, GRP-4, DOM-5, ...) are reported.",
    enforcementLevel: "advisory",
    validateStack: preflight("warning"),
};

const SAML_RESOURCE_TYPES: readonly string[] = [
    SAML_APP_TYPES.entraApplication,
    SAML_APP_TYPES.entraApplicationFromTemplate,
    SAML_APP_TYPES.entraServicePrincipal,
    SAML_APP_TYPES.entraClaimsMappingPolicy,
    SAML_APP_TYPES.oktaSamlApp,
];

/** SSO-6 on resource inputs: no setting of a SAML app or claims policy turns on encryption. */
export function validateNoAssertionEncryption(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
    if (!SAML_RESOURCE_TYPES.includes(args.type) || !isUnderThisPackage(args.urn)) return;
    for (const setting of encryptionSettings(args.props)) {
        reportViolation(
            `SSO-6 (${args.name}): "${setting}" turns on SAML assertion encryption. Why: ${SSO6_WHY} Fix: remove the setting; chatgpt-identity never sets one, so something outside the component changed this resource.`,
        );
    }
}

/** One claim of an Entra claims-mapping policy definition, as far as SSO-7 reads it. */
interface ClaimsSchemaEntry {
    SamlClaimType?: unknown;
    ID?: unknown;
    ExtensionID?: unknown;
    Value?: unknown;
}

/** The claim sources an Entra claims-mapping policy sends, by SAML claim type (last URI segment). */
function entraClaimSources(definitions: unknown): Record<string, unknown> {
    const sources: Record<string, unknown> = {};
    for (const definition of Array.isArray(definitions) ? definitions : []) {
        let parsed: { ClaimsMappingPolicy?: { ClaimsSchema?: ClaimsSchemaEntry[] } } | undefined;
        try {
            parsed = typeof definition === "string" ? JSON.parse(definition) : definition;
        } catch {
            continue;
        }
        const entries = parsed?.ClaimsMappingPolicy?.ClaimsSchema;
        for (const entry of Array.isArray(entries) ? entries : []) {
            const claimType =
                String(entry?.SamlClaimType ?? "")
                    .split("/")
                    .pop() ?? "";
            sources[claimType] = entry?.ID ?? entry?.ExtensionID ?? entry?.Value;
        }
    }
    return sources;
}

/** The values each Okta attribute statement sends, by attribute name. */
function oktaClaimSources(statements: unknown): Record<string, unknown> {
    const sources: Record<string, unknown> = {};
    for (const s of Array.isArray(statements) ? statements : []) {
        if (typeof s?.name === "string") sources[s.name] = s.values;
    }
    return sources;
}

/** SSO-7 on resource inputs: the Okta SAML app and the Entra claims policy send email, given_name, family_name. */
export function validateNameClaims(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
    if (!isUnderThisPackage(args.urn)) return;
    let sources: Record<string, unknown>;
    if (args.type === SAML_APP_TYPES.oktaSamlApp) sources = oktaClaimSources(args.props.attributeStatements);
    else if (args.type === SAML_APP_TYPES.entraClaimsMappingPolicy) sources = entraClaimSources(args.props.definitions);
    else return;
    const dropped = droppedClaims(sources, true);
    if (dropped.length === 0) return;
    reportViolation(
        `SSO-7 (${args.name}): ${droppedClaimsMessage(dropped)} Why: ${SSO7_WHY} Fix: restore the attribute statements/claims that chatgpt-identity sets (configure sources with sso.claims).`,
    );
}

/** GRP-1 on resource inputs: created IdP groups follow the naming convention. */
export function validateGroupNames(args: ResourceValidationArgs, reportViolation: ReportViolation): void {
    if (!isUnderThisPackage(args.urn)) return;
    let name: unknown;
    if (args.type === GROUP_TYPES.entraGroup) name = args.props.displayName;
    else if (args.type === GROUP_TYPES.oktaGroup) name = args.props.name;
    else return;
    if (typeof name !== "string") return;
    const problem = groupNameProblem(name);
    if (problem)
        reportViolation(
            `${problem} Why: access groups named by one convention tell IT and workspace admins what each group is for.`,
        );
}

export const noAssertionEncryption: ResourceValidationPolicy = {
    name: "chatgpt-identity-saml-no-encryption",
    description:
        "SSO-6: SAML assertions for ChatGPT are never encrypted (Entra app, service principal and claims policy; Okta SAML app).",
    enforcementLevel: "mandatory",
    validateResource: validateNoAssertionEncryption,
};

export const nameClaims: ResourceValidationPolicy = {
    name: "chatgpt-identity-saml-name-claims",
    description:
        "SSO-7: the SAML assertion carries email, given_name and family_name (Okta attribute statements, Entra claims-mapping policy).",
    enforcementLevel: "mandatory",
    validateResource: validateNameClaims,
};

export const groupNames: ResourceValidationPolicy = {
    name: "chatgpt-identity-group-names",
    description: "GRP-1: access groups are named [USAGE]_[DIMENSION]_[GROUP] (Entra groups, Okta groups).",
    enforcementLevel: "mandatory",
    validateResource: validateGroupNames,
};

/** Every policy of the pack, in a fixed order. */
export const policies: Policies = [preflightErrors, preflightWarnings, noAssertionEncryption, nameClaims, groupNames];
