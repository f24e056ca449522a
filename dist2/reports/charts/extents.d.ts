import type { ReportContext } from '../svg.js';
import type { ChartExtents } from './frame.js';
/** The y extents of every chart for this run (for charts of two runs on the same scales). */
export declare function chartExtents(ctx: ReportContext): ChartExtents;
/** The extents covering both runs. */
export declare function mergeExtents(a: ChartExtents, b: ChartExtents): ChartExtents;
