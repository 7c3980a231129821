import * as assert from "node:assert/strict";
import { loadStackConfig, loadTenantConfig } from "../../../core/config/load";
import { minimalWorkspace as minimal, problemObjects } from "./support";

const SSO7_WHY = "Without given_name and family_name in the assertion, display names show as email addresses.";
const SSO12_WHY =
    "The email claim must carry the address the user is provisioned under (the SCIM identifier); another source makes sign-in fail or creates a second user.";

describe("config: SSO-7/SSO-12 claim sources the IdP cannot fill", () => {
    it("Entra: a source not written user.<attribute> is refused, the fix naming the attribute", () => {
        assert.deepEqual(problemObjects({ ...minimal, sso: { claims: { given_name: "givenname" } } }), [
            {
                path: "workspace.sso.claims.given_name",
                message:
                    '"givenname" is not an Entra ID user attribute: Entra claim sources are written user.<attribute>, so the given_name claim would be empty and display names will show as email addresses',
                rule: "SSO-7",
                why: SSO7_WHY,
                fix: "Write user.givenname, or remove sso.claims.given_name to keep the default user.givenname.",
            },
        ]);
        assert.deepEqual(problemObjects({ ...minimal, sso: { claims: { email: "mail" } } }), [
            {
                path: "workspace.sso.claims.email",
                message:
                    '"mail" is not an Entra ID user attribute: Entra claim sources are written user.<attribute>, ' +
                    "so the email claim would be empty and nobody could sign in",
                rule: "SSO-12",
                why: SSO12_WHY,
                fix: "Write user.mail, or remove sso.claims.email to keep the default user.mail.",
            },
        ]);
        assert.deepEqual(problemObjects({ ...minimal, sso: { claims: { email: "company.mail" } } }), [
            {
                path: "workspace.sso.claims.email",
                message: 'takes the email claim from "company.mail", which is not a mail or sign-in name attribute',
                rule: "SSO-12",
                why: SSO12_WHY,
                fix: "Use user.mail or user.userprincipalname, or remove sso.claims.email to keep the default user.mail.",
            },
        ]);
        assert.equal(
            problemObjects({ ...minimal, sso: { claims: { family_name: "surname" } } })[0].fix,
            "Write user.surname, or remove sso.claims.family_name to keep the default user.surname.",
        );
        assert.equal(
            problemObjects({ ...minimal, sso: { claims: { family_name: "company.last" } } })[0].fix,
            "Write it as user.<attribute>, e.g. user.surname (the default).",
        );
    });

    it("Entra given Okta's sources: each refused with the Entra attribute of the same meaning", () => {
        const claims = { email: "user.email", given_name: "user.firstName", family_name: "user.lastName" };
        assert.deepEqual(problemObjects({ ...minimal, sso: { claims } }), [
            {
                path: "workspace.sso.claims.given_name",
                message:
                    '"user.firstName" is Okta\'s attribute name; Entra ID has no such attribute, so the given_name claim would be empty and display names will show as email addresses',
                rule: "SSO-7",
                why: SSO7_WHY,
                fix: "Use user.givenname, or remove sso.claims.given_name to keep the default user.givenname.",
            },
            {
                path: "workspace.sso.claims.family_name",
                message:
                    '"user.lastName" is Okta\'s attribute name; Entra ID has no such attribute, so the family_name claim would be empty and display names will show as email addresses',
                rule: "SSO-7",
                why: SSO7_WHY,
                fix: "Use user.surname, or remove sso.claims.family_name to keep the default user.surname.",
            },
            {
                path: "workspace.sso.claims.email",
                message:
                    '"user.email" is Okta\'s attribute name; Entra ID has no such attribute, so the email claim would be empty and nobody could sign in',
                rule: "SSO-12",
                why: SSO12_WHY,
                fix: "Use user.mail, or remove sso.claims.email to keep the default user.mail.",
            },
        ]);
    });

    it("Okta given Entra's sources (any case): each refused with the Okta attribute of the same meaning", () => {
        const claims = { email: "user.userPrincipalName", given_name: "user.givenname", family_name: "user.Surname" };
        assert.deepEqual(
            problemObjects({ ...minimal, idp: "okta", sso: { claims } }).map((p) => [p.path, p.rule, p.fix]),
            [
                [
                    "workspace.sso.claims.given_name",
                    "SSO-7",
                    "Use user.firstName, or remove sso.claims.given_name to keep the default user.firstName.",
                ],
                [
                    "workspace.sso.claims.family_name",
                    "SSO-7",
                    "Use user.lastName, or remove sso.claims.family_name to keep the default user.lastName.",
                ],
                [
                    "workspace.sso.claims.email",
                    "SSO-12",
                    "Use user.login, or remove sso.claims.email to keep the default user.email.",
                ],
            ],
        );
        assert.deepEqual(
            problemObjects({ ...minimal, idp: "okta", sso: { claims: { email: "user.mail" } } }).map((p) => p.message),
            [
                '"user.mail" is Entra ID\'s attribute name; Okta has no such attribute, so the email claim would be empty and nobody could sign in',
            ],
        );
    });

    it("each IdP's own attributes, Entra extension attributes and Okta expressions pass", () => {
        loadTenantConfig(
            {
                ...minimal,
                sso: {
                    claims: {
                        email: "user.userprincipalname",
                        given_name: "user.extension_1a2b_first",
                        family_name: "user.surname",
                    },
                },
            },
            "workspace",
        );
        loadTenantConfig(
            {
                ...minimal,
                idp: "okta",
                sso: { claims: { email: "user.login", given_name: "appuser.firstName", family_name: "user.lastName" } },
            },
            "workspace",
        );
    });

    it("is refused by the stack gate too, with the rule as data", () => {
        const values = {
            "chatgpt-identity:tenant": JSON.stringify({
                name: "Riverside USD",
                idp: "okta",
                domains: [{ name: "riverside.k12.ca.us" }],
                sso: { claims: { family_name: "user.surname" } },
                workspaces: [{ key: "staff", name: "Staff" }],
            }),
        };
        const result = loadStackConfig(values, new Set());
        assert.deepEqual(result.ok ? [] : result.problems.map((p) => `${p.rule} ${p.path}`), [
            "SSO-7 tenant.sso.claims.family_name",
        ]);
    });
});
