import type { ContinuousScale, Selection } from 'd3-node';
import type { ClientOperation } from '../model.js';
/** A value for a label: absent, or the value cut to `maxChars` (the hover text has it whole). */
export declare function shortValue(value: string | null, maxChars?: number): string;
/** The operation in a few characters: "get k3 → v7", "put k3 c2-5", "cas k3 ∅→c2-5 swapped". */
export declare function opLabel(op: ClientOperation, maxChars?: number): string;
/** The whole operation for the hover text. */
export declare function opTitle(op: ClientOperation): string;
export interface BarGeometry {
    readonly x: ContinuousScale;
    /** Where an operation without a return ends (the end of the plot). */
    readonly openEndUs: number;
    readonly barTopPx: number;
    readonly barHeightPx: number;
    /** Draw labels inside the bars, cut to fit (never past a bar's end, so labels cannot overlap). */
    readonly labels: boolean;
}
/** Draws one operation's bar (and its label, when it fits); returns the bar. */
export declare function drawOpBar(g: Selection, op: ClientOperation, geometry: BarGeometry, extraClass?: string): Selection;
