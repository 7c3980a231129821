import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isConflict } from "../../clients/errors";
import { WorkspaceDomainObject } from "../../clients/identityApi";
import { RESOURCE_MODULE, checkWith, connect, inContext, warn, withConfigure } from "./common";

/**
 * One email domain registered with the workspace. Create looks before it POSTs (adopts a domain
 * the tenant already registered) and outputs the TXT record to publish. Delete keeps a verified
 * domain unless `allowRemoval` is true (DOM-5: dropping a verified domain makes people appear twice);
 * a pending (never verified) registration is removed. A new domain name means a replacement,
 * announced as a DOM-5 warning.
 */

export interface WorkspaceDomainInputs {
    /** The email domain, lower case; each subdomain is its own domain (DOM-2). */
    domain: string;
    /** Let delete/replace remove the domain even when verified (DOM-5). Default false. */
    allowRemoval?: boolean;
}

export interface WorkspaceDomainOutputs extends WorkspaceDomainInputs {
    domainId: string;
    status: string;
    txtRecordName: string;
    txtRecordValue: string;
    verifiedAt: number | null;
    /** True when the domain was already registered and this stack adopted it. */
    adopted: boolean;
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function workspaceDomainSchema() {
    return z.object({
        domain: z.string().regex(HOSTNAME, { error: "must be a lower-case DNS name such as staff.district.k12.us (no scheme, no trailing dot)" }),
        allowRemoval: z.boolean().default(false),
    });
}

function outputsOf(inputs: WorkspaceDomainInputs, live: WorkspaceDomainObject, adopted: boolean): WorkspaceDomainOutputs {
    return {
        domain: live.domain,
        allowRemoval: inputs.allowRemoval ?? false,
        domainId: live.id,
        status: live.status,
        txtRecordName: live.txt_record.name,
        txtRecordValue: live.txt_record.value,
        verifiedAt: live.verified_at ?? null,
        adopted,
    };
}

export function workspaceDomainProvider(): pulumi.dynamic.ResourceProvider<WorkspaceDomainInputs, WorkspaceDomainOutputs> {
    return withConfigure((settings) => ({
        async check(_olds: WorkspaceDomainInputs, news: WorkspaceDomainInputs) {
            return checkWith(workspaceDomainSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: WorkspaceDomainOutputs, news: WorkspaceDomainInputs) {
            if (news.domain !== olds.domain) {
                warn(`DOM-5: WorkspaceDomain ${olds.domain} → ${news.domain} replaces the domain: users who sign in on the new domain appear as new people unless their emails are migrated; ${olds.domain} is ${olds.allowRemoval ? "removed" : "kept in the workspace (allowRemoval is false)"}`);
                return { changes: true, replaces: ["domain"], deleteBeforeReplace: false };
            }
            const changes = (news.allowRemoval ?? false) !== (olds.allowRemoval ?? false);
            return { changes, replaces: [], stables: ["domainId", "txtRecordName", "txtRecordValue"] };
        },

        async create(inputs: WorkspaceDomainInputs) {
            return inContext(`WorkspaceDomain ${inputs.domain}`, settings, async () => {
                const { identity } = connect(settings());
                const existing = await identity.findDomain(inputs.domain);
                if (existing) return { id: existing.id, outs: outputsOf(inputs, existing, true) };
                try {
                    const created = await identity.createDomain(inputs.domain);
                    return { id: created.id, outs: outputsOf(inputs, created, false) };
                } catch (err) {
                    // Registered meanwhile (another run, the console): adopt it instead of failing.
                    if (isConflict(err, "domain_exists")) {
                        const raced = await identity.findDomain(inputs.domain);
                        if (raced) return { id: raced.id, outs: outputsOf(inputs, raced, true) };
                    }
                    throw err;
                }
            });
        },

        async read(id: string, props?: WorkspaceDomainOutputs) {
            return inContext(`WorkspaceDomain ${props?.domain ?? id}`, settings, async () => {
                const live = await connect(settings()).identity.getDomain(id);
                if (!live) return {};
                return { id: live.id, props: outputsOf(props ?? { domain: live.domain }, live, props?.adopted ?? true) };
            });
        },

        async update(_id: string, olds: WorkspaceDomainOutputs, news: WorkspaceDomainInputs) {
            // Only allowRemoval can change in place; it is provider bookkeeping, no API call.
            return { outs: { ...olds, allowRemoval: news.allowRemoval ?? false } };
        },

        async delete(id: string, props: WorkspaceDomainOutputs) {
            await inContext(`WorkspaceDomain ${props.domain}`, settings, async () => {
                const { identity } = connect(settings());
                const live = await identity.getDomain(id);
                if (!live) return;
                if (live.status === "verified" && !props.allowRemoval) {
                    warn(`DOM-5: WorkspaceDomain ${props.domain} is verified and stays in the workspace: removing a verified domain makes each person on it appear as two users. Set allowRemoval: true (and apply) before removing it.`);
                    return;
                }
                await identity.deleteDomain(id);
            });
        },
    }));
}

const provider = workspaceDomainProvider();

export interface WorkspaceDomainArgs {
    /** The email domain, e.g. staff.district.k12.us; each subdomain is registered on its own (DOM-2). A new value replaces the resource (DOM-5 warning). */
    domain: pulumi.Input<string>;
    /** Allow delete/replace to remove the domain from the workspace even when verified (DOM-5). Default false: a verified domain is kept. Set it and apply before removing the resource. */
    allowRemoval?: pulumi.Input<boolean>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:Domain`: an email domain registered with the workspace. */
export class WorkspaceDomain extends pulumi.dynamic.Resource {
    declare readonly domain: pulumi.Output<string>;
    declare readonly allowRemoval: pulumi.Output<boolean>;
    declare readonly domainId: pulumi.Output<string>;
    declare readonly status: pulumi.Output<string>;
    /** Name of the TXT record to publish. */
    declare readonly txtRecordName: pulumi.Output<string>;
    /** Value of the TXT record to publish (`openai-domain-verification=...`). */
    declare readonly txtRecordValue: pulumi.Output<string>;
    declare readonly verifiedAt: pulumi.Output<number | null>;
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: WorkspaceDomainArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, {
            domain: args.domain,
            allowRemoval: args.allowRemoval ?? false,
            domainId: undefined,
            status: undefined,
            txtRecordName: undefined,
            txtRecordValue: undefined,
            verifiedAt: undefined,
            adopted: undefined,
        }, opts, RESOURCE_MODULE, "Domain");
    }
}

