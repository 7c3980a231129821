import * as assert from "node:assert/strict";
import { Continuation, PaginationStyle, paginate } from "../../../clients/shared/paginate";

type Page = Record<string, unknown>;

function run(pages: Page[], style: PaginationStyle) {
    const asked: (Continuation | undefined)[] = [];
    const progress: string[] = [];
    const promise = paginate({
        style,
        fetchPage: async (next) => {
            asked.push(next);
            const page = pages[asked.length - 1];
            if (!page) throw new Error("asked for a page past the script");
            return page;
        },
        parseItem: (raw) => (raw as { id: string }).id,
        invalid: (field, detail) => new Error(`invalid ${field}: ${detail}`),
        onPage: (p) => progress.push(`${p.pages}/${p.items}`),
    });
    return { promise, asked, progress };
}

describe("clients/shared paginate", () => {
    it("after style: follows last_id until has_more is false", async () => {
        const r = run(
            [
                { data: [{ id: "u1" }, { id: "u2" }], has_more: true, last_id: "u2" },
                { data: [{ id: "u3" }], has_more: true, last_id: "u3" },
                { data: [], has_more: false, last_id: null },
            ],
            "after",
        );
        assert.deepEqual(await r.promise, ["u1", "u2", "u3"]);
        assert.deepEqual(r.asked, [undefined, { param: "after", value: "u2" }, { param: "after", value: "u3" }]);
        assert.deepEqual(r.progress, ["1/2", "2/3", "3/3"]);
    });

    it("after style: the last item's id continues a page without last_id", async () => {
        const r = run(
            [
                { data: [{ id: "u1" }], has_more: true },
                { data: [{ id: "u2" }], has_more: false },
            ],
            "after",
        );
        assert.deepEqual(await r.promise, ["u1", "u2"]);
        assert.deepEqual(r.asked[1], { param: "after", value: "u1" });
    });

    it("cursor style: follows the opaque cursor and ignores last_id", async () => {
        const r = run(
            [
                { data: [{ id: "m1" }], has_more: true, cursor: "c-abc==", last_id: "m1" },
                { data: [{ id: "m2" }], has_more: false, cursor: null },
            ],
            "cursor",
        );
        assert.deepEqual(await r.promise, ["m1", "m2"]);
        assert.deepEqual(r.asked[1], { param: "cursor", value: "c-abc==" });
    });

    it("either style: takes next_cursor when offered, else last_id", async () => {
        const withCursor = run(
            [
                { data: [{ id: "g1" }], has_more: true, next_cursor: "n1", last_id: "g1" },
                { data: [], has_more: false },
            ],
            "either",
        );
        await withCursor.promise;
        assert.deepEqual(withCursor.asked[1], { param: "cursor", value: "n1" });
        const withAfter = run(
            [
                { data: [{ id: "g1" }], has_more: true, last_id: "g1" },
                { data: [], has_more: false },
            ],
            "either",
        );
        await withAfter.promise;
        assert.deepEqual(withAfter.asked[1], { param: "after", value: "g1" });
    });

    it("refuses a page without a boolean has_more", async () => {
        await assert.rejects(
            run([{ data: [{ id: "u1" }] }], "after").promise,
            /^Error: invalid has_more: the list page has no boolean has_more, so its end cannot be known$/,
        );
        await assert.rejects(run([{ data: [], has_more: "false" }], "after").promise, /invalid has_more/);
    });

    it("refuses has_more: true with no way to continue, and a repeated cursor", async () => {
        await assert.rejects(
            run([{ data: [{ id: "m1" }], has_more: true, cursor: null }], "cursor").promise,
            /^Error: invalid next_cursor\/cursor: has_more is true but the page gives no way to continue$/,
        );
        await assert.rejects(run([{ data: [], has_more: true }], "after").promise, /invalid last_id: has_more is true/);
        await assert.rejects(
            run(
                [
                    { data: [{ id: "m1" }], has_more: true, cursor: "same" },
                    { data: [{ id: "m2" }], has_more: true, cursor: "same" },
                ],
                "cursor",
            ).promise,
            /has_more is true but the page repeats cursor same/,
        );
    });

    it("refuses a page without a data array", async () => {
        await assert.rejects(run([{ items: [], has_more: false }], "after").promise, /^Error: invalid data: /);
        await assert.rejects(run([[] as unknown as Page], "after").promise, /^Error: invalid \(body\): /);
    });
});
