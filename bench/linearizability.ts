/**
 * Linearizability checker benchmark (not a test): ms per history (median over repeats, and worst) and
 * operations per second, compared with Porcupine's figures measured on this machine:
 *   - the 102 Jepsen etcd histories (~150-170 operations each): median 0.35 ms, worst 1.9 s per history;
 *   - a 50-client key-value history of ~4,000 operations: 1.6 s.
 *
 *   npm run bench:lincheck [-- --porcupine <dir>] [--repeats N] [--full] [--runs-only]
 *
 * <dir> is an extract of github.com/anishathalye/porcupine holding test_data/ (and porcupine_test.go for the
 * expected verdicts); skipped when absent. Generated histories are seeded: the same input every run. Then the
 * histories recorded from raftsim's own runs (bench/lincheck-runs.ts): ms per check and its share of a seed;
 * --runs-only gives those alone.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { checkLinearizable, kvModel, type CheckOptions, type CheckResult, type History, type Model } from '../linearizability/index.js';
import { median } from './kernel.js';
import { generateHistory, staleReads, type GeneratorOptions } from './lincheck-histories.js';
import { appendKvModel, loadPorcupineHistories } from './lincheck-porcupine.js';
import { benchRecordedRuns } from './lincheck-runs.js';

const PORCUPINE_ETCD_MEDIAN_MS = 0.35;
const PORCUPINE_ETCD_WORST_MS = 1900;
const PORCUPINE_KV50_MS = 1600;

/** A bare verdict, every partition checked (the default apart from explanations). */
const BARE: CheckOptions = { explain: false };
const EXPLAINED: CheckOptions = { explain: true };
/** Porcupine's CheckOperations / CheckEvents without verbose output: cancel the rest at the first violation. */
const PORCUPINE_MODE: CheckOptions = { explain: false, stopAtFirstViolation: true };

interface Timing {
  readonly medianMs: number;
  readonly worstMs: number;
  readonly verdict: string;
  readonly steps: number;
}

/** Times `repeats` checks of one history (after one warm-up check). */
function timeCheck<S, I, O>(history: History<I, O>, model: Model<S, I, O>, repeats: number, options: CheckOptions): Timing {
  let result: CheckResult<S, I, O> = checkLinearizable(history, model, options);
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    result = checkLinearizable(history, model, options);
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), worstMs: Math.max(...times), verdict: result.verdict, steps: result.totalStepsUsed };
}

const etcdLike = (seed: number): GeneratorOptions => ({
  seed,
  clients: 10,
  operationsPerClient: 16,
  keys: 1,
  valueDomain: 5,
  mix: { get: 4, put: 4, cas: 2 },
  unknownChance: 0.1,
  latencyMaxUs: 4000,
  timeoutUs: 6000,
});

const kvClients = (clients: number, operations: number, seed: number): GeneratorOptions => ({
  seed,
  clients,
  operationsPerClient: Math.round(operations / clients),
  keys: 10,
  valueDomain: null,
  mix: { get: 5, put: 4, cas: 1 },
  unknownChance: 0.03,
  latencyMaxUs: 3000,
  timeoutUs: 5000,
});

function format(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0);
}

function row(name: string, operations: number, timing: Timing, porcupineMs: number | null): string {
  const opsPerSecond = Math.round((operations / timing.medianMs) * 1000);
  const ratio = porcupineMs === null ? '' : `  ${(timing.medianMs / porcupineMs).toFixed(2)}x Porcupine's ${porcupineMs} ms`;
  return `${name.padEnd(34)} ${String(operations).padStart(5)} ops  ${timing.verdict.padEnd(9)} median ${format(timing.medianMs).padStart(8)} ms  worst ${format(timing.worstMs).padStart(8)} ms  ${String(opsPerSecond).padStart(10)} ops/s  ${String(timing.steps).padStart(9)} steps${ratio}`;
}

function benchGenerated(repeats: number): void {
  console.log('generated histories (seeded):');
  const etcdTimes: number[] = [];
  let etcdWorst = 0;
  let etcdOps = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const history = generateHistory(etcdLike(seed));
    const timing = timeCheck(history, kvModel, repeats, BARE);
    etcdTimes.push(timing.medianMs);
    etcdWorst = Math.max(etcdWorst, timing.medianMs);
    etcdOps += history.length;
  }
  const etcdMedian = median(etcdTimes);
  console.log(
    `etcd-like: 20 histories, 10 clients, 1 key, 10% unknown, ~${Math.round(etcdOps / 20)} ops: median ${format(etcdMedian)} ms ` +
      `(${(etcdMedian / PORCUPINE_ETCD_MEDIAN_MS).toFixed(2)}x Porcupine's Jepsen median ${PORCUPINE_ETCD_MEDIAN_MS} ms), worst ${format(etcdWorst)} ms`,
  );
  for (const clients of [10, 50]) {
    const history = generateHistory(kvClients(clients, 4000, 7));
    const porcupine = clients === 50 ? PORCUPINE_KV50_MS : null;
    console.log(row(`kv ${clients} clients, 10 keys, 3% unknown`, history.length, timeCheck(history, kvModel, repeats, BARE), porcupine));
    const bad = staleReads(history, 3, 11);
    console.log(row(`  same, 3 stale reads`, bad.length, timeCheck(bad, kvModel, repeats, BARE), porcupine));
    console.log(row(`  same, 3 stale reads, explained`, bad.length, timeCheck(bad, kvModel, Math.min(repeats, 3), EXPLAINED), null));
  }
}

function benchPorcupine(root: string, repeats: number, full: boolean): void {
  const { etcd, kv } = loadPorcupineHistories(root);
  console.log(`\nPorcupine's histories from ${root}:`);
  const perHistory: number[] = [];
  let worst = { name: '', ms: 0 };
  let disagreements = 0;
  let operations = 0;
  for (const { name, history, expectedLinearizable } of etcd) {
    const timing = timeCheck(history, kvModel, repeats, BARE);
    perHistory.push(timing.medianMs);
    operations += history.length;
    if (timing.medianMs > worst.ms) worst = { name, ms: timing.medianMs };
    if (expectedLinearizable !== null && (timing.verdict === 'ok') !== expectedLinearizable) {
      disagreements++;
      console.log(`  ${name}: ${timing.verdict}, Porcupine's test expects ${expectedLinearizable ? 'linearizable' : 'not linearizable'}`);
    }
  }
  const etcdMedian = median(perHistory);
  console.log(
    `Jepsen etcd: ${etcd.length} histories, ${Math.round(operations / Math.max(1, etcd.length))} ops on average, ${disagreements} verdicts differ from Porcupine's tests\n` +
      `  median ${format(etcdMedian)} ms per history (${(etcdMedian / PORCUPINE_ETCD_MEDIAN_MS).toFixed(2)}x Porcupine's ${PORCUPINE_ETCD_MEDIAN_MS} ms), ` +
      `worst ${format(worst.ms)} ms (${worst.name}; ${(worst.ms / PORCUPINE_ETCD_WORST_MS).toFixed(3)}x Porcupine's ${PORCUPINE_ETCD_WORST_MS} ms)`,
  );
  console.log("key-value (get/put/append, Porcupine's mode: stop at the first violating partition):");
  for (const { name, history, expectedLinearizable } of kv) {
    const timing = timeCheck(history, appendKvModel, repeats, PORCUPINE_MODE);
    const agrees = expectedLinearizable === null ? '' : (timing.verdict === 'ok') === expectedLinearizable ? ' (agrees)' : ' (DISAGREES)';
    console.log(row(`  ${name}${agrees}`, history.length, timing, name.startsWith('c50') ? PORCUPINE_KV50_MS : null));
  }
  console.log('key-value, every partition to a verdict or its budget:');
  for (const { name, history } of kv) {
    if (name === 'c50-bad' && !full) {
      console.log('  c50-bad: skipped (several partitions need 10-20 million steps each to prove; --full runs it once)');
      continue;
    }
    console.log(row(`  ${name}`, history.length, timeCheck(history, appendKvModel, name === 'c50-bad' ? 1 : repeats, BARE), null));
  }
}

function parseArguments(argv: readonly string[]): { porcupine: string | null; repeats: number; full: boolean; runsOnly: boolean } {
  let porcupine: string | null = null;
  let repeats = 9;
  let full = false;
  let runsOnly = false;
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--porcupine') porcupine = argv[++k] ?? null;
    else if (argv[k] === '--repeats') repeats = Number(argv[++k]);
    else if (argv[k] === '--full') full = true;
    else if (argv[k] === '--runs-only') runsOnly = true;
    else throw new Error(`bench:lincheck: unknown argument ${argv[k]}; expected --porcupine <dir>, --repeats N, --full or --runs-only`);
  }
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('bench:lincheck: --repeats must be a positive integer');
  return { porcupine, repeats, full, runsOnly };
}

export function main(argv: readonly string[]): void {
  const { porcupine, repeats, full, runsOnly } = parseArguments(argv);
  if (runsOnly) {
    benchRecordedRuns(repeats);
    return;
  }
  benchGenerated(repeats);
  benchRecordedRuns(repeats);
  if (porcupine === null) console.log('\n(Porcupine histories skipped: pass --porcupine <dir> holding test_data/jepsen)');
  else if (!existsSync(porcupine)) console.log(`\n(Porcupine histories skipped: ${porcupine} does not exist)`);
  else benchPorcupine(porcupine, repeats, full);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
