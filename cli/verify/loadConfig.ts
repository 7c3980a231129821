import { parseWorkspaceConfig } from "../../core/config/load";
import { ConfigProblem } from "../../core/config/load";
import { VerifyConfig } from "../../verify/config";
import { readStackFile, WORKSPACE_KEY } from "../plan/stackFile";

export type LoadedConfig = { ok: true; config: VerifyConfig } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads and validates the stack file through the one config loader and gives the part verification reads.
 * Throws StackFileError when the file cannot be read.
 *
 * Until the tenant loader (`loadStackConfig`, h-core) lands, this reads the `chatgpt-identity:workspace` form only
 * and shapes it as a tenant of one workspace with key "default" (its id comes from --workspace-id).
 */
export function loadVerifyConfig(stackFile: string): LoadedConfig {
    const stack = readStackFile(stackFile);
    const parsed = parseWorkspaceConfig(stack.values[WORKSPACE_KEY]);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const c = parsed.config;
    return {
        ok: true,
        config: {
            form: "workspace",
            name: c.name,
            idp: c.idp,
            domains: c.domains,
            sso: { stage: c.sso.stage, testUsers: c.sso.testUsers },
            workspaces: [{
                key: "default",
                name: c.name,
                path: "workspace",
                phase: c.phase,
                scim: { enabled: c.scim.enabled },
                groups: c.groups,
                settings: { automaticAccountCreation: c.settings.automaticAccountCreation },
                customRoles: [],
            }],
        },
    };
}
