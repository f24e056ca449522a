// The sweep reports' input (one result per seed, as the CLI builds it from its sweep), its checks, and the
// units and formats of metric values.
import { formatBytes, formatCount, formatDurationUs, formatNumber } from '../format.js';
export const SWEEP_VERDICTS = ['ok', 'safety', 'liveness', 'expectation'];
export const SWEEP_VERDICT_COLORS = {
    ok: '#8fa9c6',
    safety: '#c62828',
    liveness: '#ef6c00',
    expectation: '#7b1fa2',
};
export const SWEEP_VERDICT_LABELS = {
    ok: 'ok',
    safety: 'safety violation',
    liveness: 'liveness failure',
    expectation: 'expectation failed',
};
export const DEFAULT_WIDTH_PX = 1500;
const MIN_WIDTH_PX = 600;
const MAX_WIDTH_PX = 20_000;
/** Panels beyond this many metrics are listed by name only. */
export const MAX_PANELS = 120;
/** Unit of a metric from its name: "...Us" is µs; min/p50/.../mean of a "...Latency" distribution is µs; "...Bytes" bytes. */
export function unitOf(name) {
    const segments = name.split('.');
    const last = segments[segments.length - 1] ?? '';
    if (/Us$/.test(last))
        return 'us';
    if (/(^b|B)ytes$/.test(last))
        return 'bytes';
    if (['min', 'max', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999'].includes(last) && segments.slice(0, -1).some((segment) => /(Latency|latency|Us)$/.test(segment)))
        return 'us';
    return 'number';
}
/** A metric value for people, in its unit. */
export function formatMetric(value, unit) {
    if (unit === 'us')
        return formatDurationUs(value);
    if (unit === 'bytes')
        return formatBytes(value);
    if (Number.isInteger(value))
        return formatCount(value);
    const abs = Math.abs(value);
    return formatNumber(value, abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}
/** Metric names in order of first appearance (or options.metrics). */
export function metricNames(inputs, options) {
    if (options.metrics !== undefined)
        return [...new Set(options.metrics)];
    const names = new Set();
    for (const input of inputs)
        for (const seed of input.seeds)
            for (const name of Object.keys(seed.metrics))
                names.add(name);
    return [...names];
}
export function checkInput(input, what) {
    if (input === null || typeof input !== 'object' || !Array.isArray(input.seeds))
        throw new TypeError(`${what}: expected { scenario, seeds: [...] }`);
    input.seeds.forEach((seed, k) => {
        if (seed === null || typeof seed !== 'object')
            throw new TypeError(`${what}: seeds[${k}] is not an object`);
        if (typeof seed.seed !== 'number' || !Number.isFinite(seed.seed))
            throw new TypeError(`${what}: seeds[${k}].seed must be a number`);
        if (!SWEEP_VERDICTS.includes(seed.verdict))
            throw new TypeError(`${what}: seeds[${k}].verdict must be one of ${SWEEP_VERDICTS.join(', ')}, got ${JSON.stringify(seed.verdict)}`);
        if (seed.metrics === null || typeof seed.metrics !== 'object')
            throw new TypeError(`${what}: seeds[${k}].metrics must be an object`);
    });
}
export function checkOptions(options, what) {
    const { widthPx, maxFailingRows } = options;
    if (widthPx !== undefined && (!Number.isInteger(widthPx) || widthPx < MIN_WIDTH_PX || widthPx > MAX_WIDTH_PX)) {
        throw new RangeError(`${what}: widthPx must be an integer in ${MIN_WIDTH_PX}..${MAX_WIDTH_PX}, got ${widthPx}`);
    }
    if (maxFailingRows !== undefined && (!Number.isInteger(maxFailingRows) || maxFailingRows < 0 || maxFailingRows > 10_000)) {
        throw new RangeError(`${what}: maxFailingRows must be an integer in 0..10000, got ${maxFailingRows}`);
    }
}
export function verdictCounts(seeds) {
    const counts = { ok: 0, safety: 0, liveness: 0, expectation: 0 };
    for (const seed of seeds)
        counts[seed.verdict]++;
    return counts;
}
//# sourceMappingURL=input.js.map