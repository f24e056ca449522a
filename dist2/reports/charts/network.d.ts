import type { Selection } from 'd3-node';
import type { ReportContext } from '../svg.js';
/** Network throughput: messages/s entering the network and dropped/s, per bucket. */
export declare function drawNetworkChart(ctx: ReportContext, parent: Selection, topPx: number): number;
