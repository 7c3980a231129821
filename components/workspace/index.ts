export * from "./domains";
export * from "./access";
