import { RecordedResource } from "../../offline/recordingEngine";

/** The systems the plan groups resources by, in the order an administrator works through them. */
export const SYSTEMS = [
    "Identity provider: SSO app",
    "Identity provider: SCIM provisioning app",
    "Groups and assignments",
    "DNS records",
    "Workspace (admin API)",
    "Other",
] as const;
export type System = (typeof SYSTEMS)[number];

/** Which system a resource belongs to, from the chatgpt-identity component that owns it. */
export function systemOf(resource: RecordedResource): System {
    const owner = resource.parentType ?? "";
    if (owner.endsWith(":SamlApp")) return "Identity provider: SSO app";
    if (owner.endsWith(":ScimApp")) return "Identity provider: SCIM provisioning app";
    if (owner.endsWith(":AccessGroups")) return "Groups and assignments";
    if (owner.startsWith("chatgpt-identity:dns:")) return "DNS records";
    if (owner.startsWith("chatgpt-identity:workspace:")) return "Workspace (admin API)";
    return "Other";
}

/** `azuread:index/group:Group` → `azuread:Group`; `okta:app/saml:Saml` → `okta:app.Saml`. */
export function shortType(type: string): string {
    const [pkg, mod, name] = type.split(":");
    if (name === undefined) return type;
    const module = mod.split("/")[0];
    return module === "index" || module === "" ? `${pkg}:${name}` : `${pkg}:${module}.${name}`;
}
