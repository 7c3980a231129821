import {
    buildGroupName,
    GROUP_NAME_CONVENTION,
    GroupNameParts,
    groupPartProblem,
    suggestGroupName,
} from "../../naming/groupName";
import { slug } from "../../naming/slug";
import { at, TenantDraft } from "../draft";
import { quote } from "../paths";
import { ConfigProblem } from "../problems";
import { GRP1_WHY, ROLE1_WHY, ROLE2_WHY, SSO2_WHY } from "../ruleText";
import { GroupConfig } from "../sections/groups";
import { CUSTOM_ROLE_GRANTS, FEATURE_GRANT_PREFIX } from "../sections/workspace";
import { didYouMean } from "../paths";
import { collisions, Declared } from "./collisions";

function partsOf(g: GroupConfig): GroupNameParts {
    return { ...(g.usage !== undefined ? { usage: g.usage } : {}), dimension: g.dimension, group: g.group };
}

/** The convention name of a group, or undefined when its parts break GRP-1. */
export function conventionName(g: GroupConfig): string | undefined {
    try {
        return buildGroupName(partsOf(g));
    } catch {
        return undefined;
    }
}

/** GRP-1: one problem per malformed name, with the convention and a valid example built from its parts. */
function grp1(path: string, g: GroupConfig): ConfigProblem | undefined {
    const parts = partsOf(g);
    const written = [parts.usage, parts.dimension, parts.group].filter((p) => p !== undefined).join("_");
    const reasons = (["usage", "dimension", "group"] as const)
        .filter((p) => parts[p] !== undefined)
        .map((p) => groupPartProblem(p, parts[p] as string))
        .filter((r): r is string => r !== undefined);
    if (reasons.length === 0 && conventionName(g) !== undefined) return undefined;
    if (reasons.length === 0) reasons.push(`it is ${written.length} characters long; the limit is 120`);
    const example = suggestGroupName(parts);
    return {
        path,
        message: `group name ${quote(written)} does not follow ${GROUP_NAME_CONVENTION}: ${reasons.join("; ")}`,
        rule: "GRP-1",
        why: GRP1_WHY,
        fix: `Write it as ${example} (${Object.entries(partsOfName(example))
            .map(([k, v]) => `${k}: ${v}`)
            .join(", ")}).`,
    };
}

function partsOfName(name: string): Record<string, string> {
    const s = name.split("_");
    return s.length === 3 ? { usage: s[0], dimension: s[1], group: s[2] } : { dimension: s[0], group: s[1] };
}

/**
 * GRP-1 names; adopted groups vs members; Okta members; group collisions within a workspace (same name
 * without case, same existingId) and across workspaces; testGroup; custom roles; API Platform roles and mappings.
 *
 * Across workspaces, one IdP group may be assigned to several SCIM apps, but the stack creates each IdP
 * group once: two workspaces may declare the same name only if at most one of them creates it and the
 * others adopt it with the same existingId. Otherwise `pulumi up` would create two IdP groups with one name.
 */
export function groupProblems(config: TenantDraft): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const declared: (Declared & { ws: number; existingId?: string })[] = [];
    config.workspaces.forEach((ws, wi) => {
        ws.groups.forEach((g, gi) => {
            const path = at(ws.path, "groups", gi);
            const bad = grp1(path, g);
            if (bad) problems.push(bad);
            if (g.existingId !== undefined && g.members !== undefined) {
                problems.push({
                    path: at(path, "members"),
                    message:
                        "an adopted group (existingId) keeps the membership its owner manages; remove members or " +
                        "remove existingId to create the group",
                });
            }
            if (config.idp === "okta" && g.members !== undefined) {
                problems.push({
                    path: at(path, "members"),
                    message:
                        "Okta memberships are managed by Okta group rules or your directory; remove members " +
                        "(supported for idp: entra only)",
                });
            }
            const name = conventionName(g);
            if (name !== undefined)
                declared.push({ identity: name.toLowerCase(), path, shown: name, ws: wi, existingId: g.existingId });
            const seenMembers = collisions(
                (g.members ?? []).map((m, mi) => ({
                    identity: m.toLowerCase(),
                    path: at(path, "members", mi),
                    shown: m,
                })),
                (a, b) =>
                    `member ${quote(b.shown)} is listed twice (addresses compare without case: ${quote(a.shown)})`,
            );
            problems.push(...seenMembers);
        });
        const inWorkspace = declared.filter((d) => d.ws === wi);
        problems.push(
            ...collisions(
                inWorkspace,
                (a, b) =>
                    `group ${quote(b.shown)} is declared twice in workspace ${quote(ws.name)} (names compare without ` +
                    `case: ${quote(a.shown)})`,
            ),
        );
        problems.push(
            ...collisions(
                inWorkspace
                    .filter((d) => d.existingId !== undefined)
                    .map((d) => ({ ...d, identity: d.existingId as string })),
                (a, b) =>
                    `${quote(a.shown)} and ${quote(b.shown)} adopt the same IdP group (existingId ` +
                    `${quote(b.identity)})`,
            ),
        );
    });
    problems.push(...crossWorkspaceGroups(declared, config));
    problems.push(...testGroupProblems(config, declared));
    problems.push(...customRoleProblems(config));
    problems.push(...apiPlatformProblems(config, declared));
    return problems;
}

function crossWorkspaceGroups(
    declared: (Declared & { ws: number; existingId?: string })[],
    config: TenantDraft,
): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    const firstByName = new Map<string, (typeof declared)[number]>();
    for (const d of declared) {
        const first = firstByName.get(d.identity);
        if (first === undefined) {
            firstByName.set(d.identity, d);
            continue;
        }
        if (first.ws === d.ws) continue;
        const bothCreate = first.existingId === undefined && d.existingId === undefined;
        const differentIds =
            first.existingId !== undefined && d.existingId !== undefined && first.existingId !== d.existingId;
        if (!bothCreate && !differentIds) continue;
        problems.push({
            path: `${first.path} and ${d.path}`,
            message: bothCreate
                ? `both workspaces ${quote(config.workspaces[first.ws].name)} and ` +
                  `${quote(config.workspaces[d.ws].name)} create the IdP ` +
                  `group ${quote(d.shown)}; the IdP would hold two groups with one name. Create it in one workspace ` +
                  `and adopt it in ` +
                  `the other with existingId (the id is in the stack output "groups" after the first pulumi up)`
                : `${quote(d.shown)} adopts two different IdP groups (${quote(first.existingId)} and ` +
                  `${quote(d.existingId)}) under one name`,
        });
    }
    return problems;
}

/** The declared group a reference names in other case (`role_staff` for `ROLE_Staff`), for its fix. */
function sameWithoutCase(reference: string, declared: readonly string[]): string | undefined {
    return declared.find((name) => name.toLowerCase() === reference.toLowerCase());
}

/** The fix of a reference to an undeclared group: write a declared name exactly, or declare the group. */
function undeclaredGroupFix(reference: string, declared: readonly string[], declare: string): string {
    const match = sameWithoutCase(reference, declared);
    return match === undefined ? declare : `Write ${match} exactly as the group is declared.`;
}

function testGroupProblems(config: TenantDraft, declared: Declared[]): ConfigProblem[] {
    const testGroup = config.sso.testGroup;
    if (testGroup === undefined || declared.some((d) => d.shown === testGroup)) return [];
    return [
        {
            path: at(config.path, "sso", "testGroup"),
            message:
                `${quote(testGroup)} is not one of the declared groups ` +
                `(${declared.map((d) => d.shown).join(", ") || "none"})`,
            rule: "SSO-2",
            why: SSO2_WHY,
            fix: undeclaredGroupFix(
                testGroup,
                declared.map((d) => d.shown),
                `Declare ${testGroup} under a workspace's groups, or set sso.testGroup to a declared group.`,
            ),
        },
    ];
}

function customRoleProblems(config: TenantDraft): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    for (const ws of config.workspaces) {
        const names = ws.groups.map(conventionName).filter((n): n is string => n !== undefined);
        problems.push(
            ...collisions(
                ws.customRoles.map((r, i) => ({
                    identity: slug(r.name),
                    path: at(ws.path, "customRoles", i, "name"),
                    shown: r.name,
                })),
                (a, b) =>
                    `custom roles ${quote(a.shown)} and ${quote(b.shown)} have the same name once reduced to ` +
                    `${quote(slug(b.shown))}`,
            ),
        );
        ws.customRoles.forEach((role, ri) => {
            const path = at(ws.path, "customRoles", ri);
            if (slug(role.name) === "")
                problems.push({
                    path: at(path, "name"),
                    message: `${quote(role.name)} has no letters or digits to name the role by`,
                });
            role.grants.forEach((grant, gi) => {
                if ((CUSTOM_ROLE_GRANTS as readonly string[]).includes(grant)) return;
                if (grant.startsWith(FEATURE_GRANT_PREFIX) && grant.length > FEATURE_GRANT_PREFIX.length) return;
                const guess = didYouMean(grant, CUSTOM_ROLE_GRANTS);
                problems.push({
                    path: at(path, "grants", gi),
                    message:
                        `unknown grant ${quote(grant)}${guess ? `: did you mean ${quote(guess)}?` : ""}; a custom ` +
                        `role grants ` +
                        `${CUSTOM_ROLE_GRANTS.join(", ")} or ${FEATURE_GRANT_PREFIX}<feature> on top of the baseline`,
                    rule: "ROLE-1",
                    why: ROLE1_WHY,
                    fix: guess
                        ? `Write ${guess}.`
                        : `Use ${CUSTOM_ROLE_GRANTS.join(", ")} or ${FEATURE_GRANT_PREFIX}<feature>, or remove it.`,
                });
            });
            problems.push(
                ...collisions(
                    role.grants.map((g, gi) => ({ identity: g.toLowerCase(), path: at(path, "grants", gi), shown: g })),
                    (a) => `grant ${quote(a.shown)} is listed twice`,
                ),
            );
            role.groups.forEach((group, gi) => {
                if (names.includes(group)) return;
                problems.push({
                    path: at(path, "groups", gi),
                    message:
                        `${quote(group)} is not one of the groups of workspace ${quote(ws.name)} ` +
                        `(${names.join(", ") || "none"}); custom roles are mapped to pushed groups only`,
                    rule: "ROLE-2",
                    why: ROLE2_WHY,
                    fix: undeclaredGroupFix(
                        group,
                        names,
                        `Declare ${group} under the groups of workspace ${quote(ws.name)} (SCIM pushes it), or map ` +
                            `one of its declared groups.`,
                    ),
                });
            });
            problems.push(
                ...collisions(
                    role.groups.map((g, gi) => ({ identity: g.toLowerCase(), path: at(path, "groups", gi), shown: g })),
                    (a) => `group ${quote(a.shown)} is listed twice`,
                ),
            );
        });
    }
    return problems;
}

function apiPlatformProblems(config: TenantDraft, declared: Declared[]): ConfigProblem[] {
    const root = config.path;
    const api = config.apiPlatform;
    const problems = collisions(
        api.roles.map((r, i) => ({
            identity: slug(r.name),
            path: at(root, "apiPlatform", "roles", i, "name"),
            shown: r.name,
        })),
        (a, b) =>
            `roles ${quote(a.shown)} and ${quote(b.shown)} reduce to the same resource name ${quote(slug(b.shown))}`,
    );
    api.roles.forEach((r, i) => {
        if (slug(r.name) === "")
            problems.push({
                path: at(root, "apiPlatform", "roles", i, "name"),
                message: `${quote(r.name)} has no letters or digits to name the role by`,
            });
    });
    problems.push(
        ...collisions(
            api.roleMappings.map((m, i) => ({
                identity: m.group.toLowerCase(),
                path: at(root, "apiPlatform", "roleMappings", i, "group"),
                shown: m.group,
            })),
            (a) => `group ${quote(a.shown)} is mapped twice; list all its roles in one mapping`,
        ),
    );
    const roleNames = api.roles.map((r) => r.name);
    const groupNames = [...new Set(declared.map((d) => d.shown))];
    api.roleMappings.forEach((m, i) => {
        const path = at(root, "apiPlatform", "roleMappings", i);
        if (!groupNames.includes(m.group)) {
            problems.push({
                path: at(path, "group"),
                message: `${quote(m.group)} is not one of the declared groups (${groupNames.join(", ") || "none"})`,
                rule: "ROLE-2",
                why: ROLE2_WHY,
                fix: undeclaredGroupFix(
                    m.group,
                    groupNames,
                    `Declare ${m.group} under a workspace's groups (SCIM pushes it), or map one of the declared groups.`,
                ),
            });
        }
        m.roles.forEach((role, ri) => {
            if (!roleNames.includes(role)) {
                problems.push({
                    path: at(path, "roles", ri),
                    message:
                        `${quote(role)} is not one of the roles in apiPlatform.roles ` +
                        `(${roleNames.join(", ") || "none"})`,
                });
            }
        });
        problems.push(
            ...collisions(
                m.roles.map((r, ri) => ({ identity: r.toLowerCase(), path: at(path, "roles", ri), shown: r })),
                (a) => `role ${quote(a.shown)} is listed twice`,
            ),
        );
    });
    return problems;
}
