import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { VerifyIo } from "../../../cli/verify/runVerify";

export const WORKSPACE_ID = "6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40";
export const TOKEN = "openai-domain-verification=dv-lincoln-0001";
export const STAFF_TOKEN = "openai-domain-verification=dv-lincoln-staff-0002";

/** A district in the workspace form: SSO testing, SCIM on, a pilot of two groups (one for analytics). */
export function workspaceForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "Lincoln Unified School District",
        idp: "entra",
        phase: "pilot",
        workspaceId: WORKSPACE_ID,
        domains: [
            { name: "lincoln.k12.us", verificationToken: TOKEN },
            { name: "staff.lincoln.k12.us", verificationToken: STAFF_TOKEN },
        ],
        sso: {
            stage: "testing",
            entityId: "https://auth.openai.com/saml/entity/lincoln",
            acsUrl: "https://auth.openai.com/sso/saml/acs/lincoln",
            apiPlatformSsoEnabled: true,
            testUsers: ["it.pilot@lincoln.k12.us", "office.pilot@staff.lincoln.k12.us"],
        },
        scim: { enabled: true, baseUrl: "https://api.openai.com/scim/v2/lincoln" },
        groups: [
            { usage: "ROLLOUT", dimension: "ROLE", group: "Teachers" },
            { usage: "ANALYTICS", dimension: "SCHOOL", group: "Lincoln" },
        ],
        ...overrides,
    };
}

/** Writes `Pulumi.<stack>.yaml` into a fresh directory; returns the directory and the file. */
export function writeStack(config: Record<string, unknown>, key = "chatgpt-identity:workspace", stack = "lincoln") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-"));
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    fs.writeFileSync(
        file,
        stringify({ config: { [key]: config, "chatgpt-identity:scimToken": { secure: "v1:abc" } } }),
    );
    return { dir, file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An io that captures what verify writes. */
export function captureIo(overrides: Partial<VerifyIo> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io: VerifyIo = {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        stderrIsTTY: false,
        env: {},
        cwd: process.cwd(),
        resolveTxt: async (name) => (name === "lincoln.k12.us" ? [TOKEN] : [STAFF_TOKEN]),
        ...overrides,
    };
    return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}
