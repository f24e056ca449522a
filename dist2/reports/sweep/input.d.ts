import type { SweepCoverage } from './coverage.js';
export type SweepVerdict = 'ok' | 'safety' | 'liveness' | 'expectation';
export interface SweepSeed {
    readonly seed: number;
    readonly verdict: SweepVerdict;
    /** The violated invariant or failed expectation, or null. */
    readonly invariant: string | null;
    readonly message: string | null;
    /** The exact command that replays this seed. */
    readonly replay: string;
    /**
     * Flat metrics, dotted names → value, e.g. 'electionLatency.p99'. Units are guessed from the name (see
     * unitOf): a last segment ending in "Us", or a latency distribution's statistic, is microseconds.
     */
    readonly metrics: Readonly<Record<string, number | null>>;
}
export interface SweepReportInput {
    readonly scenario: string;
    readonly seeds: readonly SweepSeed[];
    /** The sweep's parameters, shown in the header (nested objects are flattened to dotted keys). */
    readonly parameters?: Readonly<Record<string, unknown>>;
    /** Situations worth reaching with the seeds that reached each (drawn as the coverage panel; none: no panel). */
    readonly coverage?: readonly SweepCoverage[];
}
export type MetricUnit = 'us' | 'bytes' | 'number';
export interface SweepReportOptions {
    /** Heading; default "raftsim sweep report · <scenario>" (or "raftsim sweep comparison · A vs B"). */
    readonly title?: string;
    /** Width of the SVG in px, 600..20000; default 1500. */
    readonly widthPx?: number;
    /** The metrics to draw, in this order; default every metric in the input, in order of first appearance. */
    readonly metrics?: readonly string[];
    /** Units for metrics whose name does not tell (see unitOf). */
    readonly units?: Readonly<Record<string, MetricUnit>>;
    /** At most this many failing seeds listed (per sweep); default 30. */
    readonly maxFailingRows?: number;
}
export declare const SWEEP_VERDICTS: readonly SweepVerdict[];
export declare const SWEEP_VERDICT_COLORS: Readonly<Record<SweepVerdict, string>>;
export declare const SWEEP_VERDICT_LABELS: Readonly<Record<SweepVerdict, string>>;
export declare const DEFAULT_WIDTH_PX = 1500;
/** Panels beyond this many metrics are listed by name only. */
export declare const MAX_PANELS = 120;
/** Unit of a metric from its name: "...Us" is µs; min/p50/.../mean of a "...Latency" distribution is µs; "...Bytes" bytes. */
export declare function unitOf(name: string): MetricUnit;
/** A metric value for people, in its unit. */
export declare function formatMetric(value: number, unit: MetricUnit): string;
/** Metric names in order of first appearance (or options.metrics). */
export declare function metricNames(inputs: readonly SweepReportInput[], options: SweepReportOptions): string[];
export declare function checkInput(input: SweepReportInput, what: string): void;
export declare function checkOptions(options: SweepReportOptions, what: string): void;
export declare function verdictCounts(seeds: readonly SweepSeed[]): Record<SweepVerdict, number>;
