import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isApiError } from "../../clients/errors";
import { WorkspaceDomainObject } from "../../clients/identityApi";
import { RESOURCE_MODULE, resourceError, checkWith, connect, inContext, sleep, withConfigure } from "./common";

/**
 * Verifies a registered domain once its TXT record resolves (DOM-1: before SSO). DNS can take up
 * to 24 hours (DOM-4), so create tries a bounded number of times and then fails with the record
 * name and value it looked for; `pulumi up` later picks up where it stopped. An already verified
 * domain is a no-op. Delete does nothing: verification cannot be undone, and removing the domain
 * is WorkspaceDomain's decision (DOM-5).
 */

export interface DomainVerificationInputs {
    /** Id of the registered domain (WorkspaceDomain.domainId). */
    domainId: string;
    /** The domain name, for messages. */
    domain: string;
    /** Verification tries before giving up. Default 18. */
    attempts?: number;
    /** Seconds between tries. Default 10 (18 × 10 s = 3 minutes). */
    intervalSeconds?: number;
}

export interface DomainVerificationOutputs extends DomainVerificationInputs {
    status: string;
    verifiedAt: number | null;
    txtRecordName: string;
    txtRecordValue: string;
}

export const DEFAULT_VERIFY_ATTEMPTS = 18;
export const DEFAULT_VERIFY_INTERVAL_SECONDS = 10;

export function domainVerificationSchema() {
    return z.object({
        domainId: z.string().min(1, { error: "must be the id of a registered domain (WorkspaceDomain.domainId)" }),
        domain: z.string().min(1),
        attempts: z.number().int().min(1).max(360, { error: "at most 360 tries; DNS can take up to 24 hours (DOM-4): run pulumi up again later instead" }).default(DEFAULT_VERIFY_ATTEMPTS),
        intervalSeconds: z.number().min(0).max(600).default(DEFAULT_VERIFY_INTERVAL_SECONDS),
    });
}

function outputsOf(inputs: DomainVerificationInputs, live: WorkspaceDomainObject): DomainVerificationOutputs {
    return {
        domainId: live.id,
        domain: inputs.domain,
        attempts: inputs.attempts ?? DEFAULT_VERIFY_ATTEMPTS,
        intervalSeconds: inputs.intervalSeconds ?? DEFAULT_VERIFY_INTERVAL_SECONDS,
        status: live.status,
        verifiedAt: live.verified_at ?? null,
        txtRecordName: live.txt_record.name,
        txtRecordValue: live.txt_record.value,
    };
}

async function verify(label: string, inputs: DomainVerificationInputs, connection: ReturnType<typeof connect>): Promise<DomainVerificationOutputs> {
    const { identity } = connection;
    const current = await identity.getDomain(inputs.domainId);
    if (!current) throw resourceError(`${label}: domain ${inputs.domainId} is not registered in the workspace (any more); WorkspaceDomain must exist first`);
    if (current.status === "verified") return outputsOf(inputs, current);
    const attempts = inputs.attempts ?? DEFAULT_VERIFY_ATTEMPTS;
    const intervalSeconds = inputs.intervalSeconds ?? DEFAULT_VERIFY_INTERVAL_SECONDS;
    let lastMessage = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            const verified = await identity.verifyDomain(inputs.domainId);
            if (verified.status === "verified") return outputsOf(inputs, verified);
            lastMessage = `status is still ${verified.status}`;
        } catch (err) {
            if (!(isApiError(err) && err.code === "txt_record_not_found")) throw err;
            lastMessage = err.apiMessage;
        }
        if (attempt < attempts) await sleep(intervalSeconds * 1000);
    }
    const record = current.txt_record;
    throw resourceError(
        `${label}: DOM-4: the TXT record was not found after ${attempts} tries over ${Math.round((attempts - 1) * intervalSeconds)} s. ` +
        `Publish TXT record ${record.name} with value "${record.value}"; DNS propagation can take up to 24 hours, so run pulumi up again later. Last answer: ${lastMessage}`,
    );
}

export function domainVerificationProvider(): pulumi.dynamic.ResourceProvider<DomainVerificationInputs, DomainVerificationOutputs> {
    return withConfigure((settings) => ({
        async check(_olds: DomainVerificationInputs, news: DomainVerificationInputs) {
            return checkWith(domainVerificationSchema(), news as unknown as Record<string, unknown>);
        },

        async diff(_id: string, olds: DomainVerificationOutputs, news: DomainVerificationInputs) {
            if (news.domainId !== olds.domainId) return { changes: true, replaces: ["domainId"], deleteBeforeReplace: true };
            // After a refresh found the domain unverified again, verify again in place.
            return { changes: olds.status !== "verified", replaces: [] };
        },

        async create(inputs: DomainVerificationInputs) {
            const label = `DomainVerification ${inputs.domain}`;
            return inContext(label, settings, async () => {
                const outs = await verify(label, inputs, connect(settings()));
                return { id: inputs.domainId, outs };
            });
        },

        async read(id: string, props?: DomainVerificationOutputs) {
            return inContext(`DomainVerification ${props?.domain ?? id}`, settings, async () => {
                const live = await connect(settings()).identity.getDomain(id);
                if (!live) return {};
                return { id, props: outputsOf(props ?? { domainId: id, domain: live.domain }, live) };
            });
        },

        async update(_id: string, _olds: DomainVerificationOutputs, news: DomainVerificationInputs) {
            const label = `DomainVerification ${news.domain}`;
            return inContext(label, settings, async () => ({ outs: await verify(label, news, connect(settings())) }));
        },

        async delete() {
            // Nothing to undo: see the comment at the top of this file.
        },
    }));
}

const provider = domainVerificationProvider();

export interface DomainVerificationArgs {
    /** Id of the registered domain, from WorkspaceDomain.domainId. A new id replaces the resource. */
    domainId: pulumi.Input<string>;
    /** The domain name, used in messages. */
    domain: pulumi.Input<string>;
    /** Tries before failing with the record it looked for (DOM-4). Default 18. */
    attempts?: pulumi.Input<number>;
    /** Seconds between tries. Default 10 (3 minutes in all by default). */
    intervalSeconds?: pulumi.Input<number>;
}

/** `pulumi-nodejs:dynamic/chatgpt-identity/workspace:DomainVerification`. */
export class DomainVerification extends pulumi.dynamic.Resource {
    declare readonly domainId: pulumi.Output<string>;
    declare readonly domain: pulumi.Output<string>;
    declare readonly status: pulumi.Output<string>;
    declare readonly verifiedAt: pulumi.Output<number | null>;
    declare readonly txtRecordName: pulumi.Output<string>;
    declare readonly txtRecordValue: pulumi.Output<string>;

    constructor(name: string, args: DomainVerificationArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, {
            ...args,
            status: undefined,
            verifiedAt: undefined,
            txtRecordName: undefined,
            txtRecordValue: undefined,
        }, opts, RESOURCE_MODULE, "DomainVerification");
    }
}
