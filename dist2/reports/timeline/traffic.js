import { aggregateTraffic, Buckets } from '../aggregate.js';
import { formatCount, formatDurationUs, formatPercent, formatTimeUs } from '../format.js';
import { addTitle, appendRect, appendText } from '../svg.js';
/** Bounds for the traffic strips: pairs shown and cells drawn. */
const MAX_TRAFFIC_PAIRS = 45;
const MAX_TRAFFIC_CELLS = 4_000;
const TRAFFIC_STRIP_PX = 8;
/**
 * Per node-pair message rate strips under the main lanes: one cell per time bucket, blue by messages/s
 * and a red underline whose opacity is the dropped share. This is the aggregate view that keeps 100k+
 * messages to a few thousand rects.
 */
export function drawTrafficStrips(ctx, g, topPx) {
    const { model } = ctx;
    if (model.messages.count === 0)
        return 0;
    const nodeCount = model.nodes.length;
    const pairsPossible = Math.max(1, (nodeCount * (nodeCount - 1)) / 2);
    const bucketCount = Math.max(20, Math.min(300, Math.floor(MAX_TRAFFIC_CELLS / Math.min(pairsPossible, MAX_TRAFFIC_PAIRS))));
    const buckets = new Buckets(0, Math.max(1, model.endUs), bucketCount);
    const traffic = aggregateTraffic(model.messages, nodeCount, buckets);
    let pairs = traffic.pairs;
    let hidden = 0;
    if (pairs.length > MAX_TRAFFIC_PAIRS) {
        const busiest = new Set([...pairs].sort((p, q) => q.total - p.total || p.a - q.a || p.b - q.b).slice(0, MAX_TRAFFIC_PAIRS));
        hidden = pairs.length - MAX_TRAFFIC_PAIRS;
        pairs = pairs.filter((pair) => busiest.has(pair));
    }
    const secondsPerBucket = buckets.widthUs / 1_000_000;
    appendText(g, ctx.plotLeftPx, topPx + 10, `Messages per node pair (both directions), ${formatDurationUs(buckets.widthUs)} buckets: darker = more messages/s, red underline = share dropped${hidden > 0 ? ` · ${hidden} quieter pairs not shown` : ''}`, 'note');
    const stripsTop = topPx + 16;
    const maxRate = traffic.maxPairBucket / secondsPerBucket;
    pairs.forEach((pair, row) => {
        const y = stripsTop + row * (TRAFFIC_STRIP_PX + 1);
        const name = `${model.nodes[pair.a]}–${model.nodes[pair.b]}`;
        appendText(g, ctx.plotLeftPx - 6, y + TRAFFIC_STRIP_PX - 0.5, name, 'tiny end');
        for (let b = 0; b < buckets.count; b++) {
            const count = pair.sent[b];
            if (count === 0)
                continue;
            const x0 = ctx.x(buckets.startUs(b));
            const x1 = ctx.x(buckets.endUs(b));
            const rate = count / secondsPerBucket;
            const cell = appendRect(g, x0, y, x1 - x0 + 0.2, TRAFFIC_STRIP_PX, '').attr('fill', ctx.d3.interpolateBlues(0.15 + 0.85 * Math.sqrt(rate / maxRate)));
            const dropped = pair.dropped[b];
            addTitle(cell, `${name} ${formatTimeUs(buckets.startUs(b))} – ${formatTimeUs(buckets.endUs(b))}: ${formatCount(count)} messages (${formatCount(rate)}/s), ${formatCount(dropped)} dropped (${formatPercent(dropped / count)})`);
            if (dropped > 0) {
                appendRect(g, x0, y + TRAFFIC_STRIP_PX - 2.5, x1 - x0 + 0.2, 2.5, 'cell-drop').attr('fill-opacity', Math.round(Math.max(0.25, dropped / count) * 100) / 100);
            }
        }
    });
    return 16 + pairs.length * (TRAFFIC_STRIP_PX + 1) + 4;
}
//# sourceMappingURL=traffic.js.map