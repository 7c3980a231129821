import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";
import { ConfigError } from "../../core/config/problems";

/** A sign-in address in the config and where it is written, e.g. `workspace.groups[2].members[0]`. */
export interface UserReference {
    address: string;
    /** Full config path of the address, named in the error when Entra does not know it. */
    path: string;
}

/** Key of an address in a lookup result: sign-in names compare case-insensitively. */
export const userKey = (address: string) => address.toLowerCase();

const SPELLING_FIX =
    "Check the spelling (addresses must be user principal names), create the user first, or remove the address.";

/**
 * Object ids of users by sign-in address (user principal name), from ONE `getUsers` lookup of every
 * distinct address, keyed by `userKey(address)`. Only the deployment can know whether Entra has a
 * user, so this is the one check a component makes: it rejects with a ConfigError naming every
 * unknown address at its config path. `ignoreMissing` makes the provider return the users it found
 * instead of failing on the first unknown one; a lookup that still fails (no user found at all,
 * missing permission) becomes a ConfigError for every address.
 */
export function lookupUserObjectIds(
    refs: readonly UserReference[],
    opts: pulumi.InvokeOptions,
): pulumi.Output<Record<string, string>> {
    if (refs.length === 0) return pulumi.output<Record<string, string>>({});
    const addresses: string[] = [];
    const seen = new Set<string>();
    for (const { address } of refs) {
        if (!seen.has(userKey(address))) addresses.push(address);
        seen.add(userKey(address));
    }
    const users = azuread.getUsers({ userPrincipalNames: addresses, ignoreMissing: true }, opts).then(
        (result) => result.users,
        (err: unknown) => {
            const detail = (err instanceof Error ? err.message : String(err ?? "")) || "the lookup failed";
            throw new ConfigError(
                refs.map((r) => ({
                    path: r.path,
                    message: `Entra ID could not look up ${r.address}: ${detail}`,
                    fix: `${SPELLING_FIX} If the users exist, give the deploying identity User.Read.All.`,
                })),
            );
        },
    );
    return pulumi.output(users).apply((found) => {
        const byUpn = new Map(found.map((u) => [userKey(u.userPrincipalName), u.objectId]));
        const missing = refs.filter((r) => !byUpn.has(userKey(r.address)));
        if (missing.length > 0) {
            throw new ConfigError(
                missing.map((r) => ({
                    path: r.path,
                    message: `no Entra user has the sign-in name ${r.address}`,
                    fix: SPELLING_FIX,
                })),
            );
        }
        return Object.fromEntries(byUpn);
    });
}

/** The object id of `ref` in a lookup result (the lookup has already rejected unknown addresses). */
export function objectIdOf(ids: Record<string, string>, ref: UserReference): string {
    const id = ids[userKey(ref.address)];
    if (id === undefined) {
        throw new ConfigError([
            { path: ref.path, message: `no Entra user has the sign-in name ${ref.address}`, fix: SPELLING_FIX },
        ]);
    }
    return id;
}
