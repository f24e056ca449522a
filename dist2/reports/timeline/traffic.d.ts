import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
/**
 * Per node-pair message rate strips under the main lanes: one cell per time bucket, blue by messages/s
 * and a red underline whose opacity is the dropped share. This is the aggregate view that keeps 100k+
 * messages to a few thousand rects.
 */
export declare function drawTrafficStrips(ctx: ReportContext, g: Selection, topPx: number): number;
