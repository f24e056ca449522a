// `npm run bench`: prints a table and writes bench/results.json. Every figure is a median of repeated runs and
// every ratio is measured within this run. Benchmarks, not tests: nothing here asserts a time.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { builtinScenarios } from '../scenarios/builtin.js';
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { benchKernel } from './kernel.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface SteadyStateResult {
  simulatedSeconds: number;
  wallMsMedian: number;
  eventsPerSecond: number;
  deliveredMessagesPerSecond: number;
  simulatedSecondsPerWallSecond: number;
  tracedWallMsMedian: number;
  tracedOverUntraced: number;
}

/** Steady state: 5 nodes, heartbeat 50 ms, election timeout 150-300 ms, 200 writes/s, 1% drop, invariants on. */
function benchSteadyState(repeats: number): SteadyStateResult {
  const scenario = builtinScenarios.find((s) => s.name === 'steady-state')!;
  const options = { ...scenario.build(1), durationUs: 60_000_000 };
  const untraced: number[] = [];
  const traced: number[] = [];
  let events = 0;
  let delivered = 0;
  let simulatedUs = 0;
  for (let k = 0; k < repeats; k++) {
    let started = performance.now();
    const result = simulate(options, new Trace({ hash: false }));
    untraced.push(performance.now() - started);
    events = result.events;
    delivered = result.network.delivered;
    simulatedUs = result.simulatedUs;
    started = performance.now();
    simulate(options, new Trace({ hash: true }));
    traced.push(performance.now() - started);
  }
  const wallMs = median(untraced);
  const tracedMs = median(traced);
  return {
    simulatedSeconds: simulatedUs / 1e6,
    wallMsMedian: Math.round(wallMs),
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
    deliveredMessagesPerSecond: Math.round(delivered / (wallMs / 1000)),
    simulatedSecondsPerWallSecond: Math.round(simulatedUs / 1e6 / (wallMs / 1000)),
    tracedWallMsMedian: Math.round(tracedMs),
    tracedOverUntraced: Number((tracedMs / wallMs).toFixed(2)),
  };
}

const kernel = benchKernel({ events: 2_000_000, pending: 1_000, repeats: 7 });
const steady = benchSteadyState(5);
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const results = { machine, kernel, steadyState: steady };
writeFileSync(new URL('../../bench/results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');

const rows: [string, string][] = [
  ['machine', `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`],
  ['kernel: bare heap loop (1,000 pending, no-op handlers)', `${(kernel.bareEventsPerSec / 1e6).toFixed(2)} M events/s`],
  ['kernel: scheduler', `${(kernel.schedulerEventsPerSec / 1e6).toFixed(2)} M events/s`],
  ['kernel: scheduler / bare loop', `${kernel.ratio.toFixed(2)} (target >= 0.60)`],
  ['steady state: events/s (trace off, invariants on)', `${steady.eventsPerSecond}`],
  ['steady state: delivered Raft messages/s', `${steady.deliveredMessagesPerSecond}`],
  ['steady state: simulated s per wall s', `${steady.simulatedSecondsPerWallSecond}x real time`],
  ['steady state: events/s vs bare loop', `${(steady.eventsPerSecond / kernel.bareEventsPerSec).toFixed(3)}`],
  ['steady state: traced (hashed) / untraced wall time', `${steady.tracedOverUntraced}`],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
process.stdout.write('written bench/results.json\n');
