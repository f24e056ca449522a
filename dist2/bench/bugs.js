// `npm run bench:bugs` (a benchmark, not a test): for every catalogued bug (sim/bugs.ts), run the default
// exploration — the built-in `random-chaos` scenario — with that bug switched on, over consecutive seeds from
// several starting offsets, until the first seed that fails. Reports seeds-to-first-detection and CPU
// seconds-to-detection (median and worst over the offsets) and how it was detected (the invariant, or
// liveness). Writes bench/bugs-results.json and prints a Markdown table for docs/benchmarks.md.
//
//   npm run bench:bugs -- [--offsets 1,1001,2001] [--max-seeds 300] [--only NAME[,NAME]] [--workers N] [--scenario NAME]
//                         [--out FILE] [--seeds-out FILE]
//
// --seeds-out writes, per bug found, the first detecting seed of the first offset that found it, in the form of
// test/golden/bug-seeds.json (the regression seeds test/bug-regressions.test.ts replays): after a change to the
// exploration, rerun and review the diff like any golden file. Bugs not found keep their entry from FILE.
//
// With --workers N the bugs are shared among N child processes (one bug at a time each, handed out as they
// finish), so the wall time shrinks while the CPU figures stay per bug.
import { fork } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { allBugs } from '../sim/bugs.js';
import { runScenario } from '../src/api.js';
import { findScenario } from '../src/scenario/builtin.js';
function parseArgs(argv) {
    const value = (flag) => {
        const at = argv.indexOf(flag);
        return at >= 0 ? argv[at + 1] : undefined;
    };
    const numbers = (text, flag) => text.split(',').map((part) => {
        const n = Number(part);
        if (!Number.isSafeInteger(n) || n < 0)
            throw new Error(`${flag} ${text}: expected non-negative integers separated by commas`);
        return n;
    });
    const offsets = numbers(value('--offsets') ?? '1,1001,2001', '--offsets');
    const maxSeeds = numbers(value('--max-seeds') ?? '300', '--max-seeds')[0];
    const workers = numbers(value('--workers') ?? String(Math.max(1, cpus().length)), '--workers')[0];
    const onlyText = value('--only');
    const only = onlyText === undefined ? null : onlyText.split(',');
    for (const name of only ?? [])
        if (!allBugs.some((bug) => bug.name === name))
            throw new Error(`--only ${name}: not a catalogued bug (raftsim bugs lists them)`);
    return { offsets, maxSeeds, only, workers: Math.max(1, workers), scenario: value('--scenario') ?? 'random-chaos', out: value('--out') ?? null, seedsOut: value('--seeds-out') ?? null };
}
function cpuNow() {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
}
function search(bug, scenarioName, offset, maxSeeds) {
    const scenario = findScenario(scenarioName);
    if (scenario === undefined)
        throw new Error(`no built-in scenario ${scenarioName}`);
    const started = cpuNow();
    for (let k = 0; k < maxSeeds; k++) {
        const seed = offset + k;
        const run = runScenario(scenario.scenario, { seed, overrides: { bug: [bug.name] } });
        const result = run.result;
        if (result.verdict === 'ok')
            continue;
        const detectedBy = result.verdict === 'safety' ? result.violation.invariant : result.verdict;
        return { offset, seedsToDetection: k + 1, detectingSeed: seed, cpuSeconds: cpuNow() - started, detectedBy };
    }
    return { offset, seedsToDetection: null, detectingSeed: null, cpuSeconds: cpuNow() - started, detectedBy: null };
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
export function measureBug(bug, options) {
    const searches = options.offsets.map((offset) => search(bug, options.scenario, offset, options.maxSeeds));
    const found = searches.filter((s) => s.seedsToDetection !== null).map((s) => s.seedsToDetection);
    // A search that found nothing counts as more than maxSeeds for the median.
    const seeds = searches.map((s) => s.seedsToDetection ?? Number.POSITIVE_INFINITY);
    const medianSeeds = median(seeds);
    return {
        name: bug.name,
        layer: bug.switch.layer,
        breaks: bug.breaks,
        searches,
        medianSeeds: Number.isFinite(medianSeeds) ? medianSeeds : null,
        worstSeeds: found.length === searches.length ? Math.max(...found) : null,
        medianCpuSeconds: median(searches.map((s) => s.cpuSeconds)),
        foundInEvery: found.length === searches.length,
        detectedBy: [...new Set(searches.map((s) => s.detectedBy).filter((by) => by !== null))],
    };
}
function table(results, options) {
    const lines = [
        `| bug | layer | breaks | seeds to detection, median / worst (of ${options.offsets.length} offsets, max ${options.maxSeeds}) | CPU s to detection, median | detected by |`,
        '|---|---|---|---|---|---|',
    ];
    for (const r of results) {
        const seeds = `${r.medianSeeds ?? `>${options.maxSeeds}`} / ${r.worstSeeds ?? `>${options.maxSeeds}`}`;
        lines.push(`| ${r.name} | ${r.layer} | ${r.breaks} | ${seeds} | ${r.medianCpuSeconds.toFixed(2)} | ${r.detectedBy.join(', ') || 'not found'} |`);
    }
    return lines.join('\n');
}
async function runWorkers(bugs, options, argv) {
    const results = new Map();
    const queue = [...bugs];
    const script = fileURLToPath(import.meta.url);
    const dropped = new Set(['--workers', '--only', '--out', '--seeds-out']);
    const childArgs = argv.filter((_, k, all) => !dropped.has(all[k]) && !dropped.has(all[k - 1]));
    const worker = async () => {
        for (let bug = queue.shift(); bug !== undefined; bug = queue.shift()) {
            const name = bug.name;
            await new Promise((resolve, reject) => {
                const child = fork(script, [...childArgs, '--only', name, '--workers', '1', '--child'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
                child.on('message', (message) => results.set(name, message));
                child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench:bugs worker for ${name} exited ${code}`))));
            });
            process.stderr.write(`  ${name}: ${JSON.stringify(results.get(name)?.searches.map((s) => s.seedsToDetection))}\n`);
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.workers, bugs.length) }, worker));
    return bugs.map((bug) => results.get(bug.name));
}
/** The regression seeds: per bug found, the scenario, seed and invariant of its first detection. */
function writeSeeds(path, scenario, results) {
    const seeds = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
    for (const result of results) {
        const search = result.searches.find((s) => s.detectingSeed !== null);
        if (search !== undefined)
            seeds[result.name] = { scenario, seed: search.detectingSeed, detectedBy: search.detectedBy };
    }
    const ordered = Object.fromEntries(allBugs.filter((bug) => seeds[bug.name] !== undefined).map((bug) => [bug.name, seeds[bug.name]]));
    writeFileSync(path, JSON.stringify(ordered, null, 2) + '\n');
}
async function main(argv) {
    const options = parseArgs(argv);
    const bugs = allBugs.filter((bug) => options.only === null || options.only.includes(bug.name));
    if (argv.includes('--child')) {
        for (const bug of bugs)
            process.send(measureBug(bug, options));
        return;
    }
    const started = Date.now();
    const results = options.workers > 1 ? await runWorkers(bugs, options, argv) : bugs.map((bug) => measureBug(bug, options));
    const wallSeconds = (Date.now() - started) / 1000;
    const document = { scenario: options.scenario, offsets: options.offsets, maxSeeds: options.maxSeeds, workers: options.workers, wallSeconds, results };
    writeFileSync(options.out ?? new URL('../../bench/bugs-results.json', import.meta.url), JSON.stringify(document, null, 2) + '\n');
    if (options.seedsOut !== null)
        writeSeeds(options.seedsOut, options.scenario, results);
    const within = results.filter((r) => r.foundInEvery && r.medianSeeds !== null && r.medianSeeds <= 50 && r.worstSeeds !== null && r.worstSeeds <= 300).length;
    process.stdout.write(`${table(results, options)}\n\n${within} of ${results.length} bugs found from every offset, median within 50 seeds and worst within 300; wall ${wallSeconds.toFixed(0)} s on ${options.workers} worker(s).\n`);
}
main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`bench:bugs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
});
//# sourceMappingURL=bugs.js.map