// Charts under the timeline. Time charts share the timeline's x scale (ctx.x) so a spike lines up with the
// fault above it. A chart whose records are absent from the trace is skipped entirely (no empty box).
import type { ContinuousScale, Selection } from 'd3-node';
import { Buckets, downsampleSteps, quantileSorted, type Point } from './aggregate.js';
import { formatCount, formatDurationUs, formatNumber, formatPercent, formatTimeUs, px, textWidthPx } from './format.js';
import type { Series } from './model.js';
import { addTitle, appendLine, appendRect, appendText, drawRunTag, drawTimeAxis, translate, type ReportContext } from './svg.js';
import type { RunTag } from './theme.js';
import { drawRunMarkers, windowIsWholeRun } from './timeline/run-markers.js';

const PLOT_HEIGHT_PX = 92;
/** Title row above the plot, time axis below it, gap to the next chart. */
const TITLE_PX = 26;
const AXIS_PX = 22;
const GAP_PX = 10;
export const CHART_HEIGHT_PX = TITLE_PX + PLOT_HEIGHT_PX + AXIS_PX + GAP_PX;
/** Below a plot without time axis labels (the upper chart of a comparison pair). */
const BARE_AXIS_PX = 6;

/**
 * How a chart is drawn inside a larger report. The run report uses the defaults; the comparison report
 * draws each chart once per run, tagged, with the y extents of both runs (`shared`) so the pair is
 * read on the same scales, and the upper chart of a pair without time axis labels.
 */
export interface ChartOptions {
  /** The run's tag, drawn before the title. */
  readonly tag?: RunTag;
  /** Plot height; default 92 px. */
  readonly plotHeightPx?: number;
  /** Time axis labels under the plot; default true. */
  readonly timeAxisLabels?: boolean;
  /** y extents to use instead of this run's own (chartExtents of both runs, merged). */
  readonly shared?: ChartExtents;
  /** When this run has no records for the chart: draw an empty frame with this note instead of skipping it. */
  readonly emptyNote?: string;
}

/** The y extent each chart derives from its data: maxima, and the client latency range (µs). Null: no data. */
export interface ChartExtents {
  readonly commit: number | null;
  readonly applyLag: number | null;
  readonly logEntries: number | null;
  readonly snapshotLag: number | null;
  readonly latency: readonly [number, number] | null;
  readonly elections: number | null;
}

/** Height a chart takes with these options (it is the same whether or not the chart has data). */
export function chartHeight(options: ChartOptions = {}): number {
  return TITLE_PX + (options.plotHeightPx ?? PLOT_HEIGHT_PX) + ((options.timeAxisLabels ?? true) ? AXIS_PX : BARE_AXIS_PX) + GAP_PX;
}

/** Series are reduced to at most this many points each before drawing. */
const MAX_POINTS_PER_SERIES = 1000;
/** Distinct 2 px cells drawn as latency dots (one path, so the cost is bytes, not elements). */
const MAX_LATENCY_DOTS = 20_000;

interface Frame {
  readonly g: Selection;
  readonly topPx: number;
  readonly bottomPx: number;
}

/** Title row, plot background and node legend of a chart at `topPx`. */
function frame(ctx: ReportContext, parent: Selection, topPx: number, title: string, note: string, legendNodes: readonly string[], options: ChartOptions = {}): Frame {
  const g = parent.append('g').attr('class', 'chart').attr('transform', translate(0, topPx));
  let titleX = 16;
  if (options.tag !== undefined) titleX += drawRunTag(g, 16, 16, options.tag) + 8;
  appendText(g, titleX, 16, title, 'h2');
  const noteX = titleX + textWidthPx(title, 13) * 1.12 + 10; // bold 13 px runs wider than the 0.6 em estimate
  if (note !== '') appendText(g, noteX, 16, note, 'note');
  // Node legend at the right end of the title row.
  let x = ctx.plotRightPx;
  for (const node of [...legendNodes].reverse()) {
    x -= textWidthPx(node, 10) + 6;
    appendText(g, x, 16, node, 'note');
    x -= 18;
    appendLine(g, x, 12.5, x + 14, 12.5, 'swatch-line').attr('stroke', ctx.nodeColor(node));
    x -= 6;
  }
  const top = TITLE_PX;
  const bottom = TITLE_PX + (options.plotHeightPx ?? PLOT_HEIGHT_PX);
  appendRect(g, ctx.plotLeftPx, top, ctx.plotRightPx - ctx.plotLeftPx, bottom - top, 'panel');
  return { g, topPx: top, bottomPx: bottom };
}

/** A chart frame with only a note: this run has none of the chart's records (comparison reports). */
function emptyChart(ctx: ReportContext, parent: Selection, topPx: number, title: string, options: ChartOptions): number {
  const f = frame(ctx, parent, topPx, title, '', [], options);
  appendText(f.g, (ctx.plotLeftPx + ctx.plotRightPx) / 2, (f.topPx + f.bottomPx) / 2 + 4, options.emptyNote ?? '', 'note mid');
  timeDecorations(ctx, f, options);
  return chartHeight(options);
}

/** Nothing to draw: skipped (0 px), or an empty frame when the options ask for one. */
function noData(ctx: ReportContext, parent: Selection, topPx: number, title: string, options: ChartOptions): number {
  return options.emptyNote === undefined ? 0 : emptyChart(ctx, parent, topPx, title, options);
}

/** Horizontal grid lines and labels for y ticks. */
function yAxis(ctx: ReportContext, f: Frame, y: ContinuousScale, ticks: readonly number[], label: (value: number) => string): void {
  for (const tick of ticks) {
    const ty = y(tick);
    appendLine(f.g, ctx.plotLeftPx, ty, ctx.plotRightPx, ty, 'grid');
    appendText(f.g, ctx.plotLeftPx - 6, ty + 3.5, label(tick), 'note end');
  }
}

/** Time axis, detail-window band and run markers shared by every time chart. */
function timeDecorations(ctx: ReportContext, f: Frame, options: ChartOptions = {}): void {
  const w = ctx.window;
  if (!windowIsWholeRun(ctx)) appendRect(f.g, ctx.x(w.fromUs), f.topPx, Math.max(1, ctx.x(w.toUs) - ctx.x(w.fromUs)), f.bottomPx - f.topPx, 'window-fill');
  drawRunMarkers(ctx, f.g, ctx.x, 0, ctx.model.endUs, f.topPx, f.bottomPx, null);
  // A shared axis reaching past this run's end: a thin line where the run ended.
  const [, domainEndUs] = ctx.x.domain() as [number, number];
  if (domainEndUs > Math.max(1, ctx.model.endUs)) {
    const ex = ctx.x(ctx.model.endUs);
    addTitle(appendLine(f.g, ex, f.topPx, ex, f.bottomPx, 'axis'), `this run ended at ${formatTimeUs(ctx.model.endUs)}`);
  }
  drawTimeAxis(f.g, ctx.x, f.bottomPx, { labels: (options.timeAxisLabels ?? true) ? 'below' : 'none' });
}

/** Buckets over the whole time axis (in a comparison, both runs get the same buckets). */
function timeBuckets(ctx: ReportContext, count: number): Buckets {
  const [, domainEndUs] = ctx.x.domain() as [number, number];
  return new Buckets(0, Math.max(1, domainEndUs), count);
}

/** Invisible full-height columns that carry a hover title per time bucket. */
function hoverColumns(ctx: ReportContext, f: Frame, buckets: Buckets, text: (bucket: number) => string | null): void {
  const g = f.g.append('g').attr('fill', '#000').attr('fill-opacity', 0);
  for (let b = 0; b < buckets.count; b++) {
    const content = text(b);
    if (content === null) continue;
    const x0 = ctx.x(buckets.startUs(b));
    const x1 = ctx.x(buckets.endUs(b));
    addTitle(appendRect(g, x0, f.topPx, x1 - x0, f.bottomPx - f.topPx, ''), `${formatTimeUs(buckets.startUs(b))} – ${formatTimeUs(buckets.endUs(b))}: ${content}`);
  }
}

function bucketCount(ctx: ReportContext, pxPerBucket: number, max: number): number {
  return Math.max(10, Math.min(max, Math.floor((ctx.plotRightPx - ctx.plotLeftPx) / pxPerBucket)));
}

/** Per-node series reduced for drawing, and their maximum. */
function reduceNodeSeries(ctx: ReportContext, seriesByNode: ReadonlyMap<string, Series>): { nodes: string[]; reduced: Map<string, Point[]>; max: number } {
  const nodes = ctx.model.nodes.filter((node) => (seriesByNode.get(node)?.tUs.length ?? 0) > 0);
  const endUs = ctx.model.endUs;
  const reduced = new Map<string, Point[]>();
  let max = 0;
  for (const node of nodes) {
    const points = downsampleSteps(seriesByNode.get(node)!, 0, endUs, MAX_POINTS_PER_SERIES);
    reduced.set(node, points);
    for (const [, value] of points) if (value > max) max = value;
  }
  return { nodes, reduced, max };
}

type SeriesExtent = 'commit' | 'applyLag' | 'logEntries' | 'snapshotLag';

/** One step line per node from per-node series (commit index, lag, log size...). Returns height or 0. */
function nodeSeriesChart(
  ctx: ReportContext,
  parent: Selection,
  topPx: number,
  seriesByNode: ReadonlyMap<string, Series>,
  title: string,
  note: string,
  unit: string,
  step: boolean,
  extent: SeriesExtent,
  options: ChartOptions,
): number {
  const { nodes, reduced, max: ownMax } = reduceNodeSeries(ctx, seriesByNode);
  if (nodes.length === 0) return noData(ctx, parent, topPx, title, options);
  const max = options.shared?.[extent] ?? ownMax;
  const f = frame(ctx, parent, topPx, title, note, nodes, options);
  const y = ctx.d3.scaleLinear().domain([0, Math.max(1, max)]).nice(4).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, y.ticks(4), (value) => formatNumber(value, 1));
  timeDecorations(ctx, f, options);
  const line = ctx.d3.line().digits(1);
  if (step) line.curve(ctx.d3.curveStepAfter);
  for (const node of nodes) {
    const points = reduced.get(node)!;
    const pixels = points.map(([tUs, value]) => [ctx.x(tUs), y(value)] as const);
    const series = seriesByNode.get(node)!;
    let peak = 0;
    let peakUs = 0;
    for (let k = 0; k < series.value.length; k++) {
      if (series.value[k]! > peak) {
        peak = series.value[k]!;
        peakUs = series.tUs[k]!;
      }
    }
    const last = series.value.length - 1;
    const path = f.g.append('path').attr('d', line(pixels) ?? '').attr('class', 'series').attr('stroke', ctx.nodeColor(node));
    addTitle(
      path,
      `${node}: ${formatCount(series.value.length)} samples; last ${formatNumber(series.value[last]!, 1)} ${unit} at ${formatTimeUs(series.tUs[last]!)}; max ${formatNumber(peak, 1)} ${unit} at ${formatTimeUs(peakUs)}`,
    );
  }
  return chartHeight(options);
}

export function drawCommitChart(ctx: ReportContext, parent: Selection, topPx: number, options: ChartOptions = {}): number {
  return nodeSeriesChart(ctx, parent, topPx, ctx.model.commit, 'Commit index', 'per node, from commit records (restart: durable commit)', 'index', true, 'commit', options);
}

export function drawApplyLagChart(ctx: ReportContext, parent: Selection, topPx: number, options: ChartOptions = {}): number {
  return nodeSeriesChart(ctx, parent, topPx, ctx.model.applyLag, 'Apply lag', 'commit index − last applied index, entries (max per pixel)', 'entries', true, 'applyLag', options);
}

export function drawLogSizeChart(ctx: ReportContext, parent: Selection, topPx: number, options: ChartOptions = {}): number {
  return nodeSeriesChart(ctx, parent, topPx, ctx.model.logEntries, 'Retained log', 'entries kept in each node’s log (from log samples)', 'entries', false, 'logEntries', options);
}

export function drawSnapshotLagChart(ctx: ReportContext, parent: Selection, topPx: number, options: ChartOptions = {}): number {
  return nodeSeriesChart(ctx, parent, topPx, ctx.model.snapshotLag, 'Snapshot lag', 'applied index − snapshot index, entries (from log samples)', 'entries', false, 'snapshotLag', options);
}

/** Powers of ten (and 2×, 5× when the range is short) inside [lo, hi], for a log axis. */
function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  const decades = Math.log10(hi / lo);
  const multiples = decades <= 2 ? [1, 2, 5] : [1];
  for (let power = Math.floor(Math.log10(lo)); power <= Math.ceil(Math.log10(hi)); power++) {
    for (const m of multiples) {
      const value = m * 10 ** power;
      if (value >= lo && value <= hi) ticks.push(value);
    }
  }
  return ticks;
}

/** Smallest and largest client operation latency (µs, at least 1), or null without operations. */
function latencyRange(ctx: ReportContext): [number, number] | null {
  const ops = ctx.model.clientOps;
  if (ops.tUs.length === 0) return null;
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (let k = 0; k < ops.tUs.length; k++) {
    const latency = Math.max(1, ops.latencyUs[k]!);
    lo = Math.min(lo, latency);
    hi = Math.max(hi, latency);
  }
  return [lo, hi];
}

/** Client latency: p50 and p99 of completed operations per bucket (log scale), timeouts and failures as ×. */
export function drawLatencyChart(ctx: ReportContext, parent: Selection, topPx: number, options: ChartOptions = {}): number {
  const ops = ctx.model.clientOps;
  if (ops.tUs.length === 0) return noData(ctx, parent, topPx, 'Client latency', options);
  const buckets = timeBuckets(ctx, bucketCount(ctx, 8, 160));
  const ok: number[][] = Array.from({ length: buckets.count }, () => []);
  const timeouts = new Array<number>(buckets.count).fill(0);
  const timeoutMax = new Array<number>(buckets.count).fill(0);
  const fails = new Array<number>(buckets.count).fill(0);
  const failMax = new Array<number>(buckets.count).fill(0);
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  let okTotal = 0;
  for (let k = 0; k < ops.tUs.length; k++) {
    const b = buckets.index(ops.tUs[k]!);
    if (b < 0) continue;
    const latency = Math.max(1, ops.latencyUs[k]!);
    lo = Math.min(lo, latency);
    hi = Math.max(hi, latency);
    const outcome = ops.outcome[k];
    if (outcome === 'ok') {
      ok[b]!.push(latency);
      okTotal++;
    } else if (outcome === 'timeout') {
      timeouts[b]!++;
      timeoutMax[b] = Math.max(timeoutMax[b]!, latency);
    } else {
      fails[b]!++;
      failMax[b] = Math.max(failMax[b]!, latency);
    }
  }
  const timeoutTotal = timeouts.reduce((a, b) => a + b, 0);
  const failTotal = fails.reduce((a, b) => a + b, 0);
  const f = frame(
    ctx,
    parent,
    topPx,
    'Client latency',
    `dots: ${formatCount(okTotal)} completed operations; lines: p50 (blue) and p99 (orange) per ${formatDurationUs(buckets.widthUs)}; red × timeouts (${formatCount(timeoutTotal)}), grey × failures (${formatCount(failTotal)}); log scale`,
    [],
    options,
  );
  if (options.shared?.latency) [lo, hi] = options.shared.latency;
  const yLo = 10 ** Math.floor(Math.log10(lo));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(hi, yLo * 10)));
  const y = ctx.d3.scaleLog().domain([yLo, yHi]).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, logTicks(yLo, yHi), (value) => formatDurationUs(value));
  timeDecorations(ctx, f, options);
  const p50: number[] = [];
  const p99: number[] = [];
  const segments = (quantiles: number[]): string => {
    const parts: string[] = [];
    for (let b = 0; b < buckets.count; b++) {
      const q = quantiles[b]!;
      if (Number.isNaN(q)) continue;
      parts.push(`M${px(ctx.x(buckets.startUs(b)))},${px(y(q))}H${px(ctx.x(buckets.endUs(b)))}`);
    }
    return parts.join('');
  };
  for (const list of ok) {
    list.sort((a, b) => a - b);
    p50.push(quantileSorted(list, 0.5));
    p99.push(quantileSorted(list, 0.99));
  }
  // Every completed operation as a faint dot, merged on a 2 px grid: one path element however many ops.
  const seen = new Set<number>();
  const dots: string[] = [];
  for (let k = 0; k < ops.tUs.length && dots.length < MAX_LATENCY_DOTS; k++) {
    if (ops.outcome[k] !== 'ok') continue;
    const dx = Math.round(ctx.x(ops.tUs[k]!) / 2);
    const dy = Math.round(y(Math.max(1, ops.latencyUs[k]!)) / 2);
    const key = dx * 4096 + dy;
    if (seen.has(key)) continue;
    seen.add(key);
    dots.push(`M${dx * 2},${dy * 2}h0`);
  }
  f.g.append('path').attr('d', dots.join('')).attr('class', 'dots');
  addTitle(f.g.append('path').attr('d', segments(p99)).attr('class', 'q99'), 'p99 latency of completed operations per bucket');
  addTitle(f.g.append('path').attr('d', segments(p50)).attr('class', 'q50'), 'p50 latency of completed operations per bucket');
  const cross = (count: number[], max: number[], className: string, what: string): void => {
    for (let b = 0; b < buckets.count; b++) {
      if (count[b] === 0) continue;
      const cx = ctx.x((buckets.startUs(b) + buckets.endUs(b)) / 2);
      const cy = y(max[b]!);
      const mark = f.g.append('path').attr('d', `M${px(cx - 3)},${px(cy - 3)}l6,6M${px(cx - 3)},${px(cy + 3)}l6,-6`).attr('class', className);
      addTitle(mark, `${formatCount(count[b]!)} ${what} in ${formatTimeUs(buckets.startUs(b))} – ${formatTimeUs(buckets.endUs(b))}, longest after ${formatDurationUs(max[b]!)}`);
    }
  };
  cross(fails, failMax, 'x-fail', 'failed operations');
  cross(timeouts, timeoutMax, 'x-timeout', 'timed-out operations');
  hoverColumns(ctx, f, buckets, (b) => {
    const list = ok[b]!;
    if (list.length === 0 && timeouts[b] === 0 && fails[b] === 0) return null;
    const quantiles = list.length > 0 ? `, p50 ${formatDurationUs(p50[b]!)}, p99 ${formatDurationUs(p99[b]!)}, max ${formatDurationUs(list[list.length - 1]!)}` : '';
    return `${formatCount(list.length)} ok${quantiles}; ${formatCount(timeouts[b]!)} timeouts, ${formatCount(fails[b]!)} failures`;
  });
  return chartHeight(options);
}

interface ElectionBuckets {
  readonly buckets: Buckets;
  readonly preVotes: number[];
  readonly real: number[];
  readonly leaders: string[][];
  /** Largest bar (at least 1). */
  readonly max: number;
}

function electionBuckets(ctx: ReportContext): ElectionBuckets {
  const { elections, leaderChanges } = ctx.model;
  const buckets = timeBuckets(ctx, bucketCount(ctx, 10, 120));
  const preVotes = new Array<number>(buckets.count).fill(0);
  const real = new Array<number>(buckets.count).fill(0);
  const leaders: string[][] = Array.from({ length: buckets.count }, () => []);
  for (const e of elections) {
    const b = buckets.index(e.tUs);
    if (b < 0) continue;
    if (e.preVote) preVotes[b]!++;
    else real[b]!++;
  }
  for (const change of leaderChanges) {
    const b = buckets.index(change.tUs);
    if (b >= 0) leaders[b]!.push(`${change.node} (term ${change.term}) at ${formatTimeUs(change.tUs)}`);
  }
  let max = 1;
  for (let b = 0; b < buckets.count; b++) max = Math.max(max, preVotes[b]! + real[b]!, leaders[b]!.length);
  return { buckets, preVotes, real, leaders, max };
}

/** Elections per bucket (pre-vote rounds and real elections stacked) and leader changes (green). */
export function drawElectionChart(ctx: ReportContext, parent: Selection, topPx: number, options: ChartOptions = {}): number {
  const { elections, leaderChanges } = ctx.model;
  if (elections.length === 0 && leaderChanges.length === 0) return noData(ctx, parent, topPx, 'Elections', options);
  const { buckets, preVotes, real, leaders, max: ownMax } = electionBuckets(ctx);
  const max = options.shared?.elections ?? ownMax;
  const preVoteTotal = preVotes.reduce((a, b) => a + b, 0);
  const realTotal = real.reduce((a, b) => a + b, 0);
  const f = frame(
    ctx,
    parent,
    topPx,
    'Elections',
    `per ${formatDurationUs(buckets.widthUs)}: pre-vote rounds (light, ${formatCount(preVoteTotal)}), elections (orange, ${formatCount(realTotal)}), new leaders (green, ${formatCount(leaderChanges.length)})`,
    [],
    options,
  );
  const y = ctx.d3.scaleLinear().domain([0, max]).nice(4).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, y.ticks(Math.min(4, max)).filter((tick) => Number.isInteger(tick)), (value) => String(value));
  timeDecorations(ctx, f, options);
  for (let b = 0; b < buckets.count; b++) {
    const x0 = ctx.x(buckets.startUs(b));
    const width = Math.max(1, ctx.x(buckets.endUs(b)) - x0);
    const barWidth = width * 0.45;
    const base = y(0);
    if (preVotes[b]! > 0) appendRect(f.g, x0 + 0.5, y(preVotes[b]!), barWidth, base - y(preVotes[b]!), 'bar-prevote');
    if (real[b]! > 0) appendRect(f.g, x0 + 0.5, y(preVotes[b]! + real[b]!), barWidth, y(preVotes[b]!) - y(preVotes[b]! + real[b]!), 'bar-election');
    if (leaders[b]!.length > 0) appendRect(f.g, x0 + 0.5 + barWidth, y(leaders[b]!.length), barWidth, base - y(leaders[b]!.length), 'bar-leader');
  }
  hoverColumns(ctx, f, buckets, (b) => {
    if (preVotes[b] === 0 && real[b] === 0 && leaders[b]!.length === 0) return null;
    const shown = leaders[b]!.slice(0, 4).join(', ');
    const more = leaders[b]!.length > 4 ? ` and ${leaders[b]!.length - 4} more` : '';
    return `${preVotes[b]} pre-vote rounds, ${real[b]} elections${leaders[b]!.length > 0 ? `; new leaders: ${shown}${more}` : ''}`;
  });
  return chartHeight(options);
}

/** The y extents of every chart for this run (for charts of two runs on the same scales). */
export function chartExtents(ctx: ReportContext): ChartExtents {
  const seriesMax = (map: ReadonlyMap<string, Series>): number | null => {
    const { nodes, max } = reduceNodeSeries(ctx, map);
    return nodes.length === 0 ? null : max;
  };
  const { elections, leaderChanges } = ctx.model;
  return {
    commit: seriesMax(ctx.model.commit),
    applyLag: seriesMax(ctx.model.applyLag),
    logEntries: seriesMax(ctx.model.logEntries),
    snapshotLag: seriesMax(ctx.model.snapshotLag),
    latency: latencyRange(ctx),
    elections: elections.length === 0 && leaderChanges.length === 0 ? null : electionBuckets(ctx).max,
  };
}

/** The extents covering both runs. */
export function mergeExtents(a: ChartExtents, b: ChartExtents): ChartExtents {
  const max = (p: number | null, q: number | null): number | null => (p === null ? q : q === null ? p : Math.max(p, q));
  const latency: readonly [number, number] | null =
    a.latency === null ? b.latency : b.latency === null ? a.latency : [Math.min(a.latency[0], b.latency[0]), Math.max(a.latency[1], b.latency[1])];
  return {
    commit: max(a.commit, b.commit),
    applyLag: max(a.applyLag, b.applyLag),
    logEntries: max(a.logEntries, b.logEntries),
    snapshotLag: max(a.snapshotLag, b.snapshotLag),
    latency,
    elections: max(a.elections, b.elections),
  };
}

/** Network throughput: messages/s entering the network and dropped/s, per bucket. */
export function drawNetworkChart(ctx: ReportContext, parent: Selection, topPx: number): number {
  const messages = ctx.model.messages;
  if (messages.count === 0) return 0;
  const buckets = timeBuckets(ctx, bucketCount(ctx, 6, 250));
  const sent = new Array<number>(buckets.count).fill(0);
  const dropped = new Array<number>(buckets.count).fill(0);
  let droppedTotal = 0;
  for (let m = 0; m < messages.count; m++) {
    const b = buckets.index(messages.startUs(m));
    if (b < 0) continue;
    sent[b]!++;
    if (!Number.isNaN(messages.dropUs[m]!)) {
      dropped[b]!++;
      droppedTotal++;
    }
  }
  const seconds = buckets.widthUs / 1_000_000;
  const maxRate = Math.max(1, ...sent.map((count) => count / seconds));
  const f = frame(
    ctx,
    parent,
    topPx,
    'Network',
    `messages/s sent (blue) and dropped (red), ${formatDurationUs(buckets.widthUs)} buckets · ${formatCount(messages.count)} messages, ${formatCount(droppedTotal)} dropped (${formatPercent(droppedTotal / messages.count)})`,
    [],
  );
  const y = ctx.d3.scaleLinear().domain([0, maxRate]).nice(4).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, y.ticks(4), (value) => formatCount(value));
  timeDecorations(ctx, f);
  const area = (counts: number[]): string => {
    const parts: string[] = [`M${px(ctx.x(0))},${px(y(0))}`];
    for (let b = 0; b < buckets.count; b++) {
      const rateY = px(y(counts[b]! / seconds));
      parts.push(`V${rateY}H${px(ctx.x(buckets.endUs(b)))}`);
    }
    parts.push(`V${px(y(0))}Z`);
    return parts.join('');
  };
  f.g.append('path').attr('d', area(sent)).attr('class', 'area-sent');
  if (droppedTotal > 0) f.g.append('path').attr('d', area(dropped)).attr('class', 'area-drop');
  hoverColumns(ctx, f, buckets, (b) =>
    sent[b] === 0 ? null : `${formatCount(sent[b]!)} messages (${formatCount(sent[b]! / seconds)}/s), ${formatCount(dropped[b]!)} dropped (${formatPercent(dropped[b]! / sent[b]!)})`,
  );
  return CHART_HEIGHT_PX;
}

/** Election latency histogram (its own x axis, in ms) with p50/p90/p99 lines. */
export function drawElectionLatencyChart(ctx: ReportContext, parent: Selection, topPx: number): number {
  const samples = ctx.model.electionLatencies.map((e) => e.latencyUs).sort((a, b) => a - b);
  if (samples.length === 0) return 0;
  const q = { p50: quantileSorted(samples, 0.5), p90: quantileSorted(samples, 0.9), p99: quantileSorted(samples, 0.99) };
  const f = frame(
    ctx,
    parent,
    topPx,
    'Election latency',
    `${formatCount(samples.length)} elections, leaderless time until a new leader: p50 ${formatDurationUs(q.p50)}, p90 ${formatDurationUs(q.p90)}, p99 ${formatDurationUs(q.p99)}`,
    [],
  );
  const maxUs = samples[samples.length - 1]!;
  const x = ctx.d3.scaleLinear().domain([0, Math.max(1, maxUs)]).nice(10).range([ctx.plotLeftPx, ctx.plotRightPx]);
  const [, domainMaxUs] = x.domain() as [number, number];
  const bins = 40;
  const binUs = domainMaxUs / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const value of samples) counts[Math.min(bins - 1, Math.floor(value / binUs))]!++;
  const y = ctx.d3.scaleLinear().domain([0, Math.max(1, ...counts)]).nice(4).range([f.bottomPx, f.topPx + 4]);
  yAxis(ctx, f, y, y.ticks(4).filter((tick) => Number.isInteger(tick)), (value) => String(value));
  for (let b = 0; b < bins; b++) {
    if (counts[b] === 0) continue;
    const x0 = x(b * binUs);
    const x1 = x((b + 1) * binUs);
    const bar = appendRect(f.g, x0 + 0.5, y(counts[b]!), Math.max(1, x1 - x0 - 1), y(0) - y(counts[b]!), 'bar-hist');
    addTitle(bar, `${counts[b]} elections took ${formatDurationUs(b * binUs)} – ${formatDurationUs((b + 1) * binUs)}`);
  }
  Object.entries(q).forEach(([name, value], row) => {
    const lx = x(value);
    const line = appendLine(f.g, lx, f.topPx, lx, f.bottomPx, `q${name.slice(1)}`);
    addTitle(line, `${name}: ${formatDurationUs(value)}`);
    // One label row per quantile: p90 and p99 are often a few pixels apart.
    const text = `${name} ${formatDurationUs(value)}`;
    const anchorEnd = lx + textWidthPx(text, 9) + 4 > ctx.plotRightPx;
    appendText(f.g, anchorEnd ? lx - 3 : lx + 3, f.topPx + 11 + row * 11, text, `tiny halo${anchorEnd ? ' end' : ''}`);
  });
  // Its own axis: latency, not run time.
  const ticks = x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)));
  appendLine(f.g, ctx.plotLeftPx, f.bottomPx, ctx.plotRightPx, f.bottomPx, 'axis');
  for (const tick of ticks) {
    appendLine(f.g, x(tick), f.bottomPx, x(tick), f.bottomPx + 4, 'axis');
    appendText(f.g, x(tick), f.bottomPx + 14, formatDurationUs(tick), 'note mid');
  }
  return CHART_HEIGHT_PX;
}
