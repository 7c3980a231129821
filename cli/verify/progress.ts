import { ReadProgress } from "../../verify/liveState";

/**
 * A one-line progress display on a terminal (stderr), redrawn in place while the members page in; nothing at all
 * when stderr is not a terminal, so a pipe gets only the result.
 */
export function progressLine(
    isTTY: boolean,
    write: (text: string) => void,
): { update?: (p: ReadProgress) => void; done: () => void } {
    if (!isTTY) return { done: () => undefined };
    let drawn = false;
    return {
        update: (p) => {
            drawn = true;
            write(
                `\r\x1b[2KReading workspace ${p.workspace}: ${p.route}, page ` +
                    `${p.pages.toLocaleString("en-US")}, ${p.items.toLocaleString("en-US")} read`,
            );
        },
        done: () => {
            if (drawn) write("\r\x1b[2K");
            drawn = false;
        },
    };
}
