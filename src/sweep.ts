// Seed sweeps over worker threads, with deterministic sharding so any batch system can split a sweep, and
// merging of shard results into the summary a single sweep would have given.
import { situations } from '../sim/coverage.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hashString } from '../sim/hash.js';
import { UsageError } from './errors.js';
import { linearizabilityCounts, replayCommand, summarizeSeed, sweepMetricPaths, type SeedSummary } from './result.js';
import { reopenScenario, runLoadedScenario, type Outcome } from './run-scenario.js';
import type { LoadedScenario, ScenarioSource } from './scenario/load.js';
import { overridesToFlags, type Overrides } from './scenario/overrides.js';
import { distributionOf, type Distribution } from './stats.js';
import { raftsimVersion } from './version.js';

/** Bound on the seeds of one sweep. */
export const maxSweepSeeds = 10_000_000;

/** Parses "1..1000", "5", or "1,2,9" into a list of seeds. */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text.trim());
  if (range !== null) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) {
      throw new UsageError(`--seeds "${text}": a range must be FROM..TO with FROM <= TO, e.g. 1..1000.`);
    }
    if (to - from + 1 > maxSweepSeeds) throw new UsageError(`--seeds "${text}": at most ${maxSweepSeeds} seeds per sweep.`);
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  }
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part) || !Number.isSafeInteger(Number(part)))) {
    throw new UsageError(`--seeds "${text}": expected a range like 1..1000, a seed like 42, or a list like 1,5,9.`);
  }
  const seeds = parts.map(Number);
  if (new Set(seeds).size !== seeds.length) throw new UsageError(`--seeds "${text}": a seed is listed twice; expected each seed once.`);
  return seeds;
}

/** Parses "i/n" (1 <= i <= n). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!(index >= 1 && count >= 1 && index <= count && count <= 1_000_000)) {
    throw new UsageError(`--shard "${text}": expected i/n with 1 <= i <= n, e.g. 2/8.`);
  }
  return { index, count };
}

/** The deterministic slice of seeds a shard runs: every n-th seed, starting at the i-th. */
export function shardSeeds(seeds: readonly number[], shard: { index: number; count: number }): number[] {
  return seeds.filter((_, position) => position % shard.count === shard.index - 1);
}

export interface SweepIdentity {
  /** The scenario's name. */
  readonly scenario: string;
  /** How it was named on the command line (built-in name or path). */
  readonly ref: string;
  readonly overrides: readonly string[];
}

export interface SweepSummary extends SweepIdentity {
  readonly seeds: number;
  /** Simulation verdicts. */
  readonly verdicts: { ok: number; safety: number; liveness: number };
  /** Outcomes including expectations: a run with verdict ok can still fail an expectation. */
  readonly outcomes: Record<Outcome, number>;
  /** Every seed whose outcome is not `passed`, by seed, each with its replay command. */
  readonly failing: readonly (SeedSummary & { readonly replay: string })[];
  /** Per expectation of the scenario: on how many seeds it failed. */
  readonly expectations: readonly { readonly expression: string; readonly failedSeeds: number }[];
  /** Distributions across seeds of per-run figures: run statistics and result.metrics paths. */
  readonly metrics: Readonly<Record<string, Distribution>>;
  /** The seeds' listed samples pooled (docs/results.md#samples): the distribution of every uncensored election
   *  latency of every seed (not of per-seed percentiles), the censored and unlisted ones counted, and the
   *  split-vote and stale-log terms summed. Absent in files written before it existed. */
  readonly samples?: PooledSamples;
  /** Per situation worth reaching (sim/coverage.ts): in how many seeds it was reached; 0 is flagged. */
  readonly coverage: Readonly<Record<string, number>>;
  /** Seeds whose client history was linearizable, not, undecided (Unknown), unchecked; null in older files. */
  readonly linearizability?: ReturnType<typeof linearizabilityCounts>;
  readonly simulatedUs: number;
  /** Sum of the per-seed wall times (CPU time spent simulating, across workers). */
  readonly cpuMs: number;
}

export function summarizeSweep(identity: SweepIdentity, runs: readonly SeedSummary[], expectations: readonly string[] = []): SweepSummary {
  const sorted = [...runs].sort((a, b) => a.seed - b.seed);
  const verdicts = { ok: 0, safety: 0, liveness: 0 };
  const outcomes: Record<Outcome, number> = { passed: 0, safety: 0, liveness: 0, expectations: 0 };
  let simulatedUs = 0;
  let cpuMs = 0;
  for (const run of sorted) {
    verdicts[run.verdict]++;
    outcomes[run.outcome]++;
    simulatedUs += run.simulatedUs;
    cpuMs += run.wallMs ?? 0;
  }
  const metrics: Record<string, Distribution> = {
    eventsPerRun: distributionOf(sorted.map((run) => run.events)),
    leaderChanges: distributionOf(sorted.map((run) => run.leaderChanges)),
    elections: distributionOf(sorted.map((run) => run.elections)),
    livenessConvergenceUs: distributionOf(sorted.flatMap((run) => (run.convergedAfterUs === null ? [] : [run.convergedAfterUs]))),
    clientOk: distributionOf(sorted.map((run) => run.clientOk)),
  };
  const paths = new Set<string>();
  for (const run of sorted) for (const path of Object.keys(run.metrics)) paths.add(path);
  for (const path of paths) {
    metrics[path] = distributionOf(sorted.flatMap((run) => {
      const value = run.metrics[path];
      return value === null || value === undefined ? [] : [value];
    }));
  }
  return {
    scenario: identity.scenario,
    ref: identity.ref,
    overrides: identity.overrides,
    seeds: sorted.length,
    verdicts,
    outcomes,
    failing: sorted.filter((run) => run.outcome !== 'passed').map((run) => ({ ...run, replay: replayCommand(identity.ref, run.seed, identity.overrides) })),
    expectations: expectations.map((expression) => ({ expression, failedSeeds: sorted.filter((run) => run.failedExpectations.includes(expression)).length })),
    metrics,
    samples: pooledSamples(sorted),
    coverage: coverageOf(sorted),
    linearizability: linearizabilityCounts(sorted),
    simulatedUs,
    cpuMs,
  };
}

export interface PooledSamples {
  readonly electionLatency: Distribution;
  readonly electionLatencyCensored: number;
  readonly electionLatencyDropped: number;
  readonly splitVoteTerms: number;
  readonly lostToStaleLogTerms: number;
  /** Every listed uncensored catch-up time, the censored ones counted apart, and those not listed. */
  readonly catchUp: Distribution;
  readonly catchUpCensored: number;
  readonly catchUpDropped: number;
}

/** Every seed's listed samples in one pool (rows without samples add nothing). */
export function pooledSamples(runs: readonly SeedSummary[]): PooledSamples {
  const latencies: number[] = [];
  let censored = 0;
  let dropped = 0;
  let split = 0;
  let stale = 0;
  const catchUps: number[] = [];
  let catchUpCensored = 0;
  let catchUpDropped = 0;
  for (const run of runs) {
    const samples = run.samples;
    if (samples === undefined || samples === null) continue;
    for (const sample of samples.electionLatency) {
      if (sample.censored) censored++;
      else latencies.push(sample.latencyUs);
    }
    dropped += samples.electionLatencyDropped;
    for (const sample of samples.catchUp ?? []) {
      if (sample.censored || sample.catchUpUs === null) catchUpCensored++;
      else catchUps.push(sample.catchUpUs);
    }
    catchUpDropped += samples.catchUpDropped ?? 0;
    split += samples.splitVoteTerms.length;
    stale += samples.lostToStaleLogTerms.length;
  }
  return { electionLatency: distributionOf(latencies), electionLatencyCensored: censored, electionLatencyDropped: dropped, splitVoteTerms: split, lostToStaleLogTerms: stale, catchUp: distributionOf(catchUps), catchUpCensored, catchUpDropped };
}

/** Seeds reaching each situation, every situation listed (older sweep files without `reached` count as none). */
function coverageOf(runs: readonly SeedSummary[]): Record<string, number> {
  const coverage: Record<string, number> = {};
  for (const situation of situations) coverage[situation.name] = 0;
  for (const run of runs) for (const name of run.reached ?? []) coverage[name] = (coverage[name] ?? 0) + 1;
  return coverage;
}

/** The file `sweep --out DIR` writes: enough to merge shards and to replay any seed. */
export interface SweepFile {
  readonly raftsim: { readonly sweepVersion: 1; readonly version: string };
  readonly sweep: SweepIdentity & {
    readonly source: ScenarioSource;
    /** Digest of the scenario text: shards of one sweep must have run the same scenario. */
    readonly sourceDigest: string;
    readonly seeds: string;
    readonly shard: { readonly index: number; readonly count: number } | null;
    readonly expectations: readonly string[];
    readonly metricPaths: readonly string[];
  };
  /** True while seeds are missing (an interrupted or still running sweep; `sweep --resume DIR` completes it). */
  readonly partial: boolean;
  /** Seeds finished, of the seeds this sweep (or shard) runs. */
  readonly done: number;
  readonly total: number;
  readonly summary: SweepSummary;
  readonly runs: readonly SeedSummary[];
}

/** Fields of real (wall-clock) time: kept in memory and in seeds.jsonl, left out of sweep.json so that the same
 *  sweep always writes the same bytes (interrupted and resumed, sharded and merged, on any machine). */
const wallClockFields = new Set(['wallMs', 'cpuMs', 'elapsedMs']);

/** The text of sweep.json: deterministic, without wall-clock fields. */
export function sweepJsonText(file: SweepFile): string {
  return JSON.stringify(file, (key, value: unknown) => (wallClockFields.has(key) ? undefined : value), 2) + '\n';
}

export interface SweepOptions {
  readonly scenario: LoadedScenario;
  readonly overrides: Overrides;
  readonly seeds: readonly number[];
  readonly workers: number;
  readonly onResult?: (summary: SeedSummary, done: number, total: number) => void;
  /** Stops the sweep: no new seed starts; runSweep returns the seeds finished so far. */
  readonly signal?: AbortSignal;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** What a worker needs to rebuild the scenario: the exact text the main thread read. */
export interface WorkerSetup {
  readonly source: ScenarioSource;
  readonly name: string;
  readonly overrides: Overrides;
  readonly metricPaths: readonly string[];
}

export function metricPathsFor(scenario: LoadedScenario): string[] {
  const paths = new Set(sweepMetricPaths);
  for (const expectation of scenario.spec.expectations ?? []) if (expectation.quantity !== 'word') paths.add(expectation.path);
  return [...paths];
}

export function runSeed(setup: WorkerSetup, scenario: LoadedScenario, seed: number): SeedSummary {
  return summarizeSeed(runLoadedScenario(scenario, seed, { overrides: setup.overrides }), setup.metricPaths);
}

/** Runs the seeds; with workers <= 1 in this thread (no worker startup cost), else over worker threads that
 *  pull seeds one at a time so that slow seeds do not hold up a fixed share. When `signal` aborts, no new seed
 *  starts, seeds in flight are abandoned and the seeds finished so far are returned. A worker that dies while
 *  running a seed fails the sweep (the seeds finished before were already handed to onResult). */
export async function runSweep(options: SweepOptions): Promise<SeedSummary[]> {
  const { scenario, seeds } = options;
  const setup: WorkerSetup = { source: scenario.source, name: scenario.name, overrides: options.overrides, metricPaths: metricPathsFor(scenario) };
  // Compile once up front so a bad scenario or override fails before any worker starts.
  scenario.compile(seeds[0] ?? 1, options.overrides);
  const results: SeedSummary[] = [];
  // From TypeScript sources (vitest, tsx) there is no compiled worker file: run in this thread.
  const inProcess = options.workers <= 1 || seeds.length <= 1 || import.meta.url.endsWith('.ts');
  if (inProcess) {
    for (const seed of seeds) {
      // Back to the event loop between seeds, so that Ctrl-C (and timers) are seen.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted === true) break;
      const summary = runSeed(setup, scenario, seed);
      results.push(summary);
      options.onResult?.(summary, results.length, seeds.length);
    }
    return results;
  }
  await runOnWorkers(setup, options, results);
  return results;
}

async function runOnWorkers(setup: WorkerSetup, options: SweepOptions, results: SeedSummary[]): Promise<void> {
  const { seeds, signal } = options;
  const workerUrl = new URL('./sweep-worker.js', import.meta.url);
  const workerCount = Math.min(options.workers, seeds.length);
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let finished = 0;
    let stopped = false;
    const workers: Worker[] = [];
    const stop = (error: Error | null): void => {
      if (stopped) return;
      stopped = true;
      signal?.removeEventListener('abort', onAbort);
      for (const other of workers) void other.terminate();
      if (error === null) resolve();
      else reject(error);
    };
    const onAbort = (): void => stop(null);
    signal?.addEventListener('abort', onAbort);
    for (let k = 0; k < workerCount; k++) {
      const worker = new Worker(workerUrl, { workerData: setup });
      workers.push(worker);
      let running: number | null = null;
      const feed = (): void => {
        running = next < seeds.length && !stopped ? seeds[next++]! : null;
        worker.postMessage(running);
      };
      worker.on('message', (message: { summary?: SeedSummary; error?: string; usage?: boolean; seed?: number }) => {
        if (stopped) return;
        if (message.error !== undefined) {
          // A scenario that does not compile for one seed (e.g. a draw conflicts with a given value) is bad input.
          stop(message.usage === true ? new UsageError(`seed ${message.seed}: ${message.error}`) : new Error(`seed ${message.seed}: ${message.error}`));
          return;
        }
        results.push(message.summary!);
        options.onResult?.(message.summary!, results.length, seeds.length);
        feed();
      });
      worker.on('error', (error) => stop(error));
      worker.on('exit', (code) => {
        if (stopped) return;
        if (running !== null) {
          stop(new Error(`a sweep worker stopped (exit code ${code}) while running seed ${running}; the ${results.length} seeds finished before are kept`));
          return;
        }
        if (++finished === workerCount) stop(null);
      });
      if (signal?.aborted === true) stop(null);
      else feed();
    }
  });
}

export function sweepFileOf(
  scenario: LoadedScenario,
  overrides: Overrides,
  seedsText: string,
  shard: { index: number; count: number } | null,
  runs: readonly SeedSummary[],
  total: number = runs.length,
): SweepFile {
  const identity: SweepIdentity = { scenario: scenario.name, ref: scenario.source.ref, overrides: overridesToFlags(overrides) };
  const expectations = (scenario.spec.expectations ?? []).map((expectation) => expectation.expression);
  return {
    raftsim: { sweepVersion: 1, version: raftsimVersion },
    sweep: {
      ...identity,
      source: scenario.source,
      sourceDigest: hashString(scenario.source.text),
      seeds: seedsText,
      shard,
      expectations,
      metricPaths: metricPathsFor(scenario),
    },
    partial: runs.length < total,
    done: runs.length,
    total,
    summary: summarizeSweep(identity, runs, expectations),
    runs: [...runs].sort((a, b) => a.seed - b.seed),
  };
}

/** The worker side: rebuilds the scenario from the setup once, then runs the seeds it is sent. */
export function workerScenario(setup: WorkerSetup): LoadedScenario {
  return reopenScenario(setup.source, setup.name);
}
