import type { FakeInvokes, FakeOutputs } from "../recordingEngine";

/**
 * Placeholders for what Okta computes at apply time and the Okta components read, so the offline
 * plan and the tests can show hand-offs. Every value is deterministic and visibly a placeholder.
 */

/** Placeholder key id of the SAML signing key of the app with this label and key name. */
export function placeholderSigningKeyId(label: string, keyName: unknown): string {
    return `<okta signing key id of ${label} (${String(keyName ?? "default key")})>`;
}

export const oktaFakeOutputs: FakeOutputs = {
    "okta:app/saml:Saml": (inputs) => {
        const label = String(inputs.label ?? "the SAML app");
        const kid = placeholderSigningKeyId(label, inputs.keyName);
        return {
            metadataUrl: `<metadata URL of ${label}>`,
            metadata: `<SAML metadata XML of ${label}>`,
            entityKey: `<okta entity key of ${label}>`,
            entityUrl: `<okta IdP issuer URL of ${label}>`,
            httpPostBinding: `<okta SSO URL (HTTP-POST) of ${label}>`,
            httpRedirectBinding: `<okta SSO URL (HTTP-Redirect) of ${label}>`,
            certificate: `<signing certificate of ${label}>`,
            keyId: kid,
            keys: [
                {
                    kid,
                    kty: "RSA",
                    use: "sig",
                    e: "<exponent>",
                    n: "<modulus>",
                    created: "<created>",
                    lastUpdated: "<last updated>",
                    expiresAt: "<expires>",
                    x5cs: [`<signing certificate of ${label}>`],
                    x5tS256: `<SHA-256 thumbprint of the signing certificate of ${label} (${String(inputs.keyName ?? "default key")})>`,
                },
            ],
            signOnMode: "SAML_2_0",
            name: "<okta app name>",
        };
    },
    "okta:app/swa:Swa": (inputs) => ({
        name: "<okta app name>",
        signOnMode: "BROWSER_PLUGIN",
        logoUrl: `<logo URL of ${String(inputs.label ?? "the SWA app")}>`,
    }),
    "okta:index/pushGroup:PushGroup": (inputs) => ({
        targetGroupId: `<ChatGPT group id pushed from ${String(inputs.sourceGroupId ?? "the group")}>`,
    }),
};

function searchedEmail(inputs: Record<string, unknown>): string {
    const searches: { name?: string; value?: string }[] = Array.isArray(inputs.searches) ? inputs.searches : [];
    return searches.find((s) => s?.name === "profile.email")?.value ?? String(inputs.userId ?? "unknown user");
}

export const oktaFakeInvokes: FakeInvokes = {
    "okta:user/getUser:getUser": (inputs) => {
        const email = searchedEmail(inputs);
        return {
            id: `<okta user id of ${email}>`,
            email,
            login: email,
            status: "ACTIVE",
            firstName: "<first name>",
            lastName: "<last name>",
            groupMemberships: [],
            adminRoles: [],
            roles: [],
        };
    },
};
