/**
 * The preflight rule engine: every rule of ../shared/domain-rules.md, judged once (engine or config gate) or
 * listed as unjudgeable.
 */
export { PartialTenantConfig, RULES, evaluatePartialConfig, evaluateRules, hasErrors } from "./engine";
export { evaluatePartialRules, partialTenantConfig } from "./partialConfig";
export {
    FindingsReport,
    countBySeverity,
    findingsReport,
    findingsToJson,
    formatFindings,
    summarizeFindings,
} from "./format";
export {
    Finding,
    FindingId,
    MISSING_FACTS_ID,
    Rule,
    RuleId,
    Severity,
    TenantContext,
    UnjudgeableRule,
    WorkspaceContext,
} from "./types";
export { UNJUDGEABLE_RULES } from "./unjudgeable";
export {
    REQUIRED_CLAIMS,
    RequiredClaim,
    SSO6_WHY,
    SSO7_WHY,
    droppedClaims,
    droppedClaimsMessage,
    encryptionSettings,
} from "./samlAssertionRules";
export { MIN_ANALYTICS_GROUP_SIZE } from "./groupRules";
export { DOM6_EMAIL_CHANGE_STEPS } from "./domainRules";
export { NEXT_PHASE, PHASE_GROUP_RANGES, currentPhaseText, declaredGroupNames, nextPhaseText } from "./rolloutPhase";
export { TenantFacts, mergeFacts } from "../facts";
