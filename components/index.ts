export * from "../core/naming/groupName";
export * from "../core/config/load";
export * from "./idp";
export * from "./workspaceIdentity";
export * from "./program";
export * as dns from "./dns";
export * as workspace from "./workspace";
export * as rules from "../core/rules";
export * as runbook from "../core/runbook";

/*
 * `entra` and `okta` need their IdP SDK (`@pulumi/azuread`, `@pulumi/okta`), optional peer dependencies: each
 * namespace is loaded on first use, so a program that uses one IdP never needs the other's SDK installed.
 */
import type * as entraNamespace from "./entra";
import type * as oktaNamespace from "./okta";
export declare const entra: typeof entraNamespace;
export declare const okta: typeof oktaNamespace;
Object.defineProperty(exports, "entra", { enumerable: true, get: () => require("./entra") as typeof entraNamespace });
Object.defineProperty(exports, "okta", { enumerable: true, get: () => require("./okta") as typeof oktaNamespace });
