// `npm run profile`: where a run's time and allocation go, as the tables in docs/benchmarks.md.
//
//   npm run profile                          steady-state, 120 simulated seconds, untraced
//   npm run profile -- random-chaos --seed 4 --seconds 60 --traced --out out/profile
//
// CPU: V8's sampling profiler (the same data as `node --cpu-prof`), self time summed per function.
// Allocation: V8's sampling heap profiler with collected objects kept in the sample, so the table shows what is
// allocated (the garbage collector's work), not only what survives. The run is repeated once first so the
// profile sees optimized code. With --out, the raw .cpuprofile and .heapprofile are written for DevTools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { findScenario } from '../src/scenario/builtin.js';
import { simulate } from '../sim/simulate.js';
import { Trace } from '../sim/trace.js';
import { UsageError } from '../src/errors.js';
function parseArgs(argv) {
    let scenario = 'steady-state';
    let seed = 1;
    let seconds = 120;
    let traced = false;
    let out = null;
    let top = 25;
    for (let k = 0; k < argv.length; k++) {
        const arg = argv[k];
        const value = () => {
            const next = argv[++k];
            if (next === undefined)
                throw new UsageError(`${arg} needs a value`);
            return next;
        };
        if (arg === '--seconds')
            seconds = Number(value());
        else if (arg === '--seed')
            seed = Number(value());
        else if (arg === '--top')
            top = Number(value());
        else if (arg === '--out')
            out = value();
        else if (arg === '--traced')
            traced = true;
        else if (arg.startsWith('--'))
            throw new UsageError(`unknown flag ${arg}; expected --seed N, --seconds N, --top N, --traced or --out DIR`);
        else
            scenario = arg;
    }
    if (!(Number.isFinite(seconds) && seconds > 0))
        throw new UsageError(`--seconds must be a positive number, got ${seconds}`);
    if (!(Number.isSafeInteger(seed) && seed >= 0))
        throw new UsageError(`--seed must be a non-negative integer, got ${seed}`);
    if (!(Number.isSafeInteger(top) && top > 0))
        throw new UsageError(`--top must be a positive integer, got ${top}`);
    return { scenario, seed, seconds, traced, out, top };
}
/** "name file:line", with the path cut to its last two parts. */
function frameKey(frame) {
    const where = frame.url === '' ? '(native)' : `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    return `${frame.functionName === '' ? '(anonymous)' : frame.functionName} ${where}`;
}
function selfTimeTable(profile) {
    const byId = new Map();
    for (const node of profile.nodes)
        byId.set(node.id, node);
    const totals = new Map();
    // Sample 0 carries the time from Profiler.start to the first tick (spent in the inspector's dispatch), not the run.
    for (let k = 1; k < profile.samples.length; k++) {
        const key = frameKey(byId.get(profile.samples[k]).callFrame);
        totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0));
    }
    return [...totals].sort((a, b) => b[1] - a[1]);
}
function allocationTable(head) {
    const totals = new Map();
    const stack = [head];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node.selfSize > 0)
            totals.set(frameKey(node.callFrame), (totals.get(frameKey(node.callFrame)) ?? 0) + node.selfSize);
        stack.push(...node.children);
    }
    return [...totals].sort((a, b) => b[1] - a[1]);
}
async function main() {
    const args = parseArgs(process.argv.slice(2));
    const found = findScenario(args.scenario);
    if (found === undefined)
        throw new UsageError(`no built-in scenario named ${JSON.stringify(args.scenario)} (raftsim list shows them)`);
    const options = { ...found.build(args.seed), durationUs: Math.round(args.seconds * 1e6) };
    const run = () => simulate(options, new Trace({ hash: args.traced }));
    run(); // warm-up: the profile should see optimized code
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    const started = performance.now();
    const result = run();
    const wallMs = performance.now() - started;
    const { profile } = (await session.post('Profiler.stop'));
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    run();
    const { profile: heap } = (await session.post('HeapProfiler.stopSampling'));
    session.disconnect();
    const cpu = selfTimeTable(profile);
    const cpuTotal = cpu.reduce((sum, [, us]) => sum + us, 0);
    const alloc = allocationTable(heap.head);
    const allocTotal = alloc.reduce((sum, [, bytes]) => sum + bytes, 0);
    const lines = [];
    lines.push(`${args.scenario}, seed ${args.seed}, ${args.seconds} simulated s, trace ${args.traced ? 'hashed' : 'off'}: ${result.events} events in ${wallMs.toFixed(0)} ms under the profiler`);
    lines.push(`(${Math.round(result.events / (wallMs / 1000)).toLocaleString('en-US')} events/s; ${(result.events / args.seconds).toFixed(0)} events and ${(result.network.delivered / args.seconds).toFixed(0)} delivered messages per simulated second)`);
    lines.push('');
    lines.push(`self time, top ${args.top}:`);
    for (const [key, us] of cpu.slice(0, args.top))
        lines.push(`  ${((us / cpuTotal) * 100).toFixed(1).padStart(5)}%  ${key}`);
    lines.push('');
    lines.push(`allocated: ${(allocTotal / 2 ** 20).toFixed(1)} MiB, ${(allocTotal / result.events).toFixed(0)} bytes per event; top ${args.top} sites:`);
    for (const [key, bytes] of alloc.slice(0, args.top))
        lines.push(`  ${((bytes / allocTotal) * 100).toFixed(1).padStart(5)}%  ${key}`);
    process.stdout.write(lines.join('\n') + '\n');
    if (args.out !== null) {
        mkdirSync(args.out, { recursive: true });
        writeFileSync(join(args.out, `${args.scenario}.cpuprofile`), JSON.stringify(profile));
        writeFileSync(join(args.out, `${args.scenario}.heapprofile`), JSON.stringify(heap));
        process.stdout.write(`written ${join(args.out, `${args.scenario}.cpuprofile`)} and .heapprofile (open in Chrome DevTools)\n`);
    }
}
main().catch((error) => {
    if (error instanceof UsageError) {
        process.stderr.write(`raftsim profile: ${error.message}\n`);
        process.exitCode = 2;
        return;
    }
    throw error;
});
//# sourceMappingURL=profile.js.map