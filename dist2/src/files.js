// Output files of the command line: directories for --out, and files written whole or not at all.
import { mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
/** Creates `dir` (and its parents) or throws a usage error naming `flag`. The parents are created one at a time
 *  from the nearest existing one (not with mkdir's recursive mode, which spins forever on a file system such as
 *  /proc that answers ENOENT for a directory whose parent exists). */
export function ensureDirectory(dir, flag = '--out') {
    const missing = [];
    let at = resolve(dir);
    for (;;) {
        const kind = kindOf(at);
        if (kind === 'directory')
            break;
        if (kind === 'other')
            throw new UsageError(`${flag} ${dir}: ${at === resolve(dir) ? 'is a file' : `${at} is a file`}; expected a directory to write into.`);
        missing.unshift(at);
        const parent = dirname(at);
        if (parent === at)
            break;
        at = parent;
    }
    for (const path of missing) {
        try {
            mkdirSync(path);
        }
        catch (error) {
            const code = error.code;
            if (code === 'EEXIST' && kindOf(path) === 'directory')
                continue;
            const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file' : code === 'ENOENT' ? `cannot be created: ${dirname(path)} takes no new directories (mkdir answers ENOENT, as on /proc)` : `cannot be created (${code ?? String(error)})`;
            throw new UsageError(`${flag} ${dir}: ${why}; expected a directory to write into.`);
        }
    }
}
function kindOf(path) {
    try {
        return statSync(path).isDirectory() ? 'directory' : 'other';
    }
    catch {
        return 'missing';
    }
}
export function writeFile(path, text, flag = '--out') {
    try {
        writeFileSync(path, text);
    }
    catch (error) {
        const code = error.code;
        throw new UsageError(`${flag}: ${path} cannot be written (${code ?? String(error)}); expected a writable location.`);
    }
}
/**
 * Writes `text` to a temporary file next to `path`, then renames it over `path`: a reader (or a failure half
 * way) never sees a partially written file.
 */
export function writeFileAtomic(path, text, flag = '--out') {
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
        writeFileSync(temporary, text);
        renameSync(temporary, path);
    }
    catch (error) {
        try {
            unlinkSync(temporary);
        }
        catch {
            // nothing was written
        }
        const code = error.code;
        throw new UsageError(`${flag}: ${path} cannot be written (${code === 'EISDIR' ? 'it is a directory' : (code ?? String(error))}); expected a writable file name.`);
    }
}
/** Checks that an output file name (-o) is not an existing directory, before any work is done. */
export function checkOutputFile(path, flag, example) {
    if (path.trim() === '')
        throw new UsageError(`${flag} "": expected a file name such as ${example}.`);
    let isDirectory = false;
    try {
        isDirectory = statSync(path).isDirectory();
    }
    catch {
        // does not exist yet: fine
    }
    if (isDirectory || /[\\/]$/.test(path))
        throw new UsageError(`${flag} ${path}: is a directory; expected a file name such as ${join(path, basename(example))}.`);
}
//# sourceMappingURL=files.js.map