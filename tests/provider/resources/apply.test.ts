import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { parse } from "yaml";
import { loadWorkspaceConfig } from "../../../core/config/load";
import { settingsArgsFor } from "../../../components/workspace/access";
import { customRoleProvider } from "../../../provider/resources/customRole";
import { workspaceDomainProvider } from "../../../provider/resources/domain";
import { groupRoleMappingsProvider } from "../../../provider/resources/groupRoleMappings";
import { workspaceSettingsProvider } from "../../../provider/resources/settings";
import { domainVerificationProvider } from "../../../provider/resources/verification";
import { Applied, Workspace, applyResource, startWorkspace } from "./fixture";
import { repoPath } from "../../support/paths";

/** The example district's stack config (examples/entra-district/Pulumi.lincoln.yaml), as the component reads it. */
function exampleDistrict() {
    const stack = parse(fs.readFileSync(repoPath("examples", "entra-district", "Pulumi.lincoln.yaml"), "utf8"));
    return loadWorkspaceConfig(stack.config["chatgpt-identity:workspace"]);
}

/**
 * A district as the providers see it: the inputs WorkspaceAccess/WorkspaceDomains send for the example
 * district's domains and settings, plus `groupCount` pushed groups mapped to `roleCount` custom roles
 * (the example maps none, and the economy figures need hundreds).
 */
function district(groupCount: number, roleCount: number) {
    const example = exampleDistrict();
    const settings = Object.fromEntries(Object.entries(settingsArgsFor(example)).filter(([, v]) => v !== undefined));
    const roles = Array.from({ length: roleCount }, (_, i) => ({ name: `Role ${i + 1}`, description: `extra ${i + 1}`, permissions: [`feature.${i + 1}`] }));
    const groups = Array.from({ length: groupCount }, (_, i) => `ROLLOUT_SCHOOL_School${String(i + 1).padStart(3, "0")}`);
    return {
        domains: example.domains.map((d) => d.name),
        roles,
        groups,
        mappings: groups.map((g, i) => ({ group: g, roles: [roles[i % roleCount].name, ...(i % 3 === 0 ? [roles[(i + 1) % roleCount].name] : [])] })),
        settings,
    };
}

type State = Record<string, Applied>;

/** One `pulumi up` of the district, in dependency order, against the emulator. */
async function apply(ws: Workspace, d: ReturnType<typeof district>, state: State): Promise<State> {
    const configure = async <P extends { configure?: (r: any) => Promise<void> }>(p: P) => { await p.configure!(ws.configureRequest()); return p; };
    const domains = await configure(workspaceDomainProvider());
    const verification = await configure(domainVerificationProvider());
    const settings = await configure(workspaceSettingsProvider());
    const roles = await configure(customRoleProvider());
    const mappings = await configure(groupRoleMappingsProvider());
    const next: State = { ...state };
    for (const name of d.domains) {
        next[`domain:${name}`] = await applyResource(domains, state[`domain:${name}`], { domain: name });
        ws.dns.setTxt(name, [next[`domain:${name}`].outs.txtRecordValue]);
    }
    for (const name of d.domains) {
        next[`verify:${name}`] = await applyResource(verification, state[`verify:${name}`], { domainId: next[`domain:${name}`].id, domain: name, attempts: 5, intervalSeconds: 0.05 });
    }
    next.settings = await applyResource(settings, state.settings, d.settings);
    for (const role of d.roles) next[`role:${role.name}`] = await applyResource(roles, state[`role:${role.name}`], role);
    next.mappings = await applyResource(mappings, state.mappings, { mappings: d.mappings, groupWaitAttempts: 5, groupWaitIntervalSeconds: 0.05 });
    return next;
}

async function list(ws: Workspace, path: string): Promise<any[]> {
    const items: any[] = [];
    let after = "";
    for (;;) {
        const page = await (await fetch(`${ws.emulator.apiBaseUrl}${path}?limit=100${after ? `&after=${after}` : ""}`, { headers: { Authorization: `Bearer ${ws.tenant.adminKey}` } })).json() as any;
        items.push(...page.data);
        if (!page.has_more) return items;
        after = page.last_id;
    }
}

describe("provider/resources full apply of a district (emulator over HTTP)", function () {
    this.timeout(120000);
    let ws: Workspace;
    beforeEach(async () => { ws = await startWorkspace(); });
    afterEach(async () => { await ws.stop(); });

    it("the example district converges with 20% of requests answered 429/503, without duplicate objects", async () => {
        const d = district(15, 3);
        for (const g of d.groups) await ws.pushGroup(g);
        const start = ws.emulator.requestLog.length;
        ws.emulator.setFaults({ rate429: 0.1, rate5xx: 0.1, retryAfterSeconds: 0, seed: 7 });
        const state = await apply(ws, d, {});
        const again = await apply(ws, d, state);
        ws.emulator.setFaults({ rate429: 0, rate5xx: 0 });

        // Measured over the requests of the two applies only (the SCIM pushes above ran without faults).
        const window = ws.emulator.requestLog.slice(start);
        const faulted = window.filter((r) => r.status === 429 || r.status === 503);
        const rate = faulted.length / window.length;
        assert.ok(rate >= 0.12 && rate <= 0.3, `about 20% of the requests were faulted (${faulted.length} of ${window.length})`);
        // The claim is about creates: some create POSTs were refused and had to be sent again.
        const createPost = (r: { method: string; path: string }) => r.method === "POST" && /\/(identity\/domains|roles|groups\/[^/]+\/roles)$/.test(r.path);
        assert.ok(faulted.filter(createPost).length >= 3, `create POSTs were faulted (${faulted.filter(createPost).length})`);
        const created = window.filter((r) => createPost(r) && r.status >= 200 && r.status < 300).length;
        const expectedObjects = d.domains.length + d.roles.length + d.mappings.reduce((n, m) => n + m.roles.length, 0);
        assert.equal(created, expectedObjects, "each object was created by exactly one successful POST");
        const domains = await list(ws, "/organization/identity/domains");
        assert.deepEqual(domains.map((x) => `${x.domain} ${x.status}`).sort(), ["lincoln.k12.us verified", "staff.lincoln.k12.us verified"]);
        const roles = await list(ws, "/organization/roles");
        assert.deepEqual(roles.map((r) => r.name).sort(), ["Role 1", "Role 2", "Role 3"]);
        const groups = await list(ws, "/organization/groups");
        assert.equal(groups.length, 15);
        for (const m of d.mappings) {
            const id = groups.find((g) => g.name === m.group).id;
            assert.deepEqual((await list(ws, `/organization/groups/${id}/roles`)).map((r) => r.name).sort(), [...m.roles].sort(), m.group);
        }
        const settings = await (await fetch(`${ws.emulator.apiBaseUrl}/organization/identity/settings`, { headers: { Authorization: `Bearer ${ws.tenant.adminKey}` } })).json() as any;
        // The example district: SSO stage "testing" (enabled in the workspace), API Platform SSO on, SCIM on.
        assert.deepEqual({ ...settings, object: undefined }, { object: undefined, sso_stage: "enabled", api_platform_sso: true, automatic_account_creation: false, external_invites: true, directory_sync: true });
        assert.deepEqual(again, state, "a second apply changes nothing");
        console.log(`      faults: ${faulted.length} of ${window.length} requests (${Math.round(rate * 100)}%) were answered 429/503, ${faulted.filter(createPost).length} of them create POSTs`);
    });

    it("API economy: 200 groups and 5 roles, first apply vs no-op re-apply (zero writes)", async () => {
        const d = district(200, 5);
        for (const g of d.groups) await ws.pushGroup(g);
        const start = ws.emulator.requestLog.length;
        const state = await apply(ws, d, {});
        const first = ws.requestsSince(start);
        const mid = ws.emulator.requestLog.length;
        await apply(ws, d, state);
        const second = ws.requestsSince(mid);

        // With --refresh: every resource is read first, then the same no-op apply.
        const refreshStart = ws.emulator.requestLog.length;
        const providers: Record<string, any> = { domain: workspaceDomainProvider(), verify: domainVerificationProvider(), settings: workspaceSettingsProvider(), role: customRoleProvider(), mappings: groupRoleMappingsProvider() };
        for (const p of Object.values(providers)) await p.configure(ws.configureRequest());
        const refreshed: State = {};
        for (const [key, s] of Object.entries(state)) {
            const r = await providers[key.split(":")[0]].read(s.id, s.outs);
            refreshed[key] = { id: r.id, outs: r.props };
        }
        await apply(ws, d, refreshed);
        const refresh = ws.requestsSince(refreshStart);

        const writes = (rs: { method: string }[]) => rs.filter((r) => r.method !== "GET").length;
        console.log(`      first apply: ${first.length} requests (${writes(first)} writes); no-op re-apply: ${second.length} requests (${writes(second)} writes); re-apply with refresh: ${refresh.length} requests (${writes(refresh)} writes)`);
        assert.equal(writes(second), 0);
        assert.equal(second.length, 0, "a no-op re-apply decides everything from state: no request at all");
        assert.equal(writes(refresh), 0);
        const assignments = d.mappings.reduce((n, m) => n + m.roles.length, 0);
        assert.equal(first.filter((r) => r.method === "POST" && /\/groups\/[^/]+\/roles$/.test(r.path)).length, assignments, "one POST per assignment, no more");
    });
});
