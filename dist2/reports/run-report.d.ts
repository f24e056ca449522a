/**
 * The run report: one standalone SVG document rendered from a raftsim trace alone (docs/reports.md).
 *
 *   renderRunReport(lines) = renderModel(parseTrace(lines))
 *
 * parseTrace (trace/parse.ts) is the only place that reads the trace; the drawing code (header and legend here,
 * timeline.ts, charts.ts) only reads the model. Output is deterministic: fixed ids, no clock, no randomness,
 * coordinates rounded to 0.1 px, locale-free number formatting.
 */
import { type Selection } from 'd3-node';
import type { RunModel } from './model.js';
import { type ReportContext } from './svg.js';
export { TraceFormatError } from './trace/error.js';
export { parameterLines } from './header-params.js';
export interface RunReportOptions {
    /** Detail window start (true time, µs); see docs/reports.md for the default. */
    fromUs?: number;
    /** Detail window end (true time, µs). */
    toUs?: number;
    /** Heading; default "raftsim run report · <scenario> · seed <seed>". */
    title?: string;
    /** Width of the SVG in px, 600..20000; default 1500. */
    widthPx?: number;
    /** At most this many message arrows in the detail panel; default 2000. */
    maxArrows?: number;
}
export declare const DEFAULT_WIDTH_PX = 1500;
export declare const DEFAULT_MAX_ARROWS = 2000;
/** Renders the trace lines (a trace file split on "\n") as a complete SVG document. */
export declare function renderRunReport(lines: Iterable<string>, options?: RunReportOptions): string;
/** Renders an already parsed model (for callers that keep the model, e.g. to render several windows). */
export declare function renderModel(model: RunModel, options?: RunReportOptions): string;
export declare function summaryLine(model: RunModel): string;
/**
 * Colour and mark legend, wrapped to the report width. Returns the height used. Entries for the compaction
 * and measurement records (stalls, leader lost, skipped or incomplete snapshots, leaderless time) appear only
 * when `models` have them; message arrows only when `messages` (the run report's detail panel).
 */
export declare function drawLegend(ctx: ReportContext, root: Selection, topPx: number, models?: readonly RunModel[], messages?: boolean): number;
export type { RunModel } from './model.js';
