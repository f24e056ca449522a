// The one definition of a percentile in raftsim: nearest rank, the value at rank ceil(p/100 × n) of the sorted
// values (docs/metrics.md). The simulator's metrics (sim/distribution.ts), the command-line summary and the
// reports (reports/aggregate.ts) all use this function, so a p50 reads the same everywhere.
/** Nearest-rank percentile of ascending `sorted` (p in [0, 100]); null when there are none. */
export function percentile(sorted, p) {
    if (sorted.length === 0)
        return null;
    return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}
//# sourceMappingURL=percentile.js.map