/**
 * The fact model: what the rules know about the live world, from the stack file, the live reader and the API.
 */
export { FactKey, OtherIdpConfiguration, TenantFacts, UnmanagedUser } from "./types";
export { FACTS, FACT_KEYS, FactDescription, FactSource, describeFact } from "./sources";
export { mergeFacts } from "./merge";
