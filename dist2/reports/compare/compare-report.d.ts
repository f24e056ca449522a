import type { RunModel } from '../model.js';
export interface ComparisonRun {
    /** Short name of the run, e.g. "randomized timeouts". */
    readonly label: string;
    /** The run's trace lines (a trace file split on "\n"). */
    readonly lines: Iterable<string>;
}
export interface ComparisonReportOptions {
    /** Heading; default "raftsim comparison · <A label> vs <B label>". */
    readonly title?: string;
    /** Width of the SVG in px, 600..20000; default 1500. */
    readonly widthPx?: number;
    /** Per node-pair traffic strips under each timeline; default false (they double the timelines' height). */
    readonly trafficStrips?: boolean;
    /**
     * The charts under the timelines, in this order; default all of COMPARISON_CHARTS in that order. A chart
     * neither run has records for is left out.
     */
    readonly charts?: readonly ComparisonChart[];
}
export type ComparisonChart = 'elections' | 'election-latency' | 'commit-index' | 'client-latency' | 'retained-log' | 'apply-lag';
export declare const COMPARISON_CHARTS: readonly ComparisonChart[];
/** Renders two traces as one comparison SVG document. Throws TraceFormatError naming the run of a bad trace. */
export declare function renderComparisonReport(a: ComparisonRun, b: ComparisonRun, options?: ComparisonReportOptions): string;
/** Renders two parsed models (for callers that already hold them). */
export declare function renderComparisonModels(a: {
    readonly label: string;
    readonly model: RunModel;
}, b: {
    readonly label: string;
    readonly model: RunModel;
}, options?: ComparisonReportOptions): string;
