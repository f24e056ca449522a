// Raft's timing requirement for drawn configurations (paper 5.6: broadcastTime << electionTimeout << MTBF) and
// the liveness bound a drawn configuration can meet. Without these, swarm mode drew configurations that cannot
// work rather than ones that expose bugs: a fixed 100 ms election timeout across 50-57 ms links (seed 1578:
// 10,366 elections, never a leader), or fast backoff off with a follower 2,200 entries behind across 45 ms links
// (seed 1690: one entry per round trip needs more than the fixed 3-minute bound).
import { floorOf, type Distribution } from '../../sim/random.js';

/** Election timeouts are at least this many broadcast times (a round trip plus an fsync) in swarm draws. */
export const BROADCASTS_PER_ELECTION_TIMEOUT = 5;

/** A latency a link rarely exceeds: the top of a uniform range, three deviations above a normal's mean, ... */
export function highLatencyUs(dist: Distribution): number {
  return Math.max(floorOf(dist), unflooredHighUs(dist));
}

function unflooredHighUs(dist: Distribution): number {
  switch (dist.kind) {
    case 'constant':
      return dist.valueUs;
    case 'uniform':
      return dist.maxUs;
    case 'normal':
      return dist.meanUs + 3 * dist.stddevUs;
    case 'lognormal':
      return dist.medianUs * Math.exp(2 * dist.sigma);
    case 'exponential':
      return 3 * dist.meanUs;
    case 'tail':
      return dist.baseUs + dist.jitterUs;
    default: {
      const unreachable: never = dist;
      throw new Error(`unknown distribution ${JSON.stringify(unreachable)}`);
    }
  }
}

/** One broadcast: a request and its answer over the slowest link, plus the fsync before the answer. */
export function broadcastUs(latencies: readonly Distribution[], fsync: Distribution): number {
  const slowest = Math.max(0, ...latencies.map(highLatencyUs));
  return 2 * slowest + highLatencyUs(fsync);
}

/** The smallest election timeout the requirement allows, rounded up to 50 ms. */
export function minimumElectionTimeoutUs(broadcast: number): number {
  return Math.ceil((BROADCASTS_PER_ELECTION_TIMEOUT * broadcast) / 50_000) * 50_000;
}

/** What catching up costs a drawn configuration. */
export interface CatchUpCost {
  readonly electionTimeoutMaxUs: number;
  readonly roundTripUs: number;
  /** Every entry the run may write (rate x duration): the longest a log can diverge or lag. */
  readonly entries: number;
  readonly entryBytes: number;
  readonly maxEntriesBytesPerMessage: number;
  readonly maxInflightMessages: number;
  readonly fastBackoff: boolean;
}

/** Time to converge after healing in the worst case the configuration allows: elections settle, then a
 *  follower that lags by every entry the run wrote probes back (one entry per round trip without fast backoff,
 *  paper 5.3) and receives them through the flow-control window; doubled for retries. Between 1 and 30 min. */
export function derivedLivenessBoundUs(cost: CatchUpCost): number {
  const electionsUs = 40 * cost.electionTimeoutMaxUs;
  const probeUs = cost.fastBackoff ? 0 : cost.entries * cost.roundTripUs;
  const perMessage = Math.max(1, Math.floor(cost.maxEntriesBytesPerMessage / Math.max(1, cost.entryBytes)));
  const transferUs = (cost.entries / (perMessage * Math.max(1, cost.maxInflightMessages))) * cost.roundTripUs;
  const boundUs = 2 * (electionsUs + probeUs + transferUs);
  return Math.min(30 * 60_000_000, Math.max(60_000_000, Math.ceil(boundUs / 1_000_000) * 1_000_000));
}
