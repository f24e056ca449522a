import { formatCount, formatDurationUs, formatPercent, px } from '../format.js';
import { CHART_HEIGHT_PX, bucketCount, frame, hoverColumns, timeBuckets, timeDecorations, yAxis } from './frame.js';
/** Network throughput: messages/s entering the network and dropped/s, per bucket. */
export function drawNetworkChart(ctx, parent, topPx) {
    const messages = ctx.model.messages;
    if (messages.count === 0)
        return 0;
    const buckets = timeBuckets(ctx, bucketCount(ctx, 6, 250));
    const sent = new Array(buckets.count).fill(0);
    const dropped = new Array(buckets.count).fill(0);
    // Dropped: every `drop` record (a duplicate copy dropped counts again), the summary's definition.
    const droppedTotal = ctx.model.counts.drops;
    for (let m = 0; m < messages.count; m++) {
        const b = buckets.index(messages.startUs(m));
        if (b >= 0)
            sent[b]++;
    }
    for (const tUs of ctx.model.dropTimesUs) {
        const b = buckets.index(tUs);
        if (b >= 0)
            dropped[b]++;
    }
    const seconds = buckets.widthUs / 1_000_000;
    const maxRate = Math.max(1, ...sent.map((count) => count / seconds));
    const f = frame(ctx, parent, topPx, 'Network', `messages/s sent (blue) and dropped (red), ${formatDurationUs(buckets.widthUs)} buckets · ${formatCount(ctx.model.counts.sends)} sent, ${formatCount(droppedTotal)} dropped (${formatPercent(droppedTotal / Math.max(1, ctx.model.counts.sends))})`, []);
    const y = ctx.d3.scaleLinear().domain([0, maxRate]).nice(4).range([f.bottomPx, f.topPx + 4]);
    yAxis(ctx, f, y, y.ticks(4), (value) => formatCount(value));
    timeDecorations(ctx, f);
    const area = (counts) => {
        const parts = [`M${px(ctx.x(0))},${px(y(0))}`];
        for (let b = 0; b < buckets.count; b++) {
            const rateY = px(y(counts[b] / seconds));
            parts.push(`V${rateY}H${px(ctx.x(buckets.endUs(b)))}`);
        }
        parts.push(`V${px(y(0))}Z`);
        return parts.join('');
    };
    f.g.append('path').attr('d', area(sent)).attr('class', 'area-sent');
    if (droppedTotal > 0)
        f.g.append('path').attr('d', area(dropped)).attr('class', 'area-drop');
    hoverColumns(ctx, f, buckets, (b) => sent[b] === 0 ? null : `${formatCount(sent[b])} messages (${formatCount(sent[b] / seconds)}/s), ${formatCount(dropped[b])} dropped (${formatPercent(dropped[b] / sent[b])})`);
    return CHART_HEIGHT_PX;
}
//# sourceMappingURL=network.js.map