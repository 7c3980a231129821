/** One client per API, one retry policy, one paginator, one poll helper (issue 7). */
export * from "./shared";
export * from "./chatgptAdmin";
export * from "./apiPlatform";
// The client of the invented /organization/identity/* API: removed at integration; build nothing on it.
export * from "./http";
export * from "./identityApi";
