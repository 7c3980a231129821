/**
 * Run as a child process by dynamicProviderHost.test.ts, with the admin key in the environment
 * (OPENAI_ADMIN_KEY) and in the stack config (PULUMI_CONFIG) before any module loads, as in a
 * `pulumi up` program process. Declares one resource of every workspace type under Pulumi's mocks and
 * prints, as JSON, the `__provider` text each one registered and whether the config held the key.
 */
import * as pulumi from "@pulumi/pulumi";

async function main(): Promise<void> {
    const providers: Record<string, string> = {};
    await pulumi.runtime.setMocks({
        newResource: (args) => {
            providers[args.type] = String(args.inputs.__provider);
            return { id: `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
    }, "district", "dev", false);
    const configHoldsKey = new pulumi.Config("chatgpt-identity").get("adminKey") === process.env.OPENAI_ADMIN_KEY;
    // Loaded only now, after the key is in the environment and the config.
    /* eslint-disable @typescript-eslint/no-var-requires */
    const { WorkspaceDomain, DomainVerification, WorkspaceSettings, CustomRole, GroupRoleMappings } = require("../../../provider/resources") as typeof import("../../../provider/resources");
    new WorkspaceDomain("d", { domain: "lincoln.k12.us" });
    new DomainVerification("v", { domainId: "dom_1", domain: "lincoln.k12.us" });
    new WorkspaceSettings("s", { ssoStage: "off" });
    new CustomRole("r", { name: "Codex", permissions: ["codex.use"] });
    new GroupRoleMappings("m", { mappings: [{ group: "FUNCTION_IT", roles: ["Codex"] }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.stdout.write(JSON.stringify({ configHoldsKey, providers }));
}

main().catch((err) => {
    process.stderr.write(String((err as Error)?.stack ?? err));
    process.exit(1);
});
