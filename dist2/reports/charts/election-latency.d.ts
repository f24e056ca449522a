import type { Selection } from 'd3-node';
import { type Interval } from '../label-rows.js';
import { type ReportContext } from '../svg.js';
/** The latency axis: from 0 when the smallest value is within a quarter of the range from 0, else around the data. */
export declare function latencyDomain(minUs: number, maxUs: number): [number, number];
export interface PlacedLabel {
    readonly text: string;
    readonly row: number;
    /** Left edge and right edge, px. */
    readonly box: Interval;
    readonly anchorEnd: boolean;
    /** Indexes of the lines this label names. */
    readonly lines: readonly number[];
}
interface QuantileLine {
    readonly names: string;
    readonly x: number;
    readonly value: string;
}
/**
 * Labels for the percentile lines. Lines closer together than a label is wide share one label ("p90 180.9 ms ·
 * p99 181 ms"), put beside the group — right of its last line, or left of its first — so no label crosses a
 * line; groups whose labels would still overlap go to separate rows.
 */
export declare function placeQuantileLabels(lines: readonly QuantileLine[], leftPx: number, rightPx: number): PlacedLabel[];
/** Election latency histogram (its own x axis) with p50/p90/p99 lines. */
export declare function drawElectionLatencyChart(ctx: ReportContext, parent: Selection, topPx: number): number;
export {};
