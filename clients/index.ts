export * from "./errors";
export * from "./retry";
export * from "./http";
export * from "./identityApi";
export * from "./credentials";
export * from "./sdk";
