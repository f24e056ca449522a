/**
 * Parses a raftsim JSON Lines trace (docs/trace-format.md) into the run model (model.ts).
 *
 * One pass over the lines: each line is parsed, checked against the trace contract (contract/trace.ts) into a
 * typed record, and handed to the handler of its record type, which updates the ModelBuilder. A 100k-line
 * trace costs one JSON.parse per line, a field check and a few array pushes.
 *
 * Pure: no I/O, no clock, no randomness.
 */
import type { RunModel } from '../model.js';
/**
 * Parses trace lines (a file split on "\n"; blank lines are skipped) into a RunModel.
 * Throws TraceFormatError for anything that is not a well-formed raftsim trace.
 */
export declare function parseTrace(lines: Iterable<string>): RunModel;
