import type { NodeId } from '../raft/types.js';
export interface CompactionRecord {
    readonly node: NodeId;
    readonly index: number;
    readonly trigger: 'count' | 'time';
    /** Round id: `time:k` for the k-th local-clock window, `count:r` for a node's r-th count-triggered snapshot. */
    readonly round: string;
    readonly startedUs: number;
    readonly completedUs: number;
    /** Time trigger only: the true time at which a perfect clock would have fired this window. */
    readonly intendedUs: number | null;
    /** True when the window fired but nothing was applied since the last snapshot (e.g. a node cut off from the
     *  leader): the round is decided at the stale index, and no snapshot is written. */
    readonly noop: boolean;
}
export interface CompactionDrift {
    readonly rounds: number;
    readonly maxTimeSpreadUs: number | null;
    readonly meanTimeSpreadUs: number | null;
    readonly maxIndexSpread: number | null;
    readonly timeTrigger: {
        readonly samples: number;
        readonly skippedWindows: number;
        readonly meanDeviationUs: number | null;
        readonly maxDeviationUs: number | null;
        readonly maxDelayUs: number | null;
    };
}
/** Spreads over the rounds that two or more nodes took part in, and the time trigger's deviations (no-op rounds
 *  count as skipped windows only). */
export declare function compactionDrift(compactions: readonly CompactionRecord[]): CompactionDrift;
