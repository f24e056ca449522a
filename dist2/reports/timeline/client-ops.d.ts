import type { Selection } from 'd3-node';
import type { LinearizabilityRecord } from '../model.js';
import { type ReportContext } from '../svg.js';
/** At most this many bars; the rest of the window's operations are counted, not drawn. */
export declare const MAX_OPERATION_BARS = 4000;
/** The verdict of the end-of-run check in a few words. */
export declare function linearizabilityText(record: LinearizabilityRecord | null): string;
/** Draws the panel below the detail panel; returns its height (0 without client operations). */
export declare function drawClientOps(ctx: ReportContext, parent: Selection, defs: Selection, topPx: number): number;
