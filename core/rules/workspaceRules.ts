import { Rule, domainNames, finding, listing } from "./types";

/** WS-2: claimed domains turn training off for personal accounts; claiming needs commitments. */
export const ws2ClaimedDomainTraining: Rule = {
    id: "WS-2",
    summary: "Explains, once, what claiming the verified domains means for personal accounts.",
    standingInfo: true,
    tenant({ config, path }) {
        const domains = domainNames(config);
        return [
            finding("WS-2", "info", path("domains"), {
                message:
                    `If ${listing(domains)} ${domains.length === 1 ? "is" : "are"} claimed, personal ` +
                    `ChatGPT accounts on ${domains.length === 1 ? "it" : "them"} have training on their ` +
                    `data turned off.`,
                why:
                    "Staff and students with personal accounts on these addresses will see that change; " +
                    "claiming also needs commitments (most staff purchased, or a regulated industry, and " +
                    "enrolling existing personal users).",
                fix:
                    "Decide with your OpenAI contact whether to claim the domains and include the change " +
                    "in rollout communication.",
            }),
        ];
    },
};

/** WS-3: personal Free/Plus accounts on a verified domain are prompted to migrate; Plus is cancelled. */
export const ws3PersonalAccountMigration: Rule = {
    id: "WS-3",
    summary: "Explains, once, the migration prompt for personal accounts and the Plus cancellation.",
    standingInfo: true,
    tenant({ config, path }) {
        return [
            finding("WS-3", "info", path("domains"), {
                message:
                    `When someone with a personal Free or Plus account on ` +
                    `${listing(domainNames(config))} is invited or provisioned, they are prompted to ` +
                    `migrate that account into the workspace, and a Plus subscription is cancelled on ` +
                    `migration.`,
                why:
                    "People can move or export their personal chats at that prompt; those who pay for " +
                    "Plus personally should know it ends.",
                fix:
                    "Mention the migration prompt and the Plus cancellation in the announcement to staff " +
                    "before they are invited.",
            }),
        ];
    },
};
