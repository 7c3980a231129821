import { ConfigProblem } from "../problems";

/** One declared thing, the value it is identified by (already normalized), and where it is written. */
export interface Declared {
    identity: string;
    path: string;
    shown: string;
}

/**
 * A problem for every item whose identity repeats an earlier one, naming BOTH paths
 * (`tenant.workspaces[0].groups[1] and tenant.workspaces[1].groups[0]`). Items with an empty identity
 * are skipped (their own check reports them).
 */
export function collisions(
    items: readonly Declared[],
    message: (first: Declared, again: Declared) => string,
    extra: Partial<ConfigProblem> = {},
): ConfigProblem[] {
    const first = new Map<string, Declared>();
    const problems: ConfigProblem[] = [];
    for (const item of items) {
        if (item.identity === "") continue;
        const earlier = first.get(item.identity);
        if (earlier === undefined) {
            first.set(item.identity, item);
            continue;
        }
        problems.push({ ...extra, path: `${earlier.path} and ${item.path}`, message: message(earlier, item) });
    }
    return problems;
}
