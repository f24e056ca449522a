/**
 * The run report: one standalone SVG document rendered from a raftsim trace alone (docs/reports.md).
 *
 *   renderRunReport(lines) = renderModel(parseTrace(lines))
 *
 * parseTrace (trace/parse.ts) is the only place that reads the trace; the drawing code (header and legend here,
 * timeline.ts, charts.ts) only reads the model. Output is deterministic: fixed ids, no clock, no randomness,
 * coordinates rounded to 0.1 px, locale-free number formatting.
 */
import { D3Node, type Selection } from 'd3-node';
import { drawCompactionDriftChart } from './charts/compaction-drift.js';
import { drawElectionLatencyChart } from './charts/election-latency.js';
import { drawElectionChart } from './charts/elections.js';
import { drawLatencyChart } from './charts/latency.js';
import { drawNetworkChart } from './charts/network.js';
import { drawApplyLagChart, drawCommitChart, drawLogSizeChart, drawSnapshotLagChart } from './charts/node-series.js';
import { cleanText, formatCount, formatDurationUs, formatPercent, formatTimeUs, px, textWidthPx } from './format.js';
import type { MarkKind, RunModel } from './model.js';
import { membershipSummary } from './membership-summary.js';
import { expectationLines, verdictBadge } from './outcome.js';
import { at, num, parameterLines } from './header-params.js';
import { parseTrace } from './trace/parse.js';
import { addTitle, appendLine, appendRect, appendText, translate, type ReportContext } from './svg.js';
import { MESSAGE_CATEGORY_LABELS, NODE_COLORS, ROLE_LABELS, VERDICT_COLORS, appendDefs, applyExtra, styleSheet, type ExtraStyle, type MessageCategory } from './theme.js';
import { drawClientOps } from './timeline/client-ops.js';
import { drawDetailPanel } from './timeline/detail.js';
import { drawLinearizabilityPanel } from './timeline/lincheck-panel.js';
import { drawMainTimeline } from './timeline/main-timeline.js';
import { chooseDetailWindow } from './window.js';

export { TraceFormatError } from './trace/error.js';
export { parameterLines } from './header-params.js';

export interface RunReportOptions {
  /** Detail window start (true time, µs); see docs/reports.md for the default. */
  fromUs?: number;
  /** Detail window end (true time, µs). */
  toUs?: number;
  /** Heading; default "raftsim run report · <scenario> · seed <seed>". */
  title?: string;
  /** Width of the SVG in px, 600..20000; default 1500. */
  widthPx?: number;
  /** At most this many message arrows in the detail panel; default 2000. */
  maxArrows?: number;
}

export const DEFAULT_WIDTH_PX = 1500;
export const DEFAULT_MAX_ARROWS = 2000;
const MIN_WIDTH_PX = 600;
const MAX_WIDTH_PX = 20_000;
const MAX_ARROWS_LIMIT = 100_000;

const PLOT_LEFT_PX = 110;
const PLOT_RIGHT_MARGIN_PX = 24;

/** Renders the trace lines (a trace file split on "\n") as a complete SVG document. */
export function renderRunReport(lines: Iterable<string>, options: RunReportOptions = {}): string {
  checkOptions(options);
  return renderModel(parseTrace(lines), options);
}

function checkOptions(options: RunReportOptions): void {
  const { widthPx, maxArrows } = options;
  if (widthPx !== undefined && (!Number.isInteger(widthPx) || widthPx < MIN_WIDTH_PX || widthPx > MAX_WIDTH_PX)) {
    throw new RangeError(`renderRunReport: widthPx must be an integer in ${MIN_WIDTH_PX}..${MAX_WIDTH_PX}, got ${widthPx}`);
  }
  if (maxArrows !== undefined && (!Number.isInteger(maxArrows) || maxArrows < 0 || maxArrows > MAX_ARROWS_LIMIT)) {
    throw new RangeError(`renderRunReport: maxArrows must be an integer in 0..${MAX_ARROWS_LIMIT}, got ${maxArrows}`);
  }
}

/** Renders an already parsed model (for callers that keep the model, e.g. to render several windows). */
export function renderModel(model: RunModel, options: RunReportOptions = {}): string {
  checkOptions(options);
  const widthPx = options.widthPx ?? DEFAULT_WIDTH_PX;
  const maxArrows = options.maxArrows ?? DEFAULT_MAX_ARROWS;
  const d3n = new D3Node();
  const d3 = d3n.d3;
  const plotLeftPx = PLOT_LEFT_PX;
  const plotRightPx = widthPx - PLOT_RIGHT_MARGIN_PX;
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(1, model.endUs)])
    .range([plotLeftPx, plotRightPx]);
  const palette = NODE_COLORS;
  const colorByNode = new Map(model.nodes.map((node, k) => [node, palette[k % palette.length]!]));
  const ctx: ReportContext = {
    d3,
    model,
    widthPx,
    plotLeftPx,
    plotRightPx,
    x,
    window: chooseDetailWindow(model, { fromUs: options.fromUs, toUs: options.toUs, maxArrows }),
    maxArrows,
    nodeColor: (node) => colorByNode.get(node) ?? '#333',
  };

  const svg = d3n.createSVG(widthPx, 100).attr('version', '1.1');
  svg.append('style').text(styleSheet());
  appendDefs(svg);
  const defs = svg.select('defs');
  const background = svg.append('rect').attr('class', 'bg').attr('width', widthPx).attr('height', 100);
  const root = svg.append('g');

  let y = drawHeader(ctx, root, options.title);
  y += drawLegend(ctx, root, y);
  const main = drawMainTimeline(ctx, root, y);
  y += main.heightPx + 6;
  y += drawDetailPanel(ctx, root, defs, y, main.lanesBottomPx) + 8;
  y += drawClientOps(ctx, root, defs, y);
  y += drawLinearizabilityPanel(ctx, root, y);
  for (const chart of [drawCommitChart, drawApplyLagChart, drawLatencyChart, drawElectionChart, drawNetworkChart, drawLogSizeChart, drawSnapshotLagChart, drawCompactionDriftChart, drawElectionLatencyChart]) {
    y += chart(ctx, root, y);
  }
  appendText(root, 16, y + 14, `Rendered by raftsim reports from the trace alone (${formatCount(model.records)} records). Hover marks for exact values.`, 'note');
  const heightPx = Math.ceil(y + 26);
  svg.attr('height', heightPx).attr('viewBox', `0 0 ${widthPx} ${heightPx}`);
  background.attr('height', heightPx);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${d3n.svgString()}\n`;
}

export function summaryLine(model: RunModel): string {
  const terms = [...new Set(model.leaderChanges.map((change) => change.term))];
  const preVotes = model.elections.filter((e) => e.preVote).length;
  const dropped = model.counts.drops;
  const outcomes = { ok: 0, fail: 0, timeout: 0 };
  for (const outcome of model.clientOps.outcome) outcomes[outcome]++;
  const crashes = model.downSpans.length;
  return [
    `${formatCount(model.leaderChanges.length)} leader elections won (${formatCount(terms.length)} terms)`,
    `${formatCount(model.elections.length - preVotes)} elections, ${formatCount(preVotes)} pre-vote rounds`,
    `${formatCount(model.counts.sends)} messages sent, ${formatCount(dropped)} dropped`,
    `client ops: ${formatCount(outcomes.ok)} ok, ${formatCount(outcomes.fail)} failed, ${formatCount(outcomes.timeout)} timed out`,
    `${formatCount(crashes)} crashes, ${formatCount(model.pauseSpans.length)} pauses, ${formatCount(model.networkFaults.length)} network faults`,
  ].join(' · ');
}

/** Title, verdict badge, run facts, key parameters. Returns the height used. */
function drawHeader(ctx: ReportContext, root: Selection, title: string | undefined): number {
  const { model } = ctx;
  const g = root.append('g').attr('class', 'header');
  const heading = title ?? `raftsim run report · ${model.scenario || 'unnamed scenario'} · seed ${JSON.stringify(model.seed)}`;
  appendText(g, 16, 28, heading, 'h1');
  const badgeInfo = verdictBadge(model);
  const badgeWidth = textWidthPx(badgeInfo.text, 13) * 1.1 + 20; // bold
  const badgeX = Math.min(ctx.widthPx - badgeWidth - 16, 16 + textWidthPx(heading, 19) * 0.95 + 16);
  const badge = g.append('g').attr('class', 'verdict-badge').attr('transform', translate(badgeX, 12));
  badge.append('rect').attr('width', px(badgeWidth)).attr('height', 22).attr('rx', 4).attr('fill', badgeInfo.color);
  appendText(badge, badgeWidth / 2, 15.5, badgeInfo.text, 'h2 white mid');
  addTitle(badge, badgeInfo.title);

  const durationUs = num(at(model.params, 'durationUs'));
  const livenessUs = num(at(model.params, 'livenessBoundUs'));
  const phases = durationUs !== null ? ` (fault phase ${formatDurationUs(durationUs)}${livenessUs !== null ? `, then liveness phase ≤ ${formatDurationUs(livenessUs)}` : ''})` : '';
  const facts = `${model.nodes.length} nodes (${model.nodes.join(', ')}) · simulated ${formatDurationUs(model.endUs)}${phases} · ${formatCount(model.records)} records · trace hash ${model.end?.hash ?? '(none)'}`;
  const membership = membershipSummary(model);
  const lines = [facts, ...parameterLines(model), summaryLine(model), ...(membership !== null ? [membership] : [])];
  let y = 52;
  for (const line of lines) {
    appendText(g, 16, y, line, 'info');
    y += 16;
  }
  const end = model.end;
  if (end !== null && end.verdict === 'safety') {
    const text = appendText(g, 16, y + 2, `Safety violation at ${formatTimeUs(end.tUs)}: ${end.invariant ?? '?'} — ${cleanText(end.message ?? '', 220)}`, 'h2 k-violation');
    addTitle(text, `${end.invariant ?? '?'}: ${end.message ?? ''}`);
    y += 19;
  } else if (end !== null && end.verdict === 'liveness') {
    appendText(g, 16, y + 2, `Liveness failure: no single leader with every node converged by ${formatTimeUs(end.tUs)}`, 'h2 verdict-liveness');
    y += 19;
  }
  y = drawExpectations(g, model, y);
  const omitted = Object.entries(model.omitted);
  if (omitted.length > 0) {
    appendText(g, 16, y, `Bounded: ${omitted.map(([name, count]) => `${formatCount(count)} ${name}`).join(', ')} beyond the report's limits were not drawn`, 'note warn');
    y += 15;
  }
  return y + 4;
}

/** The scenario's expectations with pass/fail and the measured value, or a note that they are not known. */
function drawExpectations(g: Selection, model: RunModel, topPx: number): number {
  let y = topPx;
  const result = model.result ?? null;
  if (result === null) {
    appendText(g, 16, y, 'Expectations: not known — the trace does not record them (draw the report from a run directory with its result.json)', 'note');
    return y + 15;
  }
  const lines = expectationLines(model);
  const failed = lines.filter((line) => !line.passed).length;
  const head = lines.length === 0 ? 'Expectations: none in the scenario' : `Expectations: ${failed === 0 ? `all ${lines.length} passed` : `${failed} of ${lines.length} FAILED`} (exit code ${result.exitCode})`;
  appendText(g, 16, y, head, failed > 0 ? 'info warn' : 'info').attr('data-expectations', `${lines.length - failed}/${lines.length}`);
  y += 15;
  for (const line of lines) {
    appendText(g, 28, y, line.text, `expectation note${line.passed ? ' pass' : ' warn fail'}`);
    y += 13;
  }
  return y + 2;
}

interface LegendItem {
  readonly label: string;
  readonly draw: (g: Selection) => void;
}

/**
 * Colour and mark legend, wrapped to the report width. Returns the height used. Entries for the compaction
 * and measurement records (stalls, leader lost, skipped or incomplete snapshots, leaderless time) appear only
 * when `models` have them; message arrows only when `messages` (the run report's detail panel).
 */
export function drawLegend(ctx: ReportContext, root: Selection, topPx: number, models: readonly RunModel[] = [ctx.model], messages = true): number {
  const swatch = (className: string) => (g: Selection) => {
    appendRect(g, 0, -9, 16, 11, className);
  };
  const mark = (d: string, className: string) => (g: Selection) => {
    g.append('path').attr('d', d).attr('transform', 'translate(8,-3.5)').attr('class', `mark ${className}`);
  };
  const items: LegendItem[] = [
    ...(['follower', 'precandidate', 'candidate', 'leader'] as const).map((role) => ({ label: role === 'leader' ? 'leader (term)' : ROLE_LABELS[role], draw: swatch(`r-${role}`) })),
    { label: 'down (crash → restart)', draw: swatch('down') },
    { label: 'paused', draw: swatch('paused') },
    { label: 'slow', draw: swatch('slow') },
    { label: 'partition', draw: swatch('f-partition') },
    { label: 'clogged link', draw: swatch('f-clog') },
    { label: 'degraded link', draw: swatch('f-link') },
    { label: 'clock change', draw: mark('M-4,-4L4,-4L0,2z', 'k-clock') },
    { label: 'snapshot installed', draw: mark('M0,-5L5,0L0,5L-5,0z', 'k-snapshot-install') },
    { label: 'snapshot taken', draw: mark('M-3.5,-3.5h7v7h-7z', 'k-snapshot') },
    { label: 'step-down', draw: mark('M-4,-3L0,3L4,-3', 'k-step-down') },
    { label: 'transfer', draw: mark('M-4,-3L4,0L-4,3z', 'k-transfer') },
    ...extraLegendItems(models),
    { label: 'safety violation', draw: (g) => void appendLine(g, 8, -10, 8, 3, 'violation') },
    { label: 'liveness phase', draw: (g) => void appendLine(g, 8, -10, 8, 3, 'liveness') },
    { label: 'detail window', draw: swatch('window') },
    ...(messages
      ? [
          ...(['vote', 'append', 'heartbeat', 'snapshot', 'transfer'] as MessageCategory[]).map((category) => ({
            label: MESSAGE_CATEGORY_LABELS[category],
            draw: (g: Selection) => void appendLine(g, 0, -3.5, 18, -3.5, `msg m-${category}`),
          })),
          { label: 'response', draw: (g: Selection) => void appendLine(g, 0, -3.5, 18, -3.5, 'msg m-other resp') },
          { label: 'dropped', draw: (g: Selection) => void g.append('path').attr('d', 'M0,-1L12,-6M9,-9l6,6M9,-3l6,-6').attr('class', 'msg drop') },
        ]
      : []),
    {
      label: 'messages/s',
      draw: (g) => {
        [0.2, 0.55, 1].forEach((t, k) => void appendRect(g, k * 6, -9, 6, 11, '').attr('fill', ctx.d3.interpolateBlues(0.15 + 0.85 * t)));
      },
    },
  ];
  const g = root.append('g').attr('class', 'legend').attr('transform', translate(0, topPx));
  appendText(g, 16, 12, 'Legend', 'h2');
  let x = 86;
  let y = 12;
  for (const item of items) {
    const width = 22 + textWidthPx(item.label, 10) + 14;
    if (x + width > ctx.widthPx - 16) {
      x = 86;
      y += 18;
    }
    const entry = g.append('g').attr('transform', translate(x, y));
    item.draw(entry);
    appendText(entry, 22, 0, item.label, 'note');
    x += width;
  }
  return y + 14;
}

/** Legend entries for the record types only newer traces have, when any of `models` has them. */
function extraLegendItems(models: readonly RunModel[]): LegendItem[] {
  const any = (test: (model: RunModel) => boolean): boolean => models.some(test);
  const hasMark = (kind: MarkKind): boolean => any((model) => model.marks.some((m) => m.kind === kind));
  const extraMark = (d: string, style: ExtraStyle) => (g: Selection) => void applyExtra(g.append('path').attr('d', d).attr('transform', 'translate(8,-3.5)'), style);
  const items: LegendItem[] = [];
  if (any((model) => model.leaderLosses.length > 0)) {
    items.push({ label: 'leader lost', draw: extraMark('M-4.5,0a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0M-3.2,3.2L3.2,-3.2', 'leader-lost') });
  }
  if (any((model) => model.leaderless.length > 0)) items.push({ label: 'no leader (until re-established)', draw: (g) => void applyExtra(appendRect(g, 0, -7, 16, 7, ''), 'leaderless') });
  if (any((model) => model.stallSpans.length > 0)) items.push({ label: 'compaction stall', draw: (g) => void applyExtra(appendRect(g, 0, -9, 16, 11, ''), 'stall') });
  if (hasMark('snapshot-skip')) items.push({ label: 'snapshot window skipped', draw: extraMark('M-3,-3h6v6h-6z', 'snapshot-skip') });
  if (hasMark('snapshot-incomplete')) items.push({ label: 'snapshot not completed', draw: extraMark('M-3,-3h6v6h-6z', 'snapshot-incomplete') });
  if (hasMark('upgrade')) items.push({ label: 'version change (new version)', draw: extraMark('M0,-5L5,1H2V5H-2V1H-5z', 'upgrade') });
  if (hasMark('unsupported')) items.push({ label: 'rejected as undecodable', draw: extraMark('M-3,-3L3,3M-3,3L3,-3', 'unsupported') });
  items.push(...membershipLegendItems(models));
  return items;
}

/** Legend entries for membership (runs with membership records only): only what some model draws. */
function membershipLegendItems(models: readonly RunModel[]): LegendItem[] {
  const all = models.flatMap((model) => (model.membership !== null ? [model.membership] : []));
  if (all.length === 0) return [];
  const spans = new Set(all.flatMap((m) => m.memberSpans.map((span) => span.kind)));
  const band = (style: ExtraStyle) => (g: Selection) => void applyExtra(appendRect(g, 0, -9, 16, 11, ''), style);
  const tick = (style: ExtraStyle) => (g: Selection) => void applyExtra(appendLine(g, 8, -10, 8, 3, ''), style);
  const items: LegendItem[] = [{ label: 'configuration change @index', draw: tick('confTick') }];
  if (all.some((m) => m.refused.length > 0)) items.push({ label: 'change refused', draw: tick('refusedTick') });
  if (all.some((m) => m.jointSpans.length > 0)) items.push({ label: 'joint configuration', draw: band('joint') });
  if (spans.has('learner')) items.push({ label: 'learner', draw: band('learner') });
  if (spans.has('removed') || spans.has('not-member')) items.push({ label: 'not a member / removed', draw: band('notMember') });
  if (spans.has('spare')) items.push({ label: 'spare (not started)', draw: band('spare') });
  if (models.some((model) => model.marks.some((m) => m.kind === 'removed-step-down'))) {
    items.push({ label: 'removed leader stepped down', draw: (g) => void applyExtra(g.append('path').attr('d', 'M-4,-4L4,4M-4,4L4,-4').attr('transform', 'translate(8,-3.5)'), 'removed-step-down') });
  }
  return items;
}

export type { RunModel } from './model.js';
