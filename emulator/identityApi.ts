import { randomBytes } from "node:crypto";
import { StateStore } from "./store";
import { DomainRecord, IdentitySettings, SsoStage, TenantState, newId, nowSeconds, verifiedOwner } from "./model";
import { ApiError, RequestContext, badRequest, conflict, notFound, objectBody, optionalBoolean, rejectUnknownFields, requireString } from "./http";
import { paginate } from "./pagination";
import { Router } from "./router";
import { lookupTxt } from "./dnsVerification";

const settingsFields = ["sso_stage", "api_platform_sso", "automatic_account_creation", "external_invites", "directory_sync"] as const;
const ssoStages: readonly SsoStage[] = ["off", "enabled", "enforced"];
const hostnamePattern = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

/** Identity settings and domains: the contract of docs/workspace-api.md. */
export function addIdentityRoutes(router: Router, store: StateStore, dnsServers: string[] | undefined): void {
    const t = (ctx: RequestContext): TenantState => ctx.tenant!;

    router
        .add("GET", "/v1/organization/identity/settings", (ctx) => ok(settingsJson(t(ctx).settings)))
        .add("PATCH", "/v1/organization/identity/settings", (ctx) => {
            const tenant = t(ctx);
            const patch = parseSettingsPatch(objectBody(ctx.body));
            const next: IdentitySettings = { ...tenant.settings, ...patch };
            checkSettings(tenant, next, patch);
            tenant.settings = next;
            store.commit();
            return ok(settingsJson(next));
        })

        .add("GET", "/v1/organization/identity/domains", (ctx) => ok(paginate(t(ctx).domains.map(domainJson), ctx.query)))
        .add("GET", "/v1/organization/identity/domains/:domainId", (ctx) => ok(domainJson(findDomain(t(ctx), ctx.params.domainId))))
        .add("POST", "/v1/organization/identity/domains", (ctx) => {
            const tenant = t(ctx);
            const body = objectBody(ctx.body);
            rejectUnknownFields(body, ["domain"]);
            const domain = normalizeDomain(requireString(body, "domain"));
            const existing = tenant.domains.find((d) => d.domain === domain);
            if (existing) throw conflict("domain_exists", `Domain '${domain}' is already registered in this organization as ${existing.id}.`, "domain");
            assertNotClaimedElsewhere(store, tenant, domain);
            const txtValue = (tenant.txtValues[domain] ??= `openai-domain-verification=dv-${randomBytes(16).toString("hex")}`);
            const record: DomainRecord = { id: newId("dom"), domain, status: "pending", txtValue, createdAt: nowSeconds(), verifiedAt: null };
            tenant.domains.push(record);
            store.commit();
            return { status: 201, body: domainJson(record) };
        })
        .add("POST", "/v1/organization/identity/domains/:domainId/verify", async (ctx) => {
            const tenant = t(ctx);
            const record = findDomain(tenant, ctx.params.domainId);
            if (record.status === "verified") return ok(domainJson(record));
            assertNotClaimedElsewhere(store, tenant, record.domain);
            const lookup = await lookupTxt(record.domain, dnsServers);
            // The lookup is asynchronous: look at the state again before changing it.
            const current = tenant.domains.find((d) => d.id === record.id);
            if (!current) throw notFound("domain", record.id);
            if (current.status === "verified") return ok(domainJson(current));
            assertNotClaimedElsewhere(store, tenant, current.domain);
            if (!lookup.values.includes(current.txtValue)) {
                const found = lookup.values.length > 0 ? `found ${lookup.values.map((v) => JSON.stringify(v)).join(", ")}` : `found no TXT record (${lookup.failure ?? "empty answer"})`;
                throw new ApiError(
                    422,
                    "txt_record_not_found",
                    `TXT record not found: expected a TXT record at '${current.domain}' with the value '${current.txtValue}', ${found}. ` +
                        "DNS changes can take up to 24 hours to propagate; retry verification later (DOM-4).",
                    { param: "domain" },
                );
            }
            current.status = "verified";
            current.verifiedAt = nowSeconds();
            store.commit();
            return ok(domainJson(current));
        })
        .add("DELETE", "/v1/organization/identity/domains/:domainId", (ctx) => {
            const tenant = t(ctx);
            const record = findDomain(tenant, ctx.params.domainId);
            const otherVerified = tenant.domains.some((d) => d !== record && d.status === "verified");
            if (record.status === "verified" && !otherVerified && tenant.settings.sso_stage !== "off") {
                throw conflict(
                    "domain_in_use_by_sso",
                    `Domain '${record.domain}' is the last verified domain and SSO is '${tenant.settings.sso_stage}'; set sso_stage to off first (DOM-1, DOM-5).`,
                );
            }
            tenant.domains = tenant.domains.filter((d) => d !== record);
            store.commit();
            return ok({ object: "organization.domain.deleted", id: record.id, deleted: true });
        });
}

function ok(body: unknown) {
    return { status: 200, body };
}

function parseSettingsPatch(body: Record<string, unknown>): Partial<IdentitySettings> {
    rejectUnknownFields(body, settingsFields);
    const patch: Partial<IdentitySettings> = {};
    if (body.sso_stage !== undefined) {
        if (!ssoStages.includes(body.sso_stage as SsoStage)) {
            throw badRequest(`'sso_stage' must be one of off, enabled, enforced (SSO-1), got ${JSON.stringify(body.sso_stage)}.`, "sso_stage");
        }
        patch.sso_stage = body.sso_stage as SsoStage;
    }
    for (const field of ["api_platform_sso", "automatic_account_creation", "external_invites", "directory_sync"] as const) {
        const value = optionalBoolean(body, field);
        if (value !== undefined) patch[field] = value;
    }
    return patch;
}

/** Refusals apply to the whole PATCH: nothing of it is applied. */
function checkSettings(tenant: TenantState, next: IdentitySettings, patch: Partial<IdentitySettings>): void {
    if (next.sso_stage !== "off" && !tenant.domains.some((d) => d.status === "verified")) {
        throw conflict(
            "domain_not_verified",
            `SSO cannot be ${next.sso_stage} before a domain is verified: register a domain, publish its TXT record and verify it first (DOM-1).`,
            "sso_stage",
        );
    }
    if (patch.sso_stage === "enforced" && tenant.settings.sso_stage === "off") {
        throw conflict(
            "sso_not_enabled",
            "SSO cannot go from off to enforced: set sso_stage to enabled first, test sign-in with a few users, then enforce (SSO-1, SSO-2).",
            "sso_stage",
        );
    }
    if (next.sso_stage !== "off" && !next.api_platform_sso) {
        throw conflict(
            "api_platform_sso_disabled",
            `ChatGPT SSO '${next.sso_stage}' with API Platform SSO disabled is unsupported: newly provisioned users cannot log in. Set api_platform_sso to true (SSO-4).`,
            "api_platform_sso",
        );
    }
}

function normalizeDomain(raw: string): string {
    const domain = raw.trim().toLowerCase().replace(/\.$/, "");
    if (!hostnamePattern.test(domain)) {
        throw badRequest(`'domain' must be a DNS name such as staff.district.k12.us, got '${raw}'.`, "domain");
    }
    return domain;
}

function assertNotClaimedElsewhere(store: StateStore, tenant: TenantState, domain: string): void {
    const owner = verifiedOwner(store.state, domain);
    if (owner && owner !== tenant) {
        throw conflict(
            "domain_claimed",
            `Domain '${domain}' is already verified by another organization. A domain can be verified in only one organization (DOM-3); this is not retryable.`,
            "domain",
        );
    }
}

function findDomain(tenant: TenantState, id: string): DomainRecord {
    const record = tenant.domains.find((d) => d.id === id);
    if (!record) throw notFound("domain", id);
    return record;
}

function settingsJson(settings: IdentitySettings) {
    return { object: "organization.identity_settings", ...settings };
}

function domainJson(record: DomainRecord) {
    return {
        object: "organization.domain" as const,
        id: record.id,
        domain: record.domain,
        status: record.status,
        txt_record: { name: record.domain, type: "TXT" as const, value: record.txtValue },
        created_at: record.createdAt,
        verified_at: record.verifiedAt,
    };
}
