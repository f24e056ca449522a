import type { Selection } from 'd3-node';
import type { NetworkFault } from '../model.js';
import { type ReportContext } from '../svg.js';
import { type LaneGeometry } from './lanes.js';
export declare const FAULT_LABEL_FONT_PX = 9;
export declare const FAULT_LABEL_ROW_PX = 11;
/** At most this many label rows; labels beyond them are left to the regions' hover titles (and counted). */
export declare const MAX_FAULT_LABEL_ROWS = 6;
export interface FaultLabel {
    readonly fault: NetworkFault;
    /** Left edge, px; the region starts at regionX. */
    readonly x: number;
    readonly regionX: number;
    readonly width: number;
    /** Row above the lanes, 0 the lowest (nearest the lanes). */
    readonly row: number;
}
export interface FaultLabelLayout {
    readonly labels: readonly FaultLabel[];
    readonly rows: number;
    /** Labels that found no row (their regions still have hover titles). */
    readonly hidden: number;
}
/**
 * One label per network fault, left-aligned at its region's start (pulled left at the plot's right edge),
 * each in the first row where it overlaps no other label.
 */
export declare function layoutFaultLabels(ctx: ReportContext, geometry: Pick<LaneGeometry, 'x' | 'fromUs' | 'toUs'>): FaultLabelLayout;
/** Height of the label rows above the lanes (0 without network faults). */
export declare function faultLabelsHeight(layout: FaultLabelLayout): number;
/** Each region's tint, under the role bands. */
export declare function drawNetworkFaultFills(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void;
/** Each region's outline (with its hover title), over the role bands. */
export declare function drawNetworkFaults(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void;
/** The labels in their rows above the lanes (lanesTop), each with a tick down to its region's start. */
export declare function drawFaultLabels(g: Selection, lanesTop: number, layout: FaultLabelLayout): void;
