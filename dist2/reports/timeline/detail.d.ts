import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
/** The zoomed detail panel: lanes for the detail window with one arrow per message. Returns its height. */
export declare function drawDetailPanel(ctx: ReportContext, parent: Selection, defs: Selection, topPx: number, mainLanesBottomPx: number): number;
