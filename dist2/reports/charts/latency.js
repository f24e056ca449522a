import { nearestRank } from '../aggregate.js';
import { formatCount, formatDurationUs, formatTimeUs, px } from '../format.js';
import { addTitle } from '../svg.js';
import { bucketCount, chartHeight, frame, hoverColumns, noData, timeBuckets, timeDecorations, yAxis } from './frame.js';
/** Distinct 2 px cells drawn as latency dots (one path, so the cost is bytes, not elements). */
const MAX_LATENCY_DOTS = 20_000;
/** Powers of ten (and 2×, 5× when the range is short) inside [lo, hi], for a log axis. */
function logTicks(lo, hi) {
    const ticks = [];
    const decades = Math.log10(hi / lo);
    const multiples = decades <= 2 ? [1, 2, 5] : [1];
    for (let power = Math.floor(Math.log10(lo)); power <= Math.ceil(Math.log10(hi)); power++) {
        for (const m of multiples) {
            const value = m * 10 ** power;
            if (value >= lo && value <= hi)
                ticks.push(value);
        }
    }
    return ticks;
}
/** Smallest and largest client operation latency (µs, at least 1), or null without operations. */
export function latencyRange(ctx) {
    const ops = ctx.model.clientOps;
    if (ops.tUs.length === 0)
        return null;
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (let k = 0; k < ops.tUs.length; k++) {
        const latency = Math.max(1, ops.latencyUs[k]);
        lo = Math.min(lo, latency);
        hi = Math.max(hi, latency);
    }
    return [lo, hi];
}
function latencyBuckets(ctx) {
    const ops = ctx.model.clientOps;
    const buckets = timeBuckets(ctx, bucketCount(ctx, 8, 160));
    const ok = Array.from({ length: buckets.count }, () => []);
    const timeouts = new Array(buckets.count).fill(0);
    const timeoutMax = new Array(buckets.count).fill(0);
    const fails = new Array(buckets.count).fill(0);
    const failMax = new Array(buckets.count).fill(0);
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    let okTotal = 0;
    for (let k = 0; k < ops.tUs.length; k++) {
        const b = buckets.index(ops.tUs[k]);
        if (b < 0)
            continue;
        const latency = Math.max(1, ops.latencyUs[k]);
        lo = Math.min(lo, latency);
        hi = Math.max(hi, latency);
        const outcome = ops.outcome[k];
        if (outcome === 'ok') {
            ok[b].push(latency);
            okTotal++;
        }
        else if (outcome === 'timeout') {
            timeouts[b]++;
            timeoutMax[b] = Math.max(timeoutMax[b], latency);
        }
        else {
            fails[b]++;
            failMax[b] = Math.max(failMax[b], latency);
        }
    }
    return { buckets, ok, timeouts, timeoutMax, fails, failMax, lo, hi, okTotal };
}
/** Sorts each bucket's latencies and returns their p50 and p99 (NaN for an empty bucket). */
function bucketQuantiles(ok) {
    const p50 = [];
    const p99 = [];
    for (const list of ok) {
        list.sort((a, b) => a - b);
        p50.push(nearestRank(list, 50));
        p99.push(nearestRank(list, 99));
    }
    return { p50, p99 };
}
/** Client latency: p50 and p99 of completed operations per bucket (log scale), timeouts and failures as ×. */
export function drawLatencyChart(ctx, parent, topPx, options = {}) {
    const ops = ctx.model.clientOps;
    if (ops.tUs.length === 0)
        return noData(ctx, parent, topPx, 'Client latency', options);
    const data = latencyBuckets(ctx);
    const { buckets, ok, timeouts, fails } = data;
    const timeoutTotal = timeouts.reduce((a, b) => a + b, 0);
    const failTotal = fails.reduce((a, b) => a + b, 0);
    const f = frame(ctx, parent, topPx, 'Client latency', `dots: ${formatCount(data.okTotal)} completed operations; lines: p50 (blue) and p99 (orange) per ${formatDurationUs(buckets.widthUs)}; red × timeouts (${formatCount(timeoutTotal)}), grey × failures (${formatCount(failTotal)}); log scale`, [], options);
    let [lo, hi] = [data.lo, data.hi];
    if (options.shared?.latency)
        [lo, hi] = options.shared.latency;
    const yLo = 10 ** Math.floor(Math.log10(lo));
    const yHi = 10 ** Math.ceil(Math.log10(Math.max(hi, yLo * 10)));
    const y = ctx.d3.scaleLog().domain([yLo, yHi]).range([f.bottomPx, f.topPx + 4]);
    yAxis(ctx, f, y, logTicks(yLo, yHi), (value) => formatDurationUs(value));
    timeDecorations(ctx, f, options);
    const { p50, p99 } = bucketQuantiles(ok);
    drawLatencyDots(ctx, f, y);
    addTitle(f.g.append('path').attr('d', quantileSegments(ctx, buckets, y, p99)).attr('class', 'q99'), 'p99 latency of completed operations per bucket');
    addTitle(f.g.append('path').attr('d', quantileSegments(ctx, buckets, y, p50)).attr('class', 'q50'), 'p50 latency of completed operations per bucket');
    drawCrosses(ctx, f, buckets, y, fails, data.failMax, 'x-fail', 'failed operations');
    drawCrosses(ctx, f, buckets, y, timeouts, data.timeoutMax, 'x-timeout', 'timed-out operations');
    hoverColumns(ctx, f, buckets, (b) => {
        const list = ok[b];
        if (list.length === 0 && timeouts[b] === 0 && fails[b] === 0)
            return null;
        const quantiles = list.length > 0 ? `, p50 ${formatDurationUs(p50[b])}, p99 ${formatDurationUs(p99[b])}, max ${formatDurationUs(list[list.length - 1])}` : '';
        return `${formatCount(list.length)} ok${quantiles}; ${formatCount(timeouts[b])} timeouts, ${formatCount(fails[b])} failures`;
    });
    return chartHeight(options);
}
/** One horizontal segment per bucket at its quantile (none for an empty bucket). */
function quantileSegments(ctx, buckets, y, quantiles) {
    const parts = [];
    for (let b = 0; b < buckets.count; b++) {
        const q = quantiles[b];
        if (Number.isNaN(q))
            continue;
        parts.push(`M${px(ctx.x(buckets.startUs(b)))},${px(y(q))}H${px(ctx.x(buckets.endUs(b)))}`);
    }
    return parts.join('');
}
/** Every completed operation as a faint dot, merged on a 2 px grid: one path element however many ops. */
function drawLatencyDots(ctx, f, y) {
    const ops = ctx.model.clientOps;
    const seen = new Set();
    const dots = [];
    for (let k = 0; k < ops.tUs.length && dots.length < MAX_LATENCY_DOTS; k++) {
        if (ops.outcome[k] !== 'ok')
            continue;
        const dx = Math.round(ctx.x(ops.tUs[k]) / 2);
        const dy = Math.round(y(Math.max(1, ops.latencyUs[k])) / 2);
        const key = dx * 4096 + dy;
        if (seen.has(key))
            continue;
        seen.add(key);
        dots.push(`M${dx * 2},${dy * 2}h0`);
    }
    f.g.append('path').attr('d', dots.join('')).attr('class', 'dots');
}
/** A × per bucket with timeouts (or failures), at the longest one. */
function drawCrosses(ctx, f, buckets, y, count, max, className, what) {
    for (let b = 0; b < buckets.count; b++) {
        if (count[b] === 0)
            continue;
        const cx = ctx.x((buckets.startUs(b) + buckets.endUs(b)) / 2);
        const cy = y(max[b]);
        const mark = f.g.append('path').attr('d', `M${px(cx - 3)},${px(cy - 3)}l6,6M${px(cx - 3)},${px(cy + 3)}l6,-6`).attr('class', className);
        addTitle(mark, `${formatCount(count[b])} ${what} in ${formatTimeUs(buckets.startUs(b))} – ${formatTimeUs(buckets.endUs(b))}, longest after ${formatDurationUs(max[b])}`);
    }
}
//# sourceMappingURL=latency.js.map