import type { Distribution } from '../../sim/random.js';
/** Election timeouts are at least this many broadcast times (a round trip plus an fsync) in swarm draws. */
export declare const BROADCASTS_PER_ELECTION_TIMEOUT = 5;
/** A latency a link rarely exceeds: the top of a uniform range, three deviations above a normal's mean, ... */
export declare function highLatencyUs(dist: Distribution): number;
/** One broadcast: a request and its answer over the slowest link, plus the fsync before the answer. */
export declare function broadcastUs(latencies: readonly Distribution[], fsync: Distribution): number;
/** The smallest election timeout the requirement allows, rounded up to 50 ms. */
export declare function minimumElectionTimeoutUs(broadcast: number): number;
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
export declare function derivedLivenessBoundUs(cost: CatchUpCost): number;
