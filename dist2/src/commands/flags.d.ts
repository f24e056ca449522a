import type { Argv } from 'yargs';
import type { RenderedReport } from '../reports.js';
import { type Overrides } from '../scenario/overrides.js';
import type { SweepSummary } from '../sweep.js';
import type { Io } from './command.js';
/** The flag's value; a flag given twice (yargs makes it a list) is a usage error. */
export declare function single(value: unknown, flag: string): unknown;
/** The flag's value as a string, once; undefined when the flag is absent. */
export declare function optionalString(value: unknown, flag: string): string | undefined;
export declare function parseSeed(value: unknown, flag?: string): number;
/** Adds every override flag (--nodes, --duration, --drop, ...) in the Overrides group of --help. */
export declare function addOverrideOptions<T>(y: Argv<T>): Argv<T>;
/** The overrides given on the command line. */
export declare function overridesFrom(args: Record<string, unknown>): Overrides;
/** `path`, or `path/file` when path is a directory (one that cannot be read is reported by whoever reads it). */
export declare function fileIn(path: string, file: string): string;
/** Writes a rendered report whole (temporary file, then rename) and passes its remarks on to stderr. */
export declare function writeReport(io: Io, path: string, report: RenderedReport, flag: string): void;
/** A size for people: whole KiB, at least 1. */
export declare function kib(text: string): string;
/** The exit code of a sweep (or merged sweeps): 1 on any safety violation, else 3 on any other failure. */
export declare function sweepExitCode(summary: SweepSummary): number;
