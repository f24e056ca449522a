// `raftsim sweep`: many seeds of one scenario over worker threads, aggregated; failing seeds are listed with
// their replay commands. --shard runs one slice of the seeds (the slices are merged by `raftsim merge`).
import { preloadRaftModule } from '../raft-module.js';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { UsageError } from '../errors.js';
import { ensureDirectory, writeFile } from '../files.js';
import { renderSweepFile } from '../reports.js';
import type { SeedSummary } from '../result.js';
import { openScenario } from '../run-scenario.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { Overrides } from '../scenario/overrides.js';
import { sweepText } from '../summary.js';
import { defaultWorkerCount, parseSeeds, parseShard, runSweep, shardSeeds, sweepFileOf } from '../sweep.js';
import { defineCommand, type Io } from './command.js';
import { addOverrideOptions, optionalString, overridesFrom, single, sweepExitCode, writeReport } from './flags.js';

function parseWorkers(value: unknown): number {
  const workersText = value === undefined ? String(defaultWorkerCount()) : String(single(value, '--workers'));
  const workers = /^\d+$/.test(workersText.trim()) ? Number(workersText) : Number.NaN;
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw new UsageError(`--workers ${workersText}: expected an integer from 1 to 256.`);
  return workers;
}

/** Runs the seeds with a progress bar on a terminal, else a line every 5 s on stderr. */
async function sweepWithProgress(io: Io, scenario: LoadedScenario, overrides: Overrides, seeds: readonly number[], workers: number): Promise<SeedSummary[]> {
  const started = performance.now();
  const bar = io.isTerminal ? new SingleBar({ format: 'sweep [{bar}] {value}/{total} seeds | {failing} failing | eta {eta}s', hideCursor: true, stream: process.stderr }) : null;
  bar?.start(seeds.length, 0, { failing: 0 });
  let failing = 0;
  let lastLineMs = started;
  try {
    return await runSweep({
      scenario,
      overrides,
      seeds,
      workers,
      onResult: (summary, done, total) => {
        if (summary.outcome !== 'passed') failing++;
        if (bar !== null) bar.update(done, { failing });
        else if (performance.now() - lastLineMs > 5_000 && done < total) {
          lastLineMs = performance.now();
          io.err(`sweep ${scenario.name}: ${done}/${total} seeds, ${failing} failing\n`);
        }
      },
    });
  } finally {
    bar?.stop();
  }
}

export const sweepCommand = defineCommand({
  command: 'sweep <scenario>',
  describe: 'run many seeds in parallel and aggregate; lists failing seeds with their replay commands',
  builder: (y) =>
    addOverrideOptions(
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file' })
        .option('seeds', { type: 'string', default: '1..100', describe: 'seeds: FROM..TO, a list 1,5,9, or one seed' })
        .option('workers', { type: 'string', describe: 'worker threads (default: all cores)' })
        .option('shard', { type: 'string', describe: 'run only slice i of n (e.g. 2/8), deterministically' })
        .option('out', { type: 'string', describe: 'directory for sweep.json (input of `raftsim merge`)' })
        .option('report', { type: 'boolean', default: false, describe: 'also write DIR/sweep.svg: metric distributions across seeds, failing seeds with replay commands (needs --out)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the sweep summary as JSON' })
        .example('$0 sweep random-chaos --seeds 1..1000', 'all cores; failing seeds with replay commands')
        .example('$0 sweep random-chaos --seeds 1..200 --out out --report', 'writes out/sweep.json and out/sweep.svg')
        .example('$0 sweep random-chaos --seeds 1..1000 --shard 3/8 --out out/3', 'one slice of a sweep split over 8 machines'),
    ),
  handler: async (args, io) => {
    const ref = String(single(args.scenario, 'scenario'));
    const seedsText = String(single(args.seeds, '--seeds'));
    let seeds = parseSeeds(seedsText);
    const shard = args.shard === undefined ? null : parseShard(String(single(args.shard, '--shard')));
    if (shard !== null) seeds = shardSeeds(seeds, shard);
    const workers = parseWorkers(args.workers);
    const out = optionalString(args.out, '--out');
    if (args.report === true && out === undefined) throw new UsageError('--report writes DIR/sweep.svg (next to DIR/sweep.json) and needs --out DIR.');
    const overrides = overridesFrom(args);
    await preloadRaftModule(overrides);
    const scenario = openScenario(ref);
    scenario.compile(seeds[0] ?? 1, overrides);
    if (out !== undefined) ensureDirectory(out);
    const started = performance.now();
    const runs = await sweepWithProgress(io, scenario, overrides, seeds, workers);
    const elapsedMs = performance.now() - started;
    const file = sweepFileOf(scenario, overrides, seedsText, shard, runs, elapsedMs);
    if (out !== undefined) writeFile(join(out, 'sweep.json'), JSON.stringify(file, null, 2) + '\n');
    const reportPath = args.report === true ? join(out!, 'sweep.svg') : null;
    if (reportPath !== null) writeReport(io, reportPath, renderSweepFile(file), '--out');
    io.out(args.json ? JSON.stringify(file.summary, null, 2) + '\n' : sweepText(file.summary, elapsedMs) + (reportPath !== null ? `  report      ${reportPath}\n` : ''));
    return sweepExitCode(file.summary);
  },
});
