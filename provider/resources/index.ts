export { RESOURCE_MODULE, API_PLATFORM_MODULE, ResourceError, isResourceError } from "./common";
export * from "./providerSettings";
export * from "./groupUsageLimits";
export * from "./workspaceUsageLimit";
export * from "./pilotInvites";
export * from "./apiPlatformRole";
export * from "./apiPlatformGroupRoles";
