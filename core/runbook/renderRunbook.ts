import { evaluateRules } from "../rules";
import { IDP_DISPLAY_NAMES } from "../rules/types";
import {
    Section, accountCreationSection, apiPlatformSsoSection, applySection, customRolesSection, domainSection, emailChangeSection, findingsSection,
    phaseSection, scimFinishSection, ssoFinishSection, testUserSection, userImpactSection, wizardSection, workspaceConsoleSection,
} from "./sections";
import { RunbookConfig, RunbookFacts, RunbookWorkspaceFields } from "./types";

/**
 * The Markdown runbook of what a person must still do, in order, with the values filled in.
 * Deterministic (no dates, no environment), so the same config and facts give the same text.
 */
export function renderRunbook(given: RunbookConfig, facts: RunbookFacts): string {
    const config = withWorkspaceFields(given);
    const findings = facts.findings ?? evaluateRules(config, facts.workspaceFacts);
    const sections: Section[] = [
        domainSection(config, facts),
        wizardSection(config, facts),
        applySection(config, facts),
        ssoFinishSection(config, facts),
        apiPlatformSsoSection(config),
        scimFinishSection(config, facts),
        accountCreationSection(config),
        workspaceConsoleSection(config),
        customRolesSection(config),
        testUserSection(config),
        userImpactSection(config),
        emailChangeSection(config),
        phaseSection(config),
        findingsSection(findings),
    ].filter((s): s is Section => s !== undefined);
    const actionable = findings.filter((f) => f.severity !== "info").length;
    const header = [
        `# ChatGPT identity runbook: ${config.name}`,
        "",
        `Identity provider: ${IDP_DISPLAY_NAMES[config.idp]}. SSO stage: ${config.sso.stage}. SCIM provisioning: ${config.scim.enabled ? "on" : "off"}. Rollout phase: ${config.phase}.`,
        "",
        `These are the steps a person still has to do, in order; \`pulumi up\` does the rest. ${actionable === 0 ? "No finding needs action." : `${actionable} finding${actionable === 1 ? " needs" : "s need"} action: see "${sections[sections.length - 1].title}" at the end.`} Ids such as DOM-1 refer to the rules listed in README.md.`,
    ];
    const body = sections.flatMap((s, i) => ["", `## ${i + 1}. ${s.title}`, "", ...s.lines]);
    return [...header, ...body, ""].join("\n");
}

/** The workspace-side fields from the config's `workspace` (WorkspaceSpec) where the view does not carry them itself. */
function withWorkspaceFields(config: RunbookConfig): RunbookConfig {
    const spec = (config as { workspace?: Partial<RunbookWorkspaceFields> }).workspace;
    if (!spec) return config;
    return {
        ...config,
        workspaceId: config.workspaceId ?? spec.workspaceId,
        customRoles: config.customRoles ?? spec.customRoles,
        usageLimit: config.usageLimit ?? spec.usageLimit,
        invites: config.invites ?? spec.invites,
    };
}
