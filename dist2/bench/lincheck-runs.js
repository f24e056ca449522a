// bench:lincheck on histories recorded from raftsim's own runs: for each run, its client history's size, the
// ms its end-of-run check takes (median of repeats after a warm-up; sim/linearizable.ts, the check every
// checked run and sweep seed pays), and that check's share of the seed's wall time (the run including it).
import { performance } from 'node:perf_hooks';
import { checkClientHistory } from '../sim/linearizable.js';
import { Trace } from '../sim/trace.js';
import { runLoadedScenario, openScenario } from '../src/run-scenario.js';
import { median } from './kernel.js';
/** Sweep seeds of the default exploration and the other scenarios' kinds of load; the stale-read fixture with
 *  and without its bug. */
export const RECORDED_RUNS = [
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ label: `random-chaos seed ${seed}`, scenario: 'random-chaos', seed, bugs: [] })),
    { label: 'chaos-5 seed 1', scenario: 'chaos-5', seed: 1, bugs: [] },
    { label: 'steady-state seed 1 (60 s, 200 ops/s)', scenario: 'steady-state', seed: 1, bugs: [] },
    { label: 'stale-lease-reads seed 1 (40 clients, 3 keys)', scenario: 'test/fixtures/scenarios/stale-lease-reads.yaml', seed: 1, bugs: [] },
    { label: '  same, lease-without-drift-margin (violation)', scenario: 'test/fixtures/scenarios/stale-lease-reads.yaml', seed: 1, bugs: ['lease-without-drift-margin'] },
];
export function timeRecordedRun(run, repeats) {
    const started = performance.now();
    const scenarioRun = runLoadedScenario(openScenario(run.scenario), run.seed, { trace: new Trace({ hash: false }), overrides: run.bugs.length > 0 ? { bug: [...run.bugs] } : {} });
    const runMs = performance.now() - started;
    const result = scenarioRun.result;
    const history = result.internals.workload.clientHistory;
    let verdict = checkClientHistory(history, run.seed);
    const times = [];
    for (let r = 0; r < repeats; r++) {
        const start = performance.now();
        verdict = checkClientHistory(history, run.seed);
        times.push(performance.now() - start);
    }
    return { label: run.label, operations: verdict.operations, keys: verdict.keys, verdict: verdict.verdict, steps: verdict.stepsUsed, checkMs: median(times), runMs };
}
export function benchRecordedRuns(repeats) {
    console.log("\nhistories recorded from raftsim's own runs (the end-of-run check of every checked run):");
    console.log('  run                                              ops   keys  verdict     steps   check ms   run ms  share');
    let checkMs = 0;
    let runMs = 0;
    for (const run of RECORDED_RUNS) {
        const t = timeRecordedRun(run, repeats);
        checkMs += t.checkMs;
        runMs += t.runMs;
        console.log(`  ${t.label.padEnd(46)} ${String(t.operations).padStart(6)} ${String(t.keys).padStart(6)}  ${t.verdict.padEnd(9)} ${String(t.steps).padStart(8)} ${t.checkMs.toFixed(2).padStart(10)} ${t.runMs.toFixed(0).padStart(8)}  ${((100 * t.checkMs) / t.runMs).toFixed(1).padStart(4)}%`);
    }
    console.log(`  all: ${checkMs.toFixed(1)} ms checking of ${runMs.toFixed(0)} ms of runs (${((100 * checkMs) / runMs).toFixed(1)}%)`);
}
//# sourceMappingURL=lincheck-runs.js.map