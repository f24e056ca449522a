// The result of one run as written to result.json (documented field by field in docs/results.md), and the few
// numbers a sweep keeps per seed.
import type { SimulationOptions, SimulationResult } from '../sim/simulate.js';
import type { Checkpoints } from './checkpoints.js';
import type { Outcome, ScenarioRun } from './run-scenario.js';
import type { ExpectationResult } from './scenario/expectations.js';
import { lookup, expectationContext } from './scenario/expectations.js';
import type { ScenarioSource } from './scenario/load.js';
import { overridesToFlags } from './scenario/overrides.js';
import { fullToSpec, specToDocument } from './scenario/serialize.js';
import { raftsimVersion } from './version.js';

export const resultVersion = 2;

export interface ResultJson {
  readonly raftsim: { readonly resultVersion: number; readonly version: string };
  readonly scenario: string;
  readonly question: string;
  readonly source: ScenarioSource;
  readonly seed: number;
  /** The override flags of the run, in canonical form (they are repeated in `replay`). */
  readonly overrides: readonly string[];
  readonly swarm: boolean;
  /** Every value drawn from the seed: swarm parameters by path, `between` fault times as faults[i].at. */
  readonly drawn: Readonly<Record<string, unknown>>;
  /** Scenario paths filled from defaults. */
  readonly defaults: readonly string[];
  /** The complete scenario of the run (after overrides, defaults and draws) in the file's own form. */
  readonly parameters: Record<string, unknown>;
  /** The compiled simulator options: everything needed to rerun, bit for bit. */
  readonly options: SimulationOptions;
  readonly notes: readonly string[];
  readonly outcome: Outcome;
  readonly exitCode: number;
  readonly verdict: SimulationResult['verdict'];
  readonly violation: SimulationResult['violation'];
  readonly liveness: SimulationResult['liveness'];
  readonly expectations: readonly ExpectationResult[];
  readonly traceHash: SimulationResult['traceHash'];
  readonly traceLines: number;
  readonly traceCheckpoints: Checkpoints | null;
  /** The trace file written next to result.json (`--trace`), or null. */
  readonly traceFile: string | null;
  readonly simulatedUs: number;
  readonly wallMs: number;
  readonly events: number;
  readonly invariantChecks: number;
  readonly metrics: SimulationResult['metrics'] | null;
  /** Situations worth reaching, and how often this run reached each (docs/results.md). */
  readonly coverage: SimulationResult['coverage'] | null;
  /** The end-of-run linearizability check of the client history (docs/results.md); null when invariants were
   *  off, or in files written before it existed. */
  readonly linearizability: SimulationResult['linearizability'];
  readonly cluster: SimulationResult['cluster'];
  readonly network: SimulationResult['network'];
  readonly workload: SimulationResult['workload'];
  /** The complete fault schedule: scripted faults and those drawn by the nemesis, in time order. */
  readonly faults: SimulationResult['faults'];
  readonly finalState: SimulationResult['finalState'];
}

/** The command that runs a seed again, as typed after `npm ci` (`npx raftsim run REF --seed N FLAGS`). */
export function replayCommand(ref: string, seed: number, flags: readonly string[]): string {
  const quoted = /^[\w./@:+=-]+$/.test(ref) ? ref : `'${ref.replace(/'/g, `'\\''`)}'`;
  return ['npx', 'raftsim', 'run', quoted, '--seed', String(seed), ...flags].join(' ');
}

export function toResultJson(run: ScenarioRun, checkpoints: Checkpoints | null = null, traceFile: string | null = null): ResultJson {
  const result = run.result;
  const compiled = run.compiled;
  return {
    raftsim: { resultVersion, version: raftsimVersion },
    scenario: result.scenario,
    question: run.scenario.question,
    source: run.scenario.source,
    seed: result.seed,
    overrides: overridesToFlags(run.overrides),
    swarm: compiled.full.swarm,
    drawn: compiled.drawn,
    defaults: compiled.defaults,
    parameters: specToDocument(fullToSpec(compiled.full)),
    options: compiled.options,
    notes: compiled.notes,
    outcome: run.outcome,
    exitCode: run.exitCode,
    verdict: result.verdict,
    violation: result.violation,
    liveness: result.liveness,
    expectations: run.expectations,
    traceHash: result.traceHash,
    traceLines: result.traceLines,
    traceCheckpoints: checkpoints,
    traceFile,
    simulatedUs: result.simulatedUs,
    wallMs: Math.round(run.wallMs),
    events: result.events,
    invariantChecks: result.invariantChecks,
    metrics: (result as { metrics?: SimulationResult['metrics'] }).metrics ?? null,
    coverage: (result as { coverage?: SimulationResult['coverage'] }).coverage ?? null,
    linearizability: (result as { linearizability?: SimulationResult['linearizability'] }).linearizability ?? null,
    cluster: result.cluster,
    network: result.network,
    workload: result.workload,
    faults: result.faults,
    finalState: result.finalState,
  };
}

/** Metrics a sweep aggregates across seeds (plus every path the scenario's expectations name). */
export const sweepMetricPaths: readonly string[] = [
  'electionLatency.p50',
  'electionLatency.p99',
  'electionLatency.max',
  'electionLatency.censored',
  'catchUp.p50',
  'catchUp.max',
  'catchUp.censored',
  'elections.splitVotes',
  'elections.lostToStaleLog',
  'elections.timeWithoutLeaderUs',
  'elections.firstLeaderUs',
  'logGrowth.peakEntries',
  'logGrowth.peakBytes',
  'logGrowth.growthEntriesPerSecond',
  'compaction.snapshots',
  'compaction.maxSnapshotLag',
  'compaction.drift.maxTimeSpreadUs',
  'compaction.drift.maxIndexSpread',
  'compaction.stallCount',
  'applyLag.max',
  'commitLatency.p50',
  'commitLatency.p99',
  'clientLatency.write.p50',
  'clientLatency.write.p99',
  'clientLatency.read.p99',
  'messages.sent',
  'messages.dropped',
  'liveness.convergedAfterUs',
];

/** How many seeds' client histories were linearizable, not, undecided, or unchecked; null when no seed says
 *  (sweep files written before the check existed). */
export function linearizabilityCounts(runs: readonly Pick<SeedSummary, 'linearizability'>[]): Record<'ok' | 'violation' | 'unknown' | 'off', number> | null {
  const counts = { ok: 0, violation: 0, unknown: 0, off: 0 };
  let any = false;
  for (const run of runs) {
    if (run.linearizability === undefined) continue;
    counts[run.linearizability]++;
    any = true;
  }
  return any ? counts : null;
}

/** The few numbers a sweep keeps per seed. */
export interface SeedSummary {
  readonly seed: number;
  readonly verdict: SimulationResult['verdict'];
  readonly outcome: Outcome;
  readonly invariant: string | null;
  readonly message: string | null;
  readonly failedExpectations: readonly string[];
  readonly traceHash: string | null;
  readonly events: number;
  readonly simulatedUs: number;
  readonly wallMs: number;
  readonly leaderChanges: number;
  readonly elections: number;
  readonly convergedAfterUs: number | null;
  readonly clientOk: number;
  /** Metric path -> value (null when not measured), for the sweep's distributions across seeds. */
  readonly metrics: Readonly<Record<string, number | null>>;
  /** The situations this seed reached (sim/coverage.ts), by name. */
  readonly reached: readonly string[];
  /** The linearizability verdict of the seed's client history; 'off' when invariants were off. Absent in sweep
   *  files written before it existed. */
  readonly linearizability?: 'ok' | 'violation' | 'unknown' | 'off';
  /** The seed's one-or-few-per-run measurements sample by sample (docs/results.md); null when the run kept no
   *  metrics; absent in sweep files written before it existed. */
  readonly samples?: SeedSamples | null;
}

/** Samples a sweep keeps per seed: at most this many of each list (the first ones). */
export const sweepSamplesPerSeed = 100;

export interface SeedSamples {
  /** Each election latency with its cause and start; censored ones marked (not in the distributions). */
  readonly electionLatency: readonly { readonly startUs: number; readonly latencyUs: number; readonly cause: string; readonly censored: boolean }[];
  /** Election-latency samples of the run not listed here (beyond sweepSamplesPerSeed, or beyond the run's bound). */
  readonly electionLatencyDropped: number;
  /** The terms split votes lost, and the terms lone candidates lost to a stale log, ascending (the first ones). */
  readonly splitVoteTerms: readonly number[];
  readonly lostToStaleLogTerms: readonly number[];
  /** Each catch-up of a node back behind the cluster (metrics.samples.catchUp; absent in files written before it
   *  existed): the node, cause, start, time (null: never caught up) and the censored mark. */
  readonly catchUp?: readonly { readonly node: string; readonly cause: string; readonly startUs: number; readonly catchUpUs: number | null; readonly censored: boolean }[];
  readonly catchUpDropped?: number;
}

/** The samples of a run's metrics, bounded for a sweep row. */
export function seedSamples(metrics: SimulationResult['metrics'] | undefined | null): SeedSamples | null {
  if (metrics === undefined || metrics === null) return null;
  const samples = metrics.samples;
  const kept = samples.electionLatency.slice(0, sweepSamplesPerSeed);
  return {
    electionLatency: kept.map((sample) => ({ startUs: sample.startUs, latencyUs: sample.latencyUs, cause: sample.cause, censored: sample.censored })),
    electionLatencyDropped: samples.electionLatencyDropped + samples.electionLatency.length - kept.length,
    splitVoteTerms: samples.splitVoteTerms.slice(0, sweepSamplesPerSeed),
    lostToStaleLogTerms: samples.lostToStaleLogTerms.slice(0, sweepSamplesPerSeed),
    catchUp: samples.catchUp.slice(0, sweepSamplesPerSeed).map((sample) => ({ node: sample.node, cause: sample.cause, startUs: sample.startUs, catchUpUs: sample.catchUpUs, censored: sample.censored })),
    catchUpDropped: samples.catchUpDropped + Math.max(0, samples.catchUp.length - sweepSamplesPerSeed),
  };
}

export function summarizeSeed(run: ScenarioRun, metricPaths: readonly string[] = sweepMetricPaths): SeedSummary {
  const result = run.result;
  const context = expectationContext(result);
  const metrics: Record<string, number | null> = {};
  for (const path of metricPaths) {
    const value = lookup(context, path);
    metrics[path] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  const failed = run.expectations.filter((expectation) => !expectation.passed);
  return {
    seed: result.seed,
    verdict: result.verdict,
    outcome: run.outcome,
    invariant: result.violation?.invariant ?? null,
    message: result.violation?.message ?? (result.verdict === 'liveness' ? (result.liveness?.reason ?? null) : null),
    failedExpectations: failed.map((expectation) => expectation.expression),
    traceHash: result.traceHash,
    events: result.events,
    simulatedUs: result.simulatedUs,
    wallMs: Math.round(run.wallMs),
    leaderChanges: result.cluster.leaderChanges,
    elections: result.cluster.elections,
    convergedAfterUs: result.liveness?.convergedAfterUs ?? null,
    clientOk: result.workload.ok,
    metrics,
    reached: Object.entries(result.coverage).filter(([, count]) => count > 0).map(([name]) => name),
    linearizability: result.linearizability?.verdict ?? 'off',
    samples: seedSamples((result as { metrics?: SimulationResult['metrics'] }).metrics),
  };
}
