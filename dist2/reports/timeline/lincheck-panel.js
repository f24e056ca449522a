import { cleanText, formatTimeUs, textWidthPx } from '../format.js';
import { addTitle, appendRect, appendText, drawTimeAxis, translate } from '../svg.js';
import { drawOpBar, opLabel } from './op-bars.js';
const LANE_PX = 34;
const BAR_PX = 14;
const LINE_PX = 14;
/** The sub-history's operations, in the record's order; null when there is nothing to draw. */
function subHistory(ctx) {
    const record = ctx.model.linearizability;
    if (record === null || record.verdict !== 'violation' || record.subHistory.length === 0)
        return null;
    const byRef = new Map(ctx.model.clientHistory.map((op) => [op.ref, op]));
    const resolve = (refs) => refs.map((ref) => byRef.get(ref)).filter((op) => op !== undefined);
    const ops = resolve(record.subHistory);
    if (ops.length === 0)
        return null;
    const context = new Set(record.context);
    // In call order, the context writes among them.
    const all = [...ops, ...resolve(record.context)].sort((a, b) => a.callUs - b.callUs);
    return { ops: all, stuck: record.stuck, context };
}
/** Splits a long sentence into lines of at most `maxChars`, at spaces. */
function wrap(text, maxChars) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > maxChars) {
            lines.push(line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(line);
    return lines;
}
/**
 * The label of one bar, right of it when it fits before the lane's next bar (or the plot's end), else inside
 * it, else left of it after the lane's previous bar (or the plot's start); otherwise none (the list below the lanes names every
 * operation). Labels only go where no other bar or label is, so they cannot collide.
 */
function placeLabel(g, op, bar, room, stuck) {
    const { startPx, endPx } = bar;
    const barTopPx = bar.topPx;
    const roomEndPx = room.endPx;
    const baseline = barTopPx + BAR_PX / 2 + 3.5;
    const className = stuck ? 'op-stuck-label' : 'op-label';
    for (const maxChars of [16, 8]) {
        const text = `${op.ref}: ${opLabel(op, maxChars)}`;
        const widthPx = textWidthPx(text, 10);
        if (endPx + 4 + widthPx <= roomEndPx) {
            appendText(g, endPx + 4, baseline, text, className);
            return endPx + 4 + widthPx;
        }
        if (widthPx + 4 <= endPx - startPx) {
            appendText(g, startPx + 2, baseline, text, className);
            return endPx;
        }
        if (startPx - 4 - widthPx >= room.startPx) {
            appendText(g, startPx - 4, baseline, text, `${className} end`);
            return endPx;
        }
    }
    return endPx;
}
/** Draws the panel when the trace records a violation; returns its height (0 otherwise). */
export function drawLinearizabilityPanel(ctx, parent, topPx) {
    const found = subHistory(ctx);
    if (found === null)
        return 0;
    const record = ctx.model.linearizability;
    const { ops, stuck, context } = found;
    const failing = ops.length - context.size;
    const g = parent.append('g').attr('class', 'linearizability').attr('transform', translate(0, topPx));
    appendText(g, 16, 16, `Linearizability violation · key ${record.key ?? '?'} · smallest failing sub-history: ${failing} operation${failing === 1 ? '' : 's'}${context.size > 0 ? ` (and, faded, the ${context.size === 1 ? 'write' : `${context.size} writes`} of values it read)` : ''}`, 'h2 k-violation');
    const reasonLines = wrap(cleanText(record.reason, 1_000), Math.max(60, Math.floor((ctx.widthPx - 32) / 5.6)));
    reasonLines.forEach((line, k) => void appendText(g, 16, 32 + k * LINE_PX, line, 'note'));
    const clients = [...new Set(ops.map((op) => op.client))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const endUs = ctx.model.endUs;
    const fromUs = Math.min(...ops.map((op) => op.callUs));
    const toUs = Math.max(...ops.map((op) => op.returnUs ?? endUs));
    const padUs = Math.max(1, (toUs - fromUs) * 0.05);
    const x = ctx.d3.scaleLinear().domain([fromUs - padUs, toUs + padUs]).range([ctx.plotLeftPx, ctx.plotRightPx]);
    const lanesTop = 32 + reasonLines.length * LINE_PX + 22;
    const lanesBottom = lanesTop + clients.length * LANE_PX;
    appendRect(g, ctx.plotLeftPx - 1, lanesTop - 2, ctx.plotRightPx - ctx.plotLeftPx + 2, lanesBottom - lanesTop + 4, 'panel');
    drawTimeAxis(g, x, lanesTop - 4, { labels: 'above', gridTopPx: lanesTop, gridBottomPx: lanesBottom, tickCount: 8 });
    clients.forEach((client, k) => void appendText(g, ctx.plotLeftPx - 8, lanesTop + k * LANE_PX + LANE_PX / 2 + 8, client, 'client-lane end'));
    clients.forEach((client, k) => {
        const lane = ops.filter((op) => op.client === client);
        const barTopPx = lanesTop + k * LANE_PX + LANE_PX - BAR_PX - 4;
        let usedPx = ctx.plotLeftPx + 2;
        lane.forEach((op, position) => {
            const isStuck = op.ref === stuck;
            drawOpBar(g, op, { x, openEndUs: toUs + padUs, barTopPx, barHeightPx: BAR_PX, labels: false }, isStuck ? 'op-stuck' : context.has(op.ref) ? 'op-context' : '');
            const next = lane[position + 1];
            const previous = lane[position - 1];
            const room = {
                startPx: Math.max(usedPx + 6, previous === undefined ? 0 : x(previous.returnUs ?? toUs + padUs) + 6),
                endPx: next === undefined ? ctx.plotRightPx - 2 : x(next.callUs) - 6,
            };
            usedPx = placeLabel(g, op, { startPx: x(op.callUs), endPx: x(op.returnUs ?? toUs + padUs), topPx: barTopPx }, room, isStuck);
            if (isStuck)
                addTitle(appendText(g, x(op.callUs), barTopPx - 3, '✗', 'op-stuck-label'), record.reason);
        });
    });
    drawTimeAxis(g, x, lanesBottom + 4, { labels: 'below', tickCount: 8 });
    let y = lanesBottom + 34;
    for (const op of ops) {
        const times = `[${formatTimeUs(op.callUs)}, ${op.returnUs === null ? 'end of run' : formatTimeUs(op.returnUs)}]`;
        const line = `${op.ref.padEnd(7)} ${times} ${op.outcome === 'timeout' ? 'unknown outcome (gave up)' : op.outcome === 'open' ? 'unknown outcome' : op.outcome}: ${opLabel(op, 40)}${op.ref === stuck ? '   ← cannot be placed' : context.has(op.ref) ? '   (context: wrote a value read; not in the failing sub-history)' : ''}`;
        appendText(g, ctx.plotLeftPx, y, line, op.ref === stuck ? 'info k-violation' : 'info');
        y += LINE_PX;
    }
    return y + 8;
}
//# sourceMappingURL=lincheck-panel.js.map