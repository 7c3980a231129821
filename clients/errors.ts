/** @deprecated moved to `clients/apiPlatform/errors`; kept so older imports compile until integration. */
export * from "./apiPlatform/errors";
