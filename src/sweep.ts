// Seed sweeps over worker threads, with deterministic sharding so any batch system can split a sweep.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UsageError } from './errors.js';
import { summarizeSeed, type SeedSummary } from './result.js';
import { runScenario } from './run-scenario.js';
import { distributionOf, type Distribution } from './stats.js';

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
  return parts.map(Number);
}

/** Parses "i/n" (1 <= i <= n). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!(index >= 1 && count >= 1 && index <= count)) {
    throw new UsageError(`--shard "${text}": expected i/n with 1 <= i <= n, e.g. 2/8.`);
  }
  return { index, count };
}

/** The deterministic slice of seeds a shard runs: every n-th seed, starting at the i-th. */
export function shardSeeds(seeds: readonly number[], shard: { index: number; count: number }): number[] {
  return seeds.filter((_, position) => position % shard.count === shard.index - 1);
}

export interface SweepSummary {
  readonly scenario: string;
  readonly seeds: number;
  readonly verdicts: { ok: number; safety: number; liveness: number };
  readonly failing: readonly SeedSummary[];
  readonly metrics: {
    readonly eventsPerRun: Distribution;
    readonly leaderChanges: Distribution;
    readonly elections: Distribution;
    readonly livenessConvergenceUs: Distribution;
    readonly clientOk: Distribution;
  };
  readonly simulatedUs: number;
  readonly wallMs: number;
}

export function summarizeSweep(scenario: string, runs: readonly SeedSummary[], wallMs: number): SweepSummary {
  const sorted = [...runs].sort((a, b) => a.seed - b.seed);
  const verdicts = { ok: 0, safety: 0, liveness: 0 };
  let simulatedUs = 0;
  for (const run of sorted) {
    verdicts[run.verdict]++;
    simulatedUs += run.simulatedUs;
  }
  return {
    scenario,
    seeds: sorted.length,
    verdicts,
    failing: sorted.filter((run) => run.verdict !== 'ok'),
    metrics: {
      eventsPerRun: distributionOf(sorted.map((run) => run.events)),
      leaderChanges: distributionOf(sorted.map((run) => run.leaderChanges)),
      elections: distributionOf(sorted.map((run) => run.elections)),
      livenessConvergenceUs: distributionOf(sorted.flatMap((run) => (run.convergedAfterUs === null ? [] : [run.convergedAfterUs]))),
      clientOk: distributionOf(sorted.map((run) => run.clientOk)),
    },
    simulatedUs,
    wallMs: Math.round(wallMs),
  };
}

export interface SweepOptions {
  readonly scenario: string;
  readonly seeds: readonly number[];
  readonly workers: number;
  readonly onResult?: (summary: SeedSummary, done: number, total: number) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** Runs the seeds; with workers <= 1 in this thread (no worker startup cost), else over worker threads that
 *  pull seeds one at a time so that slow seeds do not hold up a fixed share. */
export async function runSweep(options: SweepOptions): Promise<SeedSummary[]> {
  const { scenario, seeds } = options;
  const results: SeedSummary[] = [];
  if (options.workers <= 1 || seeds.length <= 1) {
    for (const seed of seeds) {
      const { result, wallMs } = runScenario(scenario, seed);
      const summary = summarizeSeed(result, wallMs);
      results.push(summary);
      options.onResult?.(summary, results.length, seeds.length);
    }
    return results;
  }
  const workerCount = Math.min(options.workers, seeds.length);
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let finished = 0;
    for (let k = 0; k < workerCount; k++) {
      const worker = new Worker(new URL('./sweep-worker.js', import.meta.url));
      const feed = (): void => {
        if (next < seeds.length) worker.postMessage({ scenario, seed: seeds[next++] });
        else worker.postMessage(null);
      };
      worker.on('message', (summary: SeedSummary) => {
        results.push(summary);
        options.onResult?.(summary, results.length, seeds.length);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        finished++;
        if (finished === workerCount) resolve();
      });
      feed();
    }
  });
  return results;
}
