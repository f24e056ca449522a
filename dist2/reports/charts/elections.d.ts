import type { Selection } from 'd3-node';
import type { Buckets } from '../aggregate.js';
import { type ReportContext } from '../svg.js';
import { type ChartOptions } from './frame.js';
export interface ElectionBuckets {
    readonly buckets: Buckets;
    readonly preVotes: number[];
    readonly real: number[];
    readonly leaders: string[][];
    /** Largest bar (at least 1). */
    readonly max: number;
}
export declare function electionBuckets(ctx: ReportContext): ElectionBuckets;
/** Elections per bucket (pre-vote rounds and real elections stacked) and leader changes (green). */
export declare function drawElectionChart(ctx: ReportContext, parent: Selection, topPx: number, options?: ChartOptions): number;
