// Seed sweeps over worker threads, with deterministic sharding so any batch system can split a sweep, and
// merging of shard results into the summary a single sweep would have given.
import { situations } from '../sim/coverage.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hashString } from '../sim/hash.js';
import { UsageError } from './errors.js';
import { linearizabilityCounts, replayCommand, summarizeSeed, sweepMetricPaths } from './result.js';
import { reopenScenario, runLoadedScenario } from './run-scenario.js';
import { overridesToFlags } from './scenario/overrides.js';
import { distributionOf } from './stats.js';
import { raftsimVersion } from './version.js';
/** Bound on the seeds of one sweep. */
export const maxSweepSeeds = 10_000_000;
/** Parses "1..1000", "5", or "1,2,9" into a list of seeds. */
export function parseSeeds(text) {
    const range = /^(\d+)\.\.(\d+)$/.exec(text.trim());
    if (range !== null) {
        const from = Number(range[1]);
        const to = Number(range[2]);
        if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from) {
            throw new UsageError(`--seeds "${text}": a range must be FROM..TO with FROM <= TO, e.g. 1..1000.`);
        }
        if (to - from + 1 > maxSweepSeeds)
            throw new UsageError(`--seeds "${text}": at most ${maxSweepSeeds} seeds per sweep.`);
        return Array.from({ length: to - from + 1 }, (_, k) => from + k);
    }
    const parts = text.split(',').map((part) => part.trim());
    if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part) || !Number.isSafeInteger(Number(part)))) {
        throw new UsageError(`--seeds "${text}": expected a range like 1..1000, a seed like 42, or a list like 1,5,9.`);
    }
    const seeds = parts.map(Number);
    if (new Set(seeds).size !== seeds.length)
        throw new UsageError(`--seeds "${text}": a seed is listed twice; expected each seed once.`);
    return seeds;
}
/** Parses "i/n" (1 <= i <= n). */
export function parseShard(text) {
    const match = /^(\d+)\/(\d+)$/.exec(text.trim());
    const index = match === null ? NaN : Number(match[1]);
    const count = match === null ? NaN : Number(match[2]);
    if (!(index >= 1 && count >= 1 && index <= count && count <= 1_000_000)) {
        throw new UsageError(`--shard "${text}": expected i/n with 1 <= i <= n, e.g. 2/8.`);
    }
    return { index, count };
}
/** The deterministic slice of seeds a shard runs: every n-th seed, starting at the i-th. */
export function shardSeeds(seeds, shard) {
    return seeds.filter((_, position) => position % shard.count === shard.index - 1);
}
export function summarizeSweep(identity, runs, expectations = []) {
    const sorted = [...runs].sort((a, b) => a.seed - b.seed);
    const verdicts = { ok: 0, safety: 0, liveness: 0 };
    const outcomes = { passed: 0, safety: 0, liveness: 0, expectations: 0 };
    let simulatedUs = 0;
    let cpuMs = 0;
    for (const run of sorted) {
        verdicts[run.verdict]++;
        outcomes[run.outcome]++;
        simulatedUs += run.simulatedUs;
        cpuMs += run.wallMs ?? 0;
    }
    const metrics = {
        eventsPerRun: distributionOf(sorted.map((run) => run.events)),
        leaderChanges: distributionOf(sorted.map((run) => run.leaderChanges)),
        elections: distributionOf(sorted.map((run) => run.elections)),
        livenessConvergenceUs: distributionOf(sorted.flatMap((run) => (run.convergedAfterUs === null ? [] : [run.convergedAfterUs]))),
        clientOk: distributionOf(sorted.map((run) => run.clientOk)),
    };
    const paths = new Set();
    for (const run of sorted)
        for (const path of Object.keys(run.metrics))
            paths.add(path);
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
        coverage: coverageOf(sorted),
        linearizability: linearizabilityCounts(sorted),
        simulatedUs,
        cpuMs,
    };
}
/** Seeds reaching each situation, every situation listed (older sweep files without `reached` count as none). */
function coverageOf(runs) {
    const coverage = {};
    for (const situation of situations)
        coverage[situation.name] = 0;
    for (const run of runs)
        for (const name of run.reached ?? [])
            coverage[name] = (coverage[name] ?? 0) + 1;
    return coverage;
}
/** Fields of real (wall-clock) time: kept in memory and in seeds.jsonl, left out of sweep.json so that the same
 *  sweep always writes the same bytes (interrupted and resumed, sharded and merged, on any machine). */
const wallClockFields = new Set(['wallMs', 'cpuMs', 'elapsedMs']);
/** The text of sweep.json: deterministic, without wall-clock fields. */
export function sweepJsonText(file) {
    return JSON.stringify(file, (key, value) => (wallClockFields.has(key) ? undefined : value), 2) + '\n';
}
export function defaultWorkerCount() {
    return Math.max(1, availableParallelism());
}
export function metricPathsFor(scenario) {
    const paths = new Set(sweepMetricPaths);
    for (const expectation of scenario.spec.expectations ?? [])
        if (expectation.quantity !== 'word')
            paths.add(expectation.path);
    return [...paths];
}
export function runSeed(setup, scenario, seed) {
    return summarizeSeed(runLoadedScenario(scenario, seed, { overrides: setup.overrides }), setup.metricPaths);
}
/** Runs the seeds; with workers <= 1 in this thread (no worker startup cost), else over worker threads that
 *  pull seeds one at a time so that slow seeds do not hold up a fixed share. When `signal` aborts, no new seed
 *  starts, seeds in flight are abandoned and the seeds finished so far are returned. A worker that dies while
 *  running a seed fails the sweep (the seeds finished before were already handed to onResult). */
export async function runSweep(options) {
    const { scenario, seeds } = options;
    const setup = { source: scenario.source, name: scenario.name, overrides: options.overrides, metricPaths: metricPathsFor(scenario) };
    // Compile once up front so a bad scenario or override fails before any worker starts.
    scenario.compile(seeds[0] ?? 1, options.overrides);
    const results = [];
    // From TypeScript sources (vitest, tsx) there is no compiled worker file: run in this thread.
    const inProcess = options.workers <= 1 || seeds.length <= 1 || import.meta.url.endsWith('.ts');
    if (inProcess) {
        for (const seed of seeds) {
            // Back to the event loop between seeds, so that Ctrl-C (and timers) are seen.
            await new Promise((resolve) => setImmediate(resolve));
            if (options.signal?.aborted === true)
                break;
            const summary = runSeed(setup, scenario, seed);
            results.push(summary);
            options.onResult?.(summary, results.length, seeds.length);
        }
        return results;
    }
    await runOnWorkers(setup, options, results);
    return results;
}
async function runOnWorkers(setup, options, results) {
    const { seeds, signal } = options;
    const workerUrl = new URL('./sweep-worker.js', import.meta.url);
    const workerCount = Math.min(options.workers, seeds.length);
    let next = 0;
    await new Promise((resolve, reject) => {
        let finished = 0;
        let stopped = false;
        const workers = [];
        const stop = (error) => {
            if (stopped)
                return;
            stopped = true;
            signal?.removeEventListener('abort', onAbort);
            for (const other of workers)
                void other.terminate();
            if (error === null)
                resolve();
            else
                reject(error);
        };
        const onAbort = () => stop(null);
        signal?.addEventListener('abort', onAbort);
        for (let k = 0; k < workerCount; k++) {
            const worker = new Worker(workerUrl, { workerData: setup });
            workers.push(worker);
            let running = null;
            const feed = () => {
                running = next < seeds.length && !stopped ? seeds[next++] : null;
                worker.postMessage(running);
            };
            worker.on('message', (message) => {
                if (stopped)
                    return;
                if (message.error !== undefined) {
                    // A scenario that does not compile for one seed (e.g. a draw conflicts with a given value) is bad input.
                    stop(message.usage === true ? new UsageError(`seed ${message.seed}: ${message.error}`) : new Error(`seed ${message.seed}: ${message.error}`));
                    return;
                }
                results.push(message.summary);
                options.onResult?.(message.summary, results.length, seeds.length);
                feed();
            });
            worker.on('error', (error) => stop(error));
            worker.on('exit', (code) => {
                if (stopped)
                    return;
                if (running !== null) {
                    stop(new Error(`a sweep worker stopped (exit code ${code}) while running seed ${running}; the ${results.length} seeds finished before are kept`));
                    return;
                }
                if (++finished === workerCount)
                    stop(null);
            });
            if (signal?.aborted === true)
                stop(null);
            else
                feed();
        }
    });
}
export function sweepFileOf(scenario, overrides, seedsText, shard, runs, total = runs.length) {
    const identity = { scenario: scenario.name, ref: scenario.source.ref, overrides: overridesToFlags(overrides) };
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
export function workerScenario(setup) {
    return reopenScenario(setup.source, setup.name);
}
//# sourceMappingURL=sweep.js.map