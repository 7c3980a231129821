import { Finding } from "../../core/rules/types";
import { IDP_NAMES, VerifyConfig, VerifyWorkspaceSpec, rootPath } from "../config";
import { CheckResult, WorkspaceSnapshot } from "../types";

export interface ReadWorkspace {
    spec: VerifyWorkspaceSpec;
    snapshot: WorkspaceSnapshot;
}

/**
 * SSO-9 for each test user: a member of a read workspace (passes), invited but not joined, or neither. Test users
 * are tenant-wide, so one membership in any read workspace is enough. Their domains are listed (DOM-2): the config
 * loader already refuses a test user on an unlisted domain, so that is not checked again here. When some workspace
 * of the tenant was not read (`--workspace`, or unreadable), a test user found nowhere may be a member there: the
 * check is skipped for that user rather than failed.
 */
export function testUserFindings(
    config: VerifyConfig,
    read: readonly ReadWorkspace[],
    unreadWorkspaces: readonly string[] = [],
): { checks: CheckResult[]; findings: Finding[] } {
    const checks: CheckResult[] = [];
    const findings: Finding[] = [];
    if (read.length === 0) return { checks, findings };
    const idp = IDP_NAMES[config.idp];
    const ssoOn = config.sso.stage !== "off";
    const wsNames = read.map((r) => `"${r.spec.name}"`).join(", ");
    config.sso.testUsers.forEach((address, i) => {
        const email = address.toLowerCase();
        const path = `${rootPath(config)}.sso.testUsers[${i}]`;
        const check = (status: CheckResult["status"], detail: string) =>
            checks.push({ rule: "SSO-9", kind: "test user", subject: address, status, detail });
        const memberOf = read.filter((r) => r.snapshot.users.some((u) => u.email.toLowerCase() === email));
        if (memberOf.length > 0) {
            const managed = memberOf.every(
                (r) => r.snapshot.users.find((u) => u.email.toLowerCase() === email)?.is_scim_managed,
            );
            check(
                "pass",
                `member of ` +
                    memberOf.map((r) => `"${r.spec.name}"`).join(", ") +
                    (managed ? ", SCIM-managed" : ", not SCIM-managed"),
            );
            return;
        }
        const invitedTo = read.filter((r) => r.snapshot.invites.some((v) => v.email.toLowerCase() === email));
        if (invitedTo.length > 0) {
            const names = invitedTo.map((r) => `"${r.spec.name}"`).join(", ");
            check("fail", `invited to ${names}, not joined yet`);
            findings.push({
                id: "SSO-9",
                severity: "warning",
                path,
                message: `Test user ${address} is invited to workspace ${names} but has not joined yet.`,
                why:
                    "A successful IdP sign-in is not enough: access needs membership in the workspace (SSO-9), and " +
                    "an invite becomes membership only once accepted.",
                fix:
                    `Ask ${address} to accept the invitation email (resend it from the console if needed), then run ` +
                    `verify again.`,
            });
            return;
        }
        if (unreadWorkspaces.length > 0) {
            check("skipped", `not a member of ${wsNames}; ${unreadWorkspaces.join(", ")} not read`);
            return;
        }
        check("fail", `not a member of ${wsNames} and not invited`);
        findings.push({
            id: "SSO-9",
            severity: ssoOn ? "error" : "warning",
            path,
            message: `Test user ${address} is not a member of workspace ${wsNames} and has no pending invitation.`,
            why:
                "Even after a successful IdP sign-in, access fails unless the user is a member of the workspace " +
                "(SSO-9); the SSO test cannot pass for this user.",
            fix:
                `Assign ${address} to the SCIM app (or a synced group) in ${idp}, or set invites.testUsers: true on ` +
                `the workspace to invite the test users, then run verify again.`,
        });
    });
    return { checks, findings };
}
