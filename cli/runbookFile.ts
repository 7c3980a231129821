import * as fs from "node:fs";
import * as path from "node:path";

/** The first line of every runbook this command writes; a file that starts otherwise is not ours. */
export const RUNBOOK_SIGNATURE = "# ChatGPT identity runbook";

/** The runbook was not written; the message names the path, the reason and what to do. */
export class RunbookWriteError extends Error {}

export interface RunbookGuard {
    /** The stack file being planned: never overwritten, whatever is asked. */
    stackFile: string;
    /** Replace an existing file that this command did not write (`--overwrite-runbook`). */
    overwrite: boolean;
}

const WRITABLE_HINT = "Choose a writable path with --runbook FILE, or --no-runbook";
const NEW_FILE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW;

function reason(error: NodeJS.ErrnoException): string {
    switch (error.code) {
        case "EACCES":
        case "EPERM":
            return "permission denied";
        case "ENOENT":
            return "its folder does not exist";
        case "ENOTDIR":
            return "a part of the path is not a folder";
        case "EROFS":
            return "the file system is read-only";
        case "ELOOP":
            return "it is a symbolic link";
        default:
            return error.message;
    }
}

function startsWithSignature(file: string): boolean {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
        const head = Buffer.alloc(RUNBOOK_SIGNATURE.length);
        const read = fs.readSync(fd, head, 0, head.length, 0);
        return head.subarray(0, read).toString("utf8") === RUNBOOK_SIGNATURE;
    } finally {
        fs.closeSync(fd);
    }
}

function sameFile(a: fs.Stats, bPath: string): boolean {
    try {
        const b = fs.statSync(bPath);
        return a.dev === b.dev && a.ino === b.ino;
    } catch {
        return false;
    }
}

function writeNew(file: string, content: string): void {
    const fd = fs.openSync(file, NEW_FILE, 0o644);
    try {
        fs.writeSync(fd, content);
    } finally {
        fs.closeSync(fd);
    }
}

/**
 * Writes the runbook to `target`, refusing what could destroy something: a symbolic link (never
 * followed), the stack file, a folder, or an existing file this command did not write (unless
 * `overwrite`). An existing file is replaced through a new file renamed over it, so a failure
 * leaves it as it was. Throws RunbookWriteError; nothing else on disk is touched.
 */
export function writeRunbookFile(target: string, content: string, guard: RunbookGuard): void {
    const file = path.resolve(target);
    const fail = (why: string): never => {
        throw new RunbookWriteError(`The runbook was not written to ${target}: ${why}`);
    };
    let existing: fs.Stats | undefined;
    try {
        existing = fs.lstatSync(file);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT")
            fail(`${reason(e as NodeJS.ErrnoException)}. ${WRITABLE_HINT}`);
    }
    if (!existing) {
        try {
            writeNew(file, content);
        } catch (e) {
            fail(`${reason(e as NodeJS.ErrnoException)}. ${WRITABLE_HINT}`);
        }
        return;
    }
    if (existing.isSymbolicLink())
        fail("it is a symbolic link, and the runbook is never written through one. Choose another --runbook FILE");
    if (!existing.isFile()) fail("it is not a regular file. Choose another --runbook FILE");
    if (sameFile(existing, guard.stackFile)) fail("it is the stack file being planned. Choose another --runbook FILE");
    let ours: boolean;
    try {
        ours = startsWithSignature(file);
    } catch (e) {
        return fail(reason(e as NodeJS.ErrnoException));
    }
    if (!ours && !guard.overwrite) {
        fail(
            "the file exists and was not written by chatgpt-identity. Pass --overwrite-runbook to replace it, or choose another --runbook FILE",
        );
    }
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    let created = false;
    try {
        writeNew(temporary, content);
        created = true;
        fs.renameSync(temporary, file);
    } catch (e) {
        if (created) fs.rmSync(temporary, { force: true });
        fail(`${reason(e as NodeJS.ErrnoException)}. ${WRITABLE_HINT}`);
    }
}
