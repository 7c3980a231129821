import * as assert from "node:assert/strict";
import { ConfigForm, loadStackConfig } from "../../../core/config/load";
import { formatPath, PathSegment } from "../../../core/config/paths";
import { exampleStacks } from "./support";

/**
 * A generated corpus of invalid configs: mutations of every example stack (dropped required fields,
 * wrong types at every leaf, escape codes and line breaks in strings, http URLs, unknown keys, duplicates
 * with changed case, swapped group parts, shared SCIM settings, rule violations). Every mutant must be
 * refused with a problem that names the mutated path.
 */

type Json = unknown;
interface Mutant {
    label: string;
    value: Json;
    paths: string[];
}

const SECRETS = new Set(["scimToken", "scimToken-staff", "scimToken-students"]);

function clone<T>(v: T): T {
    return JSON.parse(JSON.stringify(v)) as T;
}

function get(root: Json, segs: readonly PathSegment[]): Json {
    return segs.reduce<Json>((v, s) => (v as Record<string | number, Json>)[s], root);
}

function set(root: Json, segs: readonly PathSegment[], value: Json | typeof DELETE): Json {
    const copy = clone(root);
    const parent = get(copy, segs.slice(0, -1)) as Record<string | number, Json>;
    const last = segs[segs.length - 1];
    if (value === DELETE) delete parent[last];
    else parent[last] = value;
    return copy;
}

const DELETE = Symbol("delete");

function walk(value: Json, segs: PathSegment[] = []): { segs: PathSegment[]; value: Json }[] {
    const here = segs.length > 0 ? [{ segs, value }] : [];
    if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => walk(v, [...segs, i]))];
    if (typeof value === "object" && value !== null) {
        return [...here, ...Object.entries(value).flatMap(([k, v]) => walk(v, [...segs, k]))];
    }
    return here;
}

function wrongTypeFor(value: Json): Json {
    if (typeof value === "string") return [value];
    if (typeof value === "boolean") return "yes";
    if (typeof value === "number") return "many";
    if (Array.isArray(value)) return "one";
    return "a string";
}

function mutants(config: Json, form: ConfigForm): Mutant[] {
    const at = (segs: readonly PathSegment[]) => formatPath(segs, form);
    const out: Mutant[] = [];
    const add = (label: string, value: Json, ...paths: (readonly PathSegment[])[]) =>
        out.push({ label, value, paths: paths.map(at) });
    const nodes = walk(config);
    const ws =
        form === "tenant"
            ? (config as { workspaces: Json[] }).workspaces.map((_, i) => ["workspaces", i] as PathSegment[])
            : [[]];
    const groupPaths = ws.flatMap((w) =>
        ((get(config, [...w, "groups"]) as Json[] | undefined) ?? []).map((_, i) => [...w, "groups", i]),
    );

    for (const required of [
        ["name"],
        ["idp"],
        ["domains"],
        ["domains", 0, "name"],
        ...groupPaths.flatMap((g) => [
            [...g, "dimension"],
            [...g, "group"],
        ]),
        ...(form === "tenant"
            ? ws.flatMap((w) => [
                  [...w, "key"],
                  [...w, "name"],
              ])
            : []),
    ]) {
        add(`drop ${at(required)}`, set(config, required, DELETE), required);
    }
    for (const node of nodes) {
        const last = node.segs[node.segs.length - 1];
        if (last === "certificateRotation") continue; // a number is a valid label there
        add(`wrong type at ${at(node.segs)}`, set(config, node.segs, wrongTypeFor(node.value)), node.segs);
        if (typeof node.value === "string") {
            add(`escape code in ${at(node.segs)}`, set(config, node.segs, `${node.value}\u001b[31m`), node.segs);
            add(`bidi override in ${at(node.segs)}`, set(config, node.segs, `\u202e${node.value}`), node.segs);
            if (last !== "description")
                add(`line break in ${at(node.segs)}`, set(config, node.segs, `${node.value}\nmore`), node.segs);
            if (node.value.startsWith("https://"))
                add(
                    `http URL at ${at(node.segs)}`,
                    set(config, node.segs, node.value.replace("https://", "http://")),
                    node.segs,
                );
        }
        if (
            typeof node.value === "object" &&
            node.value !== null &&
            !Array.isArray(node.value) &&
            !["zoneIds"].includes(String(last))
        ) {
            add(`unknown key in ${at(node.segs)}`, set(config, [...node.segs, "colour"], "blue"), [
                ...node.segs,
                "colour",
            ]);
        }
    }
    add("unknown top-level key", set(config, ["colour"], "blue"), ["colour"]);
    add("roles (moved)", set(config, ["roles"], []), ["roles"]);
    const domains = get(config, ["domains"]) as { name: string; verificationToken?: string }[];
    add(
        "duplicate domain in upper case",
        set(config, ["domains", domains.length], { name: domains[0].name.toUpperCase() }),
        ["domains", 0, "name"],
        ["domains", domains.length, "name"],
    );
    add("empty domain list", set(config, ["domains"], []), ["domains"]);
    domains.forEach((d, i) => {
        if (d.verificationToken) {
            add(
                `multi-line token ${i}`,
                set(
                    config,
                    ["domains", i, "verificationToken"],
                    `${d.verificationToken}\nopenai-domain-verification=evil`,
                ),
                ["domains", i, "verificationToken"],
            );
            add(`token without its prefix ${i}`, set(config, ["domains", i, "verificationToken"], "dv-0001"), [
                "domains",
                i,
                "verificationToken",
            ]);
        }
    });
    const testUsers = (get(config, ["sso", "testUsers"]) as string[] | undefined) ?? [];
    if (testUsers.length > 0) {
        add(
            "test user repeated in upper case",
            set(config, ["sso", "testUsers", testUsers.length], testUsers[0].toUpperCase()),
            ["sso", "testUsers", 0],
            ["sso", "testUsers", testUsers.length],
        );
        add(
            "test user on an unlisted subdomain",
            set(config, ["sso", "testUsers", 0], testUsers[0].replace("@", "@sub.")),
            ["sso", "testUsers", 0],
        );
    }
    add("assertion encryption", set(config, ["sso", "assertionEncryption"], true), ["sso", "assertionEncryption"]);
    add("dropped given_name", set(config, ["sso", "claims"], { given_name: null }), ["sso", "claims", "given_name"]);
    add("emptied family_name", set(config, ["sso", "claims"], { family_name: "" }), ["sso", "claims", "family_name"]);
    add("email claim from a non-mail attribute", set(config, ["sso", "claims"], { email: "user.department" }), [
        "sso",
        "claims",
        "email",
    ]);
    add(
        "SSO stage without entity ID",
        set(config, ["sso"], { stage: "enabled", acsUrl: "https://a.example.org/acs" }),
        ["sso", "entityId"],
    );
    add("encrypted assertion under another key", set(config, ["sso", "tokenEncryption"], true), [
        "sso",
        "tokenEncryption",
    ]);
    for (const g of groupPaths) {
        const group = get(config, g) as { dimension: string; group: string };
        add(`swapped parts ${at(g)}`, set(config, g, { ...group, dimension: group.group, group: group.dimension }), g);
        add(`underscore in GROUP ${at(g)}`, set(config, [...g, "group"], `${group.group}_Two`), g);
        add(`lower-case DIMENSION ${at(g)}`, set(config, [...g, "dimension"], group.dimension.toLowerCase()), g);
        const list = g.slice(0, -1);
        const count = (get(config, list) as Json[]).length;
        add(
            `group repeated in upper case ${at(g)}`,
            set(config, [...list, count], { ...group, group: group.group.toUpperCase() }),
            g,
            [...list, count],
        );
        add(
            `existingId repeated ${at(g)}`,
            set(set(config, [...g, "existingId"], "g-1"), [...list, count], {
                dimension: "ROLE",
                group: "Other",
                existingId: "g-1",
            }),
            g,
            [...list, count],
        );
        add(`members on an adopted group ${at(g)}`, set(config, g, { ...group, existingId: "g-9", members: [] }), [
            ...g,
            "members",
        ]);
    }
    for (const w of ws) {
        add(
            `custom role with an unknown grant ${at(w)}`,
            set(config, [...w, "customRoles"], [{ name: "R", grants: ["publish-everything"] }]),
            [...w, "customRoles", 0, "grants", 0],
        );
        add(`manageWorkspace without workspaceId ${at(w)}`, set(config, [...w, "manageWorkspace"], true), [
            ...w,
            "workspaceId",
        ]);
        add(`bad workspaceId ${at(w)}`, set(config, [...w, "workspaceId"], "workspace-1"), [...w, "workspaceId"]);
        add(`negative credits ${at(w)}`, set(config, [...w, "usageLimit"], { credits: -1 }), [
            ...w,
            "usageLimit",
            "credits",
        ]);
    }
    add(
        "duplicate API Platform role slug",
        set(config, ["apiPlatform"], {
            roles: [
                { name: "A b", permissions: ["p"] },
                { name: "a-B", permissions: ["p"] },
            ],
        }),
        ["apiPlatform", "roles", 0, "name"],
        ["apiPlatform", "roles", 1, "name"],
    );
    if (form === "tenant") {
        const [first, second] = ws;
        add("SSO section in a workspace (SSO-10)", set(config, [...first, "sso"], { stage: "enabled" }), [
            ...first,
            "sso",
        ]);
        add(
            "shared SCIM base URL (SCIM-7)",
            set(config, [...second, "scim", "baseUrl"], get(config, [...first, "scim", "baseUrl"])),
            [...first, "scim", "baseUrl"],
            [...second, "scim", "baseUrl"],
        );
        add(
            "shared SCIM base URL in other case, with a trailing slash (SCIM-7)",
            set(
                config,
                [...second, "scim", "baseUrl"],
                `${String(get(config, [...first, "scim", "baseUrl"]))
                    .toUpperCase()
                    .replace(/^HTTPS/, "https")}/`,
            ),
            [...first, "scim", "baseUrl"],
            [...second, "scim", "baseUrl"],
        );
        add("SCIM token key naming the admin key", set(config, [...first, "scim", "tokenKey"], "adminKey"), [
            ...first,
            "scim",
            "tokenKey",
        ]);
        add(
            "shared SCIM token key (SCIM-7)",
            set(set(config, [...first, "scim", "tokenKey"], "scimToken"), [...second, "scim", "tokenKey"], "scimToken"),
            [...first, "scim", "tokenKey"],
            [...second, "scim", "tokenKey"],
        );
        add(
            "duplicate workspace key",
            set(config, [...second, "key"], get(config, [...first, "key"])),
            [...first, "key"],
            [...second, "key"],
        );
        add(
            "workspace names with one slug",
            set(config, [...second, "name"], String(get(config, [...first, "name"])).toUpperCase()),
            [...first, "name"],
            [...second, "name"],
        );
        const id = "3f2b1c9e-8a4d-4e7f-9b1a-2c3d4e5f6a7b";
        add(
            "duplicate workspaceId",
            set(set(config, [...first, "workspaceId"], id), [...second, "workspaceId"], id.toUpperCase()),
            [...first, "workspaceId"],
            [...second, "workspaceId"],
        );
        add("no workspaces", set(config, ["workspaces"], []), ["workspaces"]);
    }
    return out;
}

describe("config: a generated corpus of invalid configs (mutations of the examples)", () => {
    let total = 0;
    for (const stack of exampleStacks()) {
        const form: ConfigForm = "chatgpt-identity:tenant" in stack.values ? "tenant" : "workspace";
        const key = `chatgpt-identity:${form}`;
        const corpus = mutants(stack.values[key], form);
        total += corpus.length;
        it(`${stack.file}: all ${corpus.length} mutants are refused, each naming the mutated path`, () => {
            const accepted: string[] = [];
            const unnamed: string[] = [];
            for (const m of corpus) {
                const result = loadStackConfig({ ...stack.values, [key]: m.value }, SECRETS);
                if (result.ok) {
                    accepted.push(m.label);
                    continue;
                }
                const paths = result.problems.map((p) => p.path);
                const named = m.paths.every((want) => paths.some((p) => p === want || p.split(" and ").includes(want)));
                if (!named) unnamed.push(`${m.label}: wanted ${m.paths.join(" + ")}, got ${paths.join(" | ")}`);
                for (const p of result.problems)
                    assert.doesNotMatch(`${p.path} ${p.message}`, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/, m.label);
            }
            assert.deepEqual(accepted, [], "accepted mutants");
            assert.deepEqual(unnamed, [], "problems that do not name the mutated path");
        });
    }
    after(() => {
        console.log(`      corpus: ${total} invalid configs generated from ${exampleStacks().length} example stacks`);
    });
});
