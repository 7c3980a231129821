/** Verification: reads the live workspace (admin API, GET only) and DNS, and holds them against the config. */
export { VerifyConfig, VerifyWorkspaceSpec, VerifyGroupSpec } from "./config";
export { DomainRecordCheck, TxtResolver, checkDomainRecords, dnsServerProblem, dnsTxtResolver } from "./dnsRecords";
export { LiveReadOptions, LiveState, ReadProgress, WorkspaceRead, readLiveState } from "./liveState";
export { LiveFactsResult, ReadLiveFactsOptions, factsFromLiveState, readLiveFacts } from "./liveFacts";
export { VerifyOptions, judgeLiveState, verifyTenant } from "./verifyTenant";
export { MIN_ANALYTICS_MEMBERS } from "./checks/groupChecks";
export { PHASE_SCOPE } from "./checks/phaseChecklist";
export * from "./types";
