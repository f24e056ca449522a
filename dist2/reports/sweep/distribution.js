// One metric across the seeds of a sweep: its values in order, nearest-rank percentiles, Tukey fences and outliers.
import { nearestRank } from '../aggregate.js';
import { formatCount } from '../format.js';
import { formatMetric, unitOf } from './input.js';
/** The distribution of `name` over `seeds` (nearest-rank percentiles, as in docs/metrics.md); null without values. */
export function metricDistribution(seeds, name, unit = unitOf(name)) {
    const raw = [];
    const index = [];
    seeds.forEach((seed, k) => {
        const value = seed.metrics[name];
        if (typeof value === 'number' && Number.isFinite(value)) {
            raw.push(value);
            index.push(k);
        }
    });
    if (raw.length === 0)
        return null;
    const order = raw.map((_, k) => k).sort((p, q) => raw[p] - raw[q] || p - q);
    const values = Float64Array.from(order, (k) => raw[k]);
    const seedIndex = Int32Array.from(order, (k) => index[k]);
    let sum = 0;
    for (const value of values)
        sum += value;
    const q = (p) => nearestRank(values, p);
    const p25 = q(25);
    const p75 = q(75);
    const iqr = p75 - p25;
    const lowFence = p25 - 1.5 * iqr;
    const highFence = p75 + 1.5 * iqr;
    const p50 = q(50);
    const outliers = [];
    for (let k = 0; k < values.length; k++)
        if (values[k] < lowFence || values[k] > highFence)
            outliers.push(k);
    outliers.sort((p, r) => Math.abs(values[r] - p50) - Math.abs(values[p] - p50) || p - r);
    return {
        name,
        unit,
        values,
        seedIndex,
        missing: seeds.length - values.length,
        min: values[0],
        p25,
        p50,
        p75,
        p90: q(90),
        p99: q(99),
        max: values[values.length - 1],
        mean: sum / values.length,
        lowFence,
        highFence,
        outliers,
    };
}
export function distributionNote(dist, total) {
    const count = dist.missing > 0 ? `${formatCount(dist.values.length)} of ${formatCount(total)} seeds have a value` : `${formatCount(total)} seeds`;
    const outliers = dist.outliers.length === 1 ? '1 outlier' : `${formatCount(dist.outliers.length)} outliers`;
    return `${count} · min ${formatMetric(dist.min, dist.unit)} · mean ${formatMetric(dist.mean, dist.unit)} · max ${formatMetric(dist.max, dist.unit)} · ${outliers}`;
}
export function isIntegerValued(dists) {
    return dists.every((dist) => dist === null || dist.values.every((value) => Number.isInteger(value)));
}
//# sourceMappingURL=distribution.js.map