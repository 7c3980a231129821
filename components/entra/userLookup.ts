import * as pulumi from "@pulumi/pulumi";
import * as azuread from "@pulumi/azuread";

/**
 * Object ids of users by sign-in address (user principal name), from ONE `getUsers` lookup.
 * The result is keyed by the address as written in the config; addresses compare case-insensitively.
 * Throws, naming `what` and the missing addresses, when Entra does not know one of them.
 */
export function lookupUserObjectIds(addresses: readonly string[], what: string, opts: pulumi.InvokeOutputOptions): pulumi.Output<Record<string, string>> {
    if (addresses.length === 0) return pulumi.output<Record<string, string>>({});
    const result = azuread.getUsersOutput({ userPrincipalNames: [...addresses] }, opts);
    return result.users.apply((users) => {
        const byUpn = new Map(users.map((u) => [u.userPrincipalName.toLowerCase(), u.objectId]));
        const missing = addresses.filter((a) => !byUpn.has(a.toLowerCase()));
        if (missing.length > 0) {
            throw new Error(`${what}: no Entra user has the sign-in name ${missing.join(", ")}; ` +
                "check the spelling or create the user first (addresses must be user principal names)");
        }
        return Object.fromEntries(addresses.map((a) => [a, byUpn.get(a.toLowerCase())!]));
    });
}
