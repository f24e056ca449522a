// Summary statistics for sweeps: the same definitions as a run's metrics (nearest-rank percentiles), so a
// sweep's distributions and a run's agree on what p99 means.
export { distributionOf, percentile } from '../sim/metrics.js';
//# sourceMappingURL=stats.js.map