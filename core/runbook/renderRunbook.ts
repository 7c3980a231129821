import { TenantConfig, WorkspaceSpec } from "../config/model";
import { evaluateRules } from "../rules";
import { IDP_DISPLAY_NAMES, listing } from "../rules/types";
import {
    apiPlatformSsoSection,
    applySection,
    domainSection,
    emailChangeSection,
    findingsSection,
    ssoFinishSection,
    stageStep,
    testUserSection,
    userImpactSection,
    wizardSection,
} from "./tenantSections";
import { Section, code } from "./text";
import { RunbookFacts } from "./types";
import {
    accountCreationSection,
    customRolesSection,
    phaseSection,
    scimFinishSection,
    stageSection,
    workspaceConsoleSection,
} from "./workspaceSections";

const present = (sections: (Section | undefined)[]): Section[] => sections.filter((s): s is Section => s !== undefined);

/**
 * The Markdown runbook of what a person must still do, in order, with the values filled in: the
 * tenant's domains and its one SSO connection once (SSO-10), then each workspace's own steps (SCIM-7).
 * A one-workspace stack reads as one list, without workspace headings. Deterministic (no dates, no
 * environment), so the same config and facts give the same text.
 */
export function renderRunbook(config: TenantConfig, facts: RunbookFacts): string {
    const findings = facts.findings ?? evaluateRules(config, facts.tenantFacts);
    const sections =
        config.workspaces.length === 1
            ? oneWorkspace(config, config.workspaces[0], facts)
            : [
                  ...tenantHead(config, facts),
                  ...config.workspaces.map((ws): Section => ({
                      title: `Workspace ${ws.name} (${code(ws.key)})`,
                      lines: [
                          `The steps of the ${ws.name} workspace only; its SCIM directory and token are its own (SCIM-7).`,
                      ],
                      parts: workspaceParts(config, ws, facts, true),
                  })),
                  ...tenantTail(config),
              ];
    sections.push(findingsSection(findings));
    const actionable = findings.filter((f) => f.severity !== "info").length;
    const header = [
        `# ChatGPT identity runbook: ${config.name}`,
        "",
        summaryLine(config),
        "",
        `These are the steps a person still has to do, in order; \`pulumi up\` does the rest. ${actionable === 0 ? "No finding needs action." : `${actionable} finding${actionable === 1 ? " needs" : "s need"} action: see "${sections[sections.length - 1].title}" at the end.`} Ids such as DOM-1 refer to the rules listed in README.md.`,
    ];
    const body = sections.flatMap((s, i) => [
        "",
        `## ${i + 1}. ${s.title}`,
        "",
        ...s.lines,
        ...(s.parts ?? []).flatMap((p, j) => ["", `### ${i + 1}.${j + 1}. ${p.title}`, "", ...p.lines]),
    ]);
    return [...header, ...body, ""].join("\n");
}

function summaryLine(config: TenantConfig): string {
    const idp = `Identity provider: ${IDP_DISPLAY_NAMES[config.idp]}. SSO stage: ${config.sso.stage}.`;
    const scim = (ws: WorkspaceSpec) => (ws.scim.enabled ? "on" : "off");
    if (config.workspaces.length === 1) {
        const ws = config.workspaces[0];
        return `${idp} SCIM provisioning: ${scim(ws)}. Rollout phase: ${ws.phase}.`;
    }
    const each = config.workspaces.map((ws) => `${ws.name} (SCIM provisioning ${scim(ws)}, rollout phase ${ws.phase})`);
    return `${idp} Workspaces: ${listing(each)}.`;
}

function tenantHead(config: TenantConfig, facts: RunbookFacts): Section[] {
    return present([
        domainSection(config, facts),
        wizardSection(config, facts),
        applySection(config, facts),
        ssoFinishSection(config, facts),
        apiPlatformSsoSection(config),
    ]);
}

function tenantTail(config: TenantConfig): Section[] {
    return present([testUserSection(config), userImpactSection(config), emailChangeSection()]);
}

function workspaceParts(config: TenantConfig, ws: WorkspaceSpec, facts: RunbookFacts, withStage: boolean): Section[] {
    return present([
        withStage ? stageSection(config, ws, stageStep(config)) : undefined,
        scimFinishSection(config, ws, facts),
        accountCreationSection(config, ws),
        workspaceConsoleSection(config, ws),
        customRolesSection(config, ws),
        withStage ? phaseSection(config, ws) : undefined,
    ]);
}

/** The one-workspace order (the workspace form): one list, the phase next to the findings. */
function oneWorkspace(config: TenantConfig, ws: WorkspaceSpec, facts: RunbookFacts): Section[] {
    return [
        ...tenantHead(config, facts),
        ...workspaceParts(config, ws, facts, false),
        ...tenantTail(config),
        phaseSection(config, ws),
    ];
}
