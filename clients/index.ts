/** One client per API, one retry policy, one paginator, one poll helper (issue 7). */
export * from "./shared";
export * from "./chatgptAdmin";
export * from "./apiPlatform";
