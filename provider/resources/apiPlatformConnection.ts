import OpenAI from "openai";
import { createAdminSdk } from "../../clients/apiPlatform/sdk";
import { ProviderSettings, apiPlatformCredentials } from "./providerSettings";

/**
 * The `openai` SDK for the API Platform Admin API (organization roles, groups, group roles), built
 * inside a provider method call: a client kept on the provider would be serialized with its key.
 */
export function apiPlatformSdk(settings: ProviderSettings | undefined): { client: OpenAI; adminKey: string } {
    const credentials = apiPlatformCredentials(settings);
    return { client: createAdminSdk(credentials), adminKey: credentials.adminKey };
}
