import * as assert from "node:assert/strict";
import { runInFreshNode } from "../../components/dns/childNode";
import { repoPath } from "../../support/paths";

const ENTRA_STACK = JSON.stringify(repoPath("examples", "entra-district", "Pulumi.lincoln.yaml"));
const OKTA_STACK = JSON.stringify(repoPath("examples", "okta-enterprise", "Pulumi.pilot.yaml"));

/** Script prefix that makes `sdk` unresolvable, as when a district never installed that optional peer. */
const block = (sdk: string) => `
const Module = require("module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    if (request === "${sdk}" || request.startsWith("${sdk}/")) {
        const err = new Error("Cannot find module '" + request + "'");
        err.code = "MODULE_NOT_FOUND";
        throw err;
    }
    return resolve.call(this, request, ...rest);
};
`;

/** Plans `stack` through the command in a fresh process; reports the plan and which IdP SDKs were loaded. */
const planScript = (stack: string) => `
const loaded = (sdk) => Object.keys(require.cache).some((k) => k.includes("node_modules/" + sdk + "/"));
const { main } = require("./cli/main");
(async () => {
    const seen = { afterImport: { azuread: loaded("@pulumi/azuread"), okta: loaded("@pulumi/okta") } };
    let out = "";
    seen.code = await main(["plan", ${stack}, "--format=json", "--no-runbook"], (t) => (out += t), () => undefined, { env: {} });
    const plan = JSON.parse(out);
    seen.problems = plan.problems;
    seen.afterPlan = { azuread: loaded("@pulumi/azuread"), okta: loaded("@pulumi/okta") };
    console.log(JSON.stringify(seen));
    process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
`;

type Seen = {
    code: number;
    problems: unknown[];
    afterImport: Record<string, boolean>;
    afterPlan: Record<string, boolean>;
};

describe("IdP SDKs are optional peers, loaded only for the IdP a stack chooses (issue 11; fresh processes)", function () {
    // Each test starts a fresh Node with ts-node (a few seconds each, more on a loaded machine).
    this.timeout(60000);

    it("planning an Okta stack never loads @pulumi/azuread", () => {
        const seen = runInFreshNode<Seen>(planScript(OKTA_STACK));
        assert.deepEqual(seen.afterImport, { azuread: false, okta: false });
        assert.equal(seen.code, 0);
        assert.deepEqual(seen.afterPlan, { azuread: false, okta: true });
    });

    it("planning an Entra stack never loads @pulumi/okta", () => {
        const seen = runInFreshNode<Seen>(planScript(ENTRA_STACK));
        assert.deepEqual(seen.afterImport, { azuread: false, okta: false });
        assert.equal(seen.code, 0);
        assert.deepEqual(seen.afterPlan, { azuread: true, okta: false });
    });

    it("the package entry loads neither SDK until its entra or okta namespace is used", () => {
        const seen = runInFreshNode<Record<string, boolean>>(`
            const loaded = (sdk) => Object.keys(require.cache).some((k) => k.includes("node_modules/" + sdk + "/"));
            const pkg = require("./components");
            const seen = { azureadAtStart: loaded("@pulumi/azuread"), oktaAtStart: loaded("@pulumi/okta") };
            seen.oktaNamespace = typeof pkg.okta.OktaIdentity === "function";
            seen.oktaAfterOkta = loaded("@pulumi/okta");
            seen.azureadAfterOkta = loaded("@pulumi/azuread");
            seen.entraNamespace = typeof pkg.entra.EntraIdentity === "function";
            seen.azureadAfterEntra = loaded("@pulumi/azuread");
            console.log(JSON.stringify(seen));
        `);
        assert.deepEqual(seen, {
            azureadAtStart: false,
            oktaAtStart: false,
            oktaNamespace: true,
            oktaAfterOkta: true,
            azureadAfterOkta: false,
            entraNamespace: true,
            azureadAfterEntra: true,
        });
    });

    it("the package entry and a plan with no managed workspace never load the openai SDK", () => {
        const seen = runInFreshNode<Record<string, boolean>>(`
            const loaded = () => Object.keys(require.cache).some((k) => k.includes("node_modules/openai/"));
            const pkg = require("./components");
            const seen = { atImport: loaded() };
            const { main } = require("./cli/main");
            main(["plan", ${ENTRA_STACK}, "--format=json", "--no-runbook"], () => undefined, () => undefined, { env: {} })
                .then((code) => {
                    seen.planOk = code === 0;
                    seen.afterPlan = loaded();
                    seen.workspaceNamespace = typeof pkg.workspace.ChatGptWorkspace === "function";
                    seen.afterNamespace = loaded();
                    console.log(JSON.stringify(seen));
                    process.exit(0);
                });
        `);
        assert.deepEqual(seen, {
            atImport: false,
            planOk: true,
            afterPlan: false,
            workspaceNamespace: true,
            afterNamespace: true,
        });
    });

    it("without @pulumi/azuread: the Okta stack plans, the Entra stack is one problem naming `npm install @pulumi/azuread`", () => {
        const okta = runInFreshNode<Seen>(block("@pulumi/azuread") + planScript(OKTA_STACK));
        assert.equal(okta.code, 0);
        const entra = runInFreshNode<Seen>(block("@pulumi/azuread") + planScript(ENTRA_STACK));
        assert.equal(entra.code, 1);
        assert.deepEqual(entra.problems, [
            {
                path: "workspace.idp",
                message: "idp: entra needs the optional package @pulumi/azuread, which is not installed",
                fix: "Run `npm install @pulumi/azuread` in your Pulumi project.",
            },
        ]);
    });

    it("without @pulumi/okta: the Entra stack plans, the Okta stack is one problem naming `npm install @pulumi/okta`", () => {
        const entra = runInFreshNode<Seen>(block("@pulumi/okta") + planScript(ENTRA_STACK));
        assert.equal(entra.code, 0);
        const okta = runInFreshNode<Seen>(block("@pulumi/okta") + planScript(OKTA_STACK));
        assert.equal(okta.code, 1);
        assert.deepEqual(okta.problems, [
            {
                path: "workspace.idp",
                message: "idp: okta needs the optional package @pulumi/okta, which is not installed",
                fix: "Run `npm install @pulumi/okta` in your Pulumi project.",
            },
        ]);
    });
});
