import { textWidthPx } from '../format.js';
import { packRows } from '../label-rows.js';
import { addTitle, appendLine, appendRect, appendText } from '../svg.js';
import { clipX, laneTop, spanText } from './lanes.js';
export const FAULT_LABEL_FONT_PX = 9;
export const FAULT_LABEL_ROW_PX = 11;
/** At most this many label rows; labels beyond them are left to the regions' hover titles (and counted). */
export const MAX_FAULT_LABEL_ROWS = 6;
/** Groups lane indexes into runs of consecutive lanes, so a fault over adjacent lanes is one region. */
function laneRuns(lanes) {
    const sorted = [...new Set(lanes)].sort((a, b) => a - b);
    const runs = [];
    for (const lane of sorted) {
        const last = runs[runs.length - 1];
        if (last !== undefined && lane === last[1] + 1)
            last[1] = lane;
        else
            runs.push([lane, lane]);
    }
    return runs;
}
function faultTitle(fault) {
    return `${fault.label} · ${spanText(fault.fromUs, fault.toUs)}${fault.open ? ' (until the end of the trace)' : ''}`;
}
/**
 * One label per network fault, left-aligned at its region's start (pulled left at the plot's right edge),
 * each in the first row where it overlaps no other label.
 */
export function layoutFaultLabels(ctx, geometry) {
    const candidates = [];
    for (const fault of ctx.model.networkFaults) {
        if (fault.toUs < geometry.fromUs || fault.fromUs > geometry.toUs)
            continue;
        const regionX = geometry.x(Math.max(fault.fromUs, geometry.fromUs));
        const width = textWidthPx(fault.label, FAULT_LABEL_FONT_PX);
        const x = Math.max(ctx.plotLeftPx + 2, Math.min(regionX + 2, ctx.plotRightPx - width - 2));
        candidates.push({ fault, x, regionX, width });
    }
    const rows = packRows(candidates.map((c) => ({ left: c.x, right: c.x + c.width })), 6, MAX_FAULT_LABEL_ROWS);
    const labels = [];
    candidates.forEach((c, k) => {
        if (rows[k] >= 0)
            labels.push({ ...c, row: rows[k] });
    });
    return { labels, rows: labels.length === 0 ? 0 : Math.max(...labels.map((l) => l.row)) + 1, hidden: candidates.length - labels.length };
}
/** Height of the label rows above the lanes (0 without network faults). */
export function faultLabelsHeight(layout) {
    return layout.rows === 0 ? 0 : layout.rows * FAULT_LABEL_ROW_PX + 3;
}
/** Each region's tint, under the role bands. */
export function drawNetworkFaultFills(ctx, g, geometry) {
    forEachRegion(ctx, geometry, (fault, x0, x1, top, height) => void appendRect(g, x0, top, Math.max(1.5, x1 - x0), height, `f-${fault.kind} ff`));
}
/** Each region's outline (with its hover title), over the role bands. */
export function drawNetworkFaults(ctx, g, geometry) {
    forEachRegion(ctx, geometry, (fault, x0, x1, top, height) => void addTitle(appendRect(g, x0, top, Math.max(1.5, x1 - x0), height, `f-${fault.kind} fo`), faultTitle(fault)));
}
/** The labels in their rows above the lanes (lanesTop), each with a tick down to its region's start. */
export function drawFaultLabels(g, lanesTop, layout) {
    for (const label of layout.labels) {
        const baseline = lanesTop - 3 - label.row * FAULT_LABEL_ROW_PX;
        // A tick from the label down to the lanes at the region's start.
        appendLine(g, label.regionX, baseline + 1, label.regionX, lanesTop, `f-tick f-${label.fault.kind}`);
        addTitle(appendText(g, label.x, baseline, label.fault.label, `tiny halo fault-label l-${label.fault.kind}`), faultTitle(label.fault));
    }
}
function forEachRegion(ctx, geometry, draw) {
    const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
    for (const fault of ctx.model.networkFaults) {
        const extent = clipX(geometry, fault.fromUs, fault.toUs);
        if (extent === null)
            continue;
        const affected = fault.nodes.map((node) => lanes.get(node)).filter((lane) => lane !== undefined);
        for (const [first, last] of laneRuns(affected)) {
            draw(fault, extent[0], extent[1], laneTop(geometry, first) + 1, (last - first + 1) * geometry.laneHeightPx - 2);
        }
    }
}
//# sourceMappingURL=network-regions.js.map