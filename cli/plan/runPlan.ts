import * as pulumi from "@pulumi/pulumi";
import {
    API_PLATFORM_ADMIN_KEY,
    CONFIG_NAMESPACE,
    ConfigError,
    ConfigProblem,
    TenantConfig,
} from "../../core/config/load";
import { secretProblems } from "../../core/config/checks/secrets";
import { TenantFacts, Finding } from "../../core/rules";
import { TxtRecordResult } from "../../components/dns/adapter";
import { ssoAppDisplayName } from "../../components/idp/names";
import { StackConfigInput, deployFromStackConfig, loadStack } from "../../components/program";
import { WorkspaceManualSteps } from "../../components/workspaceIdentity";
import { RecordedResource, RecordingEngine, settle, valueOf } from "../../offline/recordingEngine";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { lookupConfig, UNKNOWN_FROM_ENVIRONMENT } from "../stackEnvironment";
import { configOnlyInEnvironment, StackFileConfig } from "./stackFile";

/** What the SSO wizard and the IdP need from each other, as far as it is known before apply. */
export interface SsoHandoff {
    appName: string;
    entityId?: string;
    acsUrl?: string;
    metadataUrl?: string;
}

export interface PlanHandoff {
    txtRecords: TxtRecordResult[];
    dnsHandoff: string;
    sso?: SsoHandoff;
    /** Every workspace's SCIM manual steps, one list (the runbook's input). */
    scimManualSteps: string[];
    /** The same steps per workspace, for the plan text. */
    scimManualStepsByWorkspace: WorkspaceManualSteps[];
}

export interface PlanResult {
    /** False when the config has problems (schema, rule errors, deploy-time lookups); nothing was registered then. */
    ok: boolean;
    config?: TenantConfig;
    /** Every problem as data (path, message, rule, why, fix), from the one ConfigError type. */
    problems: ConfigProblem[];
    /** The rule findings that could run, also when the config has problems. */
    findings: Finding[];
    /** Notes about the plan itself (e.g. a secret not set in the stack file). */
    notes: string[];
    resources: RecordedResource[];
    handoff?: PlanHandoff;
}

export interface RunPlanOptions {
    /**
     * Facts about the live tenant (e.g. from the verify helper's live reader for `plan --live`),
     * merged over the config's `facts:` section by the rule engine. Default: the config's facts only.
     */
    facts?: TenantFacts;
}

function isPlaceholder(value: string): boolean {
    return /<[^<>]+>/.test(value);
}

/** Every key reads as present: the plan reports missing secrets as notes, not problems. */
const ALL_SECRETS_PRESENT = { has: () => true } as unknown as Set<string>;

function muteEngineLog(): () => void {
    const log = pulumi.log as unknown as Record<"info" | "warn" | "debug", unknown>;
    const saved = { info: log.info, warn: log.warn, debug: log.debug };
    const quiet = () => Promise.resolve();
    Object.assign(log, { info: quiet, warn: quiet, debug: quiet });
    return () => Object.assign(log, saved);
}

/** Every secret config key the apply may read for this config (whether it needs it is secretProblems' call). */
function secretConfigKeys(config: TenantConfig): string[] {
    const keys = config.workspaces.flatMap((w) => [w.scim.tokenKey, w.adminKeyConfigKey]);
    return [...new Set([...keys, API_PLATFORM_ADMIN_KEY])].map((k) => `${CONFIG_NAMESPACE}:${k}`);
}

/**
 * The stack file's values with placeholders for the secrets the apply needs and the file lacks. A secret the file
 * lacks but an imported ESC environment may set is unknown until apply (a note, and `[unknown: ...]` as its value);
 * one that nothing sets is a note saying `pulumi up` will stop.
 */
function withSecretPlaceholders(
    stack: StackFileConfig,
    config: TenantConfig,
    env: NodeJS.ProcessEnv,
): { values: Record<string, unknown>; secretKeys: string[]; notes: string[] } {
    const values = { ...stack.values };
    const present = new Set([...Object.keys(values), ...Object.keys(env).filter((k) => env[k])]);
    const notes: string[] = [];
    const secretKeys = [...stack.secretKeys];
    for (const key of secretConfigKeys(config)) {
        const lookup = lookupConfig(values, key, stack.environments ?? []);
        if (lookup.state !== "unknown") continue;
        // Only a secret the apply needs (one whose absence secretProblems reports) gets a note and a placeholder.
        const missing = secretProblems(config, present).length;
        if (secretProblems(config, new Set([...present, key])).length === missing) continue;
        present.add(key);
        values[key] = UNKNOWN_FROM_ENVIRONMENT;
        secretKeys.push(key);
        notes.push(`${lookup.note}; unknown until apply, not missing`);
    }
    for (const p of secretProblems(config, present)) {
        notes.push(`${p.message}; \`pulumi up\` will stop until you run \`${p.fix}\``);
    }
    for (const w of config.workspaces) {
        const key = `chatgpt-identity:${w.scim.tokenKey}`;
        if (config.idp === "entra" && w.scim.enabled && !(key in values)) {
            values[key] = "[secret: not set yet]";
            secretKeys.push(key);
        }
    }
    return { values, secretKeys: [...new Set(secretKeys)], notes };
}

/**
 * Runs the real stack program against a recording engine: no credentials, no Pulumi CLI. The config
 * goes through the one gate first, so an invalid one registers zero resources; its problems (and
 * the findings that could still run) come back as data.
 */
export async function runPlan(
    stack: StackFileConfig,
    options: RunPlanOptions = {},
    env: NodeJS.ProcessEnv = process.env,
): Promise<PlanResult> {
    const fromEnvironmentOnly = configOnlyInEnvironment(stack);
    if (fromEnvironmentOnly)
        return { ok: false, problems: [fromEnvironmentOnly], findings: [], notes: [], resources: [] };
    const gateInput: StackConfigInput = { values: stack.values, secretsPresent: ALL_SECRETS_PRESENT };
    const loaded = loadStack(gateInput, options.facts);
    if (!loaded.ok)
        return { ok: false, problems: loaded.problems, findings: loaded.findings, notes: [], resources: [] };
    const config = loaded.config;
    const { values, secretKeys, notes } = withSecretPlaceholders(stack, config, env);

    const engine = new RecordingEngine({
        preview: false,
        fakeOutputs: previewFakeOutputs,
        fakeInvokes: previewFakeInvokes,
    }).install();
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
        secretKeys,
    );
    // The findings are printed by the plan itself; without an engine, Pulumi's log would print
    // each one a second time on stderr.
    const restoreLog = muteEngineLog();
    // The Pulumi SDK captures a stack trace for every promise it makes (debuggablePromise), most of
    // the plan's CPU; nothing here reads them. Off while the program is built, restored after.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let identity;
    let handoffValues;
    try {
        identity = deployFromStackConfig({ facts: options.facts, secretsPresent: ALL_SECRETS_PRESENT });
        handoffValues = await Promise.all([
            valueOf(identity.txtRecords),
            valueOf(identity.dnsHandoff),
            valueOf(identity.ssoMetadataUrl),
            valueOf(identity.scimManualStepsByWorkspace),
        ]);
        await settle();
    } catch (e) {
        // Deploy-time problems (an address the IdP does not know, ...) arrive as the same ConfigError.
        if (e instanceof ConfigError)
            return { ok: false, config, problems: [...e.problems], findings: loaded.findings, notes, resources: [] };
        throw e;
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
        restoreLog();
    }
    const [txtRecords, dnsHandoff, metadataUrl, byWorkspace] = handoffValues;
    const sso: SsoHandoff | undefined =
        config.sso.stage === "off"
            ? undefined
            : {
                  appName: ssoAppDisplayName(config),
                  entityId: config.sso.entityId,
                  acsUrl: config.sso.acsUrl,
                  // Offline, provider-computed values are placeholders such as `<tenant id>`: not for pasting.
                  metadataUrl: metadataUrl && !isPlaceholder(metadataUrl) ? metadataUrl : undefined,
              };
    const scimManualStepsByWorkspace = byWorkspace ?? [];
    return {
        ok: true,
        config,
        problems: [],
        findings: identity.findings,
        notes,
        resources: engine.customResources(),
        handoff: {
            txtRecords: txtRecords ?? [],
            dnsHandoff: dnsHandoff ?? "",
            sso,
            scimManualSteps: scimManualStepsByWorkspace.flatMap((w) => w.steps),
            scimManualStepsByWorkspace,
        },
    };
}
