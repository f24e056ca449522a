/**
 * The comparison report: two runs on the same axes (docs/reports.md, "Comparing two runs").
 *
 *   renderComparisonReport({ label, lines }, { label, lines })
 *
 * Both traces are parsed into RunModels (model.ts) and drawn with the run report's timeline and chart code on
 * ONE time scale, [0, the longer run's end]: A's timeline above B's, then each key chart once per run with
 * the y extents of both runs, so a taller line is a larger value. A table of headline metrics computed from
 * the trace records, and the parameters in which the two runs differ, head the report.
 *
 * Deterministic like the run report: the same traces, labels and options give the same bytes.
 */
import { D3Node, type ContinuousScale, type Selection } from 'd3-node';
import { nearestRank } from './aggregate.js';
import { drawElectionChart } from './charts/elections.js';
import { chartExtents, mergeExtents } from './charts/extents.js';
import type { ChartOptions } from './charts/frame.js';
import { drawLatencyChart } from './charts/latency.js';
import { drawApplyLagChart, drawCommitChart, drawLogSizeChart } from './charts/node-series.js';
import { boldTextWidthPx, cleanText, formatCount, formatDurationUs, formatNumber, formatTimeUs, px, textWidthPx } from './format.js';
import type { RunModel } from './model.js';
import { TraceFormatError } from './trace/error.js';
import { parseTrace } from './trace/parse.js';
import { DEFAULT_WIDTH_PX, drawLegend, parameterLines } from './run-report.js';
import { addTitle, appendLine, appendRect, appendText, drawRunTag, translate, type ReportContext } from './svg.js';
import { RUN_COLORS, RUN_FILLS, VERDICT_COLORS, appendDefs, styleSheet, type RunLetter, type RunTag } from './theme.js';
import { parameterDiff } from './params.js';
import { drawMainTimeline } from './timeline/main-timeline.js';

export interface ComparisonRun {
  /** Short name of the run, e.g. "randomized timeouts". */
  readonly label: string;
  /** The run's trace lines (a trace file split on "\n"). */
  readonly lines: Iterable<string>;
}

export interface ComparisonReportOptions {
  /** Heading; default "raftsim comparison · <A label> vs <B label>". */
  readonly title?: string;
  /** Width of the SVG in px, 600..20000; default 1500. */
  readonly widthPx?: number;
  /** Per node-pair traffic strips under each timeline; default false (they double the timelines' height). */
  readonly trafficStrips?: boolean;
  /**
   * The charts under the timelines, in this order; default all of COMPARISON_CHARTS in that order. A chart
   * neither run has records for is left out.
   */
  readonly charts?: readonly ComparisonChart[];
}

export type ComparisonChart = 'elections' | 'election-latency' | 'commit-index' | 'client-latency' | 'retained-log' | 'apply-lag';

export const COMPARISON_CHARTS: readonly ComparisonChart[] = ['elections', 'election-latency', 'commit-index', 'client-latency', 'retained-log', 'apply-lag'];

/** Headline figures of one run, computed from its trace records alone. Null: the trace cannot tell. */
export interface HeadlineMetrics {
  readonly verdict: string;
  readonly simulatedUs: number;
  readonly elections: number;
  readonly preVoteRounds: number;
  /** Terms in which a candidate campaigned and no node became leader (docs/metrics.md). */
  readonly splitVotes: number;
  readonly leaderChanges: number;
  readonly electionLatencySamples: number;
  readonly electionLatencyP50Us: number | null;
  readonly electionLatencyP99Us: number | null;
  /** Sum of election latencies, plus the time from an unrecovered loss to the end (null: a trace without the measurement records). */
  readonly timeWithoutLeaderUs: number | null;
  readonly peakLogEntries: number | null;
  readonly snapshots: number;
  readonly snapshotsInstalled: number;
  readonly stalls: number;
  readonly messages: number;
  readonly dropped: number;
  readonly clientOk: number;
  readonly clientTimeouts: number;
  readonly clientLatencyP50Us: number | null;
  readonly clientLatencyP99Us: number | null;
}

const MIN_WIDTH_PX = 600;
const MAX_WIDTH_PX = 20_000;
const PLOT_LEFT_PX = 110;
const PLOT_RIGHT_MARGIN_PX = 24;
/** Plot height of each chart of a pair. */
const PAIR_PLOT_PX = 64;

/** Renders two traces as one comparison SVG document. Throws TraceFormatError naming the run of a bad trace. */
export function renderComparisonReport(a: ComparisonRun, b: ComparisonRun, options: ComparisonReportOptions = {}): string {
  checkWidth(options.widthPx);
  const models = (['A', 'B'] as const).map((letter, k) => {
    const run = k === 0 ? a : b;
    try {
      return parseTrace(run.lines);
    } catch (error) {
      if (error instanceof TraceFormatError) {
        throw new TraceFormatError(`${error.message.replace(/^trace line \d+: /, '')} (run ${letter}, "${cleanText(run.label, 60)}")`, error.line);
      }
      throw error;
    }
  });
  return renderComparisonModels({ label: a.label, model: models[0]! }, { label: b.label, model: models[1]! }, options);
}

function checkWidth(widthPx: number | undefined): void {
  if (widthPx !== undefined && (!Number.isInteger(widthPx) || widthPx < MIN_WIDTH_PX || widthPx > MAX_WIDTH_PX)) {
    throw new RangeError(`renderComparisonReport: widthPx must be an integer in ${MIN_WIDTH_PX}..${MAX_WIDTH_PX}, got ${widthPx}`);
  }
}

/** Renders two parsed models (for callers that already hold them). */
export function renderComparisonModels(
  a: { readonly label: string; readonly model: RunModel },
  b: { readonly label: string; readonly model: RunModel },
  options: ComparisonReportOptions = {},
): string {
  checkWidth(options.widthPx);
  const widthPx = options.widthPx ?? DEFAULT_WIDTH_PX;
  const d3n = new D3Node();
  const d3 = d3n.d3;
  const plotLeftPx = PLOT_LEFT_PX;
  const plotRightPx = widthPx - PLOT_RIGHT_MARGIN_PX;
  // The shared time axis: the union of both runs' durations.
  const domainEndUs = Math.max(1, a.model.endUs, b.model.endUs);
  const x = d3.scaleLinear().domain([0, domainEndUs]).range([plotLeftPx, plotRightPx]);
  const palette = d3.schemeTableau10;
  const runs = [
    { letter: 'A' as const, label: a.label, model: a.model },
    { letter: 'B' as const, label: b.label, model: b.model },
  ].map((run) => {
    const colorByNode = new Map(run.model.nodes.map((node, k) => [node, palette[k % palette.length]!]));
    const ctx: ReportContext = {
      d3,
      model: run.model,
      widthPx,
      plotLeftPx,
      plotRightPx,
      x,
      // No detail panel: the "window" is the whole run, which draws no window band anywhere.
      window: { fromUs: 0, toUs: Math.max(1, run.model.endUs), rule: 'whole-run', reason: 'the whole run', messages: [] },
      maxArrows: 0,
      nodeColor: (node) => colorByNode.get(node) ?? '#333',
    };
    const tag: RunTag = { letter: run.letter, label: run.label };
    return { ...run, ctx, tag, headline: headlineMetrics(run.model) };
  });
  const [runA, runB] = runs as [(typeof runs)[0], (typeof runs)[0]];

  const svg = d3n.createSVG(widthPx, 100).attr('version', '1.1');
  svg.append('style').text(styleSheet());
  appendDefs(svg);
  const background = svg.append('rect').attr('class', 'bg').attr('width', widthPx).attr('height', 100);
  const root = svg.append('g');

  let y = drawComparisonHeader(runA, runB, root, widthPx, options.title);
  y += drawHeadlineTable(runA, runB, root, y, widthPx) + 10;
  y += drawLegend(runA.ctx, root, y, [runA.model, runB.model], false) + 6;

  const axisNote =
    a.model.endUs === b.model.endUs
      ? `both runs on one time axis, 0 – ${formatDurationUs(domainEndUs)}; hover any mark for exact values`
      : `both runs on one time axis, 0 – ${formatDurationUs(domainEndUs)} (the longer run, ${a.model.endUs > b.model.endUs ? 'A' : 'B'}); the shorter run is greyed out after its end`;
  for (const run of runs) {
    // data-* attributes say which run a timeline is and the shared domain (for readers of the SVG and tests).
    const main = drawMainTimeline(run.ctx, root, y, {
      tag: run.tag,
      heading: 'Timeline',
      note: axisNote,
      trafficStrips: options.trafficStrips ?? false,
      dataAttributes: { 'data-run': run.letter, 'data-x-domain-us': `0 ${domainEndUs}` },
    });
    y += main.heightPx + 4;
  }

  y += 8;
  const shared = mergeExtents(chartExtents(runA.ctx), chartExtents(runB.ctx));
  const pairs: Readonly<Record<Exclude<ComparisonChart, 'election-latency'>, ChartPair>> = {
    elections: { heading: 'Elections', draw: drawElectionChart, present: (model) => model.elections.length > 0 || model.leaderChanges.length > 0 },
    'commit-index': { heading: 'Commit index', draw: drawCommitChart, present: (model) => model.commit.size > 0 },
    'client-latency': { heading: 'Client latency', draw: drawLatencyChart, present: (model) => model.clientOps.tUs.length > 0 },
    'retained-log': { heading: 'Retained log', draw: drawLogSizeChart, present: (model) => model.logEntries.size > 0 },
    'apply-lag': { heading: 'Apply lag', draw: drawApplyLagChart, present: (model) => model.applyLag.size > 0 },
  };
  for (const chart of new Set(options.charts ?? COMPARISON_CHARTS)) {
    if (chart === 'election-latency') {
      y += drawElectionLatencyComparison(runA, runB, root, y) + 8;
      continue;
    }
    const pair = pairs[chart];
    if (pair === undefined) throw new RangeError(`renderComparisonReport: unknown chart "${String(chart)}"; known: ${COMPARISON_CHARTS.join(', ')}`);
    if (!runs.some((run) => pair.present(run.model))) continue;
    runs.forEach((run, k) => {
      y += pair.draw(run.ctx, root, y, {
        tag: run.tag,
        plotHeightPx: PAIR_PLOT_PX,
        timeAxisLabels: k === 1,
        shared,
        emptyNote: `no ${pair.heading.toLowerCase()} records in run ${run.letter}`,
      });
    });
    y += 8;
  }

  appendText(root, 16, y + 14, `Rendered by raftsim reports from the two traces alone (${formatCount(runA.model.records)} and ${formatCount(runB.model.records)} records). Hover marks for exact values.`, 'note');
  const heightPx = Math.ceil(y + 26);
  svg.attr('height', heightPx).attr('viewBox', `0 0 ${widthPx} ${heightPx}`);
  background.attr('height', heightPx);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${d3n.svgString()}\n`;
}

interface ChartPair {
  readonly heading: string;
  readonly draw: (ctx: ReportContext, parent: Selection, topPx: number, chartOptions: ChartOptions) => number;
  readonly present: (model: RunModel) => boolean;
}

interface Run {
  readonly letter: RunLetter;
  readonly label: string;
  readonly model: RunModel;
  readonly ctx: ReportContext;
  readonly tag: RunTag;
  readonly headline: HeadlineMetrics;
}

/** The headline figures of a run, from its trace records (see HeadlineMetrics). */
export function headlineMetrics(model: RunModel): HeadlineMetrics {
  const real = model.elections.filter((e) => !e.preVote);
  const leaderTerms = new Set(model.leaderChanges.map((change) => change.term));
  const splitVotes = new Set(real.filter((e) => !leaderTerms.has(e.term)).map((e) => e.term)).size;
  const latencies = model.electionLatencies.map((e) => e.latencyUs).sort((p, q) => p - q);
  const measured = model.logEntries.size > 0 || model.leaderLosses.length > 0 || latencies.length > 0;
  let timeWithoutLeaderUs: number | null = null;
  if (measured) {
    timeWithoutLeaderUs = 0;
    for (const span of model.leaderless) timeWithoutLeaderUs += span.toUs - span.fromUs;
    // Traces with election-latency records but no leader-lost records (none are written that way today).
    if (model.leaderless.length === 0) for (const latency of latencies) timeWithoutLeaderUs += latency;
  }
  let peakLogEntries: number | null = null;
  for (const series of model.logEntries.values()) for (const value of series.value) peakLogEntries = Math.max(peakLogEntries ?? 0, value);
  let dropped = 0;
  for (let m = 0; m < model.messages.count; m++) if (!Number.isNaN(model.messages.dropUs[m]!)) dropped++;
  const ok: number[] = [];
  let timeouts = 0;
  model.clientOps.outcome.forEach((outcome, k) => {
    if (outcome === 'ok') ok.push(model.clientOps.latencyUs[k]!);
    else if (outcome === 'timeout') timeouts++;
  });
  ok.sort((p, q) => p - q);
  const q = (sorted: number[], p: number): number | null => (sorted.length === 0 ? null : nearestRank(sorted, p));
  return {
    verdict: model.end?.verdict ?? 'unknown',
    simulatedUs: model.endUs,
    elections: real.length,
    preVoteRounds: model.elections.length - real.length,
    splitVotes,
    leaderChanges: model.leaderChanges.length,
    electionLatencySamples: latencies.length,
    electionLatencyP50Us: q(latencies, 50),
    electionLatencyP99Us: q(latencies, 99),
    timeWithoutLeaderUs,
    peakLogEntries,
    snapshots: model.counts.snapshots,
    snapshotsInstalled: model.counts.snapshotInstalls,
    stalls: model.counts.stalls,
    messages: model.messages.count,
    dropped,
    clientOk: ok.length,
    clientTimeouts: timeouts,
    clientLatencyP50Us: q(ok, 50),
    clientLatencyP99Us: q(ok, 99),
  };
}

function verdictText(verdict: string): string {
  return verdict === 'ok' ? 'OK' : verdict === 'safety' ? 'SAFETY VIOLATION' : verdict === 'liveness' ? 'LIVENESS FAILURE' : verdict.toUpperCase();
}

/** Title and, per run, its tag, verdict badge, facts and key parameters. Returns the height used. */
function drawComparisonHeader(a: Run, b: Run, root: Selection, widthPx: number, title: string | undefined): number {
  const g = root.append('g').attr('class', 'header');
  appendText(g, 16, 28, title ?? `raftsim comparison · ${a.label} vs ${b.label}`, 'h1');
  let y = 56;
  for (const run of [a, b]) {
    const { model } = run;
    const tagWidth = drawRunTag(g, 16, y, run.tag);
    const verdict = model.end?.verdict ?? 'unknown';
    const text = verdictText(verdict);
    const badgeWidth = textWidthPx(text, 11) * 1.1 + 14;
    const badgeX = 16 + tagWidth + 10;
    const badge = g.append('g').attr('transform', translate(badgeX, y - 13));
    badge.append('rect').attr('width', px(badgeWidth)).attr('height', 17).attr('rx', 3).attr('fill', VERDICT_COLORS[verdict] ?? '#757575');
    appendText(badge, badgeWidth / 2, 12.5, text, 'white mid').attr('style', 'font-weight: bold');
    addTitle(badge, `verdict: ${verdict}${model.end?.invariant ? ` (${model.end.invariant}: ${model.end.message ?? ''})` : ''}`);
    const facts = `${model.scenario || 'unnamed scenario'} · seed ${JSON.stringify(model.seed)} · ${model.nodes.length} nodes · simulated ${formatDurationUs(model.endUs)} · ${formatCount(model.records)} records · trace hash ${model.end?.hash ?? '(none)'}`;
    appendText(g, badgeX + badgeWidth + 10, y, facts, 'info');
    y += 16;
    for (const line of parameterLines(model)) {
      appendText(g, 44, y, line, 'note');
      y += 13;
    }
    if (model.end !== null && model.end.verdict === 'safety') {
      appendText(g, 44, y, `Safety violation at ${formatTimeUs(model.end.tUs)}: ${model.end.invariant ?? '?'} — ${cleanText(model.end.message ?? '', 200)}`, 'note warn');
      y += 13;
    }
    y += 10;
  }
  return y;
}

interface Row {
  readonly label: string;
  readonly value: (h: HeadlineMetrics) => number | null;
  readonly format: (value: number) => string;
  readonly hint: string;
}

const durationOrDash = (value: number): string => formatDurationUs(value);

const HEADLINE_ROWS: readonly Row[] = [
  { label: 'elections (real)', value: (h) => h.elections, format: formatCount, hint: 'election records with preVote false: a node became candidate and incremented its term' },
  { label: 'pre-vote rounds', value: (h) => h.preVoteRounds, format: formatCount, hint: 'election records with preVote true' },
  { label: 'split votes', value: (h) => h.splitVotes, format: formatCount, hint: 'terms in which a candidate campaigned and no node became leader' },
  { label: 'leader changes', value: (h) => h.leaderChanges, format: formatCount, hint: 'role records: a node became leader of a new term' },
  { label: 'election latency p50', value: (h) => h.electionLatencyP50Us, format: durationOrDash, hint: 'nearest-rank p50 of election-latency records: leader lost → new leader accepted by a majority' },
  { label: 'election latency p99', value: (h) => h.electionLatencyP99Us, format: durationOrDash, hint: 'nearest-rank p99 of election-latency records' },
  { label: 'time without leader', value: (h) => h.timeWithoutLeaderUs, format: durationOrDash, hint: 'sum of leaderless periods (leader-lost → election-latency, or → end of trace)' },
  { label: 'peak retained log', value: (h) => h.peakLogEntries, format: (v) => `${formatCount(v)} entries`, hint: 'largest entries value of the log samples, over nodes' },
  { label: 'snapshots taken', value: (h) => h.snapshots, format: formatCount, hint: 'snapshot records (all nodes); installs from the leader not counted' },
  { label: 'compaction stalls', value: (h) => h.stalls, format: formatCount, hint: 'stall records' },
  { label: 'client ops ok / timed out', value: (h) => h.clientOk, format: formatCount, hint: 'ok records (the bar); timeouts after the slash' },
  { label: 'client latency p99', value: (h) => h.clientLatencyP99Us, format: durationOrDash, hint: 'nearest-rank p99 of completed operations' },
  { label: 'messages / dropped', value: (h) => h.messages, format: formatCount, hint: 'messages entering the network (the bar); dropped after the slash' },
];

/** Headline metrics of both runs with paired bars, and the parameters that differ. Returns the height used. */
function drawHeadlineTable(a: Run, b: Run, root: Selection, topPx: number, widthPx: number): number {
  const g = root.append('g').attr('class', 'headline').attr('transform', translate(0, topPx));
  appendText(g, 16, 12, 'Headline metrics', 'h2');
  appendText(g, 150, 12, 'computed from the trace records; bars scaled to the larger of the two', 'note');
  const rowPx = 17;
  const colA = 330;
  const colB = 440;
  const barLeft = 460;
  const barWidth = 190;
  drawRunTag(g, colA - 30, 30, { letter: 'A', label: '' }, 11);
  drawRunTag(g, colB - 30, 30, { letter: 'B', label: '' }, 11);
  let y = 48;
  const extra = (h: HeadlineMetrics, label: string): string =>
    label === 'client ops ok / timed out' ? ` / ${formatCount(h.clientTimeouts)}` : label === 'messages / dropped' ? ` / ${formatCount(h.dropped)}` : '';
  for (const row of HEADLINE_ROWS) {
    const va = row.value(a.headline);
    const vb = row.value(b.headline);
    if (va === null && vb === null) continue;
    const rowG = g.append('g');
    if (((y - 48) / rowPx) % 2 === 0) appendRect(rowG, 12, y - 12, barLeft + barWidth + 60 - 12, rowPx, 'lane-bg');
    appendText(rowG, 16, y, row.label, 'info');
    const textA = va === null ? '—' : row.format(va) + extra(a.headline, row.label);
    const textB = vb === null ? '—' : row.format(vb) + extra(b.headline, row.label);
    appendText(rowG, colA, y, textA, 'info end').attr('style', `fill: ${RUN_COLORS.A}`);
    appendText(rowG, colB, y, textB, 'info end').attr('style', `fill: ${RUN_COLORS.B}`);
    const max = Math.max(va ?? 0, vb ?? 0);
    (['A', 'B'] as const).forEach((letter, k) => {
      const value = k === 0 ? va : vb;
      if (value === null || max <= 0) return;
      const w = Math.max(value > 0 ? 1.5 : 0, (value / max) * barWidth);
      appendRect(rowG, barLeft, y - 10 + k * 6, w, 5, '').attr('fill', RUN_FILLS[letter]);
    });
    const change = compareText(va, vb);
    if (change !== '') appendText(rowG, barLeft + barWidth + 8, y, change, 'note');
    addTitle(rowG, `${row.label}: A ${textA} · B ${textB}${change !== '' ? ` (B ${change})` : ''} — ${row.hint}`);
    y += rowPx;
  }
  const tableBottom = y;
  // The parameters that differ, right of the table.
  const diffs = parameterDiff(a.model.params, b.model.params);
  const dx = barLeft + barWidth + 90;
  appendText(g, dx, 12, 'What differs', 'h2');
  appendText(g, dx + 100, 12, diffs.length === 0 ? 'meta.params are identical' : `${diffs.length} of the runs' parameters (meta.params)`, 'note');
  let dy = 34;
  const maxRows = Math.max(4, Math.floor((tableBottom - 34) / 15));
  const available = widthPx - dx - 16;
  const shown = diffs.slice(0, maxRows);
  const keyWidth = Math.min(available * 0.5, Math.max(0, ...shown.map((diff) => textWidthPx(diff.key, 11.5))) + 14);
  const valueWidth = Math.min((available - keyWidth) / 2, Math.max(0, ...shown.map((diff) => textWidthPx(`A ${diff.a}`, 11.5))) + 24);
  const room = Math.max(12, Math.floor(((available - keyWidth) / 2 - 10) / 6.9));
  for (const diff of shown) {
    const rowG = g.append('g');
    appendText(rowG, dx, dy, diff.key, 'info');
    appendText(rowG, dx + keyWidth, dy, `A ${cleanText(diff.a, room)}`, 'info').attr('style', `fill: ${RUN_COLORS.A}`);
    appendText(rowG, dx + keyWidth + valueWidth, dy, `B ${cleanText(diff.b, room)}`, 'info').attr('style', `fill: ${RUN_COLORS.B}`);
    addTitle(rowG, `${diff.key}: A ${diff.a} · B ${diff.b}`);
    dy += 15;
  }
  if (diffs.length > maxRows) {
    appendText(g, dx, dy, `and ${diffs.length - maxRows} more: ${diffs.slice(maxRows, maxRows + 8).map((d) => d.key).join(', ')}${diffs.length > maxRows + 8 ? ', …' : ''}`, 'note');
    dy += 15;
  }
  return Math.max(tableBottom, dy) - 4;
}

/** B relative to A: "+4%" near A, "×3.2" far from it, "+21" from zero, "same"; '' when either is unknown. */
export function compareText(a: number | null, b: number | null): string {
  if (a === null || b === null) return '';
  if (a === b) return 'same';
  if (a > 0 && b > 0) {
    const ratio = b / a;
    if (ratio >= 0.5 && ratio <= 2) {
      const percent = (ratio - 1) * 100;
      const digits = Math.abs(percent) < 1 ? 1 : 0;
      return `${percent > 0 ? '+' : '−'}${formatNumber(Math.abs(percent), digits)}%`;
    }
    return `×${formatNumber(ratio, ratio >= 10 ? 0 : ratio >= 1 ? 1 : 2)}`;
  }
  return b > a ? `+${formatNumber(b - a, 0)}` : `−${formatNumber(a - b, 0)}`;
}

/**
 * Election latency of both runs on one latency axis: per bin, A's bar left and B's right, with each run's
 * p50 and p99 (nearest rank) as lines in the run's colour. Returns the height used.
 */
function drawElectionLatencyComparison(a: Run, b: Run, root: Selection, topPx: number): number {
  const ctx = a.ctx;
  const samples = [a, b].map((run) => run.model.electionLatencies.map((e) => e.latencyUs).sort((p, q) => p - q));
  const plotTop = 26;
  const plotHeight = 80;
  const plotBottom = plotTop + plotHeight;
  const g = root.append('g').attr('class', 'chart').attr('transform', translate(0, topPx));
  appendText(g, 16, 16, 'Election latency', 'h2');
  if (samples.every((list) => list.length === 0)) {
    appendText(g, 16 + boldTextWidthPx('Election latency', 13) + 10, 16, 'no election-latency records in either run: no established leader was lost (the first election is not a sample)', 'note');
    return 24;
  }
  const summary = (letter: RunLetter, sorted: number[]): string =>
    sorted.length === 0 ? `${letter}: no samples` : `${letter}: ${sorted.length} samples, p50 ${formatDurationUs(nearestRank(sorted, 50))}, p99 ${formatDurationUs(nearestRank(sorted, 99))}`;
  appendText(g, 16 + boldTextWidthPx('Election latency', 13) + 10, 16, `leader lost → new leader accepted by a majority (the first election is not a sample) · ${summary('A', samples[0]!)} · ${summary('B', samples[1]!)}`, 'note');
  appendRect(g, ctx.plotLeftPx, plotTop, ctx.plotRightPx - ctx.plotLeftPx, plotHeight, 'panel');
  const maxUs = Math.max(samples[0]![samples[0]!.length - 1] ?? 0, samples[1]![samples[1]!.length - 1] ?? 0);
  const x: ContinuousScale = ctx.d3.scaleLinear().domain([0, Math.max(1, maxUs)]).nice(10).range([ctx.plotLeftPx, ctx.plotRightPx]);
  const [, domainMaxUs] = x.domain() as [number, number];
  const bins = 40;
  const binUs = domainMaxUs / bins;
  const counts = samples.map((list) => {
    const c = new Array<number>(bins).fill(0);
    for (const value of list) c[Math.min(bins - 1, Math.floor(value / binUs))]!++;
    return c;
  });
  const y = ctx.d3.scaleLinear().domain([0, Math.max(1, ...counts[0]!, ...counts[1]!)]).nice(4).range([plotBottom, plotTop + 4]);
  for (const tick of y.ticks(4).filter((t) => Number.isInteger(t))) {
    appendLine(g, ctx.plotLeftPx, y(tick), ctx.plotRightPx, y(tick), 'grid');
    appendText(g, ctx.plotLeftPx - 6, y(tick) + 3.5, String(tick), 'note end');
  }
  (['A', 'B'] as const).forEach((letter, k) => {
    for (let bin = 0; bin < bins; bin++) {
      const count = counts[k]![bin]!;
      if (count === 0) continue;
      const x0 = x(bin * binUs);
      const half = Math.max(1, (x(binUs) - x(0) - 1) / 2);
      const bar = appendRect(g, x0 + 0.5 + k * half, y(count), half, y(0) - y(count), '').attr('fill', RUN_FILLS[letter]);
      addTitle(bar, `${letter}: ${count} elections took ${formatDurationUs(bin * binUs)} – ${formatDurationUs((bin + 1) * binUs)}`);
    }
  });
  let row = 0;
  (['A', 'B'] as const).forEach((letter, k) => {
    const sorted = samples[k]!;
    if (sorted.length === 0) return;
    for (const [name, p] of [['p50', 50], ['p99', 99]] as const) {
      const value = nearestRank(sorted, p);
      const lx = x(value);
      const line = appendLine(g, lx, plotTop, lx, plotBottom, '').attr('stroke', RUN_COLORS[letter]).attr('stroke-width', name === 'p50' ? 2 : 1.5);
      if (name === 'p99') line.attr('stroke-dasharray', '5 3');
      addTitle(line, `${letter} ${name}: ${formatDurationUs(value)}`);
      const text = `${letter} ${name} ${formatDurationUs(value)}`;
      const anchorEnd = lx + textWidthPx(text, 9) + 4 > ctx.plotRightPx;
      appendText(g, anchorEnd ? lx - 3 : lx + 3, plotTop + 11 + row * 11, text, `tiny halo${anchorEnd ? ' end' : ''}`).attr('style', `fill: ${RUN_COLORS[letter]}`);
      row++;
    }
  });
  appendLine(g, ctx.plotLeftPx, plotBottom, ctx.plotRightPx, plotBottom, 'axis');
  for (const tick of x.ticks(Math.max(2, Math.round((ctx.plotRightPx - ctx.plotLeftPx) / 110)))) {
    appendLine(g, x(tick), plotBottom, x(tick), plotBottom + 4, 'axis');
    appendText(g, x(tick), plotBottom + 14, formatDurationUs(tick), 'note mid');
  }
  return plotBottom + 22;
}
