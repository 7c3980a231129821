import * as pulumi from "@pulumi/pulumi";
import {
    ADMIN_KEY_ENV,
    API_PLATFORM_ADMIN_KEY_ENV,
    CONFIG_NAMESPACE,
    ConfigError,
    ConfigForm,
    ConfigProblem,
    LoadResult,
    TenantConfig,
    loadStackConfig,
    loadTenantConfig,
} from "../core/config/load";
import { Finding, TenantFacts, evaluatePartialRules, evaluateRules } from "../core/rules";
import { IdpSecrets } from "./idp/types";
import { TenantIdentity } from "./workspaceIdentity";

/** The logical name of the top-level component in every stack built from stack config. */
export const ROOT_COMPONENT_NAME = "identity";

/** The stack config as the gate reads it: every `chatgpt-identity:*` value, and which secrets are present. */
export interface StackConfigInput {
    /** Config values keyed `chatgpt-identity:<key>`; structured values as JSON text or objects. */
    values: Record<string, unknown>;
    /** Config keys that are set (`chatgpt-identity:scimToken-staff`) and secret environment variables that are set. */
    secretsPresent: ReadonlySet<string>;
}

/** The stack config of the running Pulumi program (or of the plan's recording engine). */
export function readStackConfig(env: NodeJS.ProcessEnv = process.env): StackConfigInput {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
        if (key.startsWith(`${CONFIG_NAMESPACE}:`)) values[key] = value;
    }
    const secretsPresent = new Set(Object.keys(values));
    for (const name of [ADMIN_KEY_ENV, API_PLATFORM_ADMIN_KEY_ENV]) if (env[name]) secretsPresent.add(name);
    return { values, secretsPresent };
}

/**
 * The one gate over a stack's config (core/config `loadStackConfig`) with the rule engine: the
 * config, or every problem. A rule finding of severity error is a problem too (carrying the rule id,
 * why and fix as data); the findings come back either way (on a refused config, those that could still run).
 */
export function loadStack(input: StackConfigInput, facts?: TenantFacts): LoadResult<Finding> {
    const loaded = loadStackConfig<Finding>(input.values, input.secretsPresent, {
        evaluate: (config) => evaluateRules(config, facts),
        evaluatePartial: (raw, form, problems) => evaluatePartialRules(raw, form, problems, facts),
    });
    if (!loaded.ok) return loaded;
    const errors = loaded.findings.filter((f) => f.severity === "error");
    return errors.length > 0 ? { ok: false, problems: errors.map(findingProblem), findings: loaded.findings } : loaded;
}

/** A rule finding of severity error as the one problem type. */
export function findingProblem(f: Finding): ConfigProblem {
    return { path: f.path, message: f.message, ...(f.id === "FACTS" ? {} : { rule: f.id }), why: f.why, fix: f.fix };
}

/** Each workspace's SCIM token from secret config `chatgpt-identity:<scim.tokenKey>` (SCIM-7: one per workspace). */
export function readSecrets(config: TenantConfig): IdpSecrets {
    const stackConfig = new pulumi.Config(CONFIG_NAMESPACE);
    const scimTokens: Record<string, pulumi.Output<string> | undefined> = {};
    for (const w of config.workspaces) scimTokens[w.key] = stackConfig.getSecret(w.scim.tokenKey);
    return { scimTokens };
}

export interface DeployOptions {
    /** Facts about the live tenant, merged over the config's `facts:` section by the rule engine. Default none. */
    facts?: TenantFacts;
    /**
     * Which secrets count as set. Default: the stack's `chatgpt-identity:*` keys and the secret
     * environment variables. The offline plan passes "all" and reports missing secrets as notes.
     */
    secretsPresent?: ReadonlySet<string>;
}

/**
 * The whole program of a chatgpt-identity stack: reads `chatgpt-identity:workspace` or
 * `chatgpt-identity:tenant` and the secrets from stack config, passes them through the one gate, and
 * builds the TenantIdentity. The root project, the examples and `chatgpt-identity plan` all run
 * exactly this. An invalid config throws a ConfigError (problems as data) before any resource is
 * registered.
 */
export function deployFromStackConfig(options: DeployOptions = {}): TenantIdentity {
    const input = readStackConfig();
    const loaded = loadStack(
        options.secretsPresent ? { ...input, secretsPresent: options.secretsPresent } : input,
        options.facts,
    );
    if (!loaded.ok) throw new ConfigError(loaded.problems);
    const findings = loaded.findings.filter((f) => f.severity !== "error");
    return new TenantIdentity(ROOT_COMPONENT_NAME, {
        config: loaded.config,
        secrets: readSecrets(loaded.config),
        findings,
    });
}

export interface IdentityFromConfigArgs {
    /** Which form `config` is written in: `workspace` (one workspace) or `tenant` (`workspaces: [...]`). */
    form: ConfigForm;
    /** The config object as a person writes it (what `chatgpt-identity:workspace`/`:tenant` would hold). */
    config: unknown;
    /** Secret inputs (each workspace's SCIM token by key). Default {}. */
    secrets?: IdpSecrets;
    /** Facts about the live tenant for the rules. Default: the config's `facts:` section only. */
    facts?: TenantFacts;
}

/**
 * For code that holds the config object itself rather than stack config (a TypeScript program, the
 * multi-language component): the same gate and rules as a stack, then the TenantIdentity. Throws
 * one ConfigError with every problem (schema, rule errors) before any resource is registered.
 */
export function identityFromConfig(
    name: string,
    args: IdentityFromConfigArgs,
    opts?: pulumi.ComponentResourceOptions,
): TenantIdentity {
    const config = loadTenantConfig(args.config, args.form);
    const findings = evaluateRules(config, args.facts);
    const errors = findings.filter((f) => f.severity === "error");
    if (errors.length > 0) throw new ConfigError(errors.map(findingProblem));
    return new TenantIdentity(name, { config, secrets: args.secrets, findings }, opts);
}

/** The stack outputs an administrator needs to hand values to other teams. */
export function stackOutputs(identity: TenantIdentity) {
    return {
        txtRecords: identity.txtRecords,
        dnsHandoff: identity.dnsHandoff,
        ssoMetadataUrl: identity.ssoMetadataUrl,
        scimManualSteps: identity.scimManualSteps,
        groups: identity.idp.workspaces.flatMap((w) =>
            w.groups.map((g) => ({ workspace: w.key, name: g.name, id: g.id })),
        ),
    };
}
