// The whole-run timeline: lanes with roles, faults and marks, the detail window's band, the leaderless row, the
// traffic strips, and the run's landmarks.
import type { Selection } from 'd3-node';
import { formatCount, formatDurationUs, formatTimeUs, textWidthPx } from '../format.js';
import { addTitle, appendLine, appendRect, appendText, drawRunTag, drawTimeAxis, translate, type ReportContext } from '../svg.js';
import { applyExtra, type RunTag } from '../theme.js';
import { drawLaneFrames, drawNodeSpans, drawRoles, spanText, type LaneGeometry } from './lanes.js';
import { drawMarks } from './marks.js';
import { drawJointShading, drawMemberSpans, drawMembershipTicks, layoutMembershipLabels, membershipLabelsHeight } from './membership-lanes.js';
import { FAULT_LABEL_ROW_PX, drawFaultLabels, drawNetworkFaultFills, drawNetworkFaults, faultLabelsHeight, layoutFaultLabels } from './network-regions.js';
import { drawRunMarkers, windowIsWholeRun } from './run-markers.js';
import { drawTrafficStrips } from './traffic.js';

/** Main lanes: a 12 px label strip (fault labels) above an 18 px role band. */
const MAIN_LANE_PX = 34;

export interface MainTimelineOptions {
  /** Heading; default "Timeline". */
  readonly heading?: string;
  /** Note after the heading; default the run report's reading hint. */
  readonly note?: string;
  /** A comparison's run tag, drawn before the heading. */
  readonly tag?: RunTag;
  /** Per node-pair traffic strips under the lanes; default true. */
  readonly trafficStrips?: boolean;
  /** Extra attributes of the timeline's group (data-* attributes for readers of the SVG). */
  readonly dataAttributes?: Readonly<Record<string, string>>;
}

/** The leaderless row under the lanes (only for traces with `leader-lost` records). */
const LEADERLESS_ROW_PX = 10;

/**
 * The whole-run timeline, drawn on ctx.x: in a comparison that scale is shared by both runs and may reach
 * past this run's end, which is then greyed out. Returns its height and the lanes' bottom in parent coordinates.
 */
export function drawMainTimeline(ctx: ReportContext, parent: Selection, topPx: number, options: MainTimelineOptions = {}): { heightPx: number; lanesBottomPx: number } {
  const { model } = ctx;
  const g = parent.append('g').attr('class', 'timeline').attr('transform', translate(0, topPx));
  for (const [name, value] of Object.entries(options.dataAttributes ?? {})) g.attr(name, value);
  drawHeading(g, options);
  // Rows: title (y 14), marker labels (y 30), axis labels (y 42) over the axis (y 48), the network faults'
  // label rows, lanes.
  const axisTop = 48;
  const faultLabels = layoutFaultLabels(ctx, { x: ctx.x, fromUs: 0, toUs: model.endUs });
  // Membership change labels (runs with membership records only) in rows above the fault labels' rows.
  const changeLabels = layoutMembershipLabels(ctx, { x: ctx.x, fromUs: 0, toUs: model.endUs });
  const changeRowsPx = membershipLabelsHeight(changeLabels);
  const lanesTop = axisTop + 4 + changeRowsPx + faultLabelsHeight(faultLabels);
  const geometry: LaneGeometry = {
    x: ctx.x,
    fromUs: 0,
    toUs: model.endUs,
    topPx: lanesTop,
    laneHeightPx: MAIN_LANE_PX,
    bandTopPx: 12,
    bandHeightPx: 18,
  };
  const lanesBottom = lanesTop + model.nodes.length * MAIN_LANE_PX;
  drawTimeAxis(g, ctx.x, axisTop, { labels: 'above', gridTopPx: lanesTop, gridBottomPx: lanesBottom });
  drawLaneFrames(ctx, g, geometry);
  // Grid lines go under the lane backgrounds otherwise; redraw them lightly on top of the backgrounds.
  const grid = g.append('g');
  for (const tick of ctx.x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)))) appendLine(grid, ctx.x(tick), lanesTop, ctx.x(tick), lanesBottom, 'grid');
  drawNetworkFaultFills(ctx, g, geometry);
  drawJointShading(ctx, g, geometry);
  drawRoles(ctx, g, geometry);
  drawMemberSpans(ctx, g, geometry);
  drawNodeSpans(ctx, g, geometry);
  drawNetworkFaults(ctx, g, geometry);
  drawFaultLabels(g, lanesTop, faultLabels);
  if (faultLabels.hidden > 0) {
    appendText(g, ctx.plotLeftPx - 6, axisTop + 4 + changeRowsPx + FAULT_LABEL_ROW_PX - 3, `+${formatCount(faultLabels.hidden)} faults`, 'tiny end').append('title').text(`${faultLabels.hidden} network fault labels did not fit in ${faultLabels.rows} rows; hover the regions`);
  }
  if (model.membership !== null) drawMembershipTicks(ctx, g, geometry, lanesTop - faultLabelsHeight(faultLabels), changeLabels);
  drawMarks(ctx, g, geometry);
  drawWindowBand(ctx, g, lanesTop, lanesBottom);

  let rowsBottom = lanesBottom;
  if (model.leaderLosses.length > 0 || model.leaderless.length > 0) rowsBottom += drawLeaderlessRow(ctx, g, lanesBottom + 3);
  drawAfterEnd(ctx, g, lanesTop, rowsBottom);

  const strips = options.trafficStrips ?? true;
  const stripsHeight = strips ? drawTrafficStrips(ctx, g, rowsBottom + 4) : 0;
  const axisY = rowsBottom + 4 + stripsHeight + 2;
  drawTimeAxis(g, ctx.x, axisY, { labels: 'below' });
  drawRunMarkers(ctx, g, ctx.x, 0, model.endUs, 22, axisY, 30);
  return { heightPx: axisY + 22, lanesBottomPx: topPx + axisY };
}

/** The run tag of a comparison, the heading and its note. */
function drawHeading(g: Selection, options: MainTimelineOptions): void {
  let headingX = 16;
  if (options.tag !== undefined) headingX += drawRunTag(g, 16, 14, options.tag) + 10;
  const heading = options.heading ?? 'Timeline';
  appendText(g, headingX, 14, heading, 'h2');
  appendText(
    g,
    options.tag === undefined && options.heading === undefined ? 86 : headingX + textWidthPx(heading, 13) * 1.12 + 10,
    14,
    options.note ?? 'roles per node over the whole run; faults as regions over the lanes they affect; hover any mark for exact values',
    'note',
  );
}

/** The detail window as a highlighted band (not when it is the whole run: that would only tint everything). */
function drawWindowBand(ctx: ReportContext, g: Selection, lanesTop: number, lanesBottom: number): void {
  const w = ctx.window;
  if (windowIsWholeRun(ctx)) return;
  const wx0 = ctx.x(w.fromUs);
  const wx1 = ctx.x(w.toUs);
  const band = appendRect(g, wx0, lanesTop - 2, Math.max(2, wx1 - wx0), lanesBottom - lanesTop + 4, 'window');
  addTitle(band, `detail window ${formatTimeUs(w.fromUs)} – ${formatTimeUs(w.toUs)}: ${w.reason}; drawn message by message below`);
}

/** A shared scale that reaches past this run's end (a comparison with a longer run): grey that part out. */
function drawAfterEnd(ctx: ReportContext, g: Selection, lanesTop: number, rowsBottom: number): void {
  const { model } = ctx;
  const [, domainEndUs] = ctx.x.domain() as [number, number];
  if (domainEndUs <= Math.max(1, model.endUs)) return;
  const ex = ctx.x(model.endUs);
  const rest = applyExtra(appendRect(g, ex, lanesTop, ctx.plotRightPx - ex, rowsBottom - lanesTop, 'after-end'), 'afterEnd');
  addTitle(rest, `this run ended at ${formatTimeUs(model.endUs)} (${model.end?.verdict ?? 'no end record'}); the axis is shared with a longer run`);
  appendLine(g, ex, lanesTop - 2, ex, rowsBottom + 2, 'axis');
  if (ctx.plotRightPx - ex >= textWidthPx('run ended', 10) + 8) appendText(g, ex + 5, lanesTop + 13, 'run ended', 'note');
}

/** Red bars where the cluster had no established leader (from `leader-lost` to the next `election-latency`). */
function drawLeaderlessRow(ctx: ReportContext, g: Selection, topPx: number): number {
  const { model } = ctx;
  appendText(g, ctx.plotLeftPx - 6, topPx + LEADERLESS_ROW_PX - 1.5, 'no leader', 'tiny end');
  appendRect(g, ctx.plotLeftPx, topPx, ctx.plotRightPx - ctx.plotLeftPx, LEADERLESS_ROW_PX, 'lane-bg');
  let totalUs = 0;
  let lastX = Number.NEGATIVE_INFINITY;
  /** Drawn bars' pixel extents, to put the summary in the widest free stretch of the row. */
  const bars: [number, number][] = [];
  for (const span of model.leaderless) {
    totalUs += span.toUs - span.fromUs;
    const x0 = ctx.x(span.fromUs);
    const x1 = ctx.x(span.toUs);
    // At least 1.5 px wide so a 150 ms gap in a long run stays visible; spans in the same pixel share a bar.
    if (x1 < lastX + 0.5) continue;
    lastX = Math.max(x1, x0 + 1.5);
    bars.push([x0, lastX]);
    const bar = applyExtra(appendRect(g, x0, topPx, Math.max(1.5, x1 - x0), LEADERLESS_ROW_PX, 'leaderless'), 'leaderless');
    addTitle(bar, `no established leader · ${spanText(span.fromUs, span.toUs)}${span.open ? ' (until the end of the trace)' : ''} · ${span.detail}`);
  }
  const count = model.leaderless.length;
  const summary = `${formatCount(count)} leaderless ${count === 1 ? 'period' : 'periods'}, ${formatDurationUs(totalUs)} in total`;
  let gapFrom = ctx.plotLeftPx;
  let best: [number, number] = [0, 0];
  for (const [x0, x1] of [...bars, [ctx.plotRightPx, ctx.plotRightPx] as [number, number]]) {
    if (x0 - gapFrom > best[1] - best[0]) best = [gapFrom, x0];
    gapFrom = Math.max(gapFrom, x1);
  }
  if (best[1] - best[0] >= textWidthPx(summary, 9) + 10) {
    const label = appendText(g, best[0] + 5, topPx + LEADERLESS_ROW_PX - 1.5, summary, 'tiny');
    addTitle(label, `${summary} (from leader-lost to the new leader's first heartbeat accepted by a majority, docs/metrics.md)`);
  }
  return LEADERLESS_ROW_PX + 3;
}
