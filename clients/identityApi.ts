import { isNotFound } from "./errors";
import { HttpClient } from "./http";

/** Typed calls of the identity settings and domains contract (docs/workspace-api.md). */

export const SSO_STAGES = ["off", "enabled", "enforced"] as const;
export type WorkspaceSsoStage = (typeof SSO_STAGES)[number];

export interface IdentitySettings {
    object?: "organization.identity_settings";
    sso_stage: WorkspaceSsoStage;
    api_platform_sso: boolean;
    automatic_account_creation: boolean;
    external_invites: boolean;
    directory_sync: boolean;
}

/** The writable fields; a PATCH carries any subset. */
export type IdentitySettingsPatch = Partial<Omit<IdentitySettings, "object">>;

export interface WorkspaceDomainObject {
    object?: "organization.domain";
    id: string;
    domain: string;
    status: "pending" | "verified" | string;
    txt_record: { name: string; type: "TXT" | string; value: string };
    created_at?: number;
    verified_at: number | null;
}

const SETTINGS = "/organization/identity/settings";
const DOMAINS = "/organization/identity/domains";

export class IdentityApi {
    constructor(private readonly http: HttpClient) {}

    getSettings(): Promise<IdentitySettings> {
        return this.http.get<IdentitySettings>(SETTINGS);
    }

    /** Sends exactly the fields given; refuses an empty patch rather than sending `{}`. */
    updateSettings(patch: IdentitySettingsPatch): Promise<IdentitySettings> {
        const body: Record<string, unknown> = {};
        if (patch.sso_stage !== undefined) body.sso_stage = patch.sso_stage;
        if (patch.api_platform_sso !== undefined) body.api_platform_sso = patch.api_platform_sso;
        if (patch.automatic_account_creation !== undefined) body.automatic_account_creation = patch.automatic_account_creation;
        if (patch.external_invites !== undefined) body.external_invites = patch.external_invites;
        if (patch.directory_sync !== undefined) body.directory_sync = patch.directory_sync;
        if (Object.keys(body).length === 0) throw new Error("internal: empty settings patch");
        return this.http.patch<IdentitySettings>(SETTINGS, body);
    }

    listDomains(): Promise<WorkspaceDomainObject[]> {
        return this.http.list<WorkspaceDomainObject>(DOMAINS);
    }

    async findDomain(name: string): Promise<WorkspaceDomainObject | undefined> {
        return (await this.listDomains()).find((d) => d.domain === name);
    }

    /** The domain, or undefined when it is gone (404). */
    async getDomain(id: string): Promise<WorkspaceDomainObject | undefined> {
        try {
            return await this.http.get<WorkspaceDomainObject>(`${DOMAINS}/${encodeURIComponent(id)}`);
        } catch (err) {
            if (isNotFound(err)) return undefined;
            throw err;
        }
    }

    /** POST a new domain; after an ambiguous failure, looks the name up before posting again. */
    createDomain(name: string): Promise<WorkspaceDomainObject> {
        return this.http.create<WorkspaceDomainObject>(DOMAINS, { domain: name }, () => this.findDomain(name));
    }

    verifyDomain(id: string): Promise<WorkspaceDomainObject> {
        return this.http.postIdempotent<WorkspaceDomainObject>(`${DOMAINS}/${encodeURIComponent(id)}/verify`);
    }

    /** Deletes the domain; true when deleted now, false when it was already gone (404). */
    async deleteDomain(id: string): Promise<boolean> {
        try {
            await this.http.delete(`${DOMAINS}/${encodeURIComponent(id)}`);
            return true;
        } catch (err) {
            if (isNotFound(err)) return false;
            throw err;
        }
    }
}
