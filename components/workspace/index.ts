export * from "./config";
export * from "./chatgptWorkspace";
export * from "./apiPlatformAccess";
