export { Identity, IdentityArgs, workspaceConfigFromInputs } from "./identity";
