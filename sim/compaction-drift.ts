// Compaction drift (docs/metrics.md): how far apart in time and in log index the nodes of a cluster take the
// snapshot of one round, and how far the time trigger fires from the instant a perfect clock would have.
import type { NodeId } from '../raft/types.js';
import { roundSpreads } from '../contract/compaction-rounds.js';
import { distributionOf } from './distribution.js';

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
export function compactionDrift(compactions: readonly CompactionRecord[]): CompactionDrift {
  const spreads = roundSpreads(compactions);
  const timeSpreads = spreads.map((s) => s.timeSpreadUs);
  const indexSpreads = spreads.map((s) => s.indexSpread);
  const deviations: number[] = [];
  const delays: number[] = [];
  let skippedWindows = 0;
  for (const record of compactions) {
    if (record.noop) skippedWindows++;
    if (record.intendedUs === null || record.noop) continue;
    deviations.push(Math.abs(record.completedUs - record.intendedUs));
    delays.push(record.completedUs - record.intendedUs);
  }
  const timeSpread = distributionOf(timeSpreads);
  const deviation = distributionOf(deviations);
  return {
    rounds: timeSpreads.length,
    maxTimeSpreadUs: timeSpread.max,
    meanTimeSpreadUs: timeSpread.mean,
    maxIndexSpread: indexSpreads.length === 0 ? null : Math.max(...indexSpreads),
    timeTrigger: {
      samples: deviations.length,
      skippedWindows,
      meanDeviationUs: deviation.mean,
      maxDeviationUs: deviation.max,
      maxDelayUs: delays.length === 0 ? null : Math.max(...delays),
    },
  };
}
