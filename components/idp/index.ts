export * from "./types";
export * from "./names";
export { idpSideOutputs } from "./outputs";
