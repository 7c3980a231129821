/**
 * A small SCIM 2.0 client that pushes users and groups the way an IdP's provisioning does (Entra ID / Okta):
 * POST /Users per assigned user, then POST /Groups with the members, against one workspace's SCIM base URL.
 */
export class ScimPush {
    constructor(
        private readonly baseUrl: string,
        private readonly token: string,
    ) {}

    private async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
        const response = await fetch(`${this.baseUrl}${path}`, {
            method,
            headers: { authorization: `Bearer ${this.token}`, "content-type": "application/scim+json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
    }

    /** Pushes a user; returns its directory id (a 409 for an address already pushed is an error here). */
    async user(email: string, given: string, family: string): Promise<string> {
        const r = await this.send("POST", "/Users", {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName: email,
            name: { givenName: given, familyName: family },
            emails: [{ value: email, type: "work", primary: true }],
            active: true,
        });
        if (r.status !== 201) throw new Error(`SCIM POST /Users ${email}: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body.id;
    }

    /** Pushes a group with its members (directory user ids). */
    async group(displayName: string, memberIds: readonly string[]): Promise<string> {
        const r = await this.send("POST", "/Groups", {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            displayName,
            members: memberIds.map((value) => ({ value })),
        });
        if (r.status !== 201)
            throw new Error(`SCIM POST /Groups ${displayName}: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body.id;
    }

    /** Removes a user from the directory (a leaver). */
    async removeUser(id: string): Promise<void> {
        const r = await this.send("DELETE", `/Users/${id}`);
        if (r.status !== 204) throw new Error(`SCIM DELETE /Users/${id}: ${r.status}`);
    }
}
