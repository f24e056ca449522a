/**
 * The sweep report: how the metrics of one scenario are distributed across seeds, which seeds are the
 * outliers, and which seeds failed and how to replay them (docs/reports.md, "Sweep reports").
 *
 *   renderSweepReport(input)                  one sweep
 *   renderSweepComparison(a, b)               two sweeps' distributions on shared axes
 *
 * The input is a plain object (SweepReportInput) that the CLI builds from its sweep results; nothing here
 * reads files or runs the simulator. Output is a standalone SVG with deterministic bytes, bounded for any
 * number of seeds: distributions are histograms (at most ~60 bins), individual seeds are drawn as dots only
 * up to MAX_DOTS, at most MAX_OUTLIER_DOTS outliers and 10 outlier labels per metric, and at most
 * maxFailingRows failing seeds are listed.
 */
import { D3Node, type ContinuousScale, type D3Module, type Selection } from 'd3-node';
import { nearestRank } from './aggregate.js';
import { boldTextWidthPx, cleanText, formatCount, formatDurationUs, formatNumber, formatPercent, px, textWidthPx } from './format.js';
import { flattenParams, parameterDiff } from './params.js';
import { addTitle, appendLine, appendRect, appendText, drawRunTag, translate } from './svg.js';
import { RUN_COLORS, RUN_FILLS, styleSheet, type RunLetter, type RunTag } from './theme.js';

export type SweepVerdict = 'ok' | 'safety' | 'liveness' | 'expectation';

export interface SweepSeed {
  readonly seed: number;
  readonly verdict: SweepVerdict;
  /** The violated invariant or failed expectation, or null. */
  readonly invariant: string | null;
  readonly message: string | null;
  /** The exact command that replays this seed. */
  readonly replay: string;
  /**
   * Flat metrics, dotted names → value, e.g. 'electionLatency.p99'. Units are guessed from the name (see
   * unitOf): a last segment ending in "Us", or a latency distribution's statistic, is microseconds.
   */
  readonly metrics: Readonly<Record<string, number | null>>;
}

export interface SweepReportInput {
  readonly scenario: string;
  readonly seeds: readonly SweepSeed[];
  /** The sweep's parameters, shown in the header (nested objects are flattened to dotted keys). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

export type MetricUnit = 'us' | 'bytes' | 'number';

export interface SweepReportOptions {
  /** Heading; default "raftsim sweep report · <scenario>" (or "raftsim sweep comparison · A vs B"). */
  readonly title?: string;
  /** Width of the SVG in px, 600..20000; default 1500. */
  readonly widthPx?: number;
  /** The metrics to draw, in this order; default every metric in the input, in order of first appearance. */
  readonly metrics?: readonly string[];
  /** Units for metrics whose name does not tell (see unitOf). */
  readonly units?: Readonly<Record<string, MetricUnit>>;
  /** At most this many failing seeds listed (per sweep); default 30. */
  readonly maxFailingRows?: number;
}

export const SWEEP_VERDICTS: readonly SweepVerdict[] = ['ok', 'safety', 'liveness', 'expectation'];

const SWEEP_VERDICT_COLORS: Readonly<Record<SweepVerdict, string>> = {
  ok: '#8fa9c6',
  safety: '#c62828',
  liveness: '#ef6c00',
  expectation: '#7b1fa2',
};

const SWEEP_VERDICT_LABELS: Readonly<Record<SweepVerdict, string>> = {
  ok: 'ok',
  safety: 'safety violation',
  liveness: 'liveness failure',
  expectation: 'expectation failed',
};

const DEFAULT_WIDTH_PX = 1500;
const MIN_WIDTH_PX = 600;
const MAX_WIDTH_PX = 20_000;
/** Seeds drawn one dot each when a metric has at most this many values; beyond, only outliers and failures. */
const MAX_DOTS = 2_000;
const MAX_OUTLIER_DOTS = 300;
const MAX_FAILING_DOTS = 300;
const MAX_LABELS = 10;
/** Panels beyond this many metrics are listed by name only. */
const MAX_PANELS = 120;
const MAX_SEEDS_PER_BIN_TITLE = 8;

/** Unit of a metric from its name: "...Us" is µs; min/p50/.../mean of a "...Latency" distribution is µs; "...Bytes" bytes. */
export function unitOf(name: string): MetricUnit {
  const segments = name.split('.');
  const last = segments[segments.length - 1] ?? '';
  if (/Us$/.test(last)) return 'us';
  if (/(^b|B)ytes$/.test(last)) return 'bytes';
  if (['min', 'max', 'mean', 'p50', 'p90', 'p95', 'p99', 'p999'].includes(last) && segments.slice(0, -1).some((segment) => /(Latency|latency|Us)$/.test(segment))) return 'us';
  return 'number';
}

/** A metric value for people, in its unit. */
export function formatMetric(value: number, unit: MetricUnit): string {
  if (unit === 'us') return formatDurationUs(value);
  if (unit === 'bytes') {
    const abs = Math.abs(value);
    if (abs >= 1024 ** 3) return `${formatNumber(value / 1024 ** 3, 2)} GiB`;
    if (abs >= 1024 ** 2) return `${formatNumber(value / 1024 ** 2, 2)} MiB`;
    if (abs >= 1024) return `${formatNumber(value / 1024, 1)} KiB`;
    return `${formatCount(value)} B`;
  }
  if (Number.isInteger(value)) return formatCount(value);
  const abs = Math.abs(value);
  return formatNumber(value, abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

/** One metric across the seeds of one sweep: values ascending with the index of their seed. */
export interface MetricDistribution {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly values: Float64Array;
  /** seeds[seedIndex[k]] has values[k]. */
  readonly seedIndex: Int32Array;
  /** Seeds without a value (null, absent or not a finite number). */
  readonly missing: number;
  readonly min: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  /** Tukey fences: p25 − 1.5 IQR and p75 + 1.5 IQR. Values outside are outliers. */
  readonly lowFence: number;
  readonly highFence: number;
  /** Positions (into values) of the outliers, most extreme (farthest from the median) first. */
  readonly outliers: readonly number[];
}

/** The distribution of `name` over `seeds` (nearest-rank percentiles, as in docs/metrics.md); null without values. */
export function metricDistribution(seeds: readonly SweepSeed[], name: string, unit: MetricUnit = unitOf(name)): MetricDistribution | null {
  const raw: number[] = [];
  const index: number[] = [];
  seeds.forEach((seed, k) => {
    const value = seed.metrics[name];
    if (typeof value === 'number' && Number.isFinite(value)) {
      raw.push(value);
      index.push(k);
    }
  });
  if (raw.length === 0) return null;
  const order = raw.map((_, k) => k).sort((p, q) => raw[p]! - raw[q]! || p - q);
  const values = Float64Array.from(order, (k) => raw[k]!);
  const seedIndex = Int32Array.from(order, (k) => index[k]!);
  let sum = 0;
  for (const value of values) sum += value;
  const q = (p: number): number => nearestRank(values, p);
  const p25 = q(25);
  const p75 = q(75);
  const iqr = p75 - p25;
  const lowFence = p25 - 1.5 * iqr;
  const highFence = p75 + 1.5 * iqr;
  const p50 = q(50);
  const outliers: number[] = [];
  for (let k = 0; k < values.length; k++) if (values[k]! < lowFence || values[k]! > highFence) outliers.push(k);
  outliers.sort((p, r) => Math.abs(values[r]! - p50) - Math.abs(values[p]! - p50) || p - r);
  return {
    name,
    unit,
    values,
    seedIndex,
    missing: seeds.length - values.length,
    min: values[0]!,
    p25,
    p50,
    p75,
    p90: q(90),
    p99: q(99),
    max: values[values.length - 1]!,
    mean: sum / values.length,
    lowFence,
    highFence,
    outliers,
  };
}

/** Metric names in order of first appearance (or options.metrics). */
function metricNames(inputs: readonly SweepReportInput[], options: SweepReportOptions): string[] {
  if (options.metrics !== undefined) return [...new Set(options.metrics)];
  const names = new Set<string>();
  for (const input of inputs) for (const seed of input.seeds) for (const name of Object.keys(seed.metrics)) names.add(name);
  return [...names];
}

function checkInput(input: SweepReportInput, what: string): void {
  if (input === null || typeof input !== 'object' || !Array.isArray(input.seeds)) throw new TypeError(`${what}: expected { scenario, seeds: [...] }`);
  input.seeds.forEach((seed, k) => {
    if (seed === null || typeof seed !== 'object') throw new TypeError(`${what}: seeds[${k}] is not an object`);
    if (typeof seed.seed !== 'number' || !Number.isFinite(seed.seed)) throw new TypeError(`${what}: seeds[${k}].seed must be a number`);
    if (!SWEEP_VERDICTS.includes(seed.verdict)) throw new TypeError(`${what}: seeds[${k}].verdict must be one of ${SWEEP_VERDICTS.join(', ')}, got ${JSON.stringify(seed.verdict)}`);
    if (seed.metrics === null || typeof seed.metrics !== 'object') throw new TypeError(`${what}: seeds[${k}].metrics must be an object`);
  });
}

function checkOptions(options: SweepReportOptions, what: string): void {
  const { widthPx, maxFailingRows } = options;
  if (widthPx !== undefined && (!Number.isInteger(widthPx) || widthPx < MIN_WIDTH_PX || widthPx > MAX_WIDTH_PX)) {
    throw new RangeError(`${what}: widthPx must be an integer in ${MIN_WIDTH_PX}..${MAX_WIDTH_PX}, got ${widthPx}`);
  }
  if (maxFailingRows !== undefined && (!Number.isInteger(maxFailingRows) || maxFailingRows < 0 || maxFailingRows > 10_000)) {
    throw new RangeError(`${what}: maxFailingRows must be an integer in 0..10000, got ${maxFailingRows}`);
  }
}

function verdictCounts(seeds: readonly SweepSeed[]): Record<SweepVerdict, number> {
  const counts: Record<SweepVerdict, number> = { ok: 0, safety: 0, liveness: 0, expectation: 0 };
  for (const seed of seeds) counts[seed.verdict]++;
  return counts;
}

/** Stylesheet additions of the sweep reports. */
function sweepStyles(): string {
  return [
    "text.mono { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 10.5px; fill: #333; }",
    '.box { fill: #e8eef6; stroke: #4a6a90; stroke-width: 1; }',
    '.whisker { stroke: #4a6a90; stroke-width: 1; }',
    '.median { stroke: #1f3f66; stroke-width: 2; }',
    '.seed-dots { fill: none; stroke: #5a7596; stroke-opacity: 0.5; stroke-width: 3; stroke-linecap: round; }',
    '.outlier { stroke: #fff; stroke-width: 0.6; }',
    '.leader-line { stroke: #999; stroke-width: 0.6; }',
  ].join('\n');
}

interface Doc {
  readonly d3n: D3Node;
  readonly d3: D3Module;
  readonly svg: Selection;
  readonly root: Selection;
  readonly background: Selection;
  readonly widthPx: number;
}

function newDocument(widthPx: number): Doc {
  const d3n = new D3Node();
  const svg = d3n.createSVG(widthPx, 100).attr('version', '1.1');
  svg.append('style').text(`${styleSheet()}\n${sweepStyles()}`);
  const background = svg.append('rect').attr('class', 'bg').attr('width', widthPx).attr('height', 100);
  const root = svg.append('g');
  return { d3n, d3: d3n.d3, svg, root, background, widthPx };
}

function finish(doc: Doc, contentBottomPx: number, note: string): string {
  appendText(doc.root, 16, contentBottomPx + 14, note, 'note');
  const heightPx = Math.ceil(contentBottomPx + 26);
  doc.svg.attr('height', heightPx).attr('viewBox', `0 0 ${doc.widthPx} ${heightPx}`);
  doc.background.attr('height', heightPx);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${doc.d3n.svgString()}\n`;
}

// ------------------------------------------------------------------------------------------ header parts

/** Verdict counts as coloured chips and a proportional bar. Returns the x after them. */
function drawVerdictSummary(g: Selection, x: number, y: number, seeds: readonly SweepSeed[]): number {
  const counts = verdictCounts(seeds);
  const total = Math.max(1, seeds.length);
  let cx = x;
  for (const verdict of SWEEP_VERDICTS) {
    if (verdict !== 'ok' && counts[verdict] === 0) continue;
    const text = `${SWEEP_VERDICT_LABELS[verdict]} ${formatCount(counts[verdict])}`;
    const width = textWidthPx(text, 11) + 14;
    const chip = g.append('g').attr('transform', translate(cx, y - 12));
    chip.append('rect').attr('width', px(width)).attr('height', 16).attr('rx', 3).attr('fill', SWEEP_VERDICT_COLORS[verdict]);
    appendText(chip, width / 2, 12, text, 'white mid').attr('style', 'font-weight: bold');
    addTitle(chip, `${formatCount(counts[verdict])} of ${formatCount(seeds.length)} seeds (${formatPercent(counts[verdict] / total)}): ${SWEEP_VERDICT_LABELS[verdict]}`);
    cx += width + 6;
  }
  // Proportional bar: failures are visible even when they are a sliver.
  const barWidth = 220;
  let bx = cx + 8;
  appendRect(g, bx, y - 10, barWidth, 12, 'lane-bg');
  for (const verdict of SWEEP_VERDICTS) {
    if (counts[verdict] === 0) continue;
    const width = Math.max(2, (counts[verdict] / total) * barWidth);
    appendRect(g, bx, y - 10, Math.min(width, cx + 8 + barWidth - bx), 12, '').attr('fill', SWEEP_VERDICT_COLORS[verdict]);
    bx += width;
  }
  const failing = seeds.length - counts.ok;
  appendText(g, cx + 8 + barWidth + 8, y, seeds.length === 0 ? 'no seeds' : `${formatPercent(failing / total)} failing`, 'info');
  return cx + 8 + barWidth + 80;
}

function seedRange(seeds: readonly SweepSeed[]): string {
  if (seeds.length === 0) return 'no seeds';
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const seed of seeds) {
    lo = Math.min(lo, seed.seed);
    hi = Math.max(hi, seed.seed);
  }
  return `${formatCount(seeds.length)} ${seeds.length === 1 ? 'seed' : 'seeds'}${lo === hi ? ` (seed ${lo})` : ` (${lo}–${hi})`}`;
}

/** The parameters as "key value" pairs wrapped to the width, at most `maxLines` lines. Returns the y after them. */
function drawParameters(g: Selection, x: number, y: number, widthPx: number, parameters: Readonly<Record<string, unknown>> | undefined, maxLines = 5): number {
  if (parameters === undefined) return y;
  const flat = new Map<string, string>();
  flattenParams(parameters, '', flat);
  if (flat.size === 0) return y;
  const parts = [...flat].map(([key, value]) => `${key} ${cleanText(value, 60)}`);
  let line = '';
  let lines = 0;
  let shown = 0;
  const maxChars = Math.floor((widthPx - x - 16) / 6.1);
  for (const part of parts) {
    const next = line === '' ? part : `${line} · ${part}`;
    if (next.length > maxChars && line !== '') {
      if (lines === maxLines - 1) break;
      appendText(g, x, y, line, 'note');
      lines++;
      y += 13;
      line = part;
    } else line = next;
    shown++;
  }
  if (shown < parts.length) line += ` · and ${parts.length - shown} more`;
  appendText(g, x, y, line, 'note');
  return y + 13;
}

// ------------------------------------------------------------------------------------------ distributions

interface Bins {
  readonly lo: number;
  readonly width: number;
  /** Regular bins over [lo, lo + count × width]; values beyond go to an overflow bin (index count). */
  readonly count: number;
}

/**
 * The value axis of a panel: linear over [lo, hi], or, when outliers stretch the range (the values beyond
 * the upper whisker span more than the rest), broken in two: the bulk of the seeds over most of the width
 * and the tail of outliers compressed into the last TAIL_SHARE of it, drawn as one overflow bar.
 */
export interface ValueAxis {
  /** Pixel x of a value. */
  readonly x: (value: number) => number;
  readonly bins: Bins;
  readonly leftPx: number;
  readonly rightPx: number;
  /** The regular part: [from, to] onto [leftPx, splitPx]. */
  readonly main: ContinuousScale;
  /** The compressed tail after the break, or null for an unbroken axis. */
  readonly tail: { readonly fromValue: number; readonly toValue: number; readonly fromPx: number; readonly toPx: number } | null;
  readonly integers: boolean;
}

const TAIL_SHARE = 0.16;
const TAIL_GAP_PX = 10;

/** The last value within the upper Tukey fence (the box plot's upper whisker). */
function upperWhisker(dist: MetricDistribution): number {
  let k = dist.values.length - 1;
  while (k > 0 && dist.values[k]! > dist.highFence) k--;
  return dist.values[k]!;
}

/**
 * Plans a panel's value axis and histogram bins for one or two distributions: one bin per integer for
 * small integer ranges, else round-width bins as wide as the Freedman–Diaconis rule asks (2 IQR / ∛n, the
 * narrowest over the datasets), 8 to 80 of them; broken (see ValueAxis) when outliers dominate the range.
 */
function planAxis(d3: D3Module, dists: readonly MetricDistribution[], integers: boolean, leftPx: number, rightPx: number): ValueAxis {
  const lo = Math.min(...dists.map((dist) => dist.min));
  const hi = Math.max(...dists.map((dist) => dist.max));
  const whisker = Math.max(...dists.map(upperWhisker));
  const broken = whisker > lo && hi - whisker > whisker - lo && rightPx - leftPx > 200;
  const mainHi = broken ? whisker : hi;
  let bins: Bins;
  let domain: [number, number];
  if (integers && mainHi - lo <= 40) {
    domain = [lo - 0.5, mainHi + 0.5];
    bins = { lo: domain[0], width: 1, count: mainHi - lo + 1 };
  } else {
    let target = 0;
    for (const dist of dists) {
      const fdWidth = (2 * (dist.p75 - dist.p25)) / Math.cbrt(dist.values.length);
      target = Math.max(target, fdWidth > 0 ? (mainHi - lo) / fdWidth : 2 * Math.sqrt(dist.values.length));
    }
    target = Math.max(8, Math.min(80, Math.round(target)));
    const scale = d3.scaleLinear().domain([lo, mainHi]).nice(target);
    const ticks = scale.ticks(target);
    const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.max(1e-9, (mainHi - lo) / target);
    domain = scale.domain() as [number, number];
    const count = Math.max(1, Math.min(120, Math.round((domain[1] - domain[0]) / step)));
    bins = { lo: domain[0], width: (domain[1] - domain[0]) / count, count };
  }
  const tailed = broken && hi > domain[1];
  const splitPx = tailed ? rightPx - (rightPx - leftPx) * TAIL_SHARE : rightPx;
  const main = d3.scaleLinear().domain(domain).range([leftPx, splitPx]);
  const tail = tailed ? { fromValue: domain[1], toValue: hi, fromPx: splitPx + TAIL_GAP_PX, toPx: rightPx } : null;
  const tailScale = tail === null ? null : d3.scaleLinear().domain([tail.fromValue, tail.toValue]).range([tail.fromPx + 4, tail.toPx - 4]);
  const x = (value: number): number => (tailScale !== null && value > domain[1] ? tailScale(value) : main(value));
  return { x, bins, leftPx, rightPx, main, tail, integers };
}

/** Bin of a value; bins.count is the overflow bin (values past the break of a broken axis). */
function binOf(bins: Bins, value: number): number {
  if (value > bins.lo + bins.count * bins.width * (1 + 1e-12)) return bins.count;
  return Math.max(0, Math.min(bins.count - 1, Math.floor((value - bins.lo) / bins.width + 1e-9)));
}

interface BinCounts {
  /** Per verdict, per bin (the last one is the overflow bin). */
  readonly byVerdict: Record<SweepVerdict, Uint32Array>;
  readonly total: Uint32Array;
  /** First few seeds per bin, for hover titles. */
  readonly examples: number[][];
}

function countBins(dist: MetricDistribution, seeds: readonly SweepSeed[], bins: Bins): BinCounts {
  const slots = bins.count + 1;
  const byVerdict = { ok: new Uint32Array(slots), safety: new Uint32Array(slots), liveness: new Uint32Array(slots), expectation: new Uint32Array(slots) };
  const total = new Uint32Array(slots);
  const examples: number[][] = Array.from({ length: slots }, () => []);
  for (let k = 0; k < dist.values.length; k++) {
    const bin = binOf(bins, dist.values[k]!);
    const seed = seeds[dist.seedIndex[k]!]!;
    byVerdict[seed.verdict][bin]!++;
    total[bin]!++;
    if (examples[bin]!.length < MAX_SEEDS_PER_BIN_TITLE) examples[bin]!.push(seed.seed);
  }
  return { byVerdict, total, examples };
}

/** The tallest bar (seed count, or share of the distribution's seeds). */
function tallestBar(dist: MetricDistribution, seeds: readonly SweepSeed[], bins: Bins, share: boolean): number {
  let max = 0;
  for (const count of countBins(dist, seeds, bins).total) max = Math.max(max, share ? count / dist.values.length : count);
  return max;
}

/** Deterministic jitter in [0, 1) from a seed number (dots of one value spread over the strip). */
function jitter(seed: number): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

interface DistributionStyle {
  /** Bar fill per verdict; failures keep their verdict colours in both styles. */
  readonly okFill: string;
  /** Colour of the quantile lines and their labels; null: the run report's p50/p90/p99 colours. */
  readonly lineColor: string | null;
  /** Prefix of quantile labels ("A " in a comparison). */
  readonly prefix: string;
  readonly maxLabels: number;
  readonly labelRows: number;
}

interface DistributionGeometry {
  readonly axis: ValueAxis;
  readonly histTopPx: number;
  readonly histBottomPx: number;
  readonly stripTopPx: number;
  readonly stripHeightPx: number;
  /** Baseline of the first outlier label row. */
  readonly labelTopPx: number;
}

/**
 * One sweep's distribution of one metric: stacked histogram (seed counts or shares by verdict), p50/p90/p99
 * lines, a box plot strip with one dot per seed (or only outliers and failures for large sweeps), and up to
 * maxLabels outliers labelled with their seed.
 */
function drawDistribution(
  d3: D3Module,
  g: Selection,
  dist: MetricDistribution,
  seeds: readonly SweepSeed[],
  yMax: number,
  share: boolean,
  geometry: DistributionGeometry,
  style: DistributionStyle,
): void {
  const { histTopPx, histBottomPx, axis } = geometry;
  const { x, leftPx, rightPx, bins } = axis;
  const counts = countBins(dist, seeds, bins);
  const n = dist.values.length;
  const scaleValue = (count: number): number => (share ? count / n : count);
  const y = d3.scaleLinear().domain([0, yMax]).nice(3).range([histBottomPx, histTopPx + 2]);
  const splitPx = (axis.main.range() as [number, number])[1];
  appendRect(g, leftPx, histTopPx, splitPx - leftPx, histBottomPx - histTopPx, 'panel');
  const ticks = y.ticks(3).filter((tick) => share || Number.isInteger(tick));
  for (const tick of ticks) {
    appendLine(g, leftPx, y(tick), splitPx, y(tick), 'grid');
    appendText(g, leftPx - 5, y(tick) + 3.5, share ? formatPercent(tick) : formatCount(tick), 'note end');
  }
  if (axis.tail !== null) {
    appendRect(g, axis.tail.fromPx, histTopPx, axis.tail.toPx - axis.tail.fromPx, histBottomPx - histTopPx, 'panel');
  }
  // Bars: ok at the bottom, failures stacked on top in their verdict colours; the overflow bin fills the tail.
  for (let bin = 0; bin <= bins.count; bin++) {
    const total = counts.total[bin]!;
    if (total === 0) continue;
    const overflow = bin === bins.count;
    if (overflow && axis.tail === null) continue;
    const x0 = overflow ? axis.tail!.fromPx : x(bins.lo + bin * bins.width);
    const x1 = overflow ? axis.tail!.toPx : x(bins.lo + (bin + 1) * bins.width);
    const width = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
    let stacked = 0;
    const group = g.append('g');
    for (const verdict of ['ok', 'expectation', 'liveness', 'safety'] as const) {
      const count = counts.byVerdict[verdict][bin]!;
      if (count === 0) continue;
      const top = y(scaleValue(stacked + count));
      const bottom = y(scaleValue(stacked));
      appendRect(group, x0 + 0.5, top, width, Math.max(0.8, bottom - top), '').attr('fill', verdict === 'ok' ? style.okFill : SWEEP_VERDICT_COLORS[verdict]);
      stacked += count;
    }
    const parts = SWEEP_VERDICTS.filter((verdict) => verdict !== 'ok' && counts.byVerdict[verdict][bin]! > 0).map((verdict) => `${counts.byVerdict[verdict][bin]} ${SWEEP_VERDICT_LABELS[verdict]}`);
    const examples = counts.examples[bin]!;
    const range = overflow
      ? `above ${formatMetric(bins.lo + bins.count * bins.width, dist.unit)} (the axis is broken: these outliers are drawn compressed)`
      : `${formatMetric(bins.lo + bin * bins.width, dist.unit)} – ${formatMetric(bins.lo + (bin + 1) * bins.width, dist.unit)}`;
    addTitle(
      group,
      `${style.prefix}${dist.name} ${range}: ${formatCount(total)} seeds (${formatPercent(total / n)})${parts.length > 0 ? `, ${parts.join(', ')}` : ''}; seeds ${examples.join(', ')}${total > examples.length ? ', …' : ''}`,
    );
  }
  // Quantile lines with labels stacked in rows at the top of the histogram.
  const quantiles = [
    ['p50', dist.p50, 'q50', ''],
    ['p90', dist.p90, 'q90', '5 3'],
    ['p99', dist.p99, 'q99', '2 2'],
  ] as const;
  quantiles.forEach(([name, value, className, dash], row) => {
    const lx = x(value);
    const line = appendLine(g, lx, histTopPx, lx, geometry.stripTopPx + geometry.stripHeightPx, style.lineColor === null ? className : '');
    if (style.lineColor !== null) {
      line.attr('stroke', style.lineColor).attr('stroke-width', name === 'p50' ? 2 : 1.3);
      if (dash !== '') line.attr('stroke-dasharray', dash);
    }
    addTitle(line, `${style.prefix}${name} of ${dist.name} across ${formatCount(n)} seeds: ${formatMetric(value, dist.unit)} (nearest rank)`);
    const text = `${style.prefix}${name} ${formatMetric(value, dist.unit)}`;
    const anchorEnd = lx + textWidthPx(text, 9) + 4 > rightPx;
    const label = appendText(g, anchorEnd ? lx - 3 : lx + 3, histTopPx + 10 + row * 10, text, `tiny halo${anchorEnd ? ' end' : ''}`);
    if (style.lineColor !== null) label.attr('style', `fill: ${style.lineColor}`);
  });

  // Box plot strip.
  const stripTop = geometry.stripTopPx;
  const stripHeight = geometry.stripHeightPx;
  const mid = stripTop + stripHeight / 2;
  let whiskerLo = dist.max;
  let whiskerHi = dist.min;
  for (let k = 0; k < n; k++) {
    const value = dist.values[k]!;
    if (value >= dist.lowFence && value <= dist.highFence) {
      whiskerLo = Math.min(whiskerLo, value);
      whiskerHi = Math.max(whiskerHi, value);
    }
  }
  const box = g.append('g');
  appendLine(box, x(whiskerLo), mid, x(whiskerHi), mid, 'whisker');
  appendLine(box, x(whiskerLo), mid - 4, x(whiskerLo), mid + 4, 'whisker');
  appendLine(box, x(whiskerHi), mid - 4, x(whiskerHi), mid + 4, 'whisker');
  appendRect(box, x(dist.p25), stripTop + 2, Math.max(1, x(dist.p75) - x(dist.p25)), stripHeight - 4, 'box');
  appendLine(box, x(dist.p50), stripTop + 1, x(dist.p50), stripTop + stripHeight - 1, 'median');
  addTitle(
    box,
    `${style.prefix}${dist.name}: min ${formatMetric(dist.min, dist.unit)}, p25 ${formatMetric(dist.p25, dist.unit)}, median ${formatMetric(dist.p50, dist.unit)}, p75 ${formatMetric(dist.p75, dist.unit)}, max ${formatMetric(dist.max, dist.unit)}; whiskers to the last values within 1.5 IQR; ${formatCount(dist.outliers.length)} outliers beyond`,
  );

  // Seeds as dots: all of them for small sweeps (outliers and failures drawn separately below), else none.
  const isOutlier = new Uint8Array(n);
  for (const position of dist.outliers) isOutlier[position] = 1;
  const dotY = (seed: number): number => stripTop + 3 + jitter(seed) * (stripHeight - 6);
  if (n <= MAX_DOTS) {
    const seen = new Set<number>();
    const parts: string[] = [];
    for (let k = 0; k < n; k++) {
      const seed = seeds[dist.seedIndex[k]!]!;
      if (isOutlier[k] === 1 || seed.verdict !== 'ok') continue;
      const dx = Math.round(x(dist.values[k]!));
      const dy = Math.round(dotY(seed.seed));
      const key = dx * 4096 + dy;
      if (seen.has(key)) continue;
      seen.add(key);
      parts.push(`M${dx},${dy}h0`);
    }
    if (parts.length > 0) g.append('path').attr('d', parts.join('')).attr('class', 'seed-dots');
  }
  const seedTitle = (k: number): string => {
    const seed = seeds[dist.seedIndex[k]!]!;
    const failure = seed.verdict === 'ok' ? 'ok' : `${SWEEP_VERDICT_LABELS[seed.verdict]}${seed.invariant !== null ? ` (${seed.invariant})` : ''}`;
    return `${style.prefix}seed ${seed.seed}: ${dist.name} = ${formatMetric(dist.values[k]!, dist.unit)} · ${failure} · replay: ${seed.replay}`;
  };
  const circle = (k: number, radius: number): void => {
    const seed = seeds[dist.seedIndex[k]!]!;
    const dot = g
      .append('circle')
      .attr('cx', px(x(dist.values[k]!)))
      .attr('cy', px(dotY(seed.seed)))
      .attr('r', radius)
      .attr('class', 'outlier')
      .attr('fill', seed.verdict === 'ok' ? '#1f3f66' : SWEEP_VERDICT_COLORS[seed.verdict]);
    addTitle(dot, seedTitle(k));
  };
  // Failing seeds that are not outliers: their verdict colour, bounded.
  let failingDots = 0;
  for (let k = 0; k < n && failingDots < MAX_FAILING_DOTS; k++) {
    if (isOutlier[k] === 1 || seeds[dist.seedIndex[k]!]!.verdict === 'ok') continue;
    circle(k, 2.5);
    failingDots++;
  }
  for (const position of dist.outliers.slice(0, MAX_OUTLIER_DOTS)) circle(position, 3);

  // Labels for the most extreme outliers, placed greedily in rows under the strip without overlapping.
  const rows: { from: number; to: number }[][] = Array.from({ length: style.labelRows }, () => []);
  let labelled = 0;
  for (const position of dist.outliers) {
    if (labelled >= style.maxLabels) break;
    const seed = seeds[dist.seedIndex[position]!]!;
    const text = `seed ${seed.seed}`;
    const width = textWidthPx(text, 9);
    const cx = x(dist.values[position]!);
    const from = Math.max(leftPx, Math.min(rightPx - width, cx - width / 2));
    const row = rows.findIndex((taken) => taken.every((span) => from + width + 4 < span.from || from > span.to + 4));
    if (row < 0) continue;
    rows[row]!.push({ from, to: from + width });
    const labelY = geometry.labelTopPx + row * 10;
    appendLine(g, cx, stripTop + stripHeight, cx, labelY - 8, 'leader-line');
    const label = appendText(g, from, labelY, text, 'tiny');
    if (seed.verdict !== 'ok') label.attr('style', `fill: ${SWEEP_VERDICT_COLORS[seed.verdict]}; font-weight: bold`);
    addTitle(label, seedTitle(position));
    labelled++;
  }
}

/** The value axis: ticks in the metric's unit; a broken axis gets break marks and its tail's end values. */
function drawValueAxis(g: Selection, axis: ValueAxis, y: number, unit: MetricUnit): void {
  const [left, split] = axis.main.range() as [number, number];
  const [from, to] = axis.main.domain() as [number, number];
  appendLine(g, left, y, split, y, 'axis');
  let ticks = axis.main.ticks(Math.max(2, Math.round((split - left) / 90)));
  if (axis.integers) ticks = ticks.filter((tick) => Number.isInteger(tick));
  ticks = ticks.filter((tick) => tick >= from - 1e-9 && tick <= to + 1e-9);
  for (const tick of ticks) {
    appendLine(g, axis.main(tick), y, axis.main(tick), y + 4, 'axis');
    appendText(g, axis.main(tick), y + 14, formatMetric(tick, unit), 'note mid');
  }
  const tail = axis.tail;
  if (tail === null) return;
  appendLine(g, tail.fromPx, y, tail.toPx, y, 'axis');
  // Break marks: a slash on each side of the gap.
  const marks = g.append('path').attr('d', [split, tail.fromPx].map((bx) => `M${px(bx - 3)},${px(y + 5)}L${px(bx + 3)},${px(y - 5)}`).join('')).attr('class', 'axis');
  addTitle(marks, `axis broken after ${formatMetric(tail.fromValue, unit)}: the outliers beyond are drawn compressed, up to ${formatMetric(tail.toValue, unit)}`);
  const last = axis.x(tail.toValue);
  appendLine(g, last, y, last, y + 4, 'axis');
  appendText(g, last, y + 14, formatMetric(tail.toValue, unit), 'note end');
}

/** Panel title: metric name, then a note cut to the panel's width (the full note is its hover title). */
function panelTitle(g: Selection, leftPx: number, rightPx: number, name: string, note: string): void {
  appendText(g, leftPx, 14, name, 'h2');
  const noteX = leftPx + boldTextWidthPx(name, 13) + 8;
  const chars = Math.floor((rightPx - noteX) / 5.7);
  if (chars >= 12) addTitle(appendText(g, noteX, 14, cleanText(note, chars), 'note'), note);
}

function distributionNote(dist: MetricDistribution, total: number): string {
  const count = dist.missing > 0 ? `${formatCount(dist.values.length)} of ${formatCount(total)} seeds have a value` : `${formatCount(total)} seeds`;
  const outliers = dist.outliers.length === 1 ? '1 outlier' : `${formatCount(dist.outliers.length)} outliers`;
  return `${count} · min ${formatMetric(dist.min, dist.unit)} · mean ${formatMetric(dist.mean, dist.unit)} · max ${formatMetric(dist.max, dist.unit)} · ${outliers}`;
}

function isIntegerValued(dists: readonly (MetricDistribution | null)[]): boolean {
  return dists.every((dist) => dist === null || dist.values.every((value) => Number.isInteger(value)));
}

// ------------------------------------------------------------------------------------------ failing seeds

/** Failing seeds, two lines each: seed, verdict, invariant, message; then the replay command. Returns the height. */
function drawFailingTable(
  g: Selection,
  topPx: number,
  widthPx: number,
  sweeps: readonly { readonly tag: RunTag | null; readonly seeds: readonly SweepSeed[] }[],
  maxRows: number,
): number {
  const order: Readonly<Record<SweepVerdict, number>> = { safety: 0, liveness: 1, expectation: 2, ok: 3 };
  const failingTotal = sweeps.reduce((sum, sweep) => sum + sweep.seeds.filter((seed) => seed.verdict !== 'ok').length, 0);
  const panel = g.append('g').attr('class', 'failing').attr('transform', translate(0, topPx));
  appendText(panel, 16, 14, 'Failing seeds', 'h2');
  appendText(
    panel,
    120,
    14,
    failingTotal === 0 ? 'none: every seed passed' : `${formatCount(failingTotal)} · safety first, then liveness, then expectations; each with the command that replays it`,
    'note',
  );
  let y = 34;
  if (failingTotal === 0) return y;
  const messageChars = Math.max(30, Math.floor((widthPx - 420 - 16) / 6.3));
  for (const sweep of sweeps) {
    const failing = sweep.seeds.filter((seed) => seed.verdict !== 'ok');
    if (failing.length === 0) continue;
    // Order by verdict, then seed; only the first maxRows are needed, but a full sort of the failures is cheap.
    failing.sort((p, q) => order[p.verdict] - order[q.verdict] || p.seed - q.seed);
    for (const seed of failing.slice(0, maxRows)) {
      const row = panel.append('g').attr('class', 'failing-seed').attr('transform', translate(0, y));
      let x = 16;
      if (sweep.tag !== null) x += drawRunTag(row, 16, 0, { letter: sweep.tag.letter, label: '' }, 10) + 6;
      appendText(row, x, 0, `seed ${seed.seed}`, 'info').attr('style', 'font-weight: bold');
      const chipX = x + 90;
      const label = SWEEP_VERDICT_LABELS[seed.verdict];
      const chipWidth = textWidthPx(label, 10) + 12;
      row.append('rect').attr('x', px(chipX)).attr('y', -11).attr('width', px(chipWidth)).attr('height', 14).attr('rx', 3).attr('fill', SWEEP_VERDICT_COLORS[seed.verdict]);
      appendText(row, chipX + chipWidth / 2, 0, label, 'note white mid');
      const what = `${seed.invariant ?? ''}${seed.invariant !== null && seed.message !== null ? ': ' : ''}${seed.message ?? ''}`;
      appendText(row, chipX + chipWidth + 10, 0, cleanText(what === '' ? '(no message)' : what, messageChars), 'info');
      appendText(row, x + 10, 14, `$ ${cleanText(seed.replay, 600)}`, 'mono');
      addTitle(row, `seed ${seed.seed} · ${label}${what !== '' ? ` · ${what}` : ''}\nreplay: ${seed.replay}`);
      y += 32;
    }
    if (failing.length > maxRows) {
      const rest = failing.slice(maxRows);
      const listed = rest.slice(0, 40).map((seed) => seed.seed);
      appendText(panel, 16, y - 4, `${sweep.tag !== null ? `${sweep.tag.letter}: ` : ''}and ${formatCount(rest.length)} more failing seeds: ${listed.join(', ')}${rest.length > listed.length ? ', …' : ''}`, 'note');
      y += 14;
    }
  }
  return y;
}

// ------------------------------------------------------------------------------------------ one sweep

/**
 * Renders one sweep as a standalone SVG: header (scenario, seeds, verdict counts, parameters), one
 * distribution panel per metric (two columns), the metrics that are constant or have no values, and the
 * failing seeds with their replay commands.
 */
export function renderSweepReport(input: SweepReportInput, options: SweepReportOptions = {}): string {
  checkInput(input, 'renderSweepReport');
  checkOptions(options, 'renderSweepReport');
  const doc = newDocument(options.widthPx ?? DEFAULT_WIDTH_PX);
  const { root, widthPx, d3 } = doc;
  const seeds = input.seeds;

  const header = root.append('g').attr('class', 'header');
  appendText(header, 16, 28, options.title ?? `raftsim sweep report · ${input.scenario || 'unnamed scenario'}`, 'h1');
  appendText(header, 16, 54, seedRange(seeds), 'h2');
  drawVerdictSummary(header, 16 + boldTextWidthPx(seedRange(seeds), 13) + 16, 54, seeds);
  let y = drawParameters(header, 16, 74, widthPx, input.parameters) + 6;

  const names = metricNames([input], options);
  const dists: MetricDistribution[] = [];
  const constant: string[] = [];
  const empty: string[] = [];
  for (const name of names) {
    const dist = metricDistribution(seeds, name, options.units?.[name] ?? unitOf(name));
    if (dist === null) empty.push(name);
    else if (dist.min === dist.max) constant.push(`${name} ${formatMetric(dist.min, dist.unit)}${dist.missing > 0 ? ` (${formatCount(dist.values.length)} seeds)` : ''}`);
    else dists.push(dist);
  }
  const panels = dists.slice(0, MAX_PANELS);

  const intro = root.append('g').attr('transform', translate(0, y));
  appendText(intro, 16, 14, 'Metric distributions across seeds', 'h2');
  const introX = 16 + boldTextWidthPx('Metric distributions across seeds', 13) + 10;
  if (panels.length === 0) appendText(intro, introX, 14, 'no metric varies across the seeds', 'note');
  else {
    appendText(intro, introX, 8, 'bars: seeds per value, failing seeds stacked on top in their verdict colour · lines: p50 (blue), p90 (purple), p99 (orange), nearest rank', 'note');
    appendText(intro, introX, 20, `strip: box from p25 to p75 with the median, whiskers to the last value within 1.5 IQR; one dot per seed${seeds.length > MAX_DOTS ? ' (here only outliers and failures)' : ''}; outliers beyond 1.5 IQR ringed, the most extreme labelled with their seed`, 'note');
  }
  y += 28;
  if (constant.length > 0) y = drawNameList(root, y, widthPx, 'Same for every seed:', constant);
  if (empty.length > 0) y = drawNameList(root, y, widthPx, 'No values:', empty);
  if (dists.length > panels.length) y = drawNameList(root, y, widthPx, `Not drawn (more than ${MAX_PANELS} metrics):`, dists.slice(MAX_PANELS).map((dist) => dist.name));
  if (names.length === 0) {
    appendText(root, 16, y + 12, 'The input has no metrics: only verdicts and failing seeds are shown.', 'note');
    y += 20;
  }

  const columns = widthPx >= 1100 ? 2 : 1;
  const columnWidth = (widthPx - 16 - 16 - (columns - 1) * 24) / columns;
  const panelHeight = 186;
  panels.forEach((dist, k) => {
    const column = k % columns;
    const row = Math.floor(k / columns);
    const left = 16 + column * (columnWidth + 24);
    const g = root.append('g').attr('class', 'metric').attr('data-metric', dist.name).attr('transform', translate(left, y + row * panelHeight));
    const plotLeft = 58;
    const plotRight = columnWidth - 6;
    panelTitle(g, 0, columnWidth, dist.name, distributionNote(dist, seeds.length));
    const axis = planAxis(d3, [dist], isIntegerValued([dist]), plotLeft, plotRight);
    const yMax = Math.max(1, tallestBar(dist, seeds, axis.bins, false));
    const geometry: DistributionGeometry = { axis, histTopPx: 22, histBottomPx: 96, stripTopPx: 99, stripHeightPx: 20, labelTopPx: 131 };
    drawDistribution(d3, g, dist, seeds, yMax, false, geometry, { okFill: SWEEP_VERDICT_COLORS.ok, lineColor: null, prefix: '', maxLabels: MAX_LABELS, labelRows: 2 });
    drawValueAxis(g, axis, 152, dist.unit);
  });
  y += Math.ceil(panels.length / columns) * panelHeight + 4;

  y += drawFailingTable(root, y, widthPx, [{ tag: null, seeds }], options.maxFailingRows ?? 30);
  return finish(doc, y, `Rendered by raftsim reports from ${formatCount(seeds.length)} seed results. Hover bars, dots and labels for seeds, values and replay commands.`);
}

/** A wrapped list of metric names (constant ones, ones without values). Returns the y after it. */
function drawNameList(root: Selection, y: number, widthPx: number, heading: string, items: readonly string[]): number {
  const maxChars = Math.floor((widthPx - 32 - 200) / 6);
  const lines: string[] = [];
  let line = '';
  for (const item of items.slice(0, 400)) {
    const next = line === '' ? item : `${line} · ${item}`;
    if (next.length > maxChars && line !== '') {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  const shown = lines.slice(0, 4);
  if (lines.length > shown.length || items.length > 400) shown[shown.length - 1] += ' · …';
  appendText(root, 16, y + 12, heading, 'info').attr('style', 'font-weight: bold');
  shown.forEach((text, k) => appendText(root, 200, y + 12 + k * 14, text, 'note'));
  return y + shown.length * 14 + 8;
}

// ------------------------------------------------------------------------------------------ two sweeps

export type LabelledSweep = SweepReportInput & { readonly label: string };

/**
 * Two sweeps on shared axes: per metric, A's distribution above B's on the same value axis and the same
 * y scale (seed counts, or shares of seeds when the sweeps have different sizes), each with its p50/p90/p99
 * in its colour; then both sweeps' failing seeds.
 */
export function renderSweepComparison(a: LabelledSweep, b: LabelledSweep, options: SweepReportOptions = {}): string {
  checkInput(a, 'renderSweepComparison (A)');
  checkInput(b, 'renderSweepComparison (B)');
  checkOptions(options, 'renderSweepComparison');
  const doc = newDocument(options.widthPx ?? DEFAULT_WIDTH_PX);
  const { root, widthPx, d3 } = doc;
  const sweeps = [
    { letter: 'A' as RunLetter, input: a },
    { letter: 'B' as RunLetter, input: b },
  ].map((sweep) => ({ ...sweep, tag: { letter: sweep.letter, label: sweep.input.label } as RunTag }));

  const header = root.append('g').attr('class', 'header');
  appendText(header, 16, 28, options.title ?? `raftsim sweep comparison · ${a.label} vs ${b.label}`, 'h1');
  let y = 56;
  for (const sweep of sweeps) {
    const tagWidth = drawRunTag(header, 16, y, sweep.tag);
    const range = `${sweep.input.scenario || 'unnamed scenario'} · ${seedRange(sweep.input.seeds)}`;
    appendText(header, 16 + tagWidth + 12, y, range, 'info');
    drawVerdictSummary(header, 16 + tagWidth + 12 + textWidthPx(range, 11.5) + 16, y, sweep.input.seeds);
    y += 22;
  }
  const diffs = parameterDiff(a.parameters ?? {}, b.parameters ?? {});
  if (diffs.length > 0) {
    appendText(header, 16, y, 'What differs:', 'info').attr('style', 'font-weight: bold');
    const text = diffs.slice(0, 12).map((diff) => `${diff.key} A ${cleanText(diff.a, 40)} · B ${cleanText(diff.b, 40)}`).join('   |   ');
    appendText(header, 110, y, cleanText(`${text}${diffs.length > 12 ? `   |   and ${diffs.length - 12} more` : ''}`, Math.floor((widthPx - 126) / 6.2)), 'info');
    y += 18;
  } else if (a.parameters !== undefined || b.parameters !== undefined) {
    appendText(header, 16, y, 'The two sweeps have the same parameters.', 'note');
    y += 16;
  }
  y += 6;

  const names = metricNames([a, b], options);
  const share = a.seeds.length !== b.seeds.length;
  const intro = root.append('g').attr('transform', translate(0, y));
  appendText(intro, 16, 14, 'Metric distributions, A above B on the same axes', 'h2');
  const introX = 16 + boldTextWidthPx('Metric distributions, A above B on the same axes', 13) + 10;
  appendText(intro, introX, 8, `bars: ${share ? 'share of each sweep’s seeds (the sweeps differ in size)' : 'seeds'} per value, same bins and y scale for both, failing seeds stacked in their verdict colour`, 'note');
  appendText(intro, introX, 20, 'lines: p50 solid, p90 dashed, p99 dotted, in the sweep’s colour · strip: quartile box, whiskers to 1.5 IQR, outliers ringed and labelled with their seed', 'note');
  y += 28;
  const constant: string[] = [];
  const empty: string[] = [];
  const panels: { name: string; dists: (MetricDistribution | null)[] }[] = [];
  for (const name of names) {
    const unit = options.units?.[name] ?? unitOf(name);
    const dists = [metricDistribution(a.seeds, name, unit), metricDistribution(b.seeds, name, unit)];
    const present = dists.filter((dist): dist is MetricDistribution => dist !== null);
    if (present.length === 0) empty.push(name);
    else if (Math.min(...present.map((dist) => dist.min)) === Math.max(...present.map((dist) => dist.max))) {
      constant.push(`${name} ${formatMetric(present[0]!.min, present[0]!.unit)}${present.length < 2 ? ` (${dists[0] === null ? 'B' : 'A'} only)` : ''}`);
    } else panels.push({ name, dists });
  }
  if (constant.length > 0) y = drawNameList(root, y, widthPx, 'Same for every seed of both:', constant);
  if (empty.length > 0) y = drawNameList(root, y, widthPx, 'No values:', empty);
  const drawn = panels.slice(0, MAX_PANELS);
  if (panels.length > drawn.length) y = drawNameList(root, y, widthPx, `Not drawn (more than ${MAX_PANELS} metrics):`, panels.slice(MAX_PANELS).map((panel) => panel.name));

  const columns = widthPx >= 1100 ? 2 : 1;
  const columnWidth = (widthPx - 16 - 16 - (columns - 1) * 24) / columns;
  const panelHeight = 236;
  drawn.forEach((panel, k) => {
    const column = k % columns;
    const row = Math.floor(k / columns);
    const left = 16 + column * (columnWidth + 24);
    const g = root.append('g').attr('class', 'metric').attr('data-metric', panel.name).attr('transform', translate(left, y + row * panelHeight));
    const present = panel.dists.filter((dist): dist is MetricDistribution => dist !== null);
    const unit = present[0]!.unit;
    const plotLeft = 58;
    const plotRight = columnWidth - 6;
    const axis = planAxis(d3, present, isIntegerValued(panel.dists), plotLeft, plotRight);
    let yMax = share ? 0.01 : 1;
    panel.dists.forEach((dist, k2) => {
      if (dist !== null) yMax = Math.max(yMax, tallestBar(dist, sweeps[k2]!.input.seeds, axis.bins, share));
    });
    const summary = panel.dists
      .map((dist, k2) => (dist === null ? `${sweeps[k2]!.letter}: no values` : `${sweeps[k2]!.letter} p50 ${formatMetric(dist.p50, unit)}, p99 ${formatMetric(dist.p99, unit)}`))
      .join(' · ');
    const [da, db] = panel.dists;
    const ratio = da !== null && db !== null && da !== undefined && db !== undefined && da.p99 > 0 && db.p99 > 0 ? ` · p99 B/A ×${formatNumber(db.p99 / da.p99, db.p99 / da.p99 >= 10 ? 0 : 2)}` : '';
    panelTitle(g, 0, columnWidth, panel.name, `${summary}${ratio}`);
    panel.dists.forEach((dist, k2) => {
      const sweep = sweeps[k2]!;
      const top = 22 + k2 * 96;
      const tagG = g.append('g');
      drawRunTag(tagG, 0, top + 16, { letter: sweep.letter, label: '' }, 10);
      if (dist === null) {
        appendRect(g, plotLeft, top, plotRight - plotLeft, 66, 'panel');
        appendText(g, (plotLeft + plotRight) / 2, top + 36, `no values in sweep ${sweep.letter}`, 'note mid');
        return;
      }
      const geometry: DistributionGeometry = { axis, histTopPx: top, histBottomPx: top + 50, stripTopPx: top + 53, stripHeightPx: 16, labelTopPx: top + 80 };
      drawDistribution(d3, g, dist, sweep.input.seeds, yMax, share, geometry, {
        okFill: RUN_FILLS[sweep.letter],
        lineColor: RUN_COLORS[sweep.letter],
        prefix: `${sweep.letter} `,
        maxLabels: 6,
        labelRows: 1,
      });
    });
    drawValueAxis(g, axis, 22 + 2 * 96 - 6, unit);
  });
  y += Math.ceil(drawn.length / columns) * panelHeight + 4;

  y += drawFailingTable(
    root,
    y,
    widthPx,
    sweeps.map((sweep) => ({ tag: sweep.tag, seeds: sweep.input.seeds })),
    options.maxFailingRows ?? 30,
  );
  return finish(doc, y, `Rendered by raftsim reports from ${formatCount(a.seeds.length)} + ${formatCount(b.seeds.length)} seed results. Hover bars, dots and labels for seeds, values and replay commands.`);
}
