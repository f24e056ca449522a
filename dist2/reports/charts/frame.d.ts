import type { ContinuousScale, Selection } from 'd3-node';
import { Buckets } from '../aggregate.js';
import { type ReportContext } from '../svg.js';
import type { RunTag } from '../theme.js';
export declare const CHART_HEIGHT_PX: number;
/**
 * How a chart is drawn inside a larger report. The run report uses the defaults; the comparison report
 * draws each chart once per run, tagged, with the y extents of both runs (`shared`) so the pair is
 * read on the same scales, and the upper chart of a pair without time axis labels.
 */
export interface ChartOptions {
    /** The run's tag, drawn before the title. */
    readonly tag?: RunTag;
    /** Plot height; default 92 px. */
    readonly plotHeightPx?: number;
    /** Time axis labels under the plot; default true. */
    readonly timeAxisLabels?: boolean;
    /** y extents to use instead of this run's own (chartExtents of both runs, merged). */
    readonly shared?: ChartExtents;
    /** When this run has no records for the chart: draw an empty frame with this note instead of skipping it. */
    readonly emptyNote?: string;
}
/** The y extent each chart derives from its data: maxima, and the client latency range (µs). Null: no data. */
export interface ChartExtents {
    readonly commit: number | null;
    readonly applyLag: number | null;
    readonly logEntries: number | null;
    readonly snapshotLag: number | null;
    readonly latency: readonly [number, number] | null;
    readonly elections: number | null;
}
/** Height a chart takes with these options (it is the same whether or not the chart has data). */
export declare function chartHeight(options?: ChartOptions): number;
export interface Frame {
    readonly g: Selection;
    readonly topPx: number;
    readonly bottomPx: number;
}
/** Title row, plot background and node legend of a chart at `topPx`. */
export declare function frame(ctx: ReportContext, parent: Selection, topPx: number, title: string, note: string, legendNodes: readonly string[], options?: ChartOptions): Frame;
/** Nothing to draw: skipped (0 px), or an empty frame when the options ask for one. */
export declare function noData(ctx: ReportContext, parent: Selection, topPx: number, title: string, options: ChartOptions): number;
/** Horizontal grid lines and labels for y ticks. */
export declare function yAxis(ctx: ReportContext, f: Frame, y: ContinuousScale, ticks: readonly number[], label: (value: number) => string): void;
/** Time axis, detail-window band and run markers shared by every time chart. */
export declare function timeDecorations(ctx: ReportContext, f: Frame, options?: ChartOptions): void;
/** Buckets over the whole time axis (in a comparison, both runs get the same buckets). */
export declare function timeBuckets(ctx: ReportContext, count: number): Buckets;
/** Invisible full-height columns that carry a hover title per time bucket. */
export declare function hoverColumns(ctx: ReportContext, f: Frame, buckets: Buckets, text: (bucket: number) => string | null): void;
export declare function bucketCount(ctx: ReportContext, pxPerBucket: number, max: number): number;
