import { formatCount, formatTimeUs } from '../format.js';
import { appendClip, appendRect, appendText, drawTimeAxis, translate } from '../svg.js';
import { drawOpBar } from './op-bars.js';
const LANE_PX = 18;
const BAR_PX = 13;
/** At most this many bars; the rest of the window's operations are counted, not drawn. */
export const MAX_OPERATION_BARS = 4000;
/** The verdict of the end-of-run check in a few words. */
export function linearizabilityText(record) {
    if (record === null)
        return 'linearizability not checked (no linearizability record)';
    const scope = `${formatCount(record.operations)} operations, ${formatCount(record.keys)} keys, ${formatCount(record.unknownOutcomes)} of unknown outcome`;
    switch (record.verdict) {
        case 'ok':
            return `linearizable (${scope})`;
        case 'violation':
            return `NOT linearizable: key ${record.key ?? '?'} (${scope})`;
        case 'unknown':
            return `linearizability UNKNOWN (${scope}): ${record.reason}`;
        default:
            return `linearizability ${String(record.verdict)}`;
    }
}
function inWindow(op, fromUs, toUs) {
    return op.callUs <= toUs && (op.returnUs === null || op.returnUs >= fromUs);
}
/** Draws the panel below the detail panel; returns its height (0 without client operations). */
export function drawClientOps(ctx, parent, defs, topPx) {
    const { model } = ctx;
    if (model.clients.length === 0)
        return 0;
    const w = ctx.window;
    const g = parent.append('g').attr('class', 'client-ops').attr('transform', translate(0, topPx));
    const x = ctx.d3.scaleLinear().domain([w.fromUs, w.toUs]).range([ctx.plotLeftPx, ctx.plotRightPx]);
    const ops = model.clientHistory.filter((op) => inWindow(op, w.fromUs, w.toUs));
    const drawn = ops.slice(0, MAX_OPERATION_BARS);
    const counts = { ok: 0, fail: 0, timeout: 0, open: 0 };
    for (const op of ops)
        counts[op.outcome]++;
    appendText(g, 16, 14, 'Clients', 'h2');
    const bound = ops.length > drawn.length ? `, the first ${formatCount(drawn.length)} drawn` : '';
    appendText(g, 78, 14, `${formatTimeUs(w.fromUs)} – ${formatTimeUs(w.toUs)}: ${formatCount(ops.length)} operations${bound} (${counts.ok} ok, ${counts.fail} failed, ${counts.timeout} timed out, ${counts.open} without an outcome) · bar = call → return · blue ok, orange dashed unknown outcome, red failed · ${linearizabilityText(model.linearizability)}`, 'note');
    const lanesTop = 38;
    const lanesBottom = lanesTop + model.clients.length * LANE_PX;
    appendRect(g, ctx.plotLeftPx - 1, lanesTop - 2, ctx.plotRightPx - ctx.plotLeftPx + 2, lanesBottom - lanesTop + 4, 'panel');
    drawTimeAxis(g, x, lanesTop - 4, { labels: 'above', gridTopPx: lanesTop, gridBottomPx: lanesBottom });
    appendClip(defs, 'clip-client-ops', ctx.plotLeftPx, lanesTop - 2, ctx.plotRightPx - ctx.plotLeftPx, lanesBottom - lanesTop + 4);
    const lane = new Map(model.clients.map((client, k) => [client, k]));
    model.clients.forEach((client, k) => {
        if (k % 2 === 1)
            appendRect(g, ctx.plotLeftPx, lanesTop + k * LANE_PX, ctx.plotRightPx - ctx.plotLeftPx, LANE_PX, 'lane-bg');
        appendText(g, ctx.plotLeftPx - 8, lanesTop + k * LANE_PX + LANE_PX / 2 + 4, client, 'client-lane end');
    });
    const clipped = g.append('g').attr('clip-path', 'url(#clip-client-ops)');
    for (const op of drawn) {
        const k = lane.get(op.client) ?? 0;
        drawOpBar(clipped, op, { x, openEndUs: Math.max(w.toUs, model.endUs), barTopPx: lanesTop + k * LANE_PX + (LANE_PX - BAR_PX) / 2, barHeightPx: BAR_PX, labels: true });
    }
    return lanesBottom + 10;
}
//# sourceMappingURL=client-ops.js.map