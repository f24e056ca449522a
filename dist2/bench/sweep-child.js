// One chaos sweep in a fresh process, as `raftsim sweep random-chaos --duration 60s --workers N` runs it: a cold
// start for one worker as for two (an in-process sweep inside the benchmark would reuse code the benchmark had
// already optimized, and flatter one worker). Prints {"wallS","cpuS"} on its last line.
import { performance } from 'node:perf_hooks';
import { findScenario } from '../src/scenario/builtin.js';
import { runSweep } from '../src/sweep.js';
const seedCount = Number(process.argv[2]);
const workers = Number(process.argv[3]);
if (!(Number.isSafeInteger(seedCount) && seedCount > 0 && Number.isSafeInteger(workers) && workers > 0)) {
    process.stderr.write(`sweep-child: usage: sweep-child.js SEEDS WORKERS (positive integers), got ${process.argv.slice(2).join(' ')}\n`);
    process.exit(2);
}
const scenario = findScenario('random-chaos').scenario;
const seeds = Array.from({ length: seedCount }, (_, k) => k + 1);
const started = performance.now();
const results = await runSweep({ scenario, overrides: { duration: 60_000_000 }, seeds, workers });
const wallS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
if (results.length !== seedCount)
    throw new Error(`sweep-child: ${results.length} results for ${seedCount} seeds`);
process.stdout.write(JSON.stringify({ wallS, cpuS: (cpu.user + cpu.system) / 1e6 }) + '\n');
//# sourceMappingURL=sweep-child.js.map