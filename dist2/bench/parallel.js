// The machine's own limit on scaling: the same simulation on one worker thread, then on two at once.
// A sweep cannot scale from one worker to two better than two independent copies of one run do.
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { builtinScenarios } from '../src/scenario/builtin.js';
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { median } from './kernel.js';
function runJob(job) {
    const scenario = builtinScenarios.find((s) => s.name === 'steady-state');
    const options = { ...scenario.build(1), durationUs: job.seconds * 1_000_000 };
    for (let k = 0; k < job.runs; k++)
        simulate(options, new Trace({ hash: true }));
}
async function timeWorkers(count, job) {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, () => {
        const worker = new Worker(new URL(import.meta.url), { workerData: job });
        return new Promise((resolve, reject) => {
            worker.once('error', reject);
            worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench worker exited with ${code}`))));
        });
    }));
    return (performance.now() - started) / 1000;
}
/** Alternates one and two workers `repeats` times; medians of each. */
export async function benchParallel(repeats, job = { runs: 6, seconds: 30 }) {
    const one = [];
    const two = [];
    for (let k = 0; k < repeats; k++) {
        one.push(await timeWorkers(1, job));
        two.push(await timeWorkers(2, job));
    }
    const oneS = median(one);
    const twoS = median(two);
    return { oneWorkerWallS: Math.round(oneS * 100) / 100, twoWorkersWallS: Math.round(twoS * 100) / 100, scaling: Number(((2 * oneS) / twoS).toFixed(2)) };
}
if (!isMainThread && parentPort !== null)
    runJob(workerData);
//# sourceMappingURL=parallel.js.map