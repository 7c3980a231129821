import * as assert from "node:assert/strict";
import { loadTenantConfig } from "../../../core/config/load";
import { minimalWorkspace as minimal, problems } from "./support";

describe("config: wrong types, unknown keys and strings that reach people", () => {
    it("a wrong type says what was expected and what was given, never 'is required'", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                sso: { testUsers: "a@lincoln.k12.us" },
                groups: { dimension: "ROLE" },
                manageWorkspace: "yes",
                name: null,
            }),
            [
                "workspace.name: expected a name such as Lincoln Unified School District, got null (an empty value)",
                'workspace.sso.testUsers: expected a list of email addresses of test users, got a string ("a@lincoln.k12.us")',
                "workspace.groups: expected a list of groups, got a mapping",
                'workspace.manageWorkspace: expected true or false, got a string ("yes")',
            ],
        );
    });

    it("'is required' only for an absent field", () => {
        assert.deepEqual(problems({ idp: "entra", domains: [{ name: "lincoln.k12.us" }] }), [
            "workspace.name: is required (expected a name such as Lincoln Unified School District)",
        ]);
    });

    it("names unknown keys with a did-you-mean at every level", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                scimm: {},
                sso: { stag: "off" },
                groups: [{ dimension: "ROLE", group: "Staff", memebrs: [] }],
            }),
            [
                'workspace.sso.stag: unknown setting "stag": did you mean "stage"?',
                'workspace.groups[0].memebrs: unknown setting "memebrs": did you mean "members"?',
                'workspace.scimm: unknown setting "scimm": did you mean "scim"?',
            ],
        );
    });

    it("enum values get a did-you-mean", () => {
        assert.deepEqual(problems({ ...minimal, idp: "Entra", sso: { stage: "enforce" } }), [
            'workspace.idp: expected an identity provider ("entra" or "okta"), got "Entra": did you mean "entra"?',
            'workspace.sso.stage: expected an SSO stage ("off", "testing", "enabled" or "enforced"), got "enforce": did you mean "enforced"?',
        ]);
    });

    it("names carry no control characters, and escape codes are shown escaped", () => {
        const found = problems({
            ...minimal,
            name: "Lincoln\u001b[2J USD",
            groups: [{ dimension: "ROLE", group: "Staff\u202e" }],
        });
        assert.deepEqual(found, [
            'workspace.name: must be one line of plain text, but it contains a control character (U+001B): "Lincoln\\u001b[2J USD"',
            'workspace.groups[0].group: must be one line of plain text, but it contains a control character (U+202E): "Staff\\u202e"',
        ]);
        for (const line of found) assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    });

    it("a verification token is one line of the expected form", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                domains: [
                    { name: "lincoln.k12.us", verificationToken: "openai-domain-verification=dv-1\nEVIL" },
                    { name: "staff.lincoln.k12.us", verificationToken: "dv-1" },
                ],
            }),
            [
                'workspace.domains[0].verificationToken: must be one line of plain text, but it contains a line break: "openai-domain-verification=dv-1\\nEVIL"',
                'workspace.domains[1].verificationToken: must be the one-line TXT value shown by the workspace, of the form openai-domain-verification=<value>, got "dv-1"',
            ],
        );
    });

    it("URLs parse as https URLs without credentials", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                sso: { acsUrl: "http://auth.openai.com/acs" },
                scim: { baseUrl: "https://user:pw@api.openai.com/scim" },
            }),
            [
                'workspace.sso.acsUrl: must be an https:// URL, got "http://auth.openai.com/acs" ("http"); copy the URL from the ChatGPT SSO wizard',
                'workspace.scim.baseUrl: must not carry a user name or password, got "https://…@api.openai.com"; copy the URL from the ChatGPT Directory Sync wizard',
            ],
        );
        assert.deepEqual(problems({ ...minimal, sso: { acsUrl: "not a url" } }), [
            'workspace.sso.acsUrl: must be a URL without spaces, got "not a url"; copy the URL from the ChatGPT SSO wizard',
        ]);
    });

    it("URLs with a look-alike (non-ASCII) letter are refused: the console's URLs are plain ASCII", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                sso: { entityId: "https://ch\u0430tgpt.com/sp", acsUrl: "https://chatgpt.com/\u0430cs" },
            }),
            [
                'workspace.sso.entityId: must be the Entity ID from the ChatGPT SSO wizard, an https:// URL or a urn: name, got "https://ch\u0430tgpt.com/sp"',
                'workspace.sso.acsUrl: must be plain ASCII as the console shows it, but it contains "\u0430" (U+0430), got "https://chatgpt.com/\u0430cs"; copy the URL from the ChatGPT SSO wizard',
            ],
        );
    });

    it("domains and workspace ids are lowered; other values are kept as written", () => {
        const config = loadTenantConfig(
            { ...minimal, domains: [{ name: "Lincoln.K12.us" }], sso: { testUsers: ["Dana@lincoln.k12.us"] } },
            "workspace",
        );
        assert.equal(config.domains[0].name, "lincoln.k12.us");
        assert.deepEqual(config.sso.testUsers, ["Dana@lincoln.k12.us"]);
    });

    it("DNS settings are one union keyed on the adapter", () => {
        const zone = "0123456789abcdef0123456789abcdef";
        const config = loadTenantConfig(
            { ...minimal, dns: { adapter: "cloudflare", settings: { zoneIds: { "lincoln.k12.us": zone }, ttl: 300 } } },
            "workspace",
        );
        assert.deepEqual(config.dns, {
            adapter: "cloudflare",
            settings: { zoneIds: { "lincoln.k12.us": zone }, ttl: 300 },
        });
        assert.deepEqual(loadTenantConfig({ ...minimal, dns: { adapter: "manual", settings: {} } }, "workspace").dns, {
            adapter: "manual",
        });
        assert.deepEqual(problems({ ...minimal, dns: { adapter: "manual", settings: { zoneIds: {} } } }), [
            'workspace.dns.settings: the manual DNS adapter takes no settings; remove "zoneIds"',
        ]);
        assert.deepEqual(problems({ ...minimal, dns: { adapter: "route53" } }), [
            'workspace.dns.adapter: expected a DNS adapter ("manual" or "cloudflare"), got "route53"',
        ]);
        assert.deepEqual(problems({ ...minimal, dns: { adapter: "cloudflare" } }), [
            'workspace.dns.settings: is required for the cloudflare adapter: { zoneIds: { "district.k12.us": "<zone id>" } }',
        ]);
        assert.deepEqual(
            problems({
                ...minimal,
                dns: { adapter: "cloudflare", settings: { zoneIds: { "lincoln.k12.us": "abc" }, ttl: 5, zoneId: 1 } },
            }),
            [
                'workspace.dns.settings.zoneIds.lincoln.k12.us: must be the 32-character Zone ID shown on the zone\'s Overview page in the Cloudflare dashboard (API section), got "abc"',
                "workspace.dns.settings.ttl: must be 1 (automatic) or a whole number of seconds from 60 to 86400",
                'workspace.dns.settings: unknown setting "zoneId": did you mean "zoneIds"?',
            ],
        );
    });

    it("Cloudflare zone ids: one per listed domain, subdomains included (DOM-2), none for unlisted domains", () => {
        const zone = "0123456789abcdef0123456789abcdef";
        assert.deepEqual(
            problems({
                ...minimal,
                domains: [{ name: "lincoln.k12.us" }, { name: "staff.lincoln.k12.us" }],
                dns: { adapter: "cloudflare", settings: { zoneIds: { "lincoln.k12.us": zone, "old.k12.us": zone } } },
            }),
            [
                `workspace.dns.settings.zoneIds.staff.lincoln.k12.us: missing: each subdomain is verified and published on its own, so "staff.lincoln.k12.us" needs its own entry; if its records live in the lincoln.k12.us zone, repeat that zone id ("${zone}"), otherwise give the 32-character Zone ID shown on the zone's Overview page in the Cloudflare dashboard (API section)`,
                'workspace.dns.settings.zoneIds.old.k12.us: "old.k12.us" is not one of the listed domains (lincoln.k12.us, staff.lincoln.k12.us); remove it or add the domain',
            ],
        );
    });

    it("credits are whole numbers", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                usageLimit: { credits: 1.5 },
                groups: [{ dimension: "ROLE", group: "Staff", usageLimit: { credits: "100" } }],
            }),
            [
                'workspace.groups[0].usageLimit.credits: expected a whole number of credits, got a string ("100")',
                "workspace.usageLimit.credits: must be a whole number of credits, 0 or more, got 1.5",
            ],
        );
    });
});

describe("config: the SSO entity ID", () => {
    it("is an https URL or a urn: name", () => {
        loadTenantConfig({ ...minimal, sso: { entityId: "urn:amazon:webservices:chatgpt" } }, "workspace");
        loadTenantConfig({ ...minimal, sso: { entityId: "https://auth.openai.com/saml/entity/x" } }, "workspace");
        assert.deepEqual(problems({ ...minimal, sso: { entityId: "http://auth.openai.com/saml/entity/x" } }), [
            'workspace.sso.entityId: must be the Entity ID from the ChatGPT SSO wizard, an https:// URL or a urn: name, got "http://auth.openai.com/saml/entity/x"',
        ]);
    });
});

describe("config: Cloudflare zone id keys", () => {
    const zone = "0123456789abcdef0123456789abcdef";

    it("are lowered like the domains", () => {
        const config = loadTenantConfig(
            {
                ...minimal,
                domains: [{ name: "Lincoln.k12.us" }],
                dns: { adapter: "cloudflare", settings: { zoneIds: { "LINCOLN.k12.us": zone } } },
            },
            "workspace",
        );
        assert.deepEqual(config.dns, { adapter: "cloudflare", settings: { zoneIds: { "lincoln.k12.us": zone } } });
    });

    it("that differ only in case name one domain", () => {
        assert.deepEqual(
            problems({
                ...minimal,
                dns: {
                    adapter: "cloudflare",
                    settings: { zoneIds: { "lincoln.k12.us": zone, "Lincoln.k12.us": zone } },
                },
            }),
            [
                'workspace.dns.settings.zoneIds.Lincoln.k12.us: "Lincoln.k12.us" and "lincoln.k12.us" name the same domain (domains compare without case); keep one',
            ],
        );
    });
});
