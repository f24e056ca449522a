import { nearestRank } from '../aggregate.js';
import { boldTextWidthPx, formatDurationUs, textWidthPx } from '../format.js';
import { addTitle, appendLine, appendRect, appendText, translate } from '../svg.js';
import { RUN_COLORS, RUN_FILLS } from '../theme.js';
/**
 * Election latency of both runs on one latency axis: per bin, A's bar left and B's right, with each run's
 * p50 and p99 (nearest rank) as lines in the run's colour. Returns the height used.
 */
export function drawElectionLatencyComparison(a, b, root, topPx) {
    const ctx = a.ctx;
    const samples = [a, b].map((run) => run.model.electionLatencies.map((e) => e.latencyUs).sort((p, q) => p - q));
    const plotTop = 26;
    const plotHeight = 80;
    const plotBottom = plotTop + plotHeight;
    const g = root.append('g').attr('class', 'chart').attr('transform', translate(0, topPx));
    appendText(g, 16, 16, 'Election latency', 'h2');
    if (samples.every((list) => list.length === 0)) {
        appendText(g, 16 + boldTextWidthPx('Election latency', 13) + 10, 16, 'no election-latency records in either run: no established leader was lost (the first election is not a sample)', 'note');
        return 24;
    }
    const summary = (letter, sorted) => sorted.length === 0 ? `${letter}: no samples` : `${letter}: ${sorted.length} samples, p50 ${formatDurationUs(nearestRank(sorted, 50))}, p99 ${formatDurationUs(nearestRank(sorted, 99))}`;
    appendText(g, 16 + boldTextWidthPx('Election latency', 13) + 10, 16, `leader lost → new leader accepted by a majority (the first election is not a sample) · ${summary('A', samples[0])} · ${summary('B', samples[1])}`, 'note');
    appendRect(g, ctx.plotLeftPx, plotTop, ctx.plotRightPx - ctx.plotLeftPx, plotHeight, 'panel');
    const maxUs = Math.max(samples[0][samples[0].length - 1] ?? 0, samples[1][samples[1].length - 1] ?? 0);
    const x = ctx.d3.scaleLinear().domain([0, Math.max(1, maxUs)]).nice(10).range([ctx.plotLeftPx, ctx.plotRightPx]);
    const [, domainMaxUs] = x.domain();
    const bins = 40;
    const binUs = domainMaxUs / bins;
    const counts = samples.map((list) => {
        const c = new Array(bins).fill(0);
        for (const value of list)
            c[Math.min(bins - 1, Math.floor(value / binUs))]++;
        return c;
    });
    const y = ctx.d3.scaleLinear().domain([0, Math.max(1, ...counts[0], ...counts[1])]).nice(4).range([plotBottom, plotTop + 4]);
    for (const tick of y.ticks(4).filter((t) => Number.isInteger(t))) {
        appendLine(g, ctx.plotLeftPx, y(tick), ctx.plotRightPx, y(tick), 'grid');
        appendText(g, ctx.plotLeftPx - 6, y(tick) + 3.5, String(tick), 'note end');
    }
    drawPairedBars(g, x, y, counts, binUs);
    drawQuantileLines(g, ctx.plotRightPx, x, samples, plotTop, plotBottom);
    appendLine(g, ctx.plotLeftPx, plotBottom, ctx.plotRightPx, plotBottom, 'axis');
    for (const tick of x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)))) {
        appendLine(g, x(tick), plotBottom, x(tick), plotBottom + 4, 'axis');
        appendText(g, x(tick), plotBottom + 14, formatDurationUs(tick), 'note mid');
    }
    return plotBottom + 22;
}
/** Per bin, A's bar in the left half and B's in the right. */
function drawPairedBars(g, x, y, counts, binUs) {
    const bins = counts[0].length;
    ['A', 'B'].forEach((letter, k) => {
        for (let bin = 0; bin < bins; bin++) {
            const count = counts[k][bin];
            if (count === 0)
                continue;
            const x0 = x(bin * binUs);
            const half = Math.max(1, (x(binUs) - x(0) - 1) / 2);
            const bar = appendRect(g, x0 + 0.5 + k * half, y(count), half, y(0) - y(count), '').attr('fill', RUN_FILLS[letter]);
            addTitle(bar, `${letter}: ${count} elections took ${formatDurationUs(bin * binUs)} – ${formatDurationUs((bin + 1) * binUs)}`);
        }
    });
}
/** Each run's p50 (solid) and p99 (dashed) in its colour, labels in one row each. */
function drawQuantileLines(g, plotRightPx, x, samples, plotTop, plotBottom) {
    let row = 0;
    ['A', 'B'].forEach((letter, k) => {
        const sorted = samples[k];
        if (sorted.length === 0)
            return;
        for (const [name, p] of [['p50', 50], ['p99', 99]]) {
            const value = nearestRank(sorted, p);
            const lx = x(value);
            const line = appendLine(g, lx, plotTop, lx, plotBottom, '').attr('stroke', RUN_COLORS[letter]).attr('stroke-width', name === 'p50' ? 2 : 1.5);
            if (name === 'p99')
                line.attr('stroke-dasharray', '5 3');
            addTitle(line, `${letter} ${name}: ${formatDurationUs(value)}`);
            const text = `${letter} ${name} ${formatDurationUs(value)}`;
            const anchorEnd = lx + textWidthPx(text, 9) + 4 > plotRightPx;
            appendText(g, anchorEnd ? lx - 3 : lx + 3, plotTop + 11 + row * 11, text, `tiny halo${anchorEnd ? ' end' : ''}`).attr('style', `fill: ${RUN_COLORS[letter]}`);
            row++;
        }
    });
}
//# sourceMappingURL=election-latency.js.map