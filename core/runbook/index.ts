export { renderRunbook } from "./renderRunbook";
export { phaseSummary } from "./phaseSummary";
export { ChatGptCustomRole, RunbookConfig, RunbookFacts, RunbookWorkspaceFields } from "./types";
