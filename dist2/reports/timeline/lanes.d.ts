import type { ContinuousScale, Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
/** Geometry of one lane panel. */
export interface LaneGeometry {
    readonly x: ContinuousScale;
    readonly fromUs: number;
    readonly toUs: number;
    /** Top of the first lane, in the panel group's coordinates. */
    readonly topPx: number;
    readonly laneHeightPx: number;
    /** Role band inside the lane: offset from the lane top and height. */
    readonly bandTopPx: number;
    readonly bandHeightPx: number;
}
export declare function laneTop(geometry: LaneGeometry, lane: number): number;
export declare function laneCentre(geometry: LaneGeometry, lane: number): number;
/** Visible pixel extent of [fromUs, toUs) in the panel, or null when outside it. */
export declare function clipX(geometry: LaneGeometry, fromUs: number, toUs: number): [number, number] | null;
export declare function spanText(fromUs: number, toUs: number): string;
/** Lane labels with the node's chart colour, lane backgrounds; datacenter groups when the run has them. */
export declare function drawLaneFrames(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void;
/** Role bands, coalescing sub-pixel spans so a flapping node costs at most ~one rect per pixel. */
export declare function drawRoles(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void;
/** Down (hatched), paused (shaded) and slow (light hatch) periods. */
export declare function drawNodeSpans(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void;
