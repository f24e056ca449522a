import type { Selection } from 'd3-node';
import { type ReportContext } from '../svg.js';
export declare function drawCompactionDriftChart(ctx: ReportContext, parent: Selection, topPx: number): number;
