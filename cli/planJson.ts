import { renderPlanJson } from "./plan/render";
import { PlanResult } from "./plan/runPlan";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./packageInfo";

/**
 * The version of the `--format json` document. Raise it when a field is removed or changes
 * meaning (adding one is not a change); schema/plan-output.schema.json describes each version.
 */
export const PLAN_FORMAT_VERSION = 1;
/** Where the JSON Schema ships: a path inside the installed package (`require.resolve` finds it). */
export const PLAN_SCHEMA = "@chatgpt-identity/pulumi/schema/plan-output.schema.json";

/** The `--format json` document: the plan, under a header that names its format and the tool. */
export function renderVersionedPlanJson(plan: PlanResult, stackFile: string, runbookPath?: string): string {
    const body = JSON.parse(renderPlanJson(plan, stackFile, runbookPath)) as Record<string, unknown>;
    return JSON.stringify(
        {
            schema: PLAN_SCHEMA,
            formatVersion: PLAN_FORMAT_VERSION,
            tool: { name: PACKAGE_NAME, version: PACKAGE_VERSION },
            ...body,
        },
        null,
        2,
    );
}
