import * as pulumi from "@pulumi/pulumi";
import { CONFIG_KEY, ConfigError, ConfigProblem, parseWorkspaceConfig } from "../../core/config/load";
import { WorkspaceConfig } from "../../core/config/schema";
import { TxtRecordResult } from "../../components/dns/adapter";
import { validateDnsSettings } from "../../components/dns/validateDnsConfig";
import { deployFromStackConfig } from "../../components/program";
import { evaluateRules, Finding } from "../../core/rules";
import { RecordedResource, RecordingEngine, settle, valueOf } from "../../offline/recordingEngine";
import { previewFakeInvokes, previewFakeOutputs } from "../../offline/previewValues/index";
import { SCIM_TOKEN_CONFIG_KEY, StackFileConfig, WORKSPACE_KEY } from "./stackFile";

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
    scimManualSteps: string[];
}

export interface PlanResult {
    /** False when the config has problems or error findings; nothing was registered then. */
    ok: boolean;
    config?: WorkspaceConfig;
    problems: ConfigProblem[];
    findings: Finding[];
    /** Notes about the plan itself (e.g. a secret not set in the stack file). */
    notes: string[];
    resources: RecordedResource[];
    handoff?: PlanHandoff;
}

function isPlaceholder(value: string): boolean {
    return /<[^<>]+>/.test(value);
}

function isProgrammingError(e: Error): boolean {
    return e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof SyntaxError;
}

/**
 * The problems in an error a component threw while checking its inputs. Its text names the field and
 * the fix, either on one line or as a heading with "  - field: problem" lines.
 */
export function programProblems(error: Error): ConfigProblem[] {
    const items = error.message.split("\n").slice(1).map((l) => /^\s*-\s+(.*)$/.exec(l)?.[1]).filter((x): x is string => x !== undefined);
    return (items.length > 0 ? items : [error.message]).map((text) => {
        const field = /^((?:name|idp|phase|domains|dns|sso|scim|groups|settings|roles|roleAssignments|manageWorkspace)\b[\w.[\]]*): (.+)$/s.exec(text);
        return field ? { path: `${CONFIG_KEY}.${field[1]}`, message: field[2] } : { path: CONFIG_KEY, message: text };
    });
}

function muteEngineLog(): () => void {
    const log = pulumi.log as unknown as Record<"info" | "warn" | "debug", unknown>;
    const saved = { info: log.info, warn: log.warn, debug: log.debug };
    const quiet = () => Promise.resolve();
    Object.assign(log, { info: quiet, warn: quiet, debug: quiet });
    return () => Object.assign(log, saved);
}

/**
 * Runs the real stack program against a recording engine: no credentials, no Pulumi CLI. The
 * config is validated first, so an invalid one registers zero resources.
 */
export async function runPlan(stack: StackFileConfig): Promise<PlanResult> {
    const parsed = parseWorkspaceConfig(stack.values[WORKSPACE_KEY]);
    if (!parsed.ok) return { ok: false, problems: parsed.problems, findings: [], notes: [], resources: [] };
    const config = parsed.config;
    const problems = validateDnsSettings(config);
    const findings = evaluateRules(config);
    if (problems.length > 0 || findings.some((f) => f.severity === "error")) {
        return { ok: false, config, problems, findings, notes: [], resources: [] };
    }

    const notes: string[] = [];
    const values = { ...stack.values };
    if (config.scim.enabled && config.idp === "entra" && !(SCIM_TOKEN_CONFIG_KEY in values)) {
        notes.push(`${SCIM_TOKEN_CONFIG_KEY} is not set in this stack; \`pulumi up\` will stop until you run \`pulumi config set --secret ${SCIM_TOKEN_CONFIG_KEY} <token from the ChatGPT Directory Sync wizard>\``);
        values[SCIM_TOKEN_CONFIG_KEY] = "[secret: not set yet]";
    }
    const secretKeys = [...new Set([...stack.secretKeys, ...(SCIM_TOKEN_CONFIG_KEY in values ? [SCIM_TOKEN_CONFIG_KEY] : [])])];

    const engine = new RecordingEngine({ preview: false, fakeOutputs: previewFakeOutputs, fakeInvokes: previewFakeInvokes }).install();
    pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
        secretKeys,
    );
    let identity;
    // The findings are printed by the plan itself; without an engine, Pulumi's log would print
    // each one a second time on stderr.
    const restoreLog = muteEngineLog();
    // The Pulumi SDK captures a stack trace for every promise it makes (debuggablePromise), most of
    // the plan's CPU; nothing here reads them. Off while the program is built, restored after.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        identity = deployFromStackConfig();
        await settle();
    } catch (e) {
        if (e instanceof ConfigError) return { ok: false, config, problems: e.problems, findings, notes, resources: [] };
        // A component refused the config before registering anything (e.g. an Entra claim source
        // that is not a user attribute): that is a problem to fix in the config, not a crash.
        if (e instanceof Error && !isProgrammingError(e)) return { ok: false, config, problems: programProblems(e), findings, notes, resources: [] };
        throw e;
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
        restoreLog();
    }
    const [txtRecords, dnsHandoff, metadataUrl, scimManualSteps] = await Promise.all([
        valueOf(identity.txtRecords), valueOf(identity.dnsHandoff), valueOf(identity.ssoMetadataUrl), valueOf(identity.scimManualSteps),
    ]);
    await settle();
    const sso: SsoHandoff | undefined = config.sso.stage === "off" ? undefined : {
        appName: `ChatGPT SSO (${config.name})`,
        entityId: config.sso.entityId,
        acsUrl: config.sso.acsUrl,
        // Offline, provider-computed values are placeholders such as `<tenant id>`: not for pasting.
        metadataUrl: metadataUrl && !isPlaceholder(metadataUrl) ? metadataUrl : undefined,
    };
    return {
        ok: true,
        config,
        problems: [],
        findings: identity.findings,
        notes,
        resources: engine.customResources(),
        handoff: { txtRecords: txtRecords ?? [], dnsHandoff: dnsHandoff ?? "", sso, scimManualSteps: scimManualSteps ?? [] },
    };
}
