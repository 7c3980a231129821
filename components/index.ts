export * from "../core/naming/groupName";
export * from "../core/config/load";
export * from "./idp";
export * from "./workspaceIdentity";
export * from "./program";
export * as dns from "./dns";
export * as rules from "../core/rules";
export * as runbook from "../core/runbook";

/*
 * `entra` and `okta` need their IdP SDK (`@pulumi/azuread`, `@pulumi/okta`), optional peer dependencies, and
 * `workspace` the admin API clients (the `openai` SDK among them): each namespace is loaded on first use, so a
 * program loads only what its stack uses.
 */
import type * as entraNamespace from "./entra";
import type * as oktaNamespace from "./okta";
import type * as workspaceNamespace from "./workspace";
export declare const entra: typeof entraNamespace;
export declare const okta: typeof oktaNamespace;
export declare const workspace: typeof workspaceNamespace;
Object.defineProperty(exports, "entra", { enumerable: true, get: () => require("./entra") as typeof entraNamespace });
Object.defineProperty(exports, "okta", { enumerable: true, get: () => require("./okta") as typeof oktaNamespace });
Object.defineProperty(exports, "workspace", {
    enumerable: true,
    get: () => require("./workspace") as typeof workspaceNamespace,
});
