// Network faults over a timeline's lanes: partitions, clogs and degraded links as regions with labels.
import type { Selection } from 'd3-node';
import { textWidthPx } from '../format.js';
import type { NetworkFault } from '../model.js';
import { addTitle, appendRect, appendText, type ReportContext } from '../svg.js';
import { clipX, laneTop, spanText, type LaneGeometry } from './lanes.js';

/** Groups lane indexes into runs of consecutive lanes, so a fault over adjacent lanes is one region. */
function laneRuns(lanes: readonly number[]): [number, number][] {
  const sorted = [...new Set(lanes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const lane of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && lane === last[1] + 1) last[1] = lane;
    else runs.push([lane, lane]);
  }
  return runs;
}

/**
 * Partitions, clogs and degraded links as translucent regions over the lanes they affect. Labels go in the
 * label strip at the top of an affected lane (the first one whose strip is free there), so they never cover
 * a role band; a label with no free strip is left out (the region's hover title still names the fault).
 */
export function drawNetworkFaults(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
  /** Per lane, the x up to which its label strip is taken. */
  const stripBusyUntilPx = ctx.model.nodes.map(() => Number.NEGATIVE_INFINITY);
  const faults: readonly NetworkFault[] = ctx.model.networkFaults;
  const labels: { lane: number; x: number; text: string; kind: string; title: string }[] = [];
  for (const fault of faults) {
    const extent = clipX(geometry, fault.fromUs, fault.toUs);
    if (extent === null) continue;
    const [x0, x1] = extent;
    const affected = fault.nodes.map((node) => lanes.get(node)).filter((lane): lane is number => lane !== undefined);
    const title = `${fault.label} · ${spanText(fault.fromUs, fault.toUs)}${fault.open ? ' (until the end of the trace)' : ''}`;
    for (const [first, last] of laneRuns(affected)) {
      const top = laneTop(geometry, first) + 1;
      const rect = appendRect(g, x0, top, Math.max(1.5, x1 - x0), (last - first + 1) * geometry.laneHeightPx - 2, `f-${fault.kind}`);
      addTitle(rect, title);
    }
    // Left-aligned at the region start; pulled left when it would run past the plot's right edge.
    const labelWidth = textWidthPx(fault.label, 9);
    const labelX = Math.max(ctx.plotLeftPx + 2, Math.min(x0 + 2, ctx.plotRightPx - labelWidth - 2));
    const lane = [...new Set(affected)].sort((a, b) => a - b).find((candidate) => stripBusyUntilPx[candidate]! < labelX);
    if (lane === undefined) continue;
    stripBusyUntilPx[lane] = labelX + labelWidth + 6;
    labels.push({ lane, x: labelX, text: fault.label, kind: fault.kind, title });
  }
  // Labels after all regions, so a later region does not tint an earlier label.
  for (const label of labels) {
    const text = appendText(g, label.x, laneTop(geometry, label.lane) + geometry.bandTopPx - 3, label.text, `tiny halo l-${label.kind}`);
    addTitle(text, label.title);
  }
}
