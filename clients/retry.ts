/** @deprecated moved to `clients/shared/retryPolicy`; kept so older imports compile until integration. */
export * from "./shared/retryPolicy";
