/** @deprecated moved to `clients/apiPlatform/credentials`; kept so older imports compile until integration. */
export * from "./apiPlatform/credentials";
