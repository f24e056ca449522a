// `raftsim sweep`: many seeds of one scenario over worker threads, aggregated; failing seeds are listed with
// their replay commands. --shard runs one slice of the seeds (the slices are merged by `raftsim merge`). With
// --out DIR every finished seed is saved at once (DIR/seeds.jsonl, DIR/sweep.json "partial" until complete);
// Ctrl-C stops cleanly with the summary so far, and --resume DIR runs only the missing seeds.
import { preloadRaftModule } from '../raft-module.js';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { UsageError, exitCodes } from '../errors.js';
import { ensureDirectory } from '../files.js';
import { guardTerminal, onInterrupt } from '../interrupt.js';
import { readSweepFile } from '../merge.js';
import { overridesFromFlags } from '../replay.js';
import { renderSweepFile } from '../reports.js';
import { openScenario, reopenScenario } from '../run-scenario.js';
import { hasOverrides } from '../scenario/overrides.js';
import { sweepText } from '../summary.js';
import { defaultWorkerCount, parseSeeds, parseShard, runSweep, shardSeeds, sweepFileOf } from '../sweep.js';
import { appendSeed, readSeeds, startSeedsFile, writeSweepJson } from '../sweep-out.js';
import { defineCommand } from './command.js';
import { addOverrideOptions, optionalString, overridesFrom, single, sweepExitCode, writeReport } from './flags.js';
function parseWorkers(value) {
    const workersText = value === undefined ? String(defaultWorkerCount()) : String(single(value, '--workers'));
    const workers = /^\d+$/.test(workersText.trim()) ? Number(workersText) : Number.NaN;
    if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256)
        throw new UsageError(`--workers ${workersText}: expected an integer from 1 to 256.`);
    return workers;
}
async function freshPlan(args) {
    if (args.scenario === undefined)
        throw new UsageError('name the scenario to sweep (e.g. raftsim sweep random-chaos --seeds 1..100), or give --resume DIR to finish an interrupted sweep.');
    const ref = String(single(args.scenario, 'scenario'));
    const seedsText = args.seeds === undefined ? '1..100' : String(single(args.seeds, '--seeds'));
    const shard = args.shard === undefined ? null : parseShard(String(single(args.shard, '--shard')));
    const seeds = shard === null ? parseSeeds(seedsText) : shardSeeds(parseSeeds(seedsText), shard);
    const overrides = overridesFrom(args);
    await preloadRaftModule(overrides);
    const scenario = openScenario(ref);
    scenario.compile(seeds[0] ?? 1, overrides);
    return { scenario, overrides, seedsText, shard, seeds, out: optionalString(args.out, '--out'), done: [], resumed: false };
}
/** --resume DIR: the scenario, seeds and overrides recorded in DIR/sweep.json, the seeds done in DIR/seeds.jsonl. */
async function resumePlan(args, dir) {
    const given = ['scenario', 'seeds', 'shard', 'out'].filter((flag) => args[flag] !== undefined).map((flag) => (flag === 'scenario' ? 'a scenario' : `--${flag}`));
    if (given.length > 0 || hasOverrides(overridesFrom(args))) {
        throw new UsageError(`--resume ${dir} takes the scenario, seeds, shard and overrides from ${join(dir, 'sweep.json')}; found ${given.length > 0 ? given.join(', ') : 'override flags'} as well, expected only --workers, --report or --json next to --resume.`);
    }
    const recorded = readSweepFile(join(dir, 'sweep.json'));
    const sweep = recorded.sweep;
    const overrides = overridesFromFlags(sweep.overrides, `${join(dir, 'sweep.json')}`);
    await preloadRaftModule(overrides);
    const scenario = reopenScenario(sweep.source, sweep.scenario);
    const all = parseSeeds(sweep.seeds);
    const seeds = sweep.shard === null ? all : shardSeeds(all, sweep.shard);
    const done = readSeeds(dir, new Set(seeds));
    return { scenario, overrides, seedsText: sweep.seeds, shard: sweep.shard, seeds, out: dir, done, resumed: true };
}
/** Runs the seeds with a progress bar on a terminal, else a line every 5 s on stderr. The bar is taken down,
 *  and the terminal's cursor and line wrapping restored, however the sweep ends. */
async function sweepWithProgress(io, plan, seeds, workers, signal, onSeed) {
    const started = performance.now();
    const total = plan.seeds.length;
    const stream = io.terminal ?? process.stderr;
    const bar = io.isTerminal ? new SingleBar({ format: 'sweep [{bar}] {value}/{total} seeds | {failing} failing | eta {eta}s', hideCursor: true, stream }) : null;
    const unguard = bar !== null ? guardTerminal(stream) : () => { };
    let failing = plan.done.filter((run) => run.outcome !== 'passed').length;
    bar?.start(total, plan.done.length, { failing });
    let lastLineMs = started;
    try {
        await runSweep({
            scenario: plan.scenario,
            overrides: plan.overrides,
            seeds,
            workers,
            signal,
            onResult: (summary, doneHere) => {
                onSeed(summary);
                const done = plan.done.length + doneHere;
                if (summary.outcome !== 'passed')
                    failing++;
                if (bar !== null)
                    bar.update(done, { failing });
                else if (performance.now() - lastLineMs > 5_000 && done < total) {
                    lastLineMs = performance.now();
                    io.err(`sweep ${plan.scenario.name}: ${done}/${total} seeds, ${failing} failing\n`);
                }
            },
        });
    }
    finally {
        bar?.stop();
        unguard();
    }
}
export const sweepCommand = defineCommand({
    command: 'sweep [scenario]',
    describe: 'run many seeds in parallel and aggregate; lists failing seeds with their replay commands',
    builder: (y) => addOverrideOptions(y
        .positional('scenario', { type: 'string', describe: 'built-in scenario name or scenario file' })
        .option('seeds', { type: 'string', describe: 'seeds: FROM..TO, a list 1,5,9, or one seed (default 1..100)' })
        .option('workers', { type: 'string', describe: 'worker threads (default: all cores)' })
        .option('shard', { type: 'string', describe: 'run only slice i of n (e.g. 2/8), deterministically' })
        .option('out', { type: 'string', describe: 'directory for sweep.json (input of `raftsim merge`) and seeds.jsonl, saved as seeds finish' })
        .option('resume', { type: 'string', describe: 'finish the interrupted sweep saved in DIR: run only its missing seeds' })
        .option('report', { type: 'boolean', default: false, describe: 'also write DIR/sweep.svg: metric distributions across seeds, failing seeds with replay commands (needs --out)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the sweep summary as JSON' })
        .example('$0 sweep random-chaos --seeds 1..1000', 'all cores; failing seeds with replay commands')
        .example('$0 sweep random-chaos --seeds 1..200 --out out --report', 'writes out/sweep.json and out/sweep.svg')
        .example('$0 sweep --resume out', 'after Ctrl-C: runs the seeds missing from out/sweep.json')
        .example('$0 sweep random-chaos --seeds 1..1000 --shard 3/8 --out out/3', 'one slice of a sweep split over 8 machines')),
    handler: async (args, io) => {
        const resume = optionalString(args.resume, '--resume');
        const workers = parseWorkers(args.workers);
        const plan = resume !== undefined ? await resumePlan(args, resume) : await freshPlan(args);
        const out = plan.out;
        if (args.report === true && out === undefined)
            throw new UsageError('--report writes DIR/sweep.svg (next to DIR/sweep.json) and needs --out DIR.');
        const runs = [...plan.done];
        const fileNow = () => sweepFileOf(plan.scenario, plan.overrides, plan.seedsText, plan.shard, runs, plan.seeds.length);
        let savedMs = performance.now();
        const save = () => {
            savedMs = performance.now();
            if (out !== undefined)
                writeSweepJson(out, fileNow());
        };
        if (out !== undefined) {
            ensureDirectory(out);
            if (!plan.resumed)
                startSeedsFile(out);
            save();
        }
        const have = new Set(runs.map((run) => run.seed));
        const missing = plan.seeds.filter((seed) => !have.has(seed));
        const controller = new AbortController();
        const stopWatching = onInterrupt(() => controller.abort());
        const started = performance.now();
        try {
            await sweepWithProgress(io, plan, missing, workers, controller.signal, (summary) => {
                runs.push(summary);
                if (out === undefined)
                    return;
                appendSeed(out, summary);
                if (performance.now() - savedMs > 2_000)
                    save();
            });
        }
        catch (error) {
            save();
            if (out !== undefined)
                io.err(`raftsim sweep: the ${runs.length} seeds finished are saved in ${out}; \`npx raftsim sweep --resume ${out}\` runs the other ${plan.seeds.length - runs.length}.\n`);
            throw error;
        }
        finally {
            stopWatching();
        }
        save();
        const elapsedMs = performance.now() - started;
        const file = fileNow();
        if (file.partial) {
            io.out(`raftsim sweep: interrupted after ${file.done} of ${file.total} seeds; the summary of the seeds done:\n`);
            io.out(sweepText(file.summary, elapsedMs));
            io.out(out !== undefined ? `  resume      npx raftsim sweep --resume ${out}    (runs the ${file.total - file.done} missing seeds)\n` : '  resume      not possible without --out DIR (where finished seeds are saved)\n');
            return exitCodes.interrupted;
        }
        const reportPath = args.report === true ? join(out, 'sweep.svg') : null;
        if (reportPath !== null)
            writeReport(io, reportPath, renderSweepFile(file), '--out');
        io.out(args.json ? JSON.stringify(file.summary, null, 2) + '\n' : sweepText(file.summary, elapsedMs) + (reportPath !== null ? `  report      ${reportPath}\n` : ''));
        return sweepExitCode(file.summary);
    },
});
//# sourceMappingURL=sweep.js.map