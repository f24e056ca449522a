// The zoomed detail panel: lanes for the detail window with a Lamport-diagram arrow per message.
import type { Selection } from 'd3-node';
import { formatCount, formatDurationUs, formatTimeUs, px } from '../format.js';
import { addTitle, appendClip, appendLine, appendRect, appendText, drawTimeAxis, translate, type ReportContext } from '../svg.js';
import { messageCategory } from '../theme.js';
import { drawLaneFrames, drawNodeSpans, drawRoles, laneCentre, type LaneGeometry } from './lanes.js';
import { drawMarks } from './marks.js';
import { drawJointShading, drawMemberSpans, drawMembershipTicks, layoutMembershipLabels } from './membership-lanes.js';
import { drawFaultLabels, drawNetworkFaultFills, drawNetworkFaults, faultLabelsHeight, layoutFaultLabels } from './network-regions.js';
import { drawRunMarkers, windowIsWholeRun } from './run-markers.js';

const DETAIL_LANE_PX = 44;

function arrowTitle(ctx: ReportContext, m: number): string {
  const { messages, nodes } = ctx.model;
  const kind = messages.kinds[messages.kind[m]!] ?? 'message';
  const sendUs = messages.sendUs[m]!;
  const deliverUs = messages.deliverUs[m]!;
  const dropUs = messages.dropUs[m]!;
  const route = `${nodes[messages.from[m]!]}→${nodes[messages.to[m]!]}`;
  const parts = [`${kind} #${messages.id[m]} ${route}`];
  if (!Number.isNaN(sendUs)) parts.push(`sent ${formatTimeUs(sendUs)}`);
  if (!Number.isNaN(deliverUs)) {
    const copies = messages.deliveries[m]!;
    parts.push(`delivered ${formatTimeUs(deliverUs)}${Number.isNaN(sendUs) ? '' : ` (+${formatDurationUs(deliverUs - sendUs)})`}${copies > 1 ? `, ${copies}× (duplicated)` : ''}`);
  }
  if (!Number.isNaN(dropUs)) parts.push(`dropped ${formatTimeUs(dropUs)} (${messages.dropReasons[messages.dropReason[m]!] ?? 'unknown'})`);
  if (Number.isNaN(deliverUs) && Number.isNaN(dropUs)) parts.push('never delivered (in flight at the end)');
  return parts.join(' · ');
}

/** Lamport-diagram arrows for the first maxArrows messages of the window. Returns how many were drawn. */
function drawArrows(ctx: ReportContext, g: Selection, geometry: LaneGeometry): number {
  const { messages } = ctx.model;
  const list = ctx.window.messages;
  const drawn = Math.min(list.length, ctx.maxArrows);
  const categoryOf = messages.kinds.map((kind) => `msg m-${messageCategory(kind)}${kind.endsWith('Response') ? ' resp' : ''}`);
  const arrows = g.append('g').attr('class', 'arrows');
  for (let k = 0; k < drawn; k++) {
    const m = list[k]!;
    const from = messages.from[m]!;
    const to = messages.to[m]!;
    const startUs = messages.startUs(m);
    const x0 = geometry.x(startUs);
    const y0 = laneCentre(geometry, from);
    const y1Full = laneCentre(geometry, to);
    const deliverUs = messages.deliverUs[m]!;
    const dropUs = messages.dropUs[m]!;
    let element: Selection;
    if (!Number.isNaN(deliverUs)) {
      // Stop the line a little before the lane centre so the arrowhead stays visible on the role band.
      const x1 = geometry.x(deliverUs);
      const y1 = y1Full + (y1Full > y0 ? -3 : 3);
      element = appendLine(arrows, x0, y0, x1, y1, categoryOf[messages.kind[m]!]!);
    } else if (!Number.isNaN(dropUs)) {
      // A dropped message: a short stroke a third of the way towards its receiver, ending in an ×.
      const x1 = Math.max(geometry.x(dropUs), x0 + 6);
      const y1 = y0 + (y1Full - y0) * 0.35;
      const d = `M${px(x0)},${px(y0)}L${px(x1)},${px(y1)}M${px(x1 - 3)},${px(y1 - 3)}l6,6M${px(x1 - 3)},${px(y1 + 3)}l6,-6`;
      element = arrows.append('path').attr('d', d).attr('class', `${categoryOf[messages.kind[m]!]!} drop`);
    } else {
      // Held (clogged) until the end of the trace: a dotted arrow to the receiver at the end of the run.
      const x1 = geometry.x(ctx.model.endUs);
      element = appendLine(arrows, x0, y0, x1, y1Full, `${categoryOf[messages.kind[m]!]!} inflight`);
    }
    addTitle(element, arrowTitle(ctx, m));
  }
  return drawn;
}

/** The zoomed detail panel: lanes for the detail window with one arrow per message. Returns its height. */
export function drawDetailPanel(ctx: ReportContext, parent: Selection, defs: Selection, topPx: number, mainLanesBottomPx: number): number {
  const { model } = ctx;
  const w = ctx.window;
  const g = parent.append('g').attr('class', 'detail').attr('transform', translate(0, topPx));
  const x = ctx.d3.scaleLinear().domain([w.fromUs, w.toUs]).range([ctx.plotLeftPx, ctx.plotRightPx]);
  const total = w.messages.length;
  const drawnCount = Math.min(total, ctx.maxArrows);
  appendText(g, 16, 30, 'Detail', 'h2');
  appendText(
    g,
    70,
    30,
    `${formatTimeUs(w.fromUs)} – ${formatTimeUs(w.toUs)} (${formatDurationUs(w.toUs - w.fromUs)}): ${w.reason} · ${formatCount(total)} messages${total > drawnCount ? `, the first ${formatCount(drawnCount)} drawn (maxArrows)` : ''} · dashed = response, red × = dropped`,
    'note',
  );
  // Zoom connector from the band on the main timeline to this panel.
  const zoomTop = mainLanesBottomPx - topPx;
  if (!windowIsWholeRun(ctx)) {
    g.append('path')
      .attr('d', `M${px(ctx.x(w.fromUs))},${px(zoomTop)}L${px(ctx.x(w.toUs))},${px(zoomTop)}L${px(ctx.plotRightPx)},40L${px(ctx.plotLeftPx)},40z`)
      .attr('class', 'zoom');
  }
  const axisTop = 58;
  const faultLabels = layoutFaultLabels(ctx, { x, fromUs: w.fromUs, toUs: w.toUs });
  const lanesTop = axisTop + 4 + faultLabelsHeight(faultLabels);
  const geometry: LaneGeometry = {
    x,
    fromUs: w.fromUs,
    toUs: w.toUs,
    topPx: lanesTop,
    laneHeightPx: DETAIL_LANE_PX,
    bandTopPx: 17,
    bandHeightPx: 10,
  };
  const lanesBottom = lanesTop + model.nodes.length * DETAIL_LANE_PX;
  appendRect(g, ctx.plotLeftPx - 1, lanesTop - 2, ctx.plotRightPx - ctx.plotLeftPx + 2, lanesBottom - lanesTop + 4, 'panel');
  drawTimeAxis(g, x, axisTop, { labels: 'above', gridTopPx: lanesTop, gridBottomPx: lanesBottom });
  drawLaneFrames(ctx, g, geometry);
  appendClip(defs, 'clip-detail', ctx.plotLeftPx, lanesTop - 2, ctx.plotRightPx - ctx.plotLeftPx, lanesBottom - lanesTop + 4);
  const clipped = g.append('g').attr('clip-path', 'url(#clip-detail)');
  drawNetworkFaultFills(ctx, clipped, geometry);
  drawJointShading(ctx, clipped, geometry);
  drawNodeSpans(ctx, clipped, geometry);
  drawRoles(ctx, clipped, geometry);
  drawMemberSpans(ctx, clipped, geometry);
  drawNetworkFaults(ctx, clipped, geometry);
  drawFaultLabels(g, lanesTop, faultLabels);
  // Configuration changes as unlabelled ticks here (labelled on the main timeline; hover for the change).
  if (model.membership !== null) drawMembershipTicks(ctx, clipped, geometry, null, layoutMembershipLabels(ctx, geometry));
  drawMarks(ctx, clipped, geometry);
  drawArrows(ctx, clipped, geometry);
  drawRunMarkers(ctx, clipped, x, w.fromUs, w.toUs, lanesTop - 2, lanesBottom + 2, lanesBottom - 6);
  drawTimeAxis(g, x, lanesBottom + 4, { labels: 'below' });
  return lanesBottom + 26;
}
