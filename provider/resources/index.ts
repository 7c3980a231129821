export { RESOURCE_MODULE, ResourceError, isResourceError } from "./common";
export * from "./settings";
export * from "./domain";
export * from "./verification";
export * from "./customRole";
export * from "./groupRoleMappings";
