import type { Selection } from 'd3-node';
import { type Point } from '../aggregate.js';
import type { RunModel, Series } from '../model.js';
import { type ReportContext } from '../svg.js';
import { type ChartOptions } from './frame.js';
/** Per-node series reduced for drawing, and their maximum. */
export declare function reduceNodeSeries(ctx: ReportContext, seriesByNode: ReadonlyMap<string, Series>): {
    nodes: string[];
    reduced: Map<string, Point[]>;
    max: number;
};
export declare function drawCommitChart(ctx: ReportContext, parent: Selection, topPx: number, options?: ChartOptions): number;
export declare function drawApplyLagChart(ctx: ReportContext, parent: Selection, topPx: number, options?: ChartOptions): number;
/**
 * A run without any snapshot (taken or installed): every snapshot index is 0, so the snapshot lag is the
 * applied index — the retained-log chart over again. The run report then draws only the retained log, with a note.
 */
export declare function noSnapshots(model: RunModel): boolean;
export declare const NO_SNAPSHOTS_NOTE = "no snapshot was taken or installed, so the snapshot lag (applied \u2212 snapshot index 0) is this chart again and is not drawn";
export declare function drawLogSizeChart(ctx: ReportContext, parent: Selection, topPx: number, options?: ChartOptions): number;
export declare function drawSnapshotLagChart(ctx: ReportContext, parent: Selection, topPx: number, options?: ChartOptions): number;
