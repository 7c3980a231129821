import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorTenant } from "./types";
import { EmulatorState, TenantState, generateCredentials, newTenant } from "./model";

/**
 * Holds the whole emulator state. Handlers validate first, mutate, then call `commit()`; with a data
 * file every commit is written atomically (temp file + rename), so a crash never leaves half a file.
 */
export class StateStore {
    readonly state: EmulatorState;

    constructor(private readonly dataFile: string | undefined, tenants: EmulatorTenant[] | undefined) {
        this.state = dataFile ? loadState(dataFile) : { version: 1, tenants: [] };
        for (const t of tenants ?? []) {
            const existing = this.state.tenants.find((s) => s.id === t.id);
            if (existing) {
                existing.adminKey = t.adminKey;
                existing.scimToken = t.scimToken;
            } else {
                this.state.tenants.push(newTenant(t.id, t.adminKey, t.scimToken));
            }
        }
        if (this.state.tenants.length === 0) {
            const creds = generateCredentials();
            this.state.tenants.push(newTenant("default", creds.adminKey, creds.scimToken));
        }
        assertDistinctCredentials(this.state.tenants);
        this.commit();
    }

    tenant(id: string): TenantState | undefined {
        return this.state.tenants.find((t) => t.id === id);
    }

    tenantByAdminKey(key: string): TenantState | undefined {
        return this.state.tenants.find((t) => t.adminKey === key);
    }

    tenantByScimToken(token: string): TenantState | undefined {
        return this.state.tenants.find((t) => t.scimToken === token);
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
        return { version: 1, tenants: [] };
    }
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as EmulatorState;
    if (parsed?.version !== 1 || !Array.isArray(parsed.tenants)) {
        throw new Error(`Emulator data file ${file} is not a version 1 emulator state; move it away or pick another --data file.`);
    }
    return parsed;
}

function assertDistinctCredentials(tenants: TenantState[]): void {
    const seen = new Set<string>();
    for (const t of tenants) {
        for (const secret of [t.adminKey, t.scimToken]) {
            if (!secret) throw new Error(`Emulator tenant "${t.id}" needs a non-empty adminKey and scimToken.`);
            if (seen.has(secret)) throw new Error(`Emulator tenant "${t.id}" reuses a credential of another tenant or of itself; each key must be unique.`);
            seen.add(secret);
        }
    }
}
