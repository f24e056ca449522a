import { TraceFormatError, type RunModel, type RunResultInfo, type SweepReportInput } from '../reports/index.js';
import { UsageError } from './errors.js';
import { type SweepFileData } from './merge.js';
import { type SeedSummary } from './result.js';
import type { ResultJson } from './result.js';
import type { ScenarioSource } from './scenario/load.js';
export interface DetailWindowFlags {
    readonly fromUs?: number;
    readonly toUs?: number;
    /** --from as given, for messages. */
    readonly fromText?: string;
}
/** --from/--to as microseconds of simulated time; --from must come before --to. */
export declare function parseWindowFlags(from: unknown, to: unknown): DetailWindowFlags;
/** A malformed trace as a usage error: the file, the line, what was wrong, what was expected. */
export declare function traceFileError(file: string, error: TraceFormatError): UsageError;
/** Parses a trace file into the report model, streaming it; a malformed trace is a usage error naming the line. */
export declare function readTraceModel(file: string): RunModel;
/** The report's part of a result.json: outcome, exit code, expectations and the summary's figures. */
export declare function runResultInfo(result: ResultJson): RunResultInfo;
/**
 * The result.json beside a trace, when it is the result of that very run (same scenario, seed and trace
 * hash); null otherwise (a trace copied alone, or a result.json of another run).
 */
export declare function resultBeside(traceFile: string, model: RunModel): RunResultInfo | null;
/** The report model of a trace file with the run's result (result.json beside it) attached when there is one. */
export declare function readRunModel(file: string): RunModel;
export interface RenderedReport {
    readonly svg: string;
    /** Remarks for stderr, e.g. a trace without its end record. */
    readonly notes: readonly string[];
    /** What the report shows, for the summary line. */
    readonly description: string;
}
/** The run report of a trace file (the same bytes as renderRunReport of its lines). */
export declare function renderTraceFile(file: string, options?: DetailWindowFlags & {
    readonly title?: string;
}): RenderedReport;
/**
 * The trace as Chrome trace-event JSON for Perfetto (reports/perfetto.ts): the trace is read twice, streamed —
 * once into the report model (which validates it and gives the role spans), once record by record.
 */
export declare function renderPerfettoFile(file: string): RenderedReport;
/** What the sweep report needs from a sweep.json (or from a sweep that just ran). */
export interface SweepLike {
    readonly sweep: {
        readonly scenario: string;
        readonly ref: string;
        readonly overrides: readonly string[];
        readonly source: ScenarioSource;
        readonly seeds: string;
        readonly shard: {
            readonly index: number;
            readonly count: number;
        } | null;
    };
    readonly runs: readonly (Pick<SeedSummary, 'seed' | 'outcome' | 'invariant' | 'message' | 'failedExpectations' | 'leaderChanges' | 'elections' | 'clientOk' | 'metrics'> & {
        readonly reached?: readonly string[];
    })[];
}
/**
 * A sweep's per-seed rows as the sweep report's input: each seed's metrics (already flat dotted paths,
 * `sweep.metricPaths`) plus the run statistics the sweep summary prints, and the command that replays it.
 */
export declare function sweepReportInput(file: SweepLike): SweepReportInput;
export declare function renderSweepFile(file: SweepLike): RenderedReport;
export type CompareInput = {
    readonly kind: 'trace';
    readonly file: string;
} | {
    readonly kind: 'sweep';
    readonly file: string;
    readonly data: SweepFileData;
};
/**
 * Tells a trace from a sweep.json by content: a trace's first line is a JSON record with `t` and `type`
 * (the `meta` record); a sweep.json is one JSON document with `raftsim.sweepVersion`. A directory stands for
 * the trace.jsonl or the sweep.json in it.
 */
export declare function detectCompareInput(given: string): CompareInput;
export interface CompareOptions {
    readonly labelA?: string;
    readonly labelB?: string;
    readonly title?: string;
}
/** Two traces → the comparison report; two sweep.json files → the sweep comparison; anything else is bad input. */
export declare function renderComparisonFiles(givenA: string, givenB: string, options?: CompareOptions): RenderedReport;
