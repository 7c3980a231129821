import { WorkspaceConfig } from "../../core/config/schema";
import { UnknownDnsAdapterError, loadDnsAdapter } from "./adapters/registry";
import { SettingsProblem } from "./settingsProblems";

/**
 * Checks `dns.adapter` and `dns.settings` of a validated config, so the config loader can report
 * DNS problems together with schema problems. Paths are rooted at `workspace`, e.g.
 * `workspace.dns.settings.zoneIds.staff.district.k12.us`. Loads only the adapter module, never its
 * provider package.
 */
export function validateDnsSettings(config: WorkspaceConfig): SettingsProblem[] {
    let adapter;
    try {
        adapter = loadDnsAdapter(config.dns.adapter);
    } catch (err) {
        if (err instanceof UnknownDnsAdapterError) return [{ path: "workspace.dns.adapter", message: err.message }];
        throw err;
    }
    return adapter.validateSettings(config.dns.settings, config.domains.map((d) => d.name)).map((p) => ({
        // An empty path concerns the adapter as a whole (e.g. its provider package is missing).
        path: p.path ? `workspace.dns.settings.${p.path}` : "workspace.dns.adapter",
        message: p.message,
    }));
}
