import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ChatGptAdminClient, WorkspaceInvite } from "../../clients/chatgptAdmin";
import {
    RESOURCE_MODULE,
    checkWith,
    keyNameChanged,
    inContext,
    progressReporter,
    resourceError,
    sameSet,
    sleep,
    withConfigure,
} from "./common";
import { workspaceTargetShape, chatgptClient, isNotFoundError } from "./chatgptWorkspace";

/**
 * Invites the SSO test users of a pilot (000 §2 "start with a small group of invited test users";
 * SSO-2, SSO-9: an IdP sign-in gives access only to a member) through
 * `GET/POST /manage/workspaces/{id}/invites` and `DELETE …/invites/{invite_id}`.
 *
 * - A tester who is already a member (`GET …/users`), or already has a pending invite, is never
 *   invited again; that invite is not this stack's and is never deleted.
 * - Create never duplicates: after an answer that was lost (the client marks it `maybeApplied`) it
 *   lists the invites and takes the one it finds before posting again.
 * - The invites this stack made are kept in `createdInvites`; delete (or removing a tester) revokes
 *   only those, 404 meaning already accepted or revoked. A member is never removed.
 */

export interface PilotInvitesInputs {
    /** ChatGPT workspace UUID (identity: a change replaces the resource). */
    workspaceId: string;
    /** Secret config key of this workspace's Admin key (`adminKey` default, `adminKey-<key>` in the tenant form). */
    adminKeyConfigKey?: string;
    /** Test users to have in the workspace (config `sso.testUsers`); compared case-insensitively. */
    emails: string[];
}

export interface PilotInvitesOutputs extends PilotInvitesInputs {
    /** Invite id by email, for the invites THIS stack created (the only ones it ever revokes). */
    createdInvites: Record<string, string>;
    /** Testers that were members already, or invited by someone else: left alone. */
    skipped: string[];
}

const LABEL = "PilotInvites";
/** Posts of one invite before giving up (each after looking whether the last one arrived). */
const POST_ATTEMPTS = 4;

const key = (email: string) => email.trim().toLowerCase();

export function pilotInvitesSchema() {
    return z.object({
        ...workspaceTargetShape(),
        emails: z.array(z.email({ error: "each test user is an email address" })).superRefine((emails, ctx) => {
            const seen = new Set<string>();
            emails.forEach((e, i) => {
                if (seen.has(key(e))) ctx.addIssue({ code: "custom", path: [i], message: `${e} is listed twice` });
                seen.add(key(e));
            });
        }),
    });
}

function isPending(invite: WorkspaceInvite): boolean {
    return invite.status === undefined || invite.status === "pending";
}

/**
 * Who is in the workspace already: member emails, pending invites by email (lower case), and the ids of every
 * pending invite (an email may have two: this stack's and one someone sent later).
 */
async function lookAround(
    client: ChatGptAdminClient,
): Promise<{ members: Set<string>; invites: Map<string, WorkspaceInvite>; pendingIds: Set<string> }> {
    const [users, invites] = await Promise.all([client.listUsers(), client.listInvites()]);
    const pending = invites.filter(isPending);
    return {
        members: new Set(users.map((u) => key(u.email))),
        invites: new Map(pending.map((i) => [key(i.email), i])),
        pendingIds: new Set(pending.map((i) => i.id)),
    };
}

/** One invite, never duplicated: after a post whose answer was lost, look before posting again. */
async function inviteOnce(client: ChatGptAdminClient, email: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
        try {
            return (await client.createInvite({ email })).id;
        } catch (e) {
            const error = e as { maybeApplied?: boolean; kind?: string };
            const retryable = error.maybeApplied === true || error.kind === "rate_limited";
            if (!retryable || attempt >= POST_ATTEMPTS) throw e;
            if (error.maybeApplied) {
                const found = (await client.listInvites()).find((i) => key(i.email) === key(email) && isPending(i));
                if (found) return found.id;
            }
            await sleep(250 * attempt);
        }
    }
}

/**
 * Invites every tester of `emails` who is neither a member nor invited, recording each invite in
 * `created` as soon as it exists (so a failure midway loses none).
 */
async function inviteMissing(
    client: ChatGptAdminClient,
    emails: string[],
    created: Map<string, string>,
    skipped: Set<string>,
): Promise<void> {
    const { members, invites } = await lookAround(client);
    const todo = emails.filter((e) => !created.has(key(e)));
    const tick = progressReporter(`${LABEL} (${todo.length} testers)`, todo.length, 25);
    for (const email of todo) {
        const k = key(email);
        if (members.has(k) || invites.has(k)) skipped.add(k);
        else created.set(k, await inviteOnce(client, email));
        tick();
    }
}

async function revoke(client: ChatGptAdminClient, inviteId: string): Promise<void> {
    try {
        await client.deleteInvite(inviteId);
    } catch (e) {
        if (!isNotFoundError(e)) throw e; // accepted (now a member, never removed) or already revoked
    }
}

/**
 * Nothing half-applied: the invites a failed create/update sent are revoked again before the error is
 * returned, so the next apply does not mistake them for invites someone else made (and never revoke them).
 * An invite that cannot be revoked is named, with its id, in the error.
 */
async function rollBack(client: ChatGptAdminClient, cause: unknown, sent: Map<string, string>): Promise<Error> {
    if (sent.size === 0) return cause as Error;
    const left: string[] = [];
    for (const [email, inviteId] of sent) {
        try {
            await revoke(client, inviteId);
        } catch {
            left.push(`${email} (${inviteId})`);
        }
    }
    const message = String((cause as Error)?.message ?? cause).replace(new RegExp(`^${LABEL}: `), "");
    const undo =
        left.length === 0
            ? `the ${sent.size} invite(s) this apply had sent were revoked again; run \`pulumi up\` again`
            : `${left.length} invite(s) this apply sent could not be revoked: ${left.join(", ")}; revoke them under Members → Invites, then run \`pulumi up\` again`;
    return resourceError(`${LABEL}: ${message}; ${undo}`, cause);
}

function outputs(
    inputs: PilotInvitesInputs,
    created: Map<string, string>,
    skipped: Set<string>,
    covered: (k: string) => boolean,
): PilotInvitesOutputs {
    return {
        workspaceId: inputs.workspaceId,
        ...(inputs.adminKeyConfigKey !== undefined ? { adminKeyConfigKey: inputs.adminKeyConfigKey } : {}),
        emails: inputs.emails.filter((e) => covered(key(e))),
        createdInvites: Object.fromEntries(created),
        skipped: [...skipped].sort(),
    };
}

export function pilotInvitesProvider(): pulumi.dynamic.ResourceProvider<PilotInvitesInputs, PilotInvitesOutputs> {
    return withConfigure((settings) => ({
        async check(_olds: PilotInvitesInputs, news: PilotInvitesInputs) {
            return checkWith(pilotInvitesSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: PilotInvitesOutputs, news: PilotInvitesInputs) {
            if (olds.workspaceId !== news.workspaceId)
                return { changes: true, replaces: ["workspaceId"], deleteBeforeReplace: true };
            return {
                changes: !sameSet((olds.emails ?? []).map(key), news.emails.map(key)) || keyNameChanged(olds, news),
                replaces: [],
            };
        },

        async create(inputs: PilotInvitesInputs) {
            return inContext(LABEL, settings, async () => {
                const client = chatgptClient(settings(), inputs);
                const created = new Map<string, string>();
                const skipped = new Set<string>();
                const covered = (k: string) => created.has(k) || skipped.has(k);
                try {
                    await inviteMissing(client, inputs.emails, created, skipped);
                } catch (e) {
                    throw await rollBack(client, e, created);
                }
                return { id: inputs.workspaceId, outs: outputs(inputs, created, skipped, covered) };
            });
        },

        async read(id: string, props?: PilotInvitesOutputs) {
            return inContext(LABEL, settings, async () => {
                if (!props) return { id, props };
                const client = chatgptClient(settings(), props);
                let seen: Awaited<ReturnType<typeof lookAround>>;
                try {
                    seen = await lookAround(client);
                } catch (e) {
                    if (isNotFoundError(e)) return {};
                    throw e;
                }
                const pendingIds = seen.pendingIds;
                // Ours while still pending; an accepted invite becomes a member, a revoked one is drift.
                const created = new Map(
                    Object.entries(props.createdInvites ?? {}).filter(([, inviteId]) => pendingIds.has(inviteId)),
                );
                const covered = (k: string) => seen.members.has(k) || seen.invites.has(k);
                return {
                    id,
                    props: {
                        ...props,
                        emails: (props.emails ?? []).filter((e) => covered(key(e))),
                        createdInvites: Object.fromEntries(created),
                    },
                };
            });
        },

        async update(id: string, olds: PilotInvitesOutputs, news: PilotInvitesInputs) {
            return inContext(LABEL, settings, async () => {
                const client = chatgptClient(settings(), news);
                const wanted = new Set(news.emails.map(key));
                const created = new Map(Object.entries(olds.createdInvites ?? {}));
                const skipped = new Set((olds.skipped ?? []).filter((k) => wanted.has(k)));
                const had = new Set((olds.emails ?? []).map(key));
                const covered = (k: string) => created.has(k) || skipped.has(k) || (had.has(k) && wanted.has(k));
                const ours = new Map(created);
                try {
                    for (const [k, inviteId] of [...created]) {
                        if (wanted.has(k)) continue;
                        await revoke(client, inviteId);
                        created.delete(k);
                    }
                    const added = news.emails.filter((e) => !had.has(key(e)));
                    // A tester whose invite was revoked by hand is added again here (read dropped it).
                    for (const e of added) {
                        created.delete(key(e));
                        skipped.delete(key(e));
                    }
                    if (added.length > 0) await inviteMissing(client, added, created, skipped);
                } catch (e) {
                    // Revocations already done are redone as 404s next time; invites sent by this call are revoked
                    // again.
                    throw await rollBack(client, e, new Map([...created].filter(([k, v]) => ours.get(k) !== v)));
                }
                return { outs: outputs(news, created, skipped, covered) };
            });
        },

        async delete(_id: string, props: PilotInvitesOutputs) {
            await inContext(LABEL, settings, async () => {
                const client = chatgptClient(settings(), props);
                for (const inviteId of Object.values(props.createdInvites ?? {})) await revoke(client, inviteId);
            });
        },
    }));
}

const provider = pilotInvitesProvider();

export interface PilotInvitesArgs {
    /** ChatGPT workspace UUID (config `workspaces[].workspaceId`). Changing it replaces the resource. */
    workspaceId: pulumi.Input<string>;
    /**
     * Secret config key (without namespace) holding this workspace's Admin key: `adminKey` (default; or env
     * CHATGPT_ADMIN_KEY) or `adminKey-<workspace key>` in the tenant form. A name, never the key itself.
     */
    adminKeyConfigKey?: pulumi.Input<string>;
    /**
     * Test users to invite when not yet members or invited (config `sso.testUsers`, with `invites.testUsers: true`).
     */
    emails: pulumi.Input<pulumi.Input<string>[]>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:PilotInvites`: invites for the pilot's test users. */
export class PilotInvites extends pulumi.dynamic.Resource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly emails: pulumi.Output<string[]>;
    declare readonly createdInvites: pulumi.Output<Record<string, string>>;
    declare readonly skipped: pulumi.Output<string[]>;

    constructor(name: string, args: PilotInvitesArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            { ...args, createdInvites: undefined, skipped: undefined },
            opts,
            RESOURCE_MODULE,
            "PilotInvites",
        );
    }
}
