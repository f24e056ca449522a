// bench:lincheck on histories recorded from raftsim's own runs: for each run, its client history's size, the
// ms its end-of-run check takes (median of repeats after 3 warm-ups; sim/linearizable.ts, the check every
// checked run and sweep seed pays), and that check's share of the seed's wall time (the run including it).
import { performance } from 'node:perf_hooks';
import { checkClientHistory } from '../sim/linearizable.js';
import { Trace } from '../sim/trace.js';
import { runLoadedScenario, openScenario } from '../src/run-scenario.js';
import { median } from './kernel.js';

interface RecordedRun {
  readonly label: string;
  readonly scenario: string;
  readonly seed: number;
  readonly bugs: readonly string[];
}

/** Sweep seeds of the default exploration and the other scenarios' kinds of load; the stale-read fixture with
 *  and without its bug. */
export const RECORDED_RUNS: readonly RecordedRun[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ label: `random-chaos seed ${seed}`, scenario: 'random-chaos', seed, bugs: [] })),
  { label: 'chaos-5 seed 1', scenario: 'chaos-5', seed: 1, bugs: [] },
  { label: 'steady-state seed 1 (60 s, 200 ops/s)', scenario: 'steady-state', seed: 1, bugs: [] },
  { label: 'stale-lease-reads seed 1 (40 clients, 3 keys)', scenario: 'test/fixtures/scenarios/stale-lease-reads.yaml', seed: 1, bugs: [] },
  { label: '  same, lease-without-drift-margin (violation)', scenario: 'test/fixtures/scenarios/stale-lease-reads.yaml', seed: 1, bugs: ['lease-without-drift-margin'] },
];

/** Checks before the timed ones. */
const WARM_UPS = 3;

export interface RunCheckTiming {
  readonly label: string;
  readonly operations: number;
  readonly keys: number;
  readonly verdict: string;
  readonly steps: number;
  readonly checkMs: number;
  readonly runMs: number;
}

export function timeRecordedRun(run: RecordedRun, repeats: number): RunCheckTiming {
  const started = performance.now();
  const scenarioRun = runLoadedScenario(openScenario(run.scenario), run.seed, { trace: new Trace({ hash: false }), overrides: run.bugs.length > 0 ? { bug: [...run.bugs] } : {} });
  const runMs = performance.now() - started;
  const result = scenarioRun.result;
  const history = result.internals.workload.clientHistory;
  // Warm: a sweep's process checks seed after seed. The first check is the run's own, inside runMs.
  let verdict = checkClientHistory(history, run.seed);
  for (let w = 1; w < WARM_UPS; w++) verdict = checkClientHistory(history, run.seed);
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    verdict = checkClientHistory(history, run.seed);
    times.push(performance.now() - start);
  }
  return { label: run.label, operations: verdict.operations, keys: verdict.keys, verdict: verdict.verdict, steps: verdict.stepsUsed, checkMs: median(times), runMs };
}

export function benchRecordedRuns(repeats: number): void {
  console.log("\nhistories recorded from raftsim's own runs (the end-of-run check of every checked run):");
  console.log('  run                                              ops   keys  verdict     steps   check ms   run ms  share');
  let checkMs = 0;
  let runMs = 0;
  for (const run of RECORDED_RUNS) {
    const t = timeRecordedRun(run, repeats);
    checkMs += t.checkMs;
    runMs += t.runMs;
    console.log(
      `  ${t.label.padEnd(46)} ${String(t.operations).padStart(6)} ${String(t.keys).padStart(6)}  ${t.verdict.padEnd(9)} ${String(t.steps).padStart(8)} ${t.checkMs.toFixed(2).padStart(10)} ${t.runMs.toFixed(0).padStart(8)}  ${((100 * t.checkMs) / t.runMs).toFixed(1).padStart(4)}%`,
    );
  }
  console.log(`  all: ${checkMs.toFixed(1)} ms checking of ${runMs.toFixed(0)} ms of runs (${((100 * checkMs) / runMs).toFixed(1)}%)`);
}
