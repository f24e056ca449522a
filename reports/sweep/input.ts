// The sweep reports' input (one result per seed, as the CLI builds it from its sweep), its checks, and the
// units and formats of metric values.
import { formatBytes, formatCount, formatDurationUs, formatNumber } from '../format.js';
import type { SweepCoverage } from './coverage.js';

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
  /** Situations worth reaching with the seeds that reached each (drawn as the coverage panel; none: no panel). */
  readonly coverage?: readonly SweepCoverage[];
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

export const SWEEP_VERDICT_COLORS: Readonly<Record<SweepVerdict, string>> = {
  ok: '#8fa9c6',
  safety: '#c62828',
  liveness: '#ef6c00',
  expectation: '#7b1fa2',
};

export const SWEEP_VERDICT_LABELS: Readonly<Record<SweepVerdict, string>> = {
  ok: 'ok',
  safety: 'safety violation',
  liveness: 'liveness failure',
  expectation: 'expectation failed',
};

export const DEFAULT_WIDTH_PX = 1500;
const MIN_WIDTH_PX = 600;
const MAX_WIDTH_PX = 20_000;
/** Panels beyond this many metrics are listed by name only. */
export const MAX_PANELS = 120;

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
  if (unit === 'bytes') return formatBytes(value);
  if (Number.isInteger(value)) return formatCount(value);
  const abs = Math.abs(value);
  return formatNumber(value, abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

/** Metric names in order of first appearance (or options.metrics). */
export function metricNames(inputs: readonly SweepReportInput[], options: SweepReportOptions): string[] {
  if (options.metrics !== undefined) return [...new Set(options.metrics)];
  const names = new Set<string>();
  for (const input of inputs) for (const seed of input.seeds) for (const name of Object.keys(seed.metrics)) names.add(name);
  return [...names];
}

export function checkInput(input: SweepReportInput, what: string): void {
  if (input === null || typeof input !== 'object' || !Array.isArray(input.seeds)) throw new TypeError(`${what}: expected { scenario, seeds: [...] }`);
  input.seeds.forEach((seed, k) => {
    if (seed === null || typeof seed !== 'object') throw new TypeError(`${what}: seeds[${k}] is not an object`);
    if (typeof seed.seed !== 'number' || !Number.isFinite(seed.seed)) throw new TypeError(`${what}: seeds[${k}].seed must be a number`);
    if (!SWEEP_VERDICTS.includes(seed.verdict)) throw new TypeError(`${what}: seeds[${k}].verdict must be one of ${SWEEP_VERDICTS.join(', ')}, got ${JSON.stringify(seed.verdict)}`);
    if (seed.metrics === null || typeof seed.metrics !== 'object') throw new TypeError(`${what}: seeds[${k}].metrics must be an object`);
  });
}

export function checkOptions(options: SweepReportOptions, what: string): void {
  const { widthPx, maxFailingRows } = options;
  if (widthPx !== undefined && (!Number.isInteger(widthPx) || widthPx < MIN_WIDTH_PX || widthPx > MAX_WIDTH_PX)) {
    throw new RangeError(`${what}: widthPx must be an integer in ${MIN_WIDTH_PX}..${MAX_WIDTH_PX}, got ${widthPx}`);
  }
  if (maxFailingRows !== undefined && (!Number.isInteger(maxFailingRows) || maxFailingRows < 0 || maxFailingRows > 10_000)) {
    throw new RangeError(`${what}: maxFailingRows must be an integer in 0..10000, got ${maxFailingRows}`);
  }
}

export function verdictCounts(seeds: readonly SweepSeed[]): Record<SweepVerdict, number> {
  const counts: Record<SweepVerdict, number> = { ok: 0, safety: 0, liveness: 0, expectation: 0 };
  for (const seed of seeds) counts[seed.verdict]++;
  return counts;
}
