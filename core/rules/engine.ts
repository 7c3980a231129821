import { WorkspaceConfig } from "../config/schema";
import { dom1VerifyBeforeSso, dom2SubdomainsListed, dom3DomainHeldElsewhere, dom5VerifiedDomainRemoved } from "./domainRules";
import { grp1NamingConvention, grp2GroupsPushedBySCIM, grp3LocalGroupDuplicates, grp4AnalyticsGroupSize, grp5RolloutPhase } from "./groupRules";
import { role1RolesOnlyAdd, role2MapPushedGroupsOnly } from "./roleRules";
import { sso6NoAssertionEncryption, sso7NameClaims } from "./samlAssertionRules";
import { scim2ScimWithoutSso, scim3NoAacWithScim, scim4ExistingUsersSkipped, scim5AacExplainsUnexpectedMembers } from "./scimRules";
import { sso4ApiPlatformSso, sso5OneIdpPerDomain } from "./ssoConnectionRules";
import { sso1OneStage, sso2TestBeforeEnforcing, sso3WhoSsoAffects, sso8SocialLoginAtEnforcement, sso9ProvisioningStillNeeded } from "./ssoStageRules";
import { Finding, Rule, WorkspaceFacts } from "./types";
import { ws2ClaimedDomainTraining, ws3PersonalAccountMigration } from "./workspaceRules";

/** Every judgeable rule, in the order of the domain rules; findings come out in this order. */
export const RULES: readonly Rule[] = [
    dom1VerifyBeforeSso,
    dom2SubdomainsListed,
    dom3DomainHeldElsewhere,
    dom5VerifiedDomainRemoved,
    sso1OneStage,
    sso2TestBeforeEnforcing,
    sso3WhoSsoAffects,
    sso4ApiPlatformSso,
    sso5OneIdpPerDomain,
    sso6NoAssertionEncryption,
    sso7NameClaims,
    sso8SocialLoginAtEnforcement,
    sso9ProvisioningStillNeeded,
    scim2ScimWithoutSso,
    scim3NoAacWithScim,
    scim4ExistingUsersSkipped,
    scim5AacExplainsUnexpectedMembers,
    grp1NamingConvention,
    grp2GroupsPushedBySCIM,
    grp3LocalGroupDuplicates,
    grp4AnalyticsGroupSize,
    grp5RolloutPhase,
    role1RolesOnlyAdd,
    role2MapPushedGroupsOnly,
    ws2ClaimedDomainTraining,
    ws3PersonalAccountMigration,
];

/** Runs every rule on a validated config. Pure; the order is RULES order, then config order. */
export function evaluateRules(config: WorkspaceConfig, facts: WorkspaceFacts = {}): Finding[] {
    return RULES.flatMap((rule) => rule.check(config, facts));
}

/** True when any finding blocks the deployment. */
export function hasErrors(findings: readonly Finding[]): boolean {
    return findings.some((f) => f.severity === "error");
}
