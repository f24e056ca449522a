// The per-node timelines: the whole-run timeline (with per-pair traffic strips) and the zoomed detail panel
// with Lamport-diagram message arrows.
import type { ContinuousScale, Selection } from 'd3-node';
import { aggregateTraffic, Buckets } from './aggregate.js';
import { formatCount, formatDurationUs, formatPercent, formatTimeUs, px, textWidthPx } from './format.js';
import type { MarkKind, NetworkFault, NodeSpan, Role, RoleSpan } from './model.js';
import { addTitle, appendClip, appendLine, appendRect, appendText, drawRunTag, drawTimeAxis, translate, type ReportContext } from './svg.js';
import { ROLE_LABELS, RUN_COLORS, applyExtra, messageCategory, type ExtraStyle, type RunTag } from './theme.js';

/** Role priority for a pixel that holds several short role spans: show the most notable one. */
const ROLE_PRIORITY: Readonly<Record<Role, number>> = { follower: 0, precandidate: 1, candidate: 2, leader: 3 };

/** Spans narrower than this are merged with their neighbours into one band (bounds rects per lane). */
const MIN_BAND_PX = 1;

/** Bounds for the traffic strips: pairs shown and cells drawn. */
const MAX_TRAFFIC_PAIRS = 45;
const MAX_TRAFFIC_CELLS = 4_000;
const TRAFFIC_STRIP_PX = 8;

/** Geometry of one lane panel. */
interface LaneGeometry {
  readonly x: ContinuousScale;
  readonly fromUs: number;
  readonly toUs: number;
  /** Top of the first lane, in the panel group's coordinates. */
  readonly topPx: number;
  readonly laneHeightPx: number;
  /** Role band inside the lane: offset from the lane top and height. */
  readonly bandTopPx: number;
  readonly bandHeightPx: number;
}

function laneTop(geometry: LaneGeometry, lane: number): number {
  return geometry.topPx + lane * geometry.laneHeightPx;
}

function laneCentre(geometry: LaneGeometry, lane: number): number {
  return laneTop(geometry, lane) + geometry.bandTopPx + geometry.bandHeightPx / 2;
}

/** Visible pixel extent of [fromUs, toUs) in the panel, or null when outside it. */
function clipX(geometry: LaneGeometry, fromUs: number, toUs: number): [number, number] | null {
  if (toUs < geometry.fromUs || fromUs > geometry.toUs) return null;
  return [geometry.x(Math.max(fromUs, geometry.fromUs)), geometry.x(Math.min(toUs, geometry.toUs))];
}

function spanText(fromUs: number, toUs: number): string {
  return `${formatTimeUs(fromUs)} – ${formatTimeUs(toUs)} (${formatDurationUs(toUs - fromUs)})`;
}

/** Lane labels with the node's chart colour, lane backgrounds. */
function drawLaneFrames(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  ctx.model.nodes.forEach((node, lane) => {
    const top = laneTop(geometry, lane);
    appendRect(g, ctx.plotLeftPx, top + 1, ctx.plotRightPx - ctx.plotLeftPx, geometry.laneHeightPx - 2, 'lane-bg');
    g.append('rect')
      .attr('x', px(ctx.plotLeftPx - 58))
      .attr('y', px(top + geometry.laneHeightPx / 2 - 5))
      .attr('width', 10)
      .attr('height', 10)
      .attr('fill', ctx.nodeColor(node));
    appendText(g, ctx.plotLeftPx - 44, top + geometry.laneHeightPx / 2 + 4, node, 'lane');
  });
}

/** Role bands, coalescing sub-pixel spans so a flapping node costs at most ~one rect per pixel. */
function drawRoles(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const byNode = new Map<string, RoleSpan[]>();
  for (const span of ctx.model.roleSpans) {
    if (span.toUs < geometry.fromUs || span.fromUs > geometry.toUs) continue;
    let list = byNode.get(span.node);
    if (list === undefined) byNode.set(span.node, (list = []));
    list.push(span);
  }
  const describe = (span: RoleSpan): string =>
    `${span.node} ${ROLE_LABELS[span.role]} · term ${span.term}${span.leader !== null && span.role !== 'leader' ? ` · leader ${span.leader}` : ''} · ${spanText(span.fromUs, span.toUs)}`;
  ctx.model.nodes.forEach((node, lane) => {
    const spans = byNode.get(node) ?? [];
    const y = laneTop(geometry, lane) + geometry.bandTopPx;
    let pending: { x0: number; x1: number; fromUs: number; toUs: number; role: Role; first: RoleSpan; count: number; terms: Set<number> } | null = null;
    const flushPending = (): void => {
      if (pending === null) return;
      const p = pending;
      pending = null;
      // Sub-pixel spans still get a 1 px rect: a leader elected for an instant must stay visible.
      const rect = appendRect(g, Math.min(p.x0, ctx.plotRightPx - MIN_BAND_PX), y, Math.max(MIN_BAND_PX, p.x1 - p.x0), geometry.bandHeightPx, `r-${p.role}`);
      const terms = [...p.terms].sort((a, b) => a - b);
      addTitle(
        rect,
        p.count === 1 ? describe(p.first) : `${node}: ${p.count} short role spans (most notable: ${ROLE_LABELS[p.role]}), terms ${terms[0]}–${terms[terms.length - 1]}, ${spanText(p.fromUs, p.toUs)}`,
      );
    };
    for (const span of spans) {
      const extent = clipX(geometry, span.fromUs, span.toUs);
      if (extent === null) continue;
      const [x0, x1] = extent;
      if (x1 - x0 < MIN_BAND_PX) {
        if (pending !== null && x0 - pending.x1 < MIN_BAND_PX) {
          pending.x1 = x1;
          pending.toUs = span.toUs;
          pending.count++;
          pending.terms.add(span.term);
          if (ROLE_PRIORITY[span.role] > ROLE_PRIORITY[pending.role]) pending.role = span.role;
          if (pending.x1 - pending.x0 >= MIN_BAND_PX) flushPending();
          continue;
        }
        flushPending();
        pending = { x0, x1, fromUs: span.fromUs, toUs: span.toUs, role: span.role, first: span, count: 1, terms: new Set([span.term]) };
        continue;
      }
      flushPending();
      const rect = appendRect(g, x0, y, x1 - x0, geometry.bandHeightPx, `r-${span.role}`);
      addTitle(rect, describe(span));
      if (span.role === 'leader') {
        const width = x1 - x0;
        const long = `term ${span.term}`;
        const short = String(span.term);
        const text = width >= textWidthPx(long, 10) + 6 ? long : width >= textWidthPx(short, 10) + 4 ? short : '';
        if (text === '') continue;
        // Inside a band tall enough for 10 px text; above a thin (detail) band, in the lane's label strip.
        if (geometry.bandHeightPx >= 14) appendText(g, (x0 + x1) / 2, y + geometry.bandHeightPx / 2 + 3.5, text, 'term');
        else appendText(g, x0 + 2, y - 3, `leader, ${long}`, 'tiny halo leader-label');
      }
    }
    flushPending();
  });
}

/** Down (hatched), paused (shaded) and slow (light hatch) periods. */
function drawNodeSpans(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
  const draw = (spans: readonly NodeSpan[], className: string, what: string, full: boolean, extra?: ExtraStyle): void => {
    for (const span of spans) {
      const extent = clipX(geometry, span.fromUs, span.toUs);
      const lane = lanes.get(span.node);
      if (extent === null || lane === undefined) continue;
      const [x0, x1] = extent;
      const top = laneTop(geometry, lane);
      const y = full ? top + 2 : top + geometry.bandTopPx;
      const height = full ? geometry.laneHeightPx - 4 : geometry.bandHeightPx;
      const rect = appendRect(g, x0, y, Math.max(1, x1 - x0), height, className);
      if (extra !== undefined) applyExtra(rect, extra);
      addTitle(rect, `${span.node} ${what} · ${spanText(span.fromUs, span.toUs)}${span.open ? ' (until the end of the trace)' : ''} · ${span.detail}`);
      const text = what === 'down' ? 'down' : what === 'paused' ? 'paused' : what === 'compaction stall' ? 'compaction stall' : '';
      if (text !== '' && x1 - x0 >= textWidthPx(text, 9) + 6) appendText(g, x0 + 3, y + height / 2 + 3, text, extra === 'stall' ? 'tiny halo' : 'tiny white');
    }
  };
  draw(ctx.model.slowSpans, 'slow', 'slow', false);
  draw(ctx.model.downSpans, 'down', 'down', true);
  draw(ctx.model.pauseSpans, 'paused', 'paused', false);
  draw(ctx.model.stallSpans, 'stall', 'compaction stall', false, 'stall');
}

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
function drawNetworkFaults(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
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

/** Marker shapes, centred on (0, 0). */
const MARK_PATHS: Readonly<Record<MarkKind, string>> = {
  clock: 'M-4,-4L4,-4L0,2z',
  'snapshot-install': 'M0,-5L5,0L0,5L-5,0z',
  snapshot: 'M-3.5,-3.5h7v7h-7z',
  'step-down': 'M-4,-3L0,3L4,-3',
  transfer: 'M-4,-3L4,0L-4,3z',
  'leader-lost': 'M-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0M-3.2,3.2L3.2,-3.2',
  'snapshot-skip': 'M-3,-3h6v6h-6z',
  'snapshot-incomplete': 'M-3,-3h6v6h-6z',
};

/** Mark kinds drawn with inline attributes (see EXTRA_ATTRS) instead of the stylesheet's `mark k-*` rules. */
const EXTRA_MARKS: ReadonlySet<MarkKind> = new Set<MarkKind>(['leader-lost', 'snapshot-skip', 'snapshot-incomplete']);

const MARK_NAMES: Readonly<Record<MarkKind, string>> = {
  clock: 'clock change',
  'snapshot-install': 'snapshot installed',
  snapshot: 'snapshot taken',
  'step-down': 'step-down',
  transfer: 'leadership transfer',
  'leader-lost': 'leader lost',
  'snapshot-skip': 'snapshot window skipped',
  'snapshot-incomplete': 'snapshot not completed',
};

/** Point marks on lanes, at most one per (node, kind, pixel column): hover titles list what was merged. */
function drawMarks(ctx: ReportContext, g: Selection, geometry: LaneGeometry): void {
  const lanes = new Map(ctx.model.nodes.map((node, lane) => [node, lane]));
  const merged = new Map<string, { node: string; kind: MarkKind; x: number; label: string; details: string[]; count: number }>();
  for (const mark of ctx.model.marks) {
    if (mark.tUs < geometry.fromUs || mark.tUs > geometry.toUs) continue;
    const x = geometry.x(mark.tUs);
    const key = `${mark.node} ${mark.kind} ${Math.round(x / 3)}`;
    const entry = merged.get(key);
    const detail = `${formatTimeUs(mark.tUs)}: ${mark.detail}`;
    if (entry === undefined) merged.set(key, { node: mark.node, kind: mark.kind, x, label: mark.label, details: [detail], count: 1 });
    else {
      entry.count++;
      if (entry.details.length < 5) entry.details.push(detail);
    }
  }
  for (const entry of merged.values()) {
    const lane = lanes.get(entry.node);
    if (lane === undefined) continue;
    const top = laneTop(geometry, lane);
    // Clock marks hang from the band top, snapshots sit at the band bottom, the rest on the band centre.
    const bandTop = top + geometry.bandTopPx;
    const atBottom = entry.kind === 'snapshot' || entry.kind === 'snapshot-skip' || entry.kind === 'snapshot-incomplete';
    // Leader-lost rings sit on the band's top edge, clear of step-down chevrons at the centre.
    const y = entry.kind === 'clock' ? bandTop + 4 : atBottom ? bandTop + geometry.bandHeightPx - 2 : entry.kind === 'leader-lost' ? bandTop + 1 : laneCentre(geometry, lane);
    const mark = g.append('path').attr('d', MARK_PATHS[entry.kind]).attr('transform', translate(entry.x, y));
    if (EXTRA_MARKS.has(entry.kind)) applyExtra(mark.attr('class', `k-${entry.kind}`), entry.kind as ExtraStyle);
    else mark.attr('class', `mark k-${entry.kind}`);
    const more = entry.count > entry.details.length ? ` (+${entry.count - entry.details.length} more here)` : '';
    addTitle(mark, `${entry.node} ${MARK_NAMES[entry.kind]}\n${entry.details.join('\n')}${more}`);
    if (entry.kind === 'clock' && entry.label !== '') {
      const labelY = bandTop + Math.min(geometry.bandHeightPx, 12) - 2;
      const anchorEnd = entry.x + 5 + textWidthPx(entry.label, 9) > ctx.plotRightPx;
      appendText(g, anchorEnd ? entry.x - 5 : entry.x + 5, labelY, entry.label, `tiny halo${anchorEnd ? ' end' : ''}`);
    }
  }
}

/** Violation and liveness-phase lines across a panel; the violation is labelled with the invariant. */
export function drawRunMarkers(
  ctx: ReportContext,
  g: Selection,
  x: ContinuousScale,
  fromUs: number,
  toUs: number,
  topPx: number,
  bottomPx: number,
  /** Baseline of the marker labels, or null for unlabelled lines (charts). */
  labelYPx: number | null,
): void {
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

/**
 * Per node-pair message rate strips under the main lanes: one cell per time bucket, blue by messages/s
 * and a red underline whose opacity is the dropped share. This is the aggregate view that keeps 100k+
 * messages to a few thousand rects.
 */
function drawTrafficStrips(ctx: ReportContext, g: Selection, topPx: number): number {
  const { model } = ctx;
  if (model.messages.count === 0) return 0;
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
  appendText(
    g,
    ctx.plotLeftPx,
    topPx + 10,
    `Messages per node pair (both directions), ${formatDurationUs(buckets.widthUs)} buckets: darker = more messages/s, red underline = share dropped${hidden > 0 ? ` · ${hidden} quieter pairs not shown` : ''}`,
    'note',
  );
  const stripsTop = topPx + 16;
  const maxRate = traffic.maxPairBucket / secondsPerBucket;
  pairs.forEach((pair, row) => {
    const y = stripsTop + row * (TRAFFIC_STRIP_PX + 1);
    const name = `${model.nodes[pair.a]}–${model.nodes[pair.b]}`;
    appendText(g, ctx.plotLeftPx - 6, y + TRAFFIC_STRIP_PX - 0.5, name, 'tiny end');
    for (let b = 0; b < buckets.count; b++) {
      const count = pair.sent[b]!;
      if (count === 0) continue;
      const x0 = ctx.x(buckets.startUs(b));
      const x1 = ctx.x(buckets.endUs(b));
      const rate = count / secondsPerBucket;
      const cell = appendRect(g, x0, y, x1 - x0 + 0.2, TRAFFIC_STRIP_PX, '').attr('fill', ctx.d3.interpolateBlues(0.15 + 0.85 * Math.sqrt(rate / maxRate)));
      const dropped = pair.dropped[b]!;
      addTitle(
        cell,
        `${name} ${formatTimeUs(buckets.startUs(b))} – ${formatTimeUs(buckets.endUs(b))}: ${formatCount(count)} messages (${formatCount(rate)}/s), ${formatCount(dropped)} dropped (${formatPercent(dropped / count)})`,
      );
      if (dropped > 0) {
        appendRect(g, x0, y + TRAFFIC_STRIP_PX - 2.5, x1 - x0 + 0.2, 2.5, 'cell-drop').attr('fill-opacity', Math.round(Math.max(0.25, dropped / count) * 100) / 100);
      }
    }
  });
  return 16 + pairs.length * (TRAFFIC_STRIP_PX + 1) + 4;
}

/** True when the detail window shows the whole run, so highlighting it would say nothing. */
export function windowIsWholeRun(ctx: ReportContext): boolean {
  return ctx.window.fromUs <= 0 && ctx.window.toUs >= ctx.model.endUs;
}

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
  // Rows: title (y 14), marker labels (y 30), axis labels (y 42), lanes from 52.
  const lanesTop = 52;
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
  drawTimeAxis(g, ctx.x, lanesTop - 4, { labels: 'above', gridTopPx: lanesTop, gridBottomPx: lanesBottom });
  drawLaneFrames(ctx, g, geometry);
  // Grid lines go under the lane backgrounds otherwise; redraw them lightly on top of the backgrounds.
  const grid = g.append('g');
  for (const tick of ctx.x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)))) appendLine(grid, ctx.x(tick), lanesTop, ctx.x(tick), lanesBottom, 'grid');
  drawRoles(ctx, g, geometry);
  drawNodeSpans(ctx, g, geometry);
  drawNetworkFaults(ctx, g, geometry);
  drawMarks(ctx, g, geometry);

  // The detail window as a highlighted band (not when it is the whole run: that would only tint everything).
  const w = ctx.window;
  if (!windowIsWholeRun(ctx)) {
    const wx0 = ctx.x(w.fromUs);
    const wx1 = ctx.x(w.toUs);
    const band = appendRect(g, wx0, lanesTop - 2, Math.max(2, wx1 - wx0), lanesBottom - lanesTop + 4, 'window');
    addTitle(band, `detail window ${formatTimeUs(w.fromUs)} – ${formatTimeUs(w.toUs)}: ${w.reason}; drawn message by message below`);
  }

  let rowsBottom = lanesBottom;
  if (model.leaderLosses.length > 0 || model.leaderless.length > 0) rowsBottom += drawLeaderlessRow(ctx, g, lanesBottom + 3);
  // A shared scale that reaches past this run's end (a comparison with a longer run): grey that part out.
  const [, domainEndUs] = ctx.x.domain() as [number, number];
  if (domainEndUs > Math.max(1, model.endUs)) {
    const ex = ctx.x(model.endUs);
    const rest = applyExtra(appendRect(g, ex, lanesTop, ctx.plotRightPx - ex, rowsBottom - lanesTop, 'after-end'), 'afterEnd');
    addTitle(rest, `this run ended at ${formatTimeUs(model.endUs)} (${model.end?.verdict ?? 'no end record'}); the axis is shared with a longer run`);
    appendLine(g, ex, lanesTop - 2, ex, rowsBottom + 2, 'axis');
    if (ctx.plotRightPx - ex >= textWidthPx('run ended', 10) + 8) appendText(g, ex + 5, lanesTop + 13, 'run ended', 'note');
  }

  const strips = options.trafficStrips ?? true;
  const stripsHeight = strips ? drawTrafficStrips(ctx, g, rowsBottom + 4) : 0;
  const axisY = rowsBottom + 4 + stripsHeight + 2;
  drawTimeAxis(g, ctx.x, axisY, { labels: 'below' });
  drawRunMarkers(ctx, g, ctx.x, 0, model.endUs, 22, axisY, 30);
  return { heightPx: axisY + 22, lanesBottomPx: topPx + axisY };
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
  const lanesTop = 62;
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
  drawTimeAxis(g, x, lanesTop - 4, { labels: 'above', gridTopPx: lanesTop, gridBottomPx: lanesBottom });
  drawLaneFrames(ctx, g, geometry);
  appendClip(defs, 'clip-detail', ctx.plotLeftPx, lanesTop - 2, ctx.plotRightPx - ctx.plotLeftPx, lanesBottom - lanesTop + 4);
  const clipped = g.append('g').attr('clip-path', 'url(#clip-detail)');
  drawNodeSpans(ctx, clipped, geometry);
  drawRoles(ctx, clipped, geometry);
  drawNetworkFaults(ctx, clipped, geometry);
  drawMarks(ctx, clipped, geometry);
  drawArrows(ctx, clipped, geometry);
  drawRunMarkers(ctx, clipped, x, w.fromUs, w.toUs, lanesTop - 2, lanesBottom + 2, lanesBottom - 6);
  drawTimeAxis(g, x, lanesBottom + 4, { labels: 'below' });
  return lanesBottom + 26;
}
