import { formatCount, formatPercent, px, textWidthPx } from '../format.js';
import { addTitle, appendLine, appendRect, appendText } from '../svg.js';
import { countBins } from './axis.js';
import { SWEEP_VERDICT_COLORS, SWEEP_VERDICT_LABELS, SWEEP_VERDICTS, formatMetric } from './input.js';
/** Seeds drawn one dot each when a metric has at most this many values; beyond, only outliers and failures. */
export const MAX_DOTS = 2_000;
const MAX_OUTLIER_DOTS = 300;
const MAX_FAILING_DOTS = 300;
/** Deterministic jitter in [0, 1) from a seed number (dots of one value spread over the strip). */
function jitter(seed) {
    let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) / 2 ** 32;
}
/**
 * One sweep's distribution of one metric: stacked histogram (seed counts or shares by verdict), p50/p90/p99
 * lines, a box plot strip with one dot per seed (or only outliers and failures for large sweeps), and up to
 * maxLabels outliers labelled with their seed.
 */
export function drawDistribution(d3, g, dist, seeds, yMax, share, geometry, style) {
    const panel = { g, dist, seeds, geometry, style };
    const counts = countBins(dist, seeds, geometry.axis.bins);
    const y = d3.scaleLinear().domain([0, yMax]).nice(3).range([geometry.histBottomPx, geometry.histTopPx + 2]);
    drawHistogramFrame(panel, y, share);
    for (let bin = 0; bin <= geometry.axis.bins.count; bin++)
        drawBar(panel, counts, bin, y, share);
    drawQuantileLines(panel);
    drawBoxPlot(panel);
    const isOutlier = new Uint8Array(dist.values.length);
    for (const position of dist.outliers)
        isOutlier[position] = 1;
    drawSeedDots(panel, isOutlier);
    drawOutlierLabels(panel);
}
/** The histogram's background, its y grid with labels, and the tail's background on a broken axis. */
function drawHistogramFrame({ g, geometry }, y, share) {
    const { histTopPx, histBottomPx, axis } = geometry;
    const splitPx = axis.main.range()[1];
    appendRect(g, axis.leftPx, histTopPx, splitPx - axis.leftPx, histBottomPx - histTopPx, 'panel');
    const ticks = y.ticks(3).filter((tick) => share || Number.isInteger(tick));
    for (const tick of ticks) {
        appendLine(g, axis.leftPx, y(tick), splitPx, y(tick), 'grid');
        appendText(g, axis.leftPx - 5, y(tick) + 3.5, share ? formatPercent(tick) : formatCount(tick), 'note end');
    }
    if (axis.tail !== null) {
        appendRect(g, axis.tail.fromPx, histTopPx, axis.tail.toPx - axis.tail.fromPx, histBottomPx - histTopPx, 'panel');
    }
}
/** One bin's bar: ok at the bottom, failures stacked on top in their verdict colours; the overflow bin fills the tail. */
function drawBar({ g, dist, geometry, style }, counts, bin, y, share) {
    const { axis } = geometry;
    const { x, bins } = axis;
    const n = dist.values.length;
    const total = counts.total[bin];
    if (total === 0)
        return;
    const overflow = bin === bins.count;
    if (overflow && axis.tail === null)
        return;
    const x0 = overflow ? axis.tail.fromPx : x(bins.lo + bin * bins.width);
    const x1 = overflow ? axis.tail.toPx : x(bins.lo + (bin + 1) * bins.width);
    const width = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
    const scaleValue = (count) => (share ? count / n : count);
    let stacked = 0;
    const group = g.append('g');
    for (const verdict of ['ok', 'expectation', 'liveness', 'safety']) {
        const count = counts.byVerdict[verdict][bin];
        if (count === 0)
            continue;
        const top = y(scaleValue(stacked + count));
        const bottom = y(scaleValue(stacked));
        appendRect(group, x0 + 0.5, top, width, Math.max(0.8, bottom - top), '').attr('fill', verdict === 'ok' ? style.okFill : SWEEP_VERDICT_COLORS[verdict]);
        stacked += count;
    }
    const parts = SWEEP_VERDICTS.filter((verdict) => verdict !== 'ok' && counts.byVerdict[verdict][bin] > 0).map((verdict) => `${counts.byVerdict[verdict][bin]} ${SWEEP_VERDICT_LABELS[verdict]}`);
    const examples = counts.examples[bin];
    const range = overflow
        ? `above ${formatMetric(bins.lo + bins.count * bins.width, dist.unit)} (the axis is broken: these outliers are drawn compressed)`
        : `${formatMetric(bins.lo + bin * bins.width, dist.unit)} – ${formatMetric(bins.lo + (bin + 1) * bins.width, dist.unit)}`;
    addTitle(group, `${style.prefix}${dist.name} ${range}: ${formatCount(total)} seeds (${formatPercent(total / n)})${parts.length > 0 ? `, ${parts.join(', ')}` : ''}; seeds ${examples.join(', ')}${total > examples.length ? ', …' : ''}`);
}
/** p50, p90 and p99 lines with labels stacked in rows at the top of the histogram. */
function drawQuantileLines({ g, dist, geometry, style }) {
    const { x, rightPx } = geometry.axis;
    const quantiles = [
        ['p50', dist.p50, 'q50', ''],
        ['p90', dist.p90, 'q90', '5 3'],
        ['p99', dist.p99, 'q99', '2 2'],
    ];
    quantiles.forEach(([name, value, className, dash], row) => {
        const lx = x(value);
        const line = appendLine(g, lx, geometry.histTopPx, lx, geometry.stripTopPx + geometry.stripHeightPx, style.lineColor === null ? className : '');
        if (style.lineColor !== null) {
            line.attr('stroke', style.lineColor).attr('stroke-width', name === 'p50' ? 2 : 1.3);
            if (dash !== '')
                line.attr('stroke-dasharray', dash);
        }
        addTitle(line, `${style.prefix}${name} of ${dist.name} across ${formatCount(dist.values.length)} seeds: ${formatMetric(value, dist.unit)} (nearest rank)`);
        const text = `${style.prefix}${name} ${formatMetric(value, dist.unit)}`;
        const anchorEnd = lx + textWidthPx(text, 9) + 4 > rightPx;
        const label = appendText(g, anchorEnd ? lx - 3 : lx + 3, geometry.histTopPx + 10 + row * 10, text, `tiny halo${anchorEnd ? ' end' : ''}`);
        if (style.lineColor !== null)
            label.attr('style', `fill: ${style.lineColor}`);
    });
}
/** The box plot strip: quartile box, median, whiskers to the last values within 1.5 IQR. */
function drawBoxPlot({ g, dist, geometry, style }) {
    const x = geometry.axis.x;
    const stripTop = geometry.stripTopPx;
    const stripHeight = geometry.stripHeightPx;
    const mid = stripTop + stripHeight / 2;
    let whiskerLo = dist.max;
    let whiskerHi = dist.min;
    for (let k = 0; k < dist.values.length; k++) {
        const value = dist.values[k];
        if (value >= dist.lowFence && value <= dist.highFence) {
            whiskerLo = Math.min(whiskerLo, value);
            whiskerHi = Math.max(whiskerHi, value);
        }
    }
    const box = g.append('g');
    appendLine(box, x(whiskerLo), mid, x(whiskerHi), mid, 'whisker');
    appendLine(box, x(whiskerLo), mid - 4, x(whiskerLo), mid + 4, 'whisker');
    appendLine(box, x(whiskerHi), mid - 4, x(whiskerHi), mid + 4, 'whisker');
    appendRect(box, x(dist.p25), stripTop + 2, Math.max(1, x(dist.p75) - x(dist.p25)), stripHeight - 4, 'box');
    appendLine(box, x(dist.p50), stripTop + 1, x(dist.p50), stripTop + stripHeight - 1, 'median');
    const f = (value) => formatMetric(value, dist.unit);
    addTitle(box, `${style.prefix}${dist.name}: min ${f(dist.min)}, p25 ${f(dist.p25)}, median ${f(dist.p50)}, p75 ${f(dist.p75)}, max ${f(dist.max)}; whiskers to the last values within 1.5 IQR; ${formatCount(dist.outliers.length)} outliers beyond`);
}
/** A seed's dot height in the strip. */
function dotY(geometry, seed) {
    return geometry.stripTopPx + 3 + jitter(seed) * (geometry.stripHeightPx - 6);
}
function seedTitle({ dist, seeds, style }, k) {
    const seed = seeds[dist.seedIndex[k]];
    const failure = seed.verdict === 'ok' ? 'ok' : `${SWEEP_VERDICT_LABELS[seed.verdict]}${seed.invariant !== null ? ` (${seed.invariant})` : ''}`;
    return `${style.prefix}seed ${seed.seed}: ${dist.name} = ${formatMetric(dist.values[k], dist.unit)} · ${failure} · replay: ${seed.replay}`;
}
function drawSeedCircle(panel, k, radius) {
    const { g, dist, seeds, geometry } = panel;
    const seed = seeds[dist.seedIndex[k]];
    const dot = g
        .append('circle')
        .attr('cx', px(geometry.axis.x(dist.values[k])))
        .attr('cy', px(dotY(geometry, seed.seed)))
        .attr('r', radius)
        .attr('class', 'outlier')
        .attr('fill', seed.verdict === 'ok' ? '#1f3f66' : SWEEP_VERDICT_COLORS[seed.verdict]);
    addTitle(dot, seedTitle(panel, k));
}
/** Seeds as dots: every passing seed in one path for small sweeps, then failing seeds and outliers as circles (bounded). */
function drawSeedDots(panel, isOutlier) {
    const { g, dist, seeds, geometry } = panel;
    const n = dist.values.length;
    if (n <= MAX_DOTS) {
        const seen = new Set();
        const parts = [];
        for (let k = 0; k < n; k++) {
            const seed = seeds[dist.seedIndex[k]];
            if (isOutlier[k] === 1 || seed.verdict !== 'ok')
                continue;
            const dx = Math.round(geometry.axis.x(dist.values[k]));
            const dy = Math.round(dotY(geometry, seed.seed));
            const key = dx * 4096 + dy;
            if (seen.has(key))
                continue;
            seen.add(key);
            parts.push(`M${dx},${dy}h0`);
        }
        if (parts.length > 0)
            g.append('path').attr('d', parts.join('')).attr('class', 'seed-dots');
    }
    // Failing seeds that are not outliers: their verdict colour, bounded.
    let failingDots = 0;
    for (let k = 0; k < n && failingDots < MAX_FAILING_DOTS; k++) {
        if (isOutlier[k] === 1 || seeds[dist.seedIndex[k]].verdict === 'ok')
            continue;
        drawSeedCircle(panel, k, 2.5);
        failingDots++;
    }
    for (const position of dist.outliers.slice(0, MAX_OUTLIER_DOTS))
        drawSeedCircle(panel, position, 3);
}
/** Labels for the most extreme outliers, placed greedily in rows under the strip without overlapping. */
function drawOutlierLabels(panel) {
    const { g, dist, seeds, geometry, style } = panel;
    const { x, leftPx, rightPx } = geometry.axis;
    const stripBottom = geometry.stripTopPx + geometry.stripHeightPx;
    const rows = Array.from({ length: style.labelRows }, () => []);
    let labelled = 0;
    for (const position of dist.outliers) {
        if (labelled >= style.maxLabels)
            break;
        const seed = seeds[dist.seedIndex[position]];
        const text = `seed ${seed.seed}`;
        const width = textWidthPx(text, 9);
        const cx = x(dist.values[position]);
        const from = Math.max(leftPx, Math.min(rightPx - width, cx - width / 2));
        const row = rows.findIndex((taken) => taken.every((span) => from + width + 4 < span.from || from > span.to + 4));
        if (row < 0)
            continue;
        rows[row].push({ from, to: from + width });
        const labelY = geometry.labelTopPx + row * 10;
        appendLine(g, cx, stripBottom, cx, labelY - 8, 'leader-line');
        const label = appendText(g, from, labelY, text, 'tiny');
        if (seed.verdict !== 'ok')
            label.attr('style', `fill: ${SWEEP_VERDICT_COLORS[seed.verdict]}; font-weight: bold`);
        addTitle(label, seedTitle(panel, position));
        labelled++;
    }
}
//# sourceMappingURL=distribution-panel.js.map