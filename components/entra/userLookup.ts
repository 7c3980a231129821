import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";

/** A sign-in address in the config and where it is written, e.g. `groups[2].members[0]`. */
export interface UserReference {
    address: string;
    /** Config path of the address, named in the error when Entra does not know it. */
    path: string;
}

/** Key of an address in a lookup result: sign-in names compare case-insensitively. */
export const userKey = (address: string) => address.toLowerCase();

/**
 * Object ids of users by sign-in address (user principal name), from ONE `getUsers` lookup of every
 * distinct address. The result is keyed by `userKey(address)`. It rejects with one error that names
 * every unknown address with its config path. `ignoreMissing` makes the provider return the users it
 * found instead of failing on the first unknown one with a message that names no config field; a
 * lookup that still fails (no user found at all, missing permission) is rethrown with the paths.
 */
export function lookupUserObjectIds(refs: readonly UserReference[], opts: pulumi.InvokeOptions): pulumi.Output<Record<string, string>> {
    if (refs.length === 0) return pulumi.output<Record<string, string>>({});
    const addresses: string[] = [];
    for (const { address } of refs) if (!addresses.some((a) => userKey(a) === userKey(address))) addresses.push(address);
    const users = azuread.getUsers({ userPrincipalNames: addresses, ignoreMissing: true }, opts).then(
        (result) => result.users,
        (err: unknown) => {
            throw new Error(`Entra ID could not look up ${describe(refs)}: ${(err instanceof Error ? err.message : String(err ?? "")) || "the lookup failed"}. ` +
                "If no user was found, check the spelling (addresses must be user principal names) or create the users first; " +
                "otherwise give the deploying identity User.Read.All.");
        },
    );
    return pulumi.output(users).apply((found) => {
        const byUpn = new Map(found.map((u) => [userKey(u.userPrincipalName), u.objectId]));
        const missing = refs.filter((r) => !byUpn.has(userKey(r.address)));
        if (missing.length > 0) {
            throw new Error(`no Entra user has the sign-in name ${describe(missing)}; check the spelling (addresses must be ` +
                "user principal names), create the user first, or remove the address");
        }
        return Object.fromEntries(byUpn);
    });
}

function describe(refs: readonly UserReference[]): string {
    return refs.map((r) => `${r.address} (${r.path})`).join(", ");
}
