import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { IdentitySettings, IdentitySettingsPatch, WorkspaceSsoStage } from "../../clients/identityApi";
import { RESOURCE_MODULE, checkWith, connect, inContext, withConfigure } from "./common";

/**
 * The tenant's identity settings: one object per tenant, so this resource adopts it. Create reads
 * the live settings and PATCHes only the managed fields that differ; a field left undefined is not
 * managed and never sent. Delete leaves the settings as they are: there is no "absent" state to
 * return to, and switching SSO or directory sync off on `pulumi destroy` would reopen password
 * login or stop deprovisioning for every user; removing the resource only ends management.
 */

export interface WorkspaceSettingsInputs {
    /** SSO stage (SSO-1) as one value: off | enabled | enforced. Undefined = not managed. */
    ssoStage?: WorkspaceSsoStage;
    /** SSO for the tenant's API Platform organizations; must be true when ssoStage is not off (SSO-4). */
    apiPlatformSso?: boolean;
    /** Automatic account creation on verified domains; with directorySync it needs the SCIM-3 override. */
    automaticAccountCreation?: boolean;
    /** Invites to emails outside verified domains (WS-1). */
    externalInvites?: boolean;
    /** SCIM directory sync on. */
    directorySync?: boolean;
    /** Test users who signed in through SSO; `enforced` needs at least one (SSO-2). Not sent to the API. */
    testedUsers?: string[];
    /** Enforce without recorded tested users (SSO-2 override). Default false. Not sent to the API. */
    acknowledgeUntestedEnforcement?: boolean;
    /** Documented override to run AAC with directory sync (SCIM-3). Default false. Not sent to the API. */
    allowAutomaticAccountCreationWithScim?: boolean;
    /** Id of the IdP SSO app: recorded so that the settings wait for the app (DOM-1 ordering). Not sent. */
    ssoAppId?: string;
}

export interface WorkspaceSettingsOutputs extends WorkspaceSettingsInputs {
    /** The live settings found when this stack adopted them. */
    settingsAtAdoption: IdentitySettings;
}

/** Resource input → API field, for the fields the API stores. */
export const SETTINGS_FIELDS = {
    ssoStage: "sso_stage",
    apiPlatformSso: "api_platform_sso",
    automaticAccountCreation: "automatic_account_creation",
    externalInvites: "external_invites",
    directorySync: "directory_sync",
} as const;

type ManagedField = keyof typeof SETTINGS_FIELDS;
const MANAGED = Object.keys(SETTINGS_FIELDS) as ManagedField[];

export const SETTINGS_ID = "workspace-identity-settings";
const LABEL = "WorkspaceSettings";

export function workspaceSettingsSchema() {
    return z.object({
        ssoStage: z.enum(["off", "enabled", "enforced"], { error: "must be off, enabled or enforced (SSO-1: one stage value)" }).optional(),
        apiPlatformSso: z.boolean().optional(),
        automaticAccountCreation: z.boolean().optional(),
        externalInvites: z.boolean().optional(),
        directorySync: z.boolean().optional(),
        testedUsers: z.array(z.email({ error: "must be the sign-in address of a test user" })).default([]),
        acknowledgeUntestedEnforcement: z.boolean().default(false),
        allowAutomaticAccountCreationWithScim: z.boolean().default(false),
        ssoAppId: z.string().optional(),
    }).superRefine((s, ctx) => {
        if (s.ssoStage === "enforced" && s.testedUsers.length === 0 && !s.acknowledgeUntestedEnforcement) {
            ctx.addIssue({ code: "custom", path: ["ssoStage"], message: "SSO-2: \"enforced\" needs testedUsers (test users who signed in successfully through SSO) or acknowledgeUntestedEnforcement: true; test first, then enforce" });
        }
        if (s.automaticAccountCreation === true && s.directorySync === true && !s.allowAutomaticAccountCreationWithScim) {
            ctx.addIssue({ code: "custom", path: ["automaticAccountCreation"], message: "SCIM-3: automatic account creation together with directory sync causes contention and AAC never deprovisions; set automaticAccountCreation to false, or allowAutomaticAccountCreationWithScim: true to override" });
        }
        if ((s.ssoStage === "enabled" || s.ssoStage === "enforced") && s.apiPlatformSso === false) {
            ctx.addIssue({ code: "custom", path: ["apiPlatformSso"], message: "SSO-4: ChatGPT SSO with API Platform SSO disabled is unsupported (newly provisioned users cannot log in); set apiPlatformSso to true" });
        }
    });
}

/** The API fields whose desired value differs from `current`, as a PATCH body. */
export function settingsPatch(desired: WorkspaceSettingsInputs, current: Partial<Record<ManagedField, unknown>>): IdentitySettingsPatch {
    const patch: Record<string, unknown> = {};
    for (const field of MANAGED) {
        const want = desired[field];
        if (want !== undefined && want !== current[field]) patch[SETTINGS_FIELDS[field]] = want;
    }
    return patch as IdentitySettingsPatch;
}

function liveAsInputs(live: IdentitySettings): Record<ManagedField, unknown> {
    return {
        ssoStage: live.sso_stage,
        apiPlatformSso: live.api_platform_sso,
        automaticAccountCreation: live.automatic_account_creation,
        externalInvites: live.external_invites,
        directorySync: live.directory_sync,
    };
}

export function workspaceSettingsProvider(): pulumi.dynamic.ResourceProvider<WorkspaceSettingsInputs, WorkspaceSettingsOutputs> {
    return withConfigure((settings) => ({
        async check(_olds: WorkspaceSettingsInputs, news: WorkspaceSettingsInputs) {
            return checkWith(workspaceSettingsSchema(), news as Record<string, unknown>);
        },

        async diff(_id: string, olds: WorkspaceSettingsOutputs, news: WorkspaceSettingsInputs) {
            const changed = MANAGED.filter((f) => news[f] !== undefined && news[f] !== olds[f]);
            const bookkeeping = (["testedUsers", "acknowledgeUntestedEnforcement", "allowAutomaticAccountCreationWithScim", "ssoAppId"] as const)
                .filter((f) => JSON.stringify(news[f]) !== JSON.stringify(olds[f]));
            return { changes: changed.length + bookkeeping.length > 0, replaces: [], stables: ["settingsAtAdoption"] };
        },

        async create(inputs: WorkspaceSettingsInputs) {
            return inContext(LABEL, settings, async () => {
                const { identity } = connect(settings());
                const current = await identity.getSettings();
                const patch = settingsPatch(inputs, liveAsInputs(current));
                if (Object.keys(patch).length > 0) await identity.updateSettings(patch);
                return { id: SETTINGS_ID, outs: { ...inputs, settingsAtAdoption: current } };
            });
        },

        async read(id: string, props?: WorkspaceSettingsOutputs) {
            return inContext(LABEL, settings, async () => {
                const live = liveAsInputs(await connect(settings()).identity.getSettings());
                const props2: Record<string, unknown> = { ...(props ?? {}) };
                // Report drift on the managed fields only; unmanaged ones stay undefined.
                for (const field of MANAGED) if (props2[field] !== undefined) props2[field] = live[field];
                return { id, props: props2 as unknown as WorkspaceSettingsOutputs };
            });
        },

        async update(_id: string, olds: WorkspaceSettingsOutputs, news: WorkspaceSettingsInputs) {
            return inContext(LABEL, settings, async () => {
                const patch = settingsPatch(news, olds as Partial<Record<ManagedField, unknown>>);
                if (Object.keys(patch).length > 0) await connect(settings()).identity.updateSettings(patch);
                return { outs: { ...news, settingsAtAdoption: olds.settingsAtAdoption } };
            });
        },

        async delete() {
            // Deliberately nothing: see the comment at the top of this file.
        },
    }));
}

const provider = workspaceSettingsProvider();

export interface WorkspaceSettingsArgs {
    /** SSO stage off | enabled | enforced (SSO-1). Default: not managed. */
    ssoStage?: pulumi.Input<WorkspaceSsoStage>;
    /** API Platform SSO; must be true with SSO on (SSO-4). Default: not managed. */
    apiPlatformSso?: pulumi.Input<boolean>;
    /** Automatic account creation. Default: not managed. Error with directorySync unless overridden (SCIM-3). */
    automaticAccountCreation?: pulumi.Input<boolean>;
    /** Invites outside verified domains (WS-1). Default: not managed. */
    externalInvites?: pulumi.Input<boolean>;
    /** SCIM directory sync. Default: not managed. */
    directorySync?: pulumi.Input<boolean>;
    /** Test users who signed in; needed for `enforced` (SSO-2). Default []. */
    testedUsers?: pulumi.Input<pulumi.Input<string>[]>;
    /** Enforce without tested users (SSO-2 override). Default false. */
    acknowledgeUntestedEnforcement?: pulumi.Input<boolean>;
    /** Run AAC with directory sync anyway (SCIM-3 override). Default false. */
    allowAutomaticAccountCreationWithScim?: pulumi.Input<boolean>;
    /** The IdP SSO app's id, so that the settings wait for the app (DOM-1). Not sent to the API. */
    ssoAppId?: pulumi.Input<string>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:Settings`: the tenant's identity settings (a singleton). */
export class WorkspaceSettings extends pulumi.dynamic.Resource {
    declare readonly ssoStage: pulumi.Output<WorkspaceSsoStage | undefined>;
    declare readonly apiPlatformSso: pulumi.Output<boolean | undefined>;
    declare readonly automaticAccountCreation: pulumi.Output<boolean | undefined>;
    declare readonly externalInvites: pulumi.Output<boolean | undefined>;
    declare readonly directorySync: pulumi.Output<boolean | undefined>;
    declare readonly settingsAtAdoption: pulumi.Output<IdentitySettings>;

    constructor(name: string, args: WorkspaceSettingsArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, settingsAtAdoption: undefined }, opts, RESOURCE_MODULE, "Settings");
    }
}
