// Flag helpers shared by the commands: one value per flag, seeds, the override flags (--nodes, --drop, ...),
// paths that may name a directory, and writing a rendered report.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError, exitCodes } from '../errors.js';
import { ensureDirectory, writeFileAtomic } from '../files.js';
import { overrideFlags, parseOverrides } from '../scenario/overrides.js';
/** The flag's value; a flag given twice (yargs makes it a list) is a usage error. */
export function single(value, flag) {
    if (Array.isArray(value))
        throw new UsageError(`${flag} was given ${value.length} times: expected it once.`);
    return value;
}
/** The flag's value as a string, once; undefined when the flag is absent. */
export function optionalString(value, flag) {
    return value === undefined ? undefined : String(single(value, flag));
}
export function parseSeed(value, flag = '--seed') {
    const text = String(value).trim();
    const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(seed) || seed < 0)
        throw new UsageError(`${flag} ${String(value)}: expected a non-negative integer seed such as 42.`);
    return seed;
}
/** Adds every override flag (--nodes, --duration, --drop, ...) in the Overrides group of --help. */
export function addOverrideOptions(y) {
    let out = y;
    for (const flag of overrideFlags) {
        out = out.option(flag.flag, flag.boolean === true ? { type: 'boolean', describe: flag.describe, group: 'Overrides:' } : { type: 'string', describe: `${flag.describe}`, group: 'Overrides:' });
    }
    return out;
}
/** The overrides given on the command line. */
export function overridesFrom(args) {
    const values = {};
    for (const flag of overrideFlags)
        values[flag.flag] = args[flag.flag];
    return parseOverrides(values);
}
/** `path`, or `path/file` when path is a directory (one that cannot be read is reported by whoever reads it). */
export function fileIn(path, file) {
    try {
        return statSync(path).isDirectory() ? join(path, file) : path;
    }
    catch {
        return path;
    }
}
/** Writes a rendered report whole (temporary file, then rename) and passes its remarks on to stderr. */
export function writeReport(io, path, report, flag) {
    const dir = dirname(path);
    if (dir !== '' && dir !== '.')
        ensureDirectory(dir, flag);
    writeFileAtomic(path, report.svg, flag);
    for (const note of report.notes)
        io.err(`raftsim: note: ${note}\n`);
}
/** A size for people: whole KiB, at least 1. */
export function kib(text) {
    return `${Math.max(1, Math.round(Buffer.byteLength(text) / 1024))} KiB`;
}
/** The exit code of a sweep (or merged sweeps): 1 on any safety violation, else 3 on any other failure. */
export function sweepExitCode(summary) {
    if (summary.outcomes.safety > 0)
        return exitCodes.safety;
    if (summary.outcomes.liveness > 0 || summary.outcomes.expectations > 0)
        return exitCodes.liveness;
    return exitCodes.ok;
}
//# sourceMappingURL=flags.js.map