export * from "./errors";
export * from "./credentials";
export * from "./sdk";
