import { formatTimeUs, textWidthPx } from '../format.js';
import { addTitle, appendLine, appendText } from '../svg.js';
/** Violation and liveness-phase lines across a panel; the violation is labelled with the invariant. */
export function drawRunMarkers(ctx, g, x, fromUs, toUs, topPx, bottomPx, 
/** Baseline of the marker labels, or null for unlabelled lines (charts). */
labelYPx) {
    const { model } = ctx;
    if (model.livenessStartUs !== null && model.livenessStartUs >= fromUs && model.livenessStartUs <= toUs) {
        const lx = x(model.livenessStartUs);
        const line = appendLine(g, lx, topPx, lx, bottomPx, 'liveness');
        addTitle(line, `liveness phase starts at ${formatTimeUs(model.livenessStartUs)}: every fault healed, nodes restarted and resumed`);
        if (labelYPx !== null) {
            const text = 'liveness phase →';
            const anchorEnd = lx + textWidthPx(text, 9) + 4 > ctx.plotRightPx;
            appendText(g, anchorEnd ? lx - 3 : lx + 3, labelYPx, anchorEnd ? '← liveness phase' : text, `tiny halo k-liveness${anchorEnd ? ' end' : ''}`);
        }
    }
    const end = model.end;
    if (end !== null && end.verdict === 'safety' && end.tUs >= fromUs && end.tUs <= toUs) {
        const vx = x(end.tUs);
        const line = appendLine(g, vx, topPx, vx, bottomPx, 'violation');
        addTitle(line, `safety violation at ${formatTimeUs(end.tUs)}: ${end.invariant ?? 'invariant'}: ${end.message ?? ''}`);
        if (labelYPx !== null) {
            const text = `✖ ${end.invariant ?? 'safety violation'}`;
            const anchorEnd = vx + textWidthPx(text, 11) + 6 > ctx.plotRightPx;
            appendText(g, anchorEnd ? vx - 4 : vx + 4, labelYPx, text, `h2 halo k-violation${anchorEnd ? ' end' : ''}`);
        }
    }
}
/** True when the detail window shows the whole run, so highlighting it would say nothing. */
export function windowIsWholeRun(ctx) {
    return ctx.window.fromUs <= 0 && ctx.window.toUs >= ctx.model.endUs;
}
//# sourceMappingURL=run-markers.js.map