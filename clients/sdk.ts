/** @deprecated moved to `clients/apiPlatform/sdk`; kept so older imports compile until integration. */
export * from "./apiPlatform/sdk";
