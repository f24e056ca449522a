import { Buckets } from '../aggregate.js';
import { formatTimeUs, textWidthPx } from '../format.js';
import { addTitle, appendLine, appendRect, appendText, drawRunTag, drawTimeAxis, translate } from '../svg.js';
import { drawRunMarkers, windowIsWholeRun } from '../timeline/run-markers.js';
const PLOT_HEIGHT_PX = 92;
/** Title row above the plot, time axis below it, gap to the next chart. */
const TITLE_PX = 26;
const AXIS_PX = 22;
const GAP_PX = 10;
export const CHART_HEIGHT_PX = TITLE_PX + PLOT_HEIGHT_PX + AXIS_PX + GAP_PX;
/** Below a plot without time axis labels (the upper chart of a comparison pair). */
const BARE_AXIS_PX = 6;
/** Height a chart takes with these options (it is the same whether or not the chart has data). */
export function chartHeight(options = {}) {
    return TITLE_PX + (options.plotHeightPx ?? PLOT_HEIGHT_PX) + ((options.timeAxisLabels ?? true) ? AXIS_PX : BARE_AXIS_PX) + GAP_PX;
}
/** Title row, plot background and node legend of a chart at `topPx`. */
export function frame(ctx, parent, topPx, title, note, legendNodes, options = {}) {
    const g = parent.append('g').attr('class', 'chart').attr('transform', translate(0, topPx));
    let titleX = 16;
    if (options.tag !== undefined)
        titleX += drawRunTag(g, 16, 16, options.tag) + 8;
    appendText(g, titleX, 16, title, 'h2');
    const noteX = titleX + textWidthPx(title, 13) * 1.12 + 10; // bold 13 px runs wider than the 0.6 em estimate
    if (note !== '')
        appendText(g, noteX, 16, note, 'note');
    // Node legend at the right end of the title row.
    let x = ctx.plotRightPx;
    for (const node of [...legendNodes].reverse()) {
        x -= textWidthPx(node, 10) + 6;
        appendText(g, x, 16, node, 'note');
        x -= 18;
        appendLine(g, x, 12.5, x + 14, 12.5, 'swatch-line').attr('stroke', ctx.nodeColor(node));
        x -= 6;
    }
    const top = TITLE_PX;
    const bottom = TITLE_PX + (options.plotHeightPx ?? PLOT_HEIGHT_PX);
    appendRect(g, ctx.plotLeftPx, top, ctx.plotRightPx - ctx.plotLeftPx, bottom - top, 'panel');
    return { g, topPx: top, bottomPx: bottom };
}
/** A chart frame with only a note: this run has none of the chart's records (comparison reports). */
function emptyChart(ctx, parent, topPx, title, options) {
    const f = frame(ctx, parent, topPx, title, '', [], options);
    appendText(f.g, (ctx.plotLeftPx + ctx.plotRightPx) / 2, (f.topPx + f.bottomPx) / 2 + 4, options.emptyNote ?? '', 'note mid');
    timeDecorations(ctx, f, options);
    return chartHeight(options);
}
/** Nothing to draw: skipped (0 px), or an empty frame when the options ask for one. */
export function noData(ctx, parent, topPx, title, options) {
    return options.emptyNote === undefined ? 0 : emptyChart(ctx, parent, topPx, title, options);
}
/** Horizontal grid lines and labels for y ticks. */
export function yAxis(ctx, f, y, ticks, label) {
    for (const tick of ticks) {
        const ty = y(tick);
        appendLine(f.g, ctx.plotLeftPx, ty, ctx.plotRightPx, ty, 'grid');
        appendText(f.g, ctx.plotLeftPx - 6, ty + 3.5, label(tick), 'note end');
    }
}
/** Time axis, detail-window band and run markers shared by every time chart. */
export function timeDecorations(ctx, f, options = {}) {
    const w = ctx.window;
    if (!windowIsWholeRun(ctx))
        appendRect(f.g, ctx.x(w.fromUs), f.topPx, Math.max(1, ctx.x(w.toUs) - ctx.x(w.fromUs)), f.bottomPx - f.topPx, 'window-fill');
    drawRunMarkers(ctx, f.g, ctx.x, 0, ctx.model.endUs, f.topPx, f.bottomPx, null);
    // A shared axis reaching past this run's end: a thin line where the run ended.
    const [, domainEndUs] = ctx.x.domain();
    if (domainEndUs > Math.max(1, ctx.model.endUs)) {
        const ex = ctx.x(ctx.model.endUs);
        addTitle(appendLine(f.g, ex, f.topPx, ex, f.bottomPx, 'axis'), `this run ended at ${formatTimeUs(ctx.model.endUs)}`);
    }
    drawTimeAxis(f.g, ctx.x, f.bottomPx, { labels: (options.timeAxisLabels ?? true) ? 'below' : 'none' });
}
/** Buckets over the whole time axis (in a comparison, both runs get the same buckets). */
export function timeBuckets(ctx, count) {
    const [, domainEndUs] = ctx.x.domain();
    return new Buckets(0, Math.max(1, domainEndUs), count);
}
/** Invisible full-height columns that carry a hover title per time bucket. */
export function hoverColumns(ctx, f, buckets, text) {
    const g = f.g.append('g').attr('fill', '#000').attr('fill-opacity', 0);
    for (let b = 0; b < buckets.count; b++) {
        const content = text(b);
        if (content === null)
            continue;
        const x0 = ctx.x(buckets.startUs(b));
        const x1 = ctx.x(buckets.endUs(b));
        addTitle(appendRect(g, x0, f.topPx, x1 - x0, f.bottomPx - f.topPx, ''), `${formatTimeUs(buckets.startUs(b))} – ${formatTimeUs(buckets.endUs(b))}: ${content}`);
    }
}
export function bucketCount(ctx, pxPerBucket, max) {
    return Math.max(10, Math.min(max, Math.floor((ctx.plotRightPx - ctx.plotLeftPx) / pxPerBucket)));
}
//# sourceMappingURL=frame.js.map