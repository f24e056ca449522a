import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
/** Draws the panel when the trace records a violation; returns its height (0 otherwise). */
export declare function drawLinearizabilityPanel(ctx: ReportContext, parent: Selection, topPx: number): number;
