import { formatDurationUs, formatTimeUs, textWidthPx } from '../format.js';
import { addTitle, appendRect, appendText } from '../svg.js';
// Styles of the bars: .op-ok, .op-fail, .op-timeout, .op-open, .op-stuck (reports/theme.ts).
const LABEL_FONT_PX = 9.5;
/** A value for a label: absent, or the value cut to `maxChars` (the hover text has it whole). */
export function shortValue(value, maxChars = 12) {
    if (value === null)
        return '∅';
    const trimmed = value.replace(/\.+$/, '');
    return trimmed.length <= maxChars ? trimmed : `${trimmed.slice(0, maxChars - 1)}…`;
}
function resultText(op, maxChars) {
    if (op.outcome === 'open')
        return '?';
    if (op.outcome === 'timeout')
        return '? (timed out)';
    if (op.outcome === 'fail')
        return 'failed';
    const result = op.result;
    if (op.op === 'get')
        return typeof result === 'string' || result === null ? shortValue(result, maxChars) : '?';
    if (op.op === 'cas' && result !== null && typeof result === 'object')
        return result.ok ? 'swapped' : `no (${shortValue(result.value, maxChars)})`;
    return 'ok';
}
/** The operation in a few characters: "get k3 → v7", "put k3 c2-5", "cas k3 ∅→c2-5 swapped". */
export function opLabel(op, maxChars = 12) {
    switch (op.op) {
        case 'get':
            return `get ${op.key} → ${resultText(op, maxChars)}`;
        case 'put':
            return `put ${op.key} ${shortValue(op.value, maxChars)}${op.outcome === 'ok' ? '' : ` ${resultText(op, maxChars)}`}`;
        case 'cas':
            return `cas ${op.key} ${shortValue(op.expected ?? null, maxChars)}→${shortValue(op.value, maxChars)} ${resultText(op, maxChars)}`;
        default:
            return `${String(op.op)} ${op.key}`;
    }
}
/** The whole operation for the hover text. */
export function opTitle(op) {
    const value = op.op === 'get' ? '' : ` value ${JSON.stringify(op.value)}`;
    const expected = op.op === 'cas' ? ` expected ${JSON.stringify(op.expected ?? null)}` : '';
    const returned = op.returnUs === null ? 'no outcome by the end of the run' : `${op.outcome} at ${formatTimeUs(op.returnUs)} (after ${formatDurationUs(op.returnUs - op.callUs)})`;
    const result = op.outcome === 'ok' ? ` → ${JSON.stringify(op.result)}` : '';
    return `${op.ref} ${op.op}(${op.key})${value}${expected}: called ${formatTimeUs(op.callUs)}, ${returned}${result}`;
}
/** Draws one operation's bar (and its label, when it fits); returns the bar. */
export function drawOpBar(g, op, geometry, extraClass = '') {
    const { x } = geometry;
    const endUs = op.returnUs ?? geometry.openEndUs;
    const x0 = x(op.callUs);
    const width = Math.max(1.5, x(endUs) - x0);
    const bar = appendRect(g, x0, geometry.barTopPx, width, geometry.barHeightPx, `op-${op.outcome}${extraClass === '' ? '' : ` ${extraClass}`}`);
    addTitle(bar, opTitle(op));
    if (geometry.labels) {
        // Inside the part of the bar on the plot (a bar may begin before the window or run past it).
        const [plotLeft, plotRight] = x.range();
        const left = Math.max(x0, plotLeft);
        const label = fitLabel(op, Math.min(x0 + width, plotRight) - left - 4);
        if (label !== null)
            appendText(g, left + 2, geometry.barTopPx + geometry.barHeightPx / 2 + 3.3, label, 'op-label');
    }
    return bar;
}
/** The longest form of the label that fits `widthPx`, or null. */
function fitLabel(op, widthPx) {
    for (const maxChars of [12, 6, 3]) {
        const label = opLabel(op, maxChars);
        if (textWidthPx(label, LABEL_FONT_PX) <= widthPx)
            return label;
    }
    const short = op.op;
    return textWidthPx(short, LABEL_FONT_PX) <= widthPx ? short : null;
}
//# sourceMappingURL=op-bars.js.map