import type { Selection } from 'd3-node';
import type { Run } from './run.js';
/**
 * Election latency of both runs on one latency axis: per bin, A's bar left and B's right, with each run's
 * p50 and p99 (nearest rank) as lines in the run's colour. Returns the height used.
 */
export declare function drawElectionLatencyComparison(a: Run, b: Run, root: Selection, topPx: number): number;
