// The headline figures of a run, computed from its trace records alone, and how B compares with A.
import { nearestRank } from '../aggregate.js';
import { formatNumber } from '../format.js';
/** The headline figures of a run, from its trace records (see HeadlineMetrics). */
export function headlineMetrics(model) {
    const real = model.elections.filter((e) => !e.preVote);
    const leaderTerms = new Set(model.leaderChanges.map((change) => change.term));
    const splitVotes = new Set(real.filter((e) => !leaderTerms.has(e.term)).map((e) => e.term)).size;
    const latencies = model.electionLatencies.map((e) => e.latencyUs).sort((p, q) => p - q);
    const measured = model.logEntries.size > 0 || model.leaderLosses.length > 0 || latencies.length > 0;
    let timeWithoutLeaderUs = null;
    if (measured) {
        timeWithoutLeaderUs = 0;
        for (const span of model.leaderless)
            timeWithoutLeaderUs += span.toUs - span.fromUs;
        // Traces with election-latency records but no leader-lost records (none are written that way today).
        if (model.leaderless.length === 0)
            for (const latency of latencies)
                timeWithoutLeaderUs += latency;
    }
    let peakLogEntries = null;
    for (const series of model.logEntries.values())
        for (const value of series.value)
            peakLogEntries = Math.max(peakLogEntries ?? 0, value);
    const dropped = model.counts.drops;
    const ok = [];
    let timeouts = 0;
    model.clientOps.outcome.forEach((outcome, k) => {
        if (outcome === 'ok')
            ok.push(model.clientOps.latencyUs[k]);
        else if (outcome === 'timeout')
            timeouts++;
    });
    ok.sort((p, q) => p - q);
    const q = (sorted, p) => (sorted.length === 0 ? null : nearestRank(sorted, p));
    return {
        verdict: model.end?.verdict ?? 'unknown',
        simulatedUs: model.endUs,
        elections: real.length,
        preVoteRounds: model.elections.length - real.length,
        splitVotes,
        leaderChanges: model.leaderChanges.length,
        electionLatencySamples: latencies.length,
        electionLatencyP50Us: q(latencies, 50),
        electionLatencyP99Us: q(latencies, 99),
        timeWithoutLeaderUs,
        peakLogEntries,
        snapshots: model.counts.snapshots,
        snapshotsInstalled: model.counts.snapshotInstalls,
        stalls: model.counts.stalls,
        messages: model.counts.sends,
        dropped,
        clientOk: ok.length,
        clientTimeouts: timeouts,
        clientLatencyP50Us: q(ok, 50),
        clientLatencyP99Us: q(ok, 99),
    };
}
/** B relative to A: "+4%" near A, "×3.2" far from it, "+21" from zero, "same"; '' when either is unknown. */
export function compareText(a, b, format) {
    if (a === null || b === null)
        return '';
    if (a === b)
        return 'same';
    if (format !== undefined) {
        // The difference in the figure's own unit, then the relative change: "+12.4 ms (+8%)".
        const relative = compareText(a, b);
        const difference = `${b > a ? '+' : '−'}${format(Math.abs(b - a))}`;
        return /^[+−]\d+$/.test(relative) ? difference : `${difference} (${relative})`;
    }
    if (a > 0 && b > 0) {
        const ratio = b / a;
        if (ratio >= 0.5 && ratio <= 2) {
            const percent = (ratio - 1) * 100;
            const digits = Math.abs(percent) < 1 ? 1 : 0;
            return `${percent > 0 ? '+' : '−'}${formatNumber(Math.abs(percent), digits)}%`;
        }
        return `×${formatNumber(ratio, ratio >= 10 ? 0 : ratio >= 1 ? 1 : 2)}`;
    }
    return b > a ? `+${formatNumber(b - a, 0)}` : `−${formatNumber(a - b, 0)}`;
}
//# sourceMappingURL=headline-metrics.js.map