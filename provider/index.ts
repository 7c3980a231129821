/** The Pulumi dynamic resources: the ChatGPT workspace side and the optional API Platform organization RBAC. */
export * from "./resources";
