// Expectations: one-line checks written in a scenario ("electionLatency.p99 < 1s", "verdict == ok"), parsed and
// type-checked when the scenario loads, evaluated against the run's result and metrics after the run.
import { UnitError, formatProbability, formatSize, parseDuration, parsePpm, parseProbability, parseSize } from './units.js';
import { formatUs } from '../../sim/random.js';

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** What a path measures, so a value's unit can be checked (a duration compared with a count is a mistake). */
export type Quantity = 'duration' | 'count' | 'bytes' | 'ratio' | 'word' | 'number';

export interface Expectation {
  /** As written in the scenario. */
  readonly expression: string;
  readonly path: string;
  readonly op: Comparison;
  /** Durations in microseconds, sizes in bytes, percentages as fractions. */
  readonly value: number | string | null;
  readonly quantity: Quantity;
}

export interface ExpectationResult {
  readonly expression: string;
  /** The measured value (durations in microseconds), or null when it was not measured. */
  readonly actual: number | string | null;
  readonly passed: boolean;
  /** Why it failed when the value was missing. */
  readonly note?: string;
}

type Shape = Quantity | { readonly [key: string]: Shape };

const distribution = (unit: Quantity): Shape => ({ count: 'count', min: unit, p50: unit, p90: unit, p99: unit, max: unit, mean: unit });

/** The documented shape of result.metrics (docs/metrics.md); `*` is any node, datacenter or message type. */
export const metricShape: { readonly [key: string]: Shape } = {
  electionLatency: { ...(distribution('duration') as { readonly [key: string]: Shape }), censored: 'count' },
  catchUp: { ...(distribution('duration') as { readonly [key: string]: Shape }), censored: 'count', abandoned: 'count' },
  elections: { started: 'count', preVoteRounds: 'count', termsWithoutLeader: 'count', splitVotes: 'count', lostToStaleLog: 'count', termsUsed: 'count', leaderChanges: 'count', timeWithoutLeaderUs: 'duration', firstLeaderUs: 'duration' },
  logGrowth: {
    peakEntries: 'count',
    peakBytes: 'bytes',
    finalEntries: 'count',
    growthEntriesPerSecond: 'number',
    perNode: { '*': { peakEntries: 'count', peakBytes: 'bytes', finalEntries: 'count' } },
  },
  compaction: {
    snapshots: 'count',
    snapshotsPerNode: { '*': 'count' },
    snapshotsInstalled: 'count',
    maxSnapshotLag: 'count',
    drift: {
      rounds: 'count',
      maxTimeSpreadUs: 'duration',
      meanTimeSpreadUs: 'duration',
      maxIndexSpread: 'count',
      timeTrigger: { samples: 'count', skippedWindows: 'count', meanDeviationUs: 'duration', maxDeviationUs: 'duration', maxDelayUs: 'duration' },
    },
    stallCount: 'count',
  },
  applyLag: { max: 'count', p50: 'count', p99: 'count' },
  commitLatency: distribution('duration'),
  clientLatency: { write: distribution('duration'), read: distribution('duration') },
  replicationLatency: { byDatacenter: { '*': distribution('duration') } },
  messages: {
    sent: 'count',
    delivered: 'count',
    dropped: 'count',
    byType: { '*': { sent: 'count', delivered: 'count', dropped: 'count' } },
    droppedByReason: { '*': 'count' },
  },
  // Runs with spares or membership faults only (sim/membership-metrics.ts).
  membership: {
    changes: 'count',
    proposed: 'count',
    autoLeaves: 'count',
    jointPeriods: 'count',
    timeJointUs: 'duration',
    removedStepDowns: 'count',
    jointAtEnd: 'count',
    finalVoters: 'count',
    finalLearners: 'count',
    maxCatchUpUs: 'duration',
    catchUp: { '*': { addedAtUs: 'duration', caughtUpAtUs: 'duration', catchUpUs: 'duration' } },
  },
  // Mixed-version runs only (cluster.versions; sim/version-metrics.ts).
  versions: {
    finalVersions: { '*': 'number' },
    upgrades: 'count',
    blockedUs: 'duration',
    blockedAtEnd: 'count',
    rejections: 'count',
    snapshotRejections: { '*': 'count' },
    entryRejections: { '*': 'count' },
    leaderRetainedAtBlock: 'count',
    leaderRetainedMax: 'count',
    leaderRetainedAtEnd: 'count',
  },
};

/** Result fields (outside metrics) an expectation may name. */
export const resultShape: { readonly [key: string]: Shape } = {
  verdict: 'word',
  invariant: 'word',
  liveness: { convergedAfterUs: 'duration', healedAtUs: 'duration' },
  cluster: {
    crashes: 'count',
    restarts: 'count',
    pauses: 'count',
    elections: 'count',
    preVoteRounds: 'count',
    electionsLost: 'count',
    leaderChanges: 'count',
    checkQuorumStepDowns: 'count',
    snapshotsInstalled: 'count',
    tornRecordsDiscarded: 'count',
  },
  network: { sent: 'count', delivered: 'count', duplicated: 'count', reordered: 'count', dropped: { '*': 'count' } },
  workload: { invoked: 'count', ok: 'count', failed: 'count', timedOut: 'count', retries: 'count', redirects: 'count' },
  simulatedUs: 'duration',
  events: 'count',
};

/** The quantity a dotted path measures, or a description of why the path is unknown. */
export function quantityOf(path: string): { quantity: Quantity } | { problem: string } {
  const parts = path.split('.');
  const stripped = parts[0] === 'metrics' ? parts.slice(1) : parts;
  let shape: Shape = parts[0] === 'metrics' ? (metricShape as Shape) : ({ ...metricShape, ...resultShape } as Shape);
  const walked: string[] = parts[0] === 'metrics' ? ['metrics'] : [];
  for (const part of stripped) {
    if (typeof shape === 'string') return { problem: `${walked.join('.')} is a single value and has no field "${part}"` };
    const next: Shape | undefined = Object.hasOwn(shape, part) ? shape[part] : shape['*'];
    if (next === undefined) {
      const known = Object.keys(shape).filter((key) => key !== '*');
      const where = walked.length === 0 ? 'a known metric or result field' : `a field of ${walked.join('.')}`;
      return { problem: `"${part}" is not ${where} (one of: ${known.join(', ')})` };
    }
    shape = next;
    walked.push(part);
  }
  if (typeof shape !== 'string') return { problem: `${path} is a group; name one of its fields: ${Object.keys(shape).filter((key) => key !== '*').join(', ') || '<key>.<field>'}` };
  return { quantity: shape };
}

const expressionPattern = /^\s*([A-Za-z][\w-]*(?:\.[\w-]+)*)\s*(<=|>=|==|!=|<|>)\s*(.+?)\s*$/;

export const expectationForm = 'an expectation such as "electionLatency.p99 < 1s", "compaction.stallCount == 0" or "verdict == ok" (PATH OP VALUE, OP one of < <= > >= == !=)';

/** Parses and type-checks one expectation; throws UnitError (completing "expected ...") when it is malformed. */
export function parseExpectation(expression: unknown): Expectation {
  if (typeof expression !== 'string') throw new UnitError(expectationForm);
  const match = expressionPattern.exec(expression);
  if (match === null) throw new UnitError(expectationForm);
  const path = match[1]!;
  const op = match[2] as Comparison;
  const raw = match[3]!;
  const known = quantityOf(path);
  if ('problem' in known) throw new UnitError(`${expectationForm}; ${known.problem}`);
  const quantity = known.quantity;
  const value = parseValue(raw, quantity, path);
  if (typeof value === 'string' && op !== '==' && op !== '!=') throw new UnitError(`== or != when comparing ${path} with a word`);
  return { expression: expression.trim(), path, op, value, quantity };
}

function parseValue(raw: string, quantity: Quantity, path: string): number | string | null {
  if (raw === 'null') return null;
  switch (quantity) {
    case 'word':
      if (!/^[\w-]+$/.test(raw)) throw new UnitError(`a word for ${path}, such as ok, safety or liveness`);
      return raw;
    case 'duration':
      if (/^\d+(\.\d+)?$/.test(raw) && Number(raw) !== 0) throw new UnitError(`a duration with a unit for ${path}, such as 500ms or 1s`);
      try {
        return parseDuration(raw);
      } catch {
        throw new UnitError(`a duration for ${path}, such as 500ms or 1s`);
      }
    case 'bytes':
      try {
        return parseSize(raw);
      } catch {
        throw new UnitError(`a size for ${path}, such as 64KiB or 1000000`);
      }
    case 'ratio':
      return parseProbability(raw);
    case 'count':
    case 'number': {
      if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw)) return Number(raw);
      if (/ppm$/.test(raw)) return parsePpm(raw);
      if (/%$/.test(raw)) return parseProbability(raw);
      throw new UnitError(`a number for ${path} (it is a ${quantity === 'count' ? 'count' : 'plain number'}, not a duration or size)`);
    }
    default:
      throw new UnitError(expectationForm);
  }
}

/** The object expectations look paths up in: the metrics at the top level and under `metrics`, plus result fields. */
export function expectationContext(result: {
  verdict: string;
  violation: { invariant: string } | null;
  liveness: unknown;
  cluster: unknown;
  network: unknown;
  workload: unknown;
  simulatedUs: number;
  events: number;
  metrics?: unknown;
}): Record<string, unknown> {
  const metrics = (result.metrics ?? undefined) as Record<string, unknown> | undefined;
  return {
    ...(metrics ?? {}),
    metrics,
    verdict: result.verdict,
    invariant: result.violation?.invariant ?? 'none',
    liveness: result.liveness,
    cluster: result.cluster,
    network: result.network,
    workload: result.workload,
    simulatedUs: result.simulatedUs,
    events: result.events,
  };
}

export function lookup(context: unknown, path: string): unknown {
  let value: unknown = context;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function compare(actual: number | string, op: Comparison, expected: number | string): boolean {
  switch (op) {
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '==':
      return actual === expected;
    case '!=':
      return actual !== expected;
    default:
      return false;
  }
}

export function evaluateExpectation(expectation: Expectation, context: Record<string, unknown>): ExpectationResult {
  const found = lookup(context, expectation.path);
  const isMetric = quantityOf(`metrics.${expectation.path}`);
  if (found === undefined) {
    const note = 'quantity' in isMetric && context.metrics === undefined ? 'not measured: this build records no metrics' : 'not measured in this run';
    return { expression: expectation.expression, actual: null, passed: expectation.value === null && expectation.op === '==', note };
  }
  if (found === null || expectation.value === null) {
    const passed = expectation.op === '==' ? found === expectation.value : expectation.op === '!=' ? found !== expectation.value : false;
    return { expression: expectation.expression, actual: found as null, passed, ...(found === null && !passed ? { note: 'no value (nothing to measure)' } : {}) };
  }
  if (typeof found !== 'number' && typeof found !== 'string') {
    return { expression: expectation.expression, actual: null, passed: false, note: `${expectation.path} is not a single value` };
  }
  if (typeof found !== typeof expectation.value) {
    return { expression: expectation.expression, actual: found, passed: false, note: `cannot compare ${typeof found} with ${typeof expectation.value}` };
  }
  return { expression: expectation.expression, actual: found, passed: compare(found, expectation.op, expectation.value) };
}

export function evaluateExpectations(expectations: readonly Expectation[], context: Record<string, unknown>): ExpectationResult[] {
  return expectations.map((expectation) => evaluateExpectation(expectation, context));
}

/** A measured value in the expectation's own unit, for summaries. */
export function formatActual(expectation: Pick<Expectation, 'quantity'>, actual: number | string | null): string {
  if (actual === null) return 'none';
  if (typeof actual === 'string') return actual;
  switch (expectation.quantity) {
    case 'duration':
      return formatUs(Math.round(actual));
    case 'bytes':
      return formatSize(Math.round(actual));
    case 'ratio':
      return formatProbability(actual);
    default:
      return Number.isInteger(actual) ? String(actual) : actual.toFixed(3);
  }
}
