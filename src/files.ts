// Output files of the command line: directories for --out, and files written whole or not at all.
import { mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

/** Creates `dir` (and its parents) or throws a usage error naming `flag`. */
export function ensureDirectory(dir: string, flag = '--out'): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag} ${dir}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file' : `cannot be created (${code ?? String(error)})`}; expected a directory to write into.`);
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`${flag} ${dir}: is a file; expected a directory to write into.`);
}

export function writeFile(path: string, text: string, flag = '--out'): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag}: ${path} cannot be written (${code ?? String(error)}); expected a writable location.`);
  }
}

/**
 * Writes `text` to a temporary file next to `path`, then renames it over `path`: a reader (or a failure half
 * way) never sees a partially written file.
 */
export function writeFileAtomic(path: string, text: string, flag = '--out'): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag}: ${path} cannot be written (${code === 'EISDIR' ? 'it is a directory' : (code ?? String(error))}); expected a writable file name.`);
  }
}

/** Checks that an output file name (-o) is not an existing directory, before any work is done. */
export function checkOutputFile(path: string, flag: string, example: string): void {
  if (path.trim() === '') throw new UsageError(`${flag} "": expected a file name such as ${example}.`);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // does not exist yet: fine
  }
  if (isDirectory || /[\\/]$/.test(path)) throw new UsageError(`${flag} ${path}: is a directory; expected a file name such as ${join(path, basename(example))}.`);
}
