import { px } from '../format.js';
import { addTitle, appendLine, appendText } from '../svg.js';
import { formatMetric } from './input.js';
const TAIL_SHARE = 0.16;
const MAX_SEEDS_PER_BIN_TITLE = 8;
const TAIL_GAP_PX = 10;
/** The last value within the upper Tukey fence (the box plot's upper whisker). */
function upperWhisker(dist) {
    let k = dist.values.length - 1;
    while (k > 0 && dist.values[k] > dist.highFence)
        k--;
    return dist.values[k];
}
/**
 * Plans a panel's value axis and histogram bins for one or two distributions: one bin per integer for
 * small integer ranges, else round-width bins as wide as the Freedman–Diaconis rule asks (2 IQR / ∛n, the
 * narrowest over the datasets), 8 to 80 of them; broken (see ValueAxis) when outliers dominate the range.
 */
export function planAxis(d3, dists, integers, leftPx, rightPx) {
    const lo = Math.min(...dists.map((dist) => dist.min));
    const hi = Math.max(...dists.map((dist) => dist.max));
    const whisker = Math.max(...dists.map(upperWhisker));
    const broken = whisker > lo && hi - whisker > whisker - lo && rightPx - leftPx > 200;
    const mainHi = broken ? whisker : hi;
    let bins;
    let domain;
    if (integers && mainHi - lo <= 40) {
        domain = [lo - 0.5, mainHi + 0.5];
        bins = { lo: domain[0], width: 1, count: mainHi - lo + 1 };
    }
    else {
        let target = 0;
        for (const dist of dists) {
            const fdWidth = (2 * (dist.p75 - dist.p25)) / Math.cbrt(dist.values.length);
            target = Math.max(target, fdWidth > 0 ? (mainHi - lo) / fdWidth : 2 * Math.sqrt(dist.values.length));
        }
        target = Math.max(8, Math.min(80, Math.round(target)));
        const scale = d3.scaleLinear().domain([lo, mainHi]).nice(target);
        const ticks = scale.ticks(target);
        const step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(1e-9, (mainHi - lo) / target);
        domain = scale.domain();
        const count = Math.max(1, Math.min(120, Math.round((domain[1] - domain[0]) / step)));
        bins = { lo: domain[0], width: (domain[1] - domain[0]) / count, count };
    }
    const tailed = broken && hi > domain[1];
    const splitPx = tailed ? rightPx - (rightPx - leftPx) * TAIL_SHARE : rightPx;
    const main = d3.scaleLinear().domain(domain).range([leftPx, splitPx]);
    const tail = tailed ? { fromValue: domain[1], toValue: hi, fromPx: splitPx + TAIL_GAP_PX, toPx: rightPx } : null;
    const tailScale = tail === null ? null : d3.scaleLinear().domain([tail.fromValue, tail.toValue]).range([tail.fromPx + 4, tail.toPx - 4]);
    const x = (value) => (tailScale !== null && value > domain[1] ? tailScale(value) : main(value));
    return { x, bins, leftPx, rightPx, main, tail, integers };
}
/** Bin of a value; bins.count is the overflow bin (values past the break of a broken axis). */
function binOf(bins, value) {
    if (value > bins.lo + bins.count * bins.width * (1 + 1e-12))
        return bins.count;
    return Math.max(0, Math.min(bins.count - 1, Math.floor((value - bins.lo) / bins.width + 1e-9)));
}
export function countBins(dist, seeds, bins) {
    const slots = bins.count + 1;
    const byVerdict = { ok: new Uint32Array(slots), safety: new Uint32Array(slots), liveness: new Uint32Array(slots), expectation: new Uint32Array(slots) };
    const total = new Uint32Array(slots);
    const examples = Array.from({ length: slots }, () => []);
    for (let k = 0; k < dist.values.length; k++) {
        const bin = binOf(bins, dist.values[k]);
        const seed = seeds[dist.seedIndex[k]];
        byVerdict[seed.verdict][bin]++;
        total[bin]++;
        if (examples[bin].length < MAX_SEEDS_PER_BIN_TITLE)
            examples[bin].push(seed.seed);
    }
    return { byVerdict, total, examples };
}
/** The tallest bar (seed count, or share of the distribution's seeds). */
export function tallestBar(dist, seeds, bins, share) {
    let max = 0;
    for (const count of countBins(dist, seeds, bins).total)
        max = Math.max(max, share ? count / dist.values.length : count);
    return max;
}
/** The value axis: ticks in the metric's unit; a broken axis gets break marks and its tail's end values. */
export function drawValueAxis(g, axis, y, unit) {
    const [left, split] = axis.main.range();
    const [from, to] = axis.main.domain();
    appendLine(g, left, y, split, y, 'axis');
    let ticks = axis.main.ticks(Math.max(2, Math.round((split - left) / 90)));
    if (axis.integers)
        ticks = ticks.filter((tick) => Number.isInteger(tick));
    ticks = ticks.filter((tick) => tick >= from - 1e-9 && tick <= to + 1e-9);
    for (const tick of ticks) {
        appendLine(g, axis.main(tick), y, axis.main(tick), y + 4, 'axis');
        appendText(g, axis.main(tick), y + 14, formatMetric(tick, unit), 'note mid');
    }
    const tail = axis.tail;
    if (tail === null)
        return;
    appendLine(g, tail.fromPx, y, tail.toPx, y, 'axis');
    // Break marks: a slash on each side of the gap.
    const marks = g.append('path').attr('d', [split, tail.fromPx].map((bx) => `M${px(bx - 3)},${px(y + 5)}L${px(bx + 3)},${px(y - 5)}`).join('')).attr('class', 'axis');
    addTitle(marks, `axis broken after ${formatMetric(tail.fromValue, unit)}: the outliers beyond are drawn compressed, up to ${formatMetric(tail.toValue, unit)}`);
    const last = axis.x(tail.toValue);
    appendLine(g, last, y, last, y + 4, 'axis');
    appendText(g, last, y + 14, formatMetric(tail.toValue, unit), 'note end');
}
//# sourceMappingURL=axis.js.map