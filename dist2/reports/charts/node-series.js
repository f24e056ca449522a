import { downsampleSteps } from '../aggregate.js';
import { formatCount, formatNumber, formatTimeUs } from '../format.js';
import { addTitle } from '../svg.js';
import { chartHeight, frame, noData, timeDecorations, yAxis } from './frame.js';
/** Series are reduced to at most this many points each before drawing. */
const MAX_POINTS_PER_SERIES = 1000;
/** Per-node series reduced for drawing, and their maximum. */
export function reduceNodeSeries(ctx, seriesByNode) {
    const nodes = ctx.model.nodes.filter((node) => (seriesByNode.get(node)?.tUs.length ?? 0) > 0);
    const endUs = ctx.model.endUs;
    const reduced = new Map();
    let max = 0;
    for (const node of nodes) {
        const points = downsampleSteps(seriesByNode.get(node), 0, endUs, MAX_POINTS_PER_SERIES);
        reduced.set(node, points);
        for (const [, value] of points)
            if (value > max)
                max = value;
    }
    return { nodes, reduced, max };
}
/** One step line per node from per-node series (commit index, lag, log size...). Returns height or 0. */
function nodeSeriesChart(ctx, parent, topPx, seriesByNode, title, note, unit, step, extent, options) {
    const { nodes, reduced, max: ownMax } = reduceNodeSeries(ctx, seriesByNode);
    if (nodes.length === 0)
        return noData(ctx, parent, topPx, title, options);
    const max = options.shared?.[extent] ?? ownMax;
    const f = frame(ctx, parent, topPx, title, note, nodes, options);
    const y = ctx.d3.scaleLinear().domain([0, Math.max(1, max)]).nice(4).range([f.bottomPx, f.topPx + 4]);
    yAxis(ctx, f, y, y.ticks(4), (value) => formatNumber(value, 1));
    timeDecorations(ctx, f, options);
    const line = ctx.d3.line().digits(1);
    if (step)
        line.curve(ctx.d3.curveStepAfter);
    for (const node of nodes) {
        const points = reduced.get(node);
        const pixels = points.map(([tUs, value]) => [ctx.x(tUs), y(value)]);
        const series = seriesByNode.get(node);
        let peak = 0;
        let peakUs = 0;
        for (let k = 0; k < series.value.length; k++) {
            if (series.value[k] > peak) {
                peak = series.value[k];
                peakUs = series.tUs[k];
            }
        }
        const last = series.value.length - 1;
        const path = f.g.append('path').attr('d', line(pixels) ?? '').attr('class', 'series').attr('stroke', ctx.nodeColor(node));
        addTitle(path, `${node}: ${formatCount(series.value.length)} samples; last ${formatNumber(series.value[last], 1)} ${unit} at ${formatTimeUs(series.tUs[last])}; max ${formatNumber(peak, 1)} ${unit} at ${formatTimeUs(peakUs)}`);
    }
    return chartHeight(options);
}
export function drawCommitChart(ctx, parent, topPx, options = {}) {
    return nodeSeriesChart(ctx, parent, topPx, ctx.model.commit, 'Commit index', 'per node, from commit records (restart: durable commit)', 'index', true, 'commit', options);
}
export function drawApplyLagChart(ctx, parent, topPx, options = {}) {
    return nodeSeriesChart(ctx, parent, topPx, ctx.model.applyLag, 'Apply lag', 'commit index − last applied index, entries (max per pixel)', 'entries', true, 'applyLag', options);
}
/**
 * A run without any snapshot (taken or installed): every snapshot index is 0, so the snapshot lag is the
 * applied index — the retained-log chart over again. The run report then draws only the retained log, with a note.
 */
export function noSnapshots(model) {
    return model.counts.snapshots === 0 && model.counts.snapshotInstalls === 0 && model.logEntries.size > 0;
}
export const NO_SNAPSHOTS_NOTE = 'no snapshot was taken or installed, so the snapshot lag (applied − snapshot index 0) is this chart again and is not drawn';
export function drawLogSizeChart(ctx, parent, topPx, options = {}) {
    const note = `entries kept in each node’s log (from log samples)${options.tag === undefined && noSnapshots(ctx.model) ? ` · ${NO_SNAPSHOTS_NOTE}` : ''}`;
    return nodeSeriesChart(ctx, parent, topPx, ctx.model.logEntries, 'Retained log', note, 'entries', false, 'logEntries', options);
}
export function drawSnapshotLagChart(ctx, parent, topPx, options = {}) {
    if (options.tag === undefined && options.emptyNote === undefined && noSnapshots(ctx.model))
        return 0;
    return nodeSeriesChart(ctx, parent, topPx, ctx.model.snapshotLag, 'Snapshot lag', 'applied index − snapshot index, entries (from log samples)', 'entries', false, 'snapshotLag', options);
}
//# sourceMappingURL=node-series.js.map