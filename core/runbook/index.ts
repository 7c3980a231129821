export { renderRunbook } from "./renderRunbook";
export { phaseSummary } from "./phaseSummary";
export { RunbookFacts } from "./types";
