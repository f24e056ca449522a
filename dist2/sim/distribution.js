// Summaries of measured values (percentiles by nearest rank), shared by the metrics and the sweep statistics.
import { percentile } from '../contract/percentile.js';
export { percentile };
export function distributionOf(values) {
    // A typed array sorts numerically without a comparator call per comparison: up to 200,000 samples per
    // distribution are sorted at the end of every run. Same order for the finite numbers kept here. Copied and
    // read by index: Array.from and for-of over a typed array allocate an iterator result per element.
    const sorted = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++)
        sorted[k] = values[k];
    sorted.sort();
    const rank = (p) => percentile(sorted, p);
    let sum = 0;
    for (let k = 0; k < sorted.length; k++)
        sum += sorted[k];
    return {
        count: sorted.length,
        min: sorted[0] ?? null,
        p50: rank(50),
        p90: rank(90),
        p99: rank(99),
        max: sorted[sorted.length - 1] ?? null,
        mean: sorted.length === 0 ? null : Math.round((sum / sorted.length) * 1000) / 1000,
    };
}
//# sourceMappingURL=distribution.js.map