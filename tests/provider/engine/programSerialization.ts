/**
 * Run as a child process by dynamicProviderHost.test.ts, with the admin key in the environment
 * (CHATGPT_ADMIN_KEY, OPENAI_ADMIN_KEY) and in the stack config (PULUMI_CONFIG) before any module loads, as in a
 * `pulumi up` program process. Declares one resource of every workspace type under Pulumi's mocks and
 * prints, as JSON, the `__provider` text each one registered and whether the config held the key.
 */
import * as pulumi from "@pulumi/pulumi";

async function main(): Promise<void> {
    const providers: Record<string, string> = {};
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                providers[args.type] = String(args.inputs.__provider);
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: () => ({}),
        },
        "district",
        "dev",
        false,
    );
    const configHoldsKey =
        new pulumi.Config("chatgpt-identity").get("adminKey") === process.env.CHATGPT_ADMIN_KEY &&
        new pulumi.Config("chatgpt-identity").get("apiPlatformAdminKey") === process.env.OPENAI_ADMIN_KEY;
    // Loaded only now, after the key is in the environment and the config.
    const r = require("../../../provider/resources") as typeof import("../../../provider/resources");
    const workspaceId = "0b7d5c4e-1f2a-4b3c-8d9e-0a1b2c3d4e5f";
    new r.GroupUsageLimits("g", { workspaceId, limits: [{ group: "FUNCTION_IT", credits: 500 }] });
    new r.WorkspaceUsageLimit("w", { workspaceId, credits: 100 });
    new r.PilotInvites("p", { workspaceId, emails: ["t1@lincoln.k12.us"] });
    new r.ApiPlatformRole("r", { name: "Codex", permissions: ["codex.use"] });
    new r.ApiPlatformGroupRoles("m", { mappings: [{ group: "FUNCTION_IT", roles: ["Codex"] }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.stdout.write(JSON.stringify({ configHoldsKey, providers }));
}

main().catch((err) => {
    process.stderr.write(String((err as Error)?.stack ?? err));
    process.exit(1);
});
