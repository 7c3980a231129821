import { HandlerResponse, RequestContext } from "./http";

export type Handler = (ctx: RequestContext) => HandlerResponse | Promise<HandlerResponse>;

interface Route {
    method: string;
    pattern: string;
    segments: string[];
    handler: Handler;
}

export type RouteMatch =
    | { kind: "found"; handler: Handler; params: Record<string, string>; route: string }
    | { kind: "method_not_allowed"; allowed: string[]; route: string }
    | { kind: "not_found" };

/** Matches `METHOD /a/:param/b` patterns segment by segment; no framework. */
export class Router {
    private readonly routes: Route[] = [];

    add(method: string, pattern: string, handler: Handler): this {
        this.routes.push({ method, pattern, segments: split(pattern), handler });
        return this;
    }

    match(method: string, pathname: string): RouteMatch {
        const parts = split(pathname);
        const allowed: string[] = [];
        let route = "";
        for (const r of this.routes) {
            const params = matchSegments(r.segments, parts);
            if (!params) continue;
            if (r.method === method) return { kind: "found", handler: r.handler, params, route: r.pattern };
            allowed.push(r.method);
            route = r.pattern;
        }
        return allowed.length > 0 ? { kind: "method_not_allowed", allowed, route } : { kind: "not_found" };
    }
}

function split(path: string): string[] {
    return path.split("/").filter((s) => s !== "");
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
    if (pattern.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
        if (pattern[i].startsWith(":")) {
            try {
                params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
            } catch {
                return undefined;
            }
        } else if (pattern[i] !== parts[i]) {
            return undefined;
        }
    }
    return params;
}
