import { IncomingHttpHeaders } from "node:http";
import { ApiError } from "./http";
import { TenantState } from "./model";
import { StateStore } from "./store";

export type ApiArea = "admin" | "scim";

/** Resolves the tenant from `Authorization: Bearer ...`: admin keys on /v1, SCIM tokens on /scim/v2. */
export function authenticate(store: StateStore, area: ApiArea, headers: IncomingHttpHeaders): TenantState {
    const header = headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
        throw new ApiError(
            401,
            null,
            area === "admin"
                ? "You didn't provide an API key. Send your admin key in the Authorization header: 'Authorization: Bearer <admin key>'."
                : "Missing SCIM bearer token: send 'Authorization: Bearer <SCIM token>'.",
            { type: "invalid_request_error" },
        );
    }
    const tenant = area === "admin" ? store.tenantByAdminKey(match[1]) : store.tenantByScimToken(match[1]);
    if (!tenant) {
        throw new ApiError(
            401,
            "invalid_api_key",
            area === "admin"
                ? `Incorrect API key provided: ${mask(match[1])}. Use an admin key of this organization.`
                : `Invalid SCIM bearer token ${mask(match[1])}.`,
            { type: "invalid_request_error" },
        );
    }
    return tenant;
}

/** Like OpenAI's messages: the first and last characters only, never the whole key. */
function mask(key: string): string {
    return key.length <= 8 ? "****" : `${key.slice(0, 4)}****${key.slice(-4)}`;
}
