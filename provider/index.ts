/** The workspace side: admin API client and the dynamic-provider resources. */
export * from "../clients";
export * from "./resources";
