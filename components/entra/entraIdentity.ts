import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, SCIM_TOKEN_KEY } from "../../core/config/load";
import { WorkspaceConfig } from "../../core/config/schema";
import { IdpSide, IdpSideArgs } from "../idp/types";
import { buildGroupName } from "../../core/naming/groupName";
import { EntraAccessGroups, memberReferences } from "./accessGroups";
import { claimsMappingDefinition } from "./claims";
import { EntraSamlApp, certificateRotationProblem, testUserReferences } from "./samlApp";
import { EntraScimApp } from "./scimApp";
import { lookupUserObjectIds } from "./userLookup";

export const IDENTITY_TYPE = "chatgpt-identity:entra:Identity";

export const ssoDisplayName = (config: WorkspaceConfig) => `ChatGPT SSO (${config.name})`;
export const scimDisplayName = (config: WorkspaceConfig) => `ChatGPT SCIM provisioning (${config.name})`;

/** Problems that must stop the program before any resource is registered (nothing half-applied). */
export function entraArgsProblems(args: IdpSideArgs): string[] {
    const { config, secrets } = args;
    const problems: string[] = [];
    const names = config.groups.map((g) => buildGroupName(g));
    names.forEach((n, i) => {
        if (names.indexOf(n) !== i) problems.push(`groups[${i}]: "${n}" is declared twice; each access group is declared once (GRP-1)`);
        if (config.groups[i].existingId !== undefined && config.groups[i].members !== undefined) {
            problems.push(`groups[${i}] (${n}): an adopted group (existingId) keeps the membership its owner manages; remove members or remove existingId`);
        }
    });
    if (config.idp !== "entra") problems.push(`idp is "${config.idp}"; EntraIdentity builds the Entra ID side only (set idp: entra or use the ${config.idp} side)`);
    if (config.sso.stage !== "off") {
        if (!config.sso.entityId) problems.push(`sso.entityId is required when sso.stage is "${config.sso.stage}": copy the Entity ID from the ChatGPT SSO wizard`);
        if (!config.sso.acsUrl) problems.push(`sso.acsUrl is required when sso.stage is "${config.sso.stage}": copy the ACS URL from the ChatGPT SSO wizard`);
        if (config.sso.testGroup !== undefined && !names.includes(config.sso.testGroup)) {
            problems.push(`sso.testGroup: "${config.sso.testGroup}" is not one of the declared groups (${names.join(", ") || "none"})`);
        }
        const rotationProblem = certificateRotationProblem(config.sso.certificateRotation);
        if (rotationProblem !== undefined) problems.push(rotationProblem);
        try {
            claimsMappingDefinition(config.sso.claims);
        } catch (err) {
            problems.push((err as Error).message);
        }
    }
    if (config.scim.enabled) {
        if (!config.scim.baseUrl) problems.push("scim.baseUrl is required when scim.enabled is true: copy the SCIM base URL from the ChatGPT Directory Sync wizard");
        if (secrets.scimToken === undefined || secrets.scimToken === "") {
            problems.push(`scim.enabled is true but the secret ${CONFIG_NAMESPACE}:${SCIM_TOKEN_KEY} is not set: run ` +
                `\`pulumi config set --secret ${CONFIG_NAMESPACE}:${SCIM_TOKEN_KEY} <token>\` with the bearer token from the ChatGPT Directory Sync wizard`);
        }
    }
    return problems;
}

/**
 * The whole Entra ID side: the SCIM provisioning app when `scim.enabled` (SCIM-1, SCIM-2), the
 * access groups (assigned to the SCIM app, GRP-2), and the SAML SSO app unless `sso.stage` is `off`
 * (its test group, if any, assigned while testing, SSO-2). Children: `${name}-scim`,
 * `${name}-groups`, `${name}-sso`. Nothing is half-applied: config problems are thrown before the
 * component registers, and the children wait for the one lookup of every test user and member, so
 * an address Entra does not know fails the run before any Entra resource is created.
 */
export class EntraIdentity extends pulumi.ComponentResource {
    readonly side: IdpSide;
    readonly ssoApp?: EntraSamlApp;
    readonly scimApp?: EntraScimApp;
    readonly accessGroups: EntraAccessGroups;

    constructor(name: string, args: IdpSideArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = entraArgsProblems(args);
        if (problems.length > 0) {
            throw new Error(`The Entra ID side cannot be built; nothing was changed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        }
        super(IDENTITY_TYPE, name, {}, opts);
        const { config, secrets } = args;

        // One lookup of every address the side uses (test users, members). A child waits for it, so
        // an address Entra does not know stops the whole side before anything is created.
        const users = [...testUserReferences(config.sso.stage, config.sso.testUsers), ...memberReferences(config.groups)];
        const userObjectIds = users.length === 0 ? undefined : lookupUserObjectIds(users, { parent: this });
        const childOpts: pulumi.ComponentResourceOptions = {
            parent: this,
            dependsOn: userObjectIds?.apply((): pulumi.Resource[] => []),
        };

        if (config.scim.enabled) {
            this.scimApp = new EntraScimApp(`${name}-scim`, {
                displayName: scimDisplayName(config),
                baseUrl: config.scim.baseUrl!,
                token: secrets.scimToken!,
            }, childOpts);
        }
        this.accessGroups = new EntraAccessGroups(`${name}-groups`, {
            groups: config.groups,
            scim: this.scimApp && { servicePrincipalObjectId: this.scimApp.servicePrincipalObjectId, appRoleId: this.scimApp.appRoleId },
            userObjectIds,
        }, childOpts);

        const sso = config.sso;
        if (sso.stage !== "off") {
            const testGroup = this.accessGroups.groups.find((g) => g.name === sso.testGroup);
            this.ssoApp = new EntraSamlApp(`${name}-sso`, {
                displayName: ssoDisplayName(config),
                stage: sso.stage,
                entityId: sso.entityId!,
                acsUrl: sso.acsUrl!,
                certificateRotation: sso.certificateRotation,
                claims: sso.claims,
                testUsers: sso.testUsers,
                testGroupObjectId: testGroup?.id,
                userObjectIds,
            }, childOpts);
        }

        this.side = {
            sso: this.ssoApp && {
                appId: this.ssoApp.appId,
                metadataUrl: this.ssoApp.metadataUrl,
                entityId: this.ssoApp.entityId,
                certificateThumbprint: this.ssoApp.certificateThumbprint,
            },
            scim: this.scimApp && { appId: this.scimApp.appId, manualSteps: this.scimApp.manualSteps },
            groups: this.accessGroups.groups,
            pushedGroupsReady: this.accessGroups.scimAssignments,
        };
        this.registerOutputs({
            ssoAppId: this.ssoApp?.appId,
            ssoMetadataUrl: this.ssoApp?.metadataUrl,
            scimAppId: this.scimApp?.appId,
            scimManualSteps: this.scimApp?.manualSteps,
            groups: this.accessGroups.groups.map((g) => ({ name: g.name, id: g.id, adopted: g.adopted })),
        });
    }
}
