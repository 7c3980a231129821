/** The preflight rule engine: one pure check per rule of ../shared/domain-rules.md. */
export { RULES, evaluateRules, hasErrors } from "./engine";
export { FindingsReport, countBySeverity, findingsReport, findingsToJson, formatFindings, summarizeFindings } from "./format";
export { Finding, Rule, RuleId, Severity, UnjudgeableRule, WorkspaceFacts } from "./types";
export { UNJUDGEABLE_RULES } from "./unjudgeable";
export { REQUIRED_CLAIMS, RequiredClaim, droppedClaims, droppedClaimsMessage, encryptionSettings } from "./samlAssertionRules";
export { MIN_ANALYTICS_GROUP_SIZE } from "./groupRules";
export { NEXT_PHASE, PHASE_GROUP_RANGES, currentPhaseText, nextPhaseText } from "./rolloutPhase";
