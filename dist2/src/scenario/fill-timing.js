/** Election timeouts are at least this many broadcast times (a round trip plus an fsync) in swarm draws. */
export const BROADCASTS_PER_ELECTION_TIMEOUT = 5;
/** A latency a link rarely exceeds: the top of a uniform range, three deviations above a normal's mean, ... */
export function highLatencyUs(dist) {
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
            const unreachable = dist;
            throw new Error(`unknown distribution ${JSON.stringify(unreachable)}`);
        }
    }
}
/** One broadcast: a request and its answer over the slowest link, plus the fsync before the answer. */
export function broadcastUs(latencies, fsync) {
    const slowest = Math.max(0, ...latencies.map(highLatencyUs));
    return 2 * slowest + highLatencyUs(fsync);
}
/** The smallest election timeout the requirement allows, rounded up to 50 ms. */
export function minimumElectionTimeoutUs(broadcast) {
    return Math.ceil((BROADCASTS_PER_ELECTION_TIMEOUT * broadcast) / 50_000) * 50_000;
}
/** Time to converge after healing in the worst case the configuration allows: elections settle, then a
 *  follower that lags by every entry the run wrote probes back (one entry per round trip without fast backoff,
 *  paper 5.3) and receives them through the flow-control window; doubled for retries. Between 1 and 30 min. */
export function derivedLivenessBoundUs(cost) {
    const electionsUs = 40 * cost.electionTimeoutMaxUs;
    const probeUs = cost.fastBackoff ? 0 : cost.entries * cost.roundTripUs;
    const perMessage = Math.max(1, Math.floor(cost.maxEntriesBytesPerMessage / Math.max(1, cost.entryBytes)));
    const transferUs = (cost.entries / (perMessage * Math.max(1, cost.maxInflightMessages))) * cost.roundTripUs;
    const boundUs = 2 * (electionsUs + probeUs + transferUs);
    return Math.min(30 * 60_000_000, Math.max(60_000_000, Math.ceil(boundUs / 1_000_000) * 1_000_000));
}
//# sourceMappingURL=fill-timing.js.map