import { strict as assert } from "assert";
import * as fs from "fs";
import { parse } from "yaml";
import { TenantConfig, loadTenantConfig } from "../../../core/config/load";
import { phaseSummary, renderRunbook, RunbookFacts } from "../../../core/runbook";
import { DOM6_EMAIL_CHANGE_STEPS } from "../../../core/rules";
import { DOMAINS, SCIM_ON, SSO_BASE, SSO_WIZARD, makeConfig } from "../rules/support";
import { repoPath } from "../../support/paths";

/** The example Entra district (examples/entra-district), with the facts a plan hands over before apply. */
export function entraDistrict(): { config: TenantConfig; facts: RunbookFacts } {
    const stack = parse(fs.readFileSync(repoPath("examples", "entra-district", "Pulumi.lincoln.yaml"), "utf8"));
    const config = loadTenantConfig(stack.config["chatgpt-identity:workspace"], "workspace");
    return {
        config,
        facts: {
            txtRecords: config.domains.map((d) => ({ domain: d.name, name: d.name, value: d.verificationToken })),
            sso: {
                appName: "ChatGPT SSO (Lincoln Unified School District)",
                entityId: config.sso.entityId,
                acsUrl: config.sso.acsUrl,
            },
        },
    };
}

/** The settings `manageWorkspace` needs (a workspace UUID), or none. */
const managed = (on: boolean) =>
    on ? { manageWorkspace: true, workspaceId: "0b7d5c4e-1f2a-4b3c-8d9e-0a1b2c3d4e5f" } : {};

if (typeof describe === "function")
    describe("runbook", () => {
        it("is deterministic and fills every value in", () => {
            const { config, facts } = entraDistrict();
            const text = renderRunbook(config, facts);
            assert.equal(renderRunbook(config, facts), text);
            for (const value of [
                "openai-domain-verification=dv-lincoln-0001",
                "openai-domain-verification=dv-lincoln-staff-0002",
                "https://auth.openai.com/saml/entity/lincoln",
                "https://auth.openai.com/sso/saml/acs/lincoln",
                "https://api.openai.com/scim/v2/lincoln",
                "pulumi config set --secret chatgpt-identity:scimToken",
            ]) {
                assert.ok(text.includes(value), value);
            }
            assert.doesNotMatch(text, /undefined|\b20\d\d-\d\d-\d\d\b/);
        });

        it("says where a pending TXT value comes from: always the console, managed workspace or not (no domain API)", () => {
            const facts: RunbookFacts = { txtRecords: [{ domain: "lincoln.k12.us", name: "lincoln.k12.us" }] };
            for (const manageWorkspace of [false, true]) {
                const text = renderRunbook(
                    makeConfig({ domains: [{ name: "lincoln.k12.us" }], ...managed(manageWorkspace) }),
                    facts,
                );
                assert.match(
                    text,
                    /\| lincoln\.k12\.us \| lincoln\.k12\.us \| TXT \| pending: add the domain under Workspace settings → Identity & Access → Domains and copy the value it shows into `domains\[0\]\.verificationToken` \|/,
                );
                assert.match(
                    text,
                    /3\. In ChatGPT, open Workspace settings → Identity & Access → Domains and press Verify next to each domain once its record is visible \(no API can do this\)\./,
                );
                assert.doesNotMatch(text, /the workspace issues it during `pulumi up`/);
            }
        });

        it("lists the Okta console steps for SCIM in order, without double numbering", () => {
            const config = makeConfig({ idp: "okta", scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] });
            const text = renderRunbook(config, {
                txtRecords: [],
                scimManualSteps: {
                    default: ["1. Enable provisioning.", "2. Paste the token and map the attributes (SCIM-6)."],
                },
            });
            assert.match(
                text,
                /1\. Do these steps in Okta; they cannot be done as code:\n\n {3}1\. Enable provisioning\.\n {3}2\. Paste the token and map the attributes \(SCIM-6\)\.\n\n2\. Keep automatic account creation off/,
            );
        });

        it("on Okta, keeps the SCIM token for the console step and says that groups wait for provisioning", () => {
            const config = makeConfig({
                idp: "okta",
                sso: { ...SSO_BASE, stage: "testing" },
                scim: SCIM_ON,
                groups: [{ dimension: "ROLE", group: "Staff" }],
            });
            const text = renderRunbook(config, {
                txtRecords: [],
                scimManualSteps: { default: ["1. Enable provisioning.", "4. Attribute mappings (SCIM-6)."] },
            });
            assert.match(
                text,
                /Keep the token for the Okta console step in "Finish SCIM Directory Sync": Okta takes it in its admin console, and `pulumi up` does not need it\./,
            );
            assert.doesNotMatch(text, /stops without it/);
            assert.match(
                text,
                /creates the SCIM provisioning app in Okta, separate from the SSO app \(SCIM-1\); provisioning itself is switched on by hand in the Okta console/,
            );
            assert.match(
                text,
                /assigns it to the SCIM app: their members are provisioned only once SCIM provisioning is switched on in the Okta console, and the groups are pushed only after you then set `scim\.oktaProvisioningEnabled: true`/,
            );
            assert.doesNotMatch(text, /provisioned and invited/);
            assert.match(text, /an Okta error that the user is not assigned/);
            const pushed = makeConfig({
                idp: "okta",
                scim: { ...SCIM_ON, oktaProvisioningEnabled: true },
                groups: [{ dimension: "ROLE", group: "Staff" }],
            });
            assert.match(
                renderRunbook(pushed, { txtRecords: [] }),
                /their members are provisioned and invited, and the groups are pushed to the workspace \(GRP-2\)/,
            );
            const entra = renderRunbook(makeConfig({ sso: { ...SSO_BASE, stage: "testing" }, scim: SCIM_ON }), {
                txtRecords: [],
            });
            assert.match(entra, /`pulumi up` stops without it\./);
            assert.match(entra, /a Microsoft Entra ID error that the user is not assigned/);
        });

        it("asks for the SCIM attribute mappings once: not again when the IdP's own steps cover SCIM-6", () => {
            const config = makeConfig({ scim: SCIM_ON, groups: [{ dimension: "ROLE", group: "Staff" }] });
            const count = (text: string) => (text.match(/SCIM-6/g) ?? []).length;
            const covered = renderRunbook(config, {
                txtRecords: [],
                scimManualSteps: { default: ["SCIM-6: check the mappings in the Entra admin center."] },
            });
            assert.equal(count(covered.split("Finish SCIM Directory Sync (SCIM-3, SCIM-6)")[1].split("\n## ")[0]), 1);
            assert.doesNotMatch(covered, /Check the attribute mappings of the SCIM app/);
            assert.match(
                renderRunbook(config, { txtRecords: [] }),
                /Check the attribute mappings of the SCIM app in Microsoft Entra ID/,
            );
        });

        it("ChatGPT custom roles are always console steps, after the groups appear (ROLE-1, ROLE-2), never API Platform roles", () => {
            const customRoles = [
                { name: "GPT publishers", grants: ["publish-gpts", "publish-skills"], groups: ["ROLE_Staff"] },
            ];
            for (const manageWorkspace of [false, true]) {
                const config = makeConfig({
                    scim: SCIM_ON,
                    groups: [{ dimension: "ROLE", group: "Staff" }],
                    customRoles,
                    ...managed(manageWorkspace),
                });
                const text = renderRunbook(config, { txtRecords: [] });
                assert.match(
                    text,
                    /## \d+\. Create the ChatGPT custom roles and map the groups \(ROLE-1, ROLE-2\)\n\nNo API creates ChatGPT custom roles; do it in ChatGPT under Workspace settings → Roles \(role-based access control\)\./,
                );
                assert.match(
                    text,
                    /1\. Create each role with only these grants:\n\n {3}- GPT publishers: `publish-gpts` and `publish-skills`\n/,
                );
                assert.match(
                    text,
                    /2\. Once SCIM has pushed the groups and they appear in the workspace \(Members → Groups\), assign each role to its groups \(ROLE-2\):\n\n {3}- GPT publishers → ROLE_Staff/,
                );
                assert.doesNotMatch(text, /API Platform role/);
            }
            assert.doesNotMatch(renderRunbook(makeConfig(), { txtRecords: [] }), /Create the ChatGPT custom roles/);
        });

        it("credit limits and pilot invites: `pulumi up` does them through the API when managed, else console steps (ROLE-1, ROLE-2, SSO-9)", () => {
            const extra = { usageLimit: { credits: 1000 }, invites: { testUsers: true } };
            const groups = [
                { dimension: "ROLE", group: "Staff", usageLimit: { credits: 5000 } },
                { dimension: "ROLE", group: "Teachers" },
            ];
            const patch = {
                sso: { ...SSO_BASE, stage: "testing" as const },
                scim: SCIM_ON,
                groups,
                usageLimit: extra.usageLimit,
            };
            const viaApi = renderRunbook(makeConfig({ ...patch, invites: extra.invites, ...managed(true) }), {
                txtRecords: [],
            });
            assert.match(
                viaApi,
                /- through the ChatGPT admin API, sets the workspace's default monthly credit limit to 1000 credits, the baseline of every member \(ROLE-1\)\./,
            );
            assert.match(
                viaApi,
                /- through the ChatGPT admin API, sets the monthly credit limit of 1 group \(ROLE_Staff: 5000\), once SCIM has pushed the groups; it waits a bounded time for them and then names the missing ones \(ROLE-2\)\./,
            );
            assert.match(
                viaApi,
                /- through the ChatGPT admin API, invites the test users who are not yet members \(`it\.admin@lincoln\.k12\.us` and `office\.manager@staff\.lincoln\.k12\.us`\); a member or an already invited user is never invited again \(SSO-9\)\./,
            );
            assert.doesNotMatch(viaApi, /Set the credit limits/);
            // Pilot invites go only through the API: the gate refuses invites.testUsers without manageWorkspace.
            const byHand = renderRunbook(makeConfig(patch), { txtRecords: [] });
            assert.match(
                byHand,
                /## \d+\. Set the credit limits \(ROLE-1, ROLE-2\)\n\n`manageWorkspace` is false, so `pulumi up` does not call the ChatGPT admin API; do these in the ChatGPT admin console \(or set `manageWorkspace: true`, `workspaceId` and an Admin key as the secret `chatgpt-identity:adminKey`, see README\):\n\n1\. Set the workspace's default monthly credit limit to 1000 credits/,
            );
            assert.match(
                byHand,
                /2\. Once SCIM has pushed the groups \(ROLE-2\), set each group's monthly credit limit: ROLE_Staff: 5000 credits\./,
            );
            assert.doesNotMatch(byHand, /Invite the test users|invites the test users/);
        });

        it("account creation and external invites are console steps with the config's values (SCIM-3, WS-1)", () => {
            const text = renderRunbook(makeConfig({ scim: SCIM_ON, settings: { externalInvites: false } }), {
                txtRecords: [],
            });
            assert.match(
                text,
                /1\. Automatic account creation: \*\*off\*\* \(`settings\.automaticAccountCreation`\)\. Nobody joins just by signing in with an address on a verified domain\. Keep it off while SCIM is on \(SCIM-3\)\./,
            );
            assert.match(
                text,
                /2\. External invites \(invites to addresses outside the verified domains\): \*\*blocked\*\* \(`settings\.externalInvites`, WS-1\)\./,
            );
        });

        it("SSO-11: with SSO on, says that API Platform users on the domains in every organization sign in through the IdP", () => {
            const text = renderRunbook(makeConfig({ sso: { ...SSO_BASE, stage: "testing" } }), { txtRecords: [] });
            assert.match(
                text,
                /Turning SSO on for lincoln\.k12\.us and staff\.lincoln\.k12\.us affects every API Platform user with an address on those domains, in every organization of the tenant, not only this workspace: they sign in through Microsoft Entra ID from then on \(SSO-11\)\./,
            );
            assert.doesNotMatch(renderRunbook(makeConfig(), { txtRecords: [] }), /SSO-11/);
        });

        it("DOM-6: explains what to do when a user's email address changes", () => {
            const text = renderRunbook(makeConfig({ scim: SCIM_ON }), { txtRecords: [] });
            assert.match(
                text,
                /## \d+\. When a user's email address changes \(DOM-5, DOM-6\)\n\nA new address \(marriage, rename, a domain migration\) makes one person appear as two users: the old SAML profile stays mapped to the old address until OpenAI support disassociates it \(DOM-6\)\./,
            );
            const listed = DOM6_EMAIL_CHANGE_STEPS.map((step, i) => `${i + 1}. ${step}`).join("\n");
            assert.ok(text.includes(`(DOM-6).\n\n${listed}\n`), "the rules' own DOM-6 steps, numbered, once");
            assert.match(text, /4\. Ask OpenAI support to disassociate the old SAML profile/);
        });

        it("with SSO and SCIM off, says so and leaves out the test-user checklist", () => {
            const text = renderRunbook(makeConfig(), { txtRecords: [] });
            assert.match(text, /SSO stage is off: nothing to copy for SSO\./);
            assert.match(
                text,
                /SCIM is off: nobody is provisioned from Microsoft Entra ID; invite each user under Members/,
            );
            assert.doesNotMatch(text, /Test with the test users/);
            assert.match(
                text,
                /## \d\. Findings that need action\n\nNone: the preflight rules found nothing to fix\.\n$/,
            );
        });

        it("at stage enforced tells users that Google and Apple sign-in stop (SSO-8) and marks the current stage", () => {
            const config = makeConfig({
                sso: { ...SSO_BASE, stage: "enforced", testedUsers: ["it.admin@lincoln.k12.us"] },
            });
            const text = renderRunbook(config, { txtRecords: [] });
            assert.match(text, /\| enforced \(current\) \| Google, Microsoft and Apple sign-in are off too \(SSO-8\)/);
            assert.match(text, /Recorded as tested so far: `it\.admin@lincoln\.k12\.us`\./);
        });

        it("phaseSummary describes the phase, flags a count outside its range and what the next phase changes (GRP-5)", () => {
            const groups = (n: number) =>
                Array.from({ length: n }, (_, i) => ({ dimension: "SCHOOL", group: `S${i + 1}` }));
            assert.equal(
                phaseSummary(makeConfig({ scim: SCIM_ON, groups: groups(1) }).workspaces[0], "entra"),
                'Phase pilot (a pilot of 1–2 stable groups) with 1 access group (SCHOOL_S1). Moving to level1 means growing to 5–15 "Level 1" groups (functions, schools or roles): each new group is created in Microsoft Entra ID, assigned to the SCIM app and pushed to the workspace, so its members are provisioned and receive an invitation email. Hold matrixed or very granular groups back until the analytics have been used for at least one enablement cycle.',
            );
            assert.match(
                phaseSummary(makeConfig({ scim: SCIM_ON, groups: groups(3) }).workspaces[0], "entra"),
                /That is more groups than this phase expects: hold 1 group back until the next phase/,
            );
            assert.match(
                phaseSummary(makeConfig({ phase: "level1", scim: SCIM_ON, groups: groups(2) }).workspaces[0], "entra"),
                /That is fewer groups than this phase expects/,
            );
            assert.match(
                phaseSummary(makeConfig({ phase: "full", groups: groups(2) }).workspaces[0], "entra"),
                /This is the last phase/,
            );
        });
    });

if (typeof describe === "function")
    describe("runbook: the workspace fields of the config contract", () => {
        it("reads customRoles, usageLimit and invites from the config's workspace (WorkspaceSpec)", () => {
            const config = makeConfig({
                sso: { ...SSO_BASE, stage: "testing" },
                scim: SCIM_ON,
                groups: [{ dimension: "ROLE", group: "Staff", usageLimit: { credits: 5000 } }],
                usageLimit: { credits: 1000 },
                invites: { testUsers: true },
                customRoles: [{ name: "GPT publishers", grants: ["publish-gpts"], groups: ["ROLE_Staff"] }],
                ...managed(true),
            });
            const text = renderRunbook(config, { txtRecords: [] });
            assert.match(
                text,
                /- through the ChatGPT admin API, sets the workspace's default monthly credit limit to 1000 credits, the baseline of every member \(ROLE-1\)\./,
            );
            assert.match(
                text,
                /- through the ChatGPT admin API, sets the monthly credit limit of 1 group \(ROLE_Staff: 5000\), once SCIM has pushed the groups/,
            );
            assert.match(text, /- through the ChatGPT admin API, invites the test users who are not yet members/);
            assert.match(text, /\n {3}- GPT publishers: `publish-gpts`\n/);
        });
    });

/** The two-workspace example (examples/k12-two-workspaces), with one IdP console step per workspace. */
function twoWorkspaces(): { config: TenantConfig; facts: RunbookFacts } {
    const stack = parse(fs.readFileSync(repoPath("examples", "k12-two-workspaces", "Pulumi.district.yaml"), "utf8"));
    const config = loadTenantConfig(stack.config["chatgpt-identity:tenant"], "tenant");
    return {
        config,
        facts: {
            txtRecords: config.domains.map((d) => ({ domain: d.name, name: d.name, value: d.verificationToken })),
            sso: { appName: "ChatGPT SSO (Riverside)", entityId: config.sso.entityId, acsUrl: config.sso.acsUrl },
            scimManualSteps: { staff: ["1. STAFF-ONLY step (SCIM-6)."], students: ["1. STUDENTS-ONLY step."] },
        },
    };
}

/** The text of `## N. title` up to the next `## ` heading. */
function part(text: string, title: string): string {
    const start = text.indexOf(`. ${title}\n`);
    assert.ok(start > 0, `no section ${title}`);
    const end = text.indexOf("\n## ", start);
    return text.slice(start, end < 0 ? undefined : end);
}

const count = (text: string, what: string) => text.split(what).length - 1;

if (typeof describe === "function")
    describe("runbook: a tenant with several workspaces (SSO-10, SCIM-7)", () => {
        it("renders the tenant's domains, SSO connection, API Platform SSO and DOM-6 once, then one part per workspace", () => {
            const { config, facts } = twoWorkspaces();
            const text = renderRunbook(config, facts);
            const headings = [...text.matchAll(/^## \d+\. (.*)$/gm)].map((m) => m[1]);
            assert.deepEqual(headings, [
                "Verify the email domains (DOM-1, DOM-2, DOM-4)",
                "Collect the values from the ChatGPT wizards (before `pulumi up`)",
                "Run `pulumi up`",
                "Finish SSO in ChatGPT (SSO-1, SSO-2)",
                "API Platform sign-in on these domains (SSO-4, SSO-11)",
                "Workspace Riverside Staff (`staff`)",
                "Workspace Riverside Students (`students`)",
                "Test with the test users before enforcing (SSO-2, SSO-9)",
                "What users will notice (SSO-3, SSO-8, WS-2, WS-3)",
                "When a user's email address changes (DOM-5, DOM-6)",
                "Findings that need action",
            ]);
            assert.equal(count(text, "| Entity ID (Identifier) |"), 1);
            assert.equal(count(text, DOM6_EMAIL_CHANGE_STEPS[0]), 1);
            assert.match(text, /open Global Admin Console → Identity & Access → Domains and press Verify/);
            assert.match(
                text,
                /open Global Admin Console → Identity & Access → SSO and start the SAML set-up\. This is the tenant's one SSO connection/,
            );
            assert.equal(count(text, "creates the SSO app"), 1);
        });

        it("gives each workspace its own SCIM token secret, base URL path, console steps, settings, roles and phase", () => {
            const { config, facts } = twoWorkspaces();
            const text = renderRunbook(config, facts);
            const wizard = part(text, "Collect the values from the ChatGPT wizards (before `pulumi up`)");
            assert.match(
                wizard,
                /3\. In the Riverside Staff workspace, open Workspace settings → Identity & Access → Directory Sync \(SCIM\) .* must equal `workspaces\[0\]\.scim\.baseUrl` \(`https:\/\/api\.openai\.com\/scim\/v2\/riverside-staff`\)/,
            );
            assert.match(
                wizard,
                /4\. Store the Riverside Staff token .* run `pulumi config set --secret chatgpt-identity:scimToken-staff` .* never use it for another workspace \(SCIM-7\)/,
            );
            assert.match(
                wizard,
                /6\. Store the Riverside Students token .* `pulumi config set --secret chatgpt-identity:scimToken-students`/,
            );
            assert.doesNotMatch(text, /chatgpt-identity:scimToken`/);
            const staff = part(text, "Workspace Riverside Staff (`staff`)");
            const students = part(text, "Workspace Riverside Students (`students`)");
            assert.match(
                staff,
                /### 6\.1\. Turn SSO on in this workspace \(SSO-1, SSO-2\)\n\nOnce the metadata URL is in the tenant's SSO wizard: in the Riverside Staff workspace, open Workspace settings → Identity & Access → SSO: turn SSO on and leave enforcement off while testing \(SSO-2\)\./,
            );
            assert.match(staff, /STAFF-ONLY step/);
            assert.doesNotMatch(staff, /STUDENTS-ONLY/);
            assert.match(students, /STUDENTS-ONLY step/);
            // The staff console steps cover SCIM-6; the students' do not, so only students are asked for the mappings.
            assert.doesNotMatch(staff, /Check the attribute mappings/);
            assert.match(students, /Check the attribute mappings of the SCIM app/);
            assert.match(staff, /Create the ChatGPT custom roles[\s\S]*- GPT publishers → ROLLOUT_ROLE_Teachers/);
            assert.doesNotMatch(students, /custom roles/);
            assert.match(
                students,
                /External invites .*: \*\*blocked\*\* \(`workspaces\[1\]\.settings\.externalInvites`, WS-1\)/,
            );
            assert.match(
                staff,
                /Phase pilot \(a pilot of 1–2 stable groups\) with 2 access groups \(ROLLOUT_ROLE_Teachers and ROLLOUT_ROLE_Office-Staff\)\./,
            );
            assert.match(
                students,
                /Phase pilot \(a pilot of 1–2 stable groups\) with 1 access group \(ROLLOUT_SCHOOL_Riverside-High\)\./,
            );
        });

        it("a managed workspace gets its API work in `pulumi up`, an unmanaged one console steps naming its own admin key", () => {
            const { config, facts } = twoWorkspaces();
            const [staff, students] = config.workspaces;
            const managedStaff = {
                ...staff,
                manageWorkspace: true,
                workspaceId: "0b7d5c4e-1f2a-4b3c-8d9e-0a1b2c3d4e5f",
                usageLimit: { credits: 800 },
            };
            const text = renderRunbook(
                { ...config, workspaces: [managedStaff, { ...students, usageLimit: { credits: 200 } }] },
                facts,
            );
            assert.match(
                part(text, "Run `pulumi up`"),
                /- in Riverside Staff: through the ChatGPT admin API, sets the workspace's default monthly credit limit to 800 credits/,
            );
            assert.doesNotMatch(part(text, "Workspace Riverside Staff (`staff`)"), /Set the credit limits/);
            assert.match(
                part(text, "Workspace Riverside Students (`students`)"),
                /### 7\.\d\. Set the credit limits \(ROLE-1, ROLE-2\)\n\n`workspaces\[1\]\.manageWorkspace` is false, .* admin console of Riverside Students \(or set `workspaces\[1\]\.manageWorkspace: true`, `workspaces\[1\]\.workspaceId` and an Admin key as the secret `chatgpt-identity:adminKey-students`, see README\):\n\n1\. Set the workspace's default monthly credit limit to 200 credits/,
            );
        });

        it("a tenant-form stack with one workspace reads as one list, with the workspace's paths and secret", () => {
            const config = loadTenantConfig(
                {
                    name: "Lincoln Unified School District",
                    idp: "entra",
                    domains: DOMAINS,
                    sso: { ...SSO_WIZARD, stage: "testing" },
                    apiPlatform: { ssoEnabled: true },
                    workspaces: [{ key: "main", name: "Lincoln", scim: SCIM_ON }],
                },
                "tenant",
            );
            const text = renderRunbook(config, { txtRecords: [] });
            assert.doesNotMatch(text, /## \d+\. Workspace /);
            assert.match(text, /run `pulumi config set --secret chatgpt-identity:scimToken-main`/);
            assert.match(text, /\(`workspaces\[0\]\.settings\.automaticAccountCreation`\)/);
            assert.match(
                text,
                /2\. In the same wizard, turn SSO on and leave enforcement off while testing \(SSO-2\)\./,
            );
        });

        it("the workspace form never shows the implicit workspace key or tenant paths", () => {
            const text = renderRunbook(entraDistrict().config, entraDistrict().facts);
            assert.doesNotMatch(
                text,
                /`default`|workspace default|workspaces\[|scimToken-|Global Admin Console → Identity & Access → Domains/,
            );
        });
    });
