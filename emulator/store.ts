import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorApiPlatformOrg, EmulatorWorkspace } from "./types";
import {
    ApiPlatformOrgState,
    EmulatorState,
    WorkspaceState,
    clearWorkspace,
    isUuid,
    newOrg,
    newWorkspace,
    randomSecret,
    randomWorkspaceCredentials,
} from "./model";

/**
 * Holds the whole emulator state. Handlers validate first, mutate, then call `commit()`; with a data
 * file every commit is written atomically (temp file + rename), so a crash never leaves half a file.
 */
export class StateStore {
    readonly state: EmulatorState;

    constructor(
        private readonly dataFile: string | undefined,
        workspaces: EmulatorWorkspace[] | undefined,
        orgs: EmulatorApiPlatformOrg[] | undefined,
    ) {
        this.state = dataFile ? loadState(dataFile) : { version: 2, workspaces: [], apiPlatformOrgs: [] };
        for (const w of workspaces ?? []) {
            if (typeof w.id !== "string" || !isUuid(w.id)) {
                throw new Error(`Emulator workspace id must be a UUID (as ChatGPT workspace ids are), got '${w.id}'.`);
            }
            const existing = this.workspace(w.id);
            if (existing) Object.assign(existing, { adminKey: w.adminKey, scimToken: w.scimToken });
            else this.state.workspaces.push(newWorkspace(w.id.toLowerCase(), w.adminKey, w.scimToken));
        }
        for (const o of orgs ?? []) {
            const existing = this.state.apiPlatformOrgs.find((s) => s.id === o.id);
            if (existing) existing.adminKey = o.adminKey;
            else this.state.apiPlatformOrgs.push(newOrg(o.id, o.adminKey));
        }
        if (this.state.workspaces.length === 0) {
            const c = randomWorkspaceCredentials();
            this.state.workspaces.push(newWorkspace(c.id, c.adminKey, c.scimToken));
        }
        if (this.state.apiPlatformOrgs.length === 0) {
            this.state.apiPlatformOrgs.push(newOrg("org-default", randomSecret("emu-org-admin")));
        }
        assertDistinctCredentials(this.state);
        this.commit();
    }

    workspace(id: string): WorkspaceState | undefined {
        return this.state.workspaces.find((w) => w.id === id.toLowerCase());
    }

    workspaceByAdminKey(key: string): WorkspaceState | undefined {
        return this.state.workspaces.find((w) => w.adminKey === key);
    }

    org(id: string): ApiPlatformOrgState | undefined {
        return this.state.apiPlatformOrgs.find((o) => o.id === id);
    }

    orgByAdminKey(key: string): ApiPlatformOrgState | undefined {
        return this.state.apiPlatformOrgs.find((o) => o.adminKey === key);
    }

    /** Drops every object; keeps the workspaces, orgs and their credentials. */
    reset(): void {
        for (const ws of this.state.workspaces) clearWorkspace(ws);
        for (const org of this.state.apiPlatformOrgs) Object.assign(org, newOrg(org.id, org.adminKey));
        this.commit();
    }

    commit(): void {
        if (!this.dataFile) return;
        const tmp = `${this.dataFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(this.state, null, 2), { mode: 0o600 });
        fs.renameSync(tmp, this.dataFile);
    }
}

function loadState(file: string): EmulatorState {
    if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        return { version: 2, workspaces: [], apiPlatformOrgs: [] };
    }
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as EmulatorState;
    if (parsed?.version !== 2 || !Array.isArray(parsed.workspaces) || !Array.isArray(parsed.apiPlatformOrgs)) {
        throw new Error(
            `Emulator data file ${file} is not a version 2 emulator state (version 1 files held the old identity ` +
                "contract); move it away or pick another --data file.",
        );
    }
    return parsed;
}

function assertDistinctCredentials(state: EmulatorState): void {
    const seen = new Set<string>();
    const check = (owner: string, secret: string) => {
        if (typeof secret !== "string" || secret === "")
            throw new Error(`Emulator ${owner} needs non-empty credentials.`);
        if (seen.has(secret))
            throw new Error(`Emulator ${owner} reuses a credential; every key and token must be unique.`);
        seen.add(secret);
    };
    const ids = new Set<string>();
    for (const w of state.workspaces) {
        if (ids.has(w.id)) throw new Error(`Emulator workspace ${w.id} is listed twice.`);
        ids.add(w.id);
        check(`workspace ${w.id}`, w.adminKey);
        check(`workspace ${w.id}`, w.scimToken);
    }
    for (const o of state.apiPlatformOrgs) check(`API Platform org ${o.id}`, o.adminKey);
}
