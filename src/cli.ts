// The raftsim command line. Exit codes: 0 passed, 1 safety violation (or a replay that did not reproduce),
// 2 bad input (one paragraph on stderr, never a stack trace), 3 liveness failure or failed expectation.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import yargs, { type Argv } from 'yargs';
import { builtinScenarios } from './scenario/builtin.js';
import { simulate } from '../sim/simulate.js';
import { checkDeterminism, FileSink, Trace } from '../sim/trace.js';
import { CheckpointSink } from './checkpoints.js';
import { UsageError, exitCodes } from './errors.js';
import { checkOutputFile, ensureDirectory, writeFile, writeFileAtomic } from './files.js';
import { mergeSweepFiles } from './merge.js';
import { replayResultFile } from './replay.js';
import { parseWindowFlags, renderComparisonFiles, renderSweepFile, renderTraceFile, type RenderedReport } from './reports.js';
import { toResultJson } from './result.js';
import { openScenario, runLoadedScenario } from './run-scenario.js';
import { ScenarioError } from './scenario/errors.js';
import { overrideFlags, overridesToFlags, parseOverrides } from './scenario/overrides.js';
import { fullToSpec, specToDocument, toYaml } from './scenario/serialize.js';
import { parseDuration } from './scenario/units.js';
import { shrinkScenario } from './shrink.js';
import { replayText, runSummary, shrinkText, sweepText } from './summary.js';
import { defaultWorkerCount, parseSeeds, parseShard, runSweep, shardSeeds, sweepFileOf, type SweepSummary } from './sweep.js';
import { raftsimVersion } from './version.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTerminal: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: process.stderr.isTTY === true,
};

const booleanFlags = ['prevote', 'check-quorum', 'swarm', 'trace', 'json', 'check-determinism', 'print', 'report'];

/** yargs reads `--prevote=maybe` as false; refuse any value other than true or false instead. */
function checkBooleanValues(argv: readonly string[]): void {
  for (const arg of argv) {
    const match = /^--(?:no-)?([\w-]+)=(.*)$/.exec(arg);
    if (match !== null && booleanFlags.includes(match[1]!) && !['true', 'false'].includes(match[2]!)) {
      throw new UsageError(`--${match[1]}=${match[2]}: expected true or false (or --${match[1]} / --no-${match[1]}).`);
    }
  }
}

export function parseSeed(value: unknown, flag = '--seed'): number {
  const text = String(value).trim();
  const seed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`${flag} ${String(value)}: expected a non-negative integer seed such as 42.`);
  return seed;
}

function single(value: unknown, flag: string): unknown {
  if (Array.isArray(value)) throw new UsageError(`${flag} was given ${value.length} times: expected it once.`);
  return value;
}

function addOverrideOptions<T>(y: Argv<T>): Argv<T> {
  let out = y;
  for (const flag of overrideFlags) {
    out = out.option(flag.flag, flag.boolean === true ? { type: 'boolean', describe: flag.describe, group: 'Overrides:' } : { type: 'string', describe: `${flag.describe}`, group: 'Overrides:' }) as Argv<T>;
  }
  return out;
}

function overridesFrom(args: Record<string, unknown>): ReturnType<typeof parseOverrides> {
  const values: Record<string, unknown> = {};
  for (const flag of overrideFlags) values[flag.flag] = args[flag.flag];
  return parseOverrides(values);
}

/** Writes a rendered report whole (temporary file, then rename) and passes its remarks on to stderr. */
function writeReport(io: Io, path: string, report: RenderedReport, flag: string): void {
  const dir = dirname(path);
  if (dir !== '' && dir !== '.') ensureDirectory(dir, flag);
  writeFileAtomic(path, report.svg, flag);
  for (const note of report.notes) io.err(`raftsim: note: ${note}\n`);
}

function kib(text: string): string {
  return `${Math.max(1, Math.round(Buffer.byteLength(text) / 1024))} KiB`;
}

function optionalString(value: unknown, flag: string): string | undefined {
  return value === undefined ? undefined : String(single(value, flag));
}

function sweepExitCode(summary: SweepSummary): number {
  if (summary.outcomes.safety > 0) return exitCodes.safety;
  if (summary.outcomes.liveness > 0 || summary.outcomes.expectations > 0) return exitCodes.liveness;
  return exitCodes.ok;
}

const description = `Deterministic Raft simulation: seeded runs over a simulated network, clocks and disks, with Raft safety checked after every event.

A scenario is a built-in name (see \`raftsim list\`) or the path of a .yaml/.json scenario file (docs/scenarios.md).
Exit codes: 0 passed, 1 safety violation, 2 bad input, 3 liveness failure or failed expectation.`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const parser: Argv = yargs(argv)
    .scriptName('raftsim')
    .usage(`$0 <command> [options]\n\n${description}`)
    .version(raftsimVersion)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .command(
      'list',
      'list the built-in scenarios, each with the question it answers',
      (y) => y.option('json', { type: 'boolean', default: false, describe: 'print the list as JSON' }).example('$0 list', 'one line per scenario: name and question'),
      (args) => {
        if (args.json) {
          io.out(JSON.stringify(builtinScenarios.map((s) => ({ name: s.name, question: s.question, file: s.file })), null, 2) + '\n');
          return;
        }
        for (const scenario of builtinScenarios) io.out(`${scenario.name.padEnd(30)} ${scenario.question}\n`);
      },
    )
    .command(
      'check <scenarios..>',
      'validate scenario files (and built-in names) without running them; --print shows every parameter with defaults filled in',
      (y) =>
        addOverrideOptions(
          y
            .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario names or files' })
            .option('seed', { type: 'string', default: '1', describe: 'the seed to compile for (swarm draws and `between` times depend on it)' })
            .option('print', { type: 'boolean', default: false, describe: 'print the complete scenario (defaults and draws filled in) as YAML' })
            .example('$0 check my-scenario.yaml', 'exit 0 when valid, 2 with the file, line, path and problem otherwise')
            .example('$0 check leader-crash --print --nodes 3', 'every parameter of leader-crash on 3 nodes'),
        ),
      (args) => {
        const seed = parseSeed(single(args.seed, '--seed'));
        const overrides = overridesFrom(args);
        for (const ref of args.scenarios as string[]) {
          const scenario = openScenario(ref);
          const compiled = scenario.compile(seed, overrides);
          if (args.print) {
            const header = [`${scenario.name} seed ${seed}${overridesToFlags(overrides).length > 0 ? ` ${overridesToFlags(overrides).join(' ')}` : ''}: every parameter of the run.`, `Filled from defaults: ${compiled.defaults.join(', ') || 'none'}.`];
            for (const [path, value] of Object.entries(compiled.drawn)) header.push(`Drawn from the seed: ${path} = ${typeof value === 'string' ? value : JSON.stringify(value)}`);
            io.out(toYaml(specToDocument(fullToSpec(compiled.full)), header.join('\n')));
          } else {
            io.out(`ok  ${ref}: ${scenario.name}: ${compiled.options.cluster.nodeIds.length} nodes, ${compiled.options.faults.length} scheduled faults, ${compiled.options.triggers.length} triggers, ${compiled.expectations.length} expectations\n`);
          }
        }
      },
    )
    .command(
      'run [scenario]',
      'run one scenario for one seed and print a summary',
      (y) =>
        addOverrideOptions(
          y
            .positional('scenario', { type: 'string', default: 'leader-crash', describe: 'built-in scenario name or scenario file' })
            .option('seed', { type: 'string', default: '1', describe: 'the seed; the same seed replays bit for bit' })
            .option('out', { type: 'string', describe: 'directory for result.json (and trace.jsonl with --trace, report.svg with --report)' })
            .option('trace', { type: 'boolean', default: false, describe: 'write DIR/trace.jsonl (needs --out)' })
            .option('report', { type: 'boolean', default: false, describe: 'write DIR/report.svg, the SVG run report, and the trace it is drawn from (needs --out)' })
            .option('from', { type: 'string', describe: 'start of the report\'s detail window, e.g. 12.5s (with --report)' })
            .option('to', { type: 'string', describe: 'end of the report\'s detail window, e.g. 14s (with --report)' })
            .option('json', { type: 'boolean', default: false, describe: 'print the result JSON to stdout instead of the summary' })
            .option('check-determinism', { type: 'boolean', default: false, describe: 'run twice and compare trace hashes' })
            .example('$0 run leader-crash --seed 7', 'one run; prints a summary and how to replay it')
            .example('$0 run my.yaml --seed 3 --out out/ --trace', 'also writes out/result.json and out/trace.jsonl')
            .example('$0 run random-chaos --seed 3 --out out --report', 'also writes out/trace.jsonl and out/report.svg (open it in a browser)')
            .example('$0 run leader-crash --out out --report --from 5.9s --to 6.4s', 'the report\'s detail panel shows 5.9 s to 6.4 s')
            .example('$0 run bridge-partition --no-prevote --no-check-quorum', 'the same scenario with PreVote and CheckQuorum off'),
        ),
      (args) => {
        const seed = parseSeed(single(args.seed, '--seed'));
        const ref = String(single(args.scenario, 'scenario'));
        const out = args.out === undefined ? undefined : String(single(args.out, '--out'));
        if (args.trace && out === undefined) throw new UsageError('--trace writes DIR/trace.jsonl and needs --out DIR.');
        const report = args.report === true;
        if (report && out === undefined) throw new UsageError('--report writes DIR/report.svg (and DIR/trace.jsonl, which it is drawn from) and needs --out DIR.');
        if (!report && (args.from !== undefined || args.to !== undefined)) throw new UsageError(`${args.from !== undefined ? '--from' : '--to'} selects the detail window of the report and needs --report (and --out DIR).`);
        const window = parseWindowFlags(args.from, args.to);
        const keepTrace = args.trace === true || report;
        const overrides = overridesFrom(args);
        const scenario = openScenario(ref);
        if (args['check-determinism']) {
          const options = scenario.compile(seed, overrides).options;
          const report = checkDeterminism((s, trace) => void simulate({ ...options, seed: s }, trace), seed);
          if (report.identical) {
            io.out(`deterministic: two runs of ${scenario.name} seed ${seed} gave the same trace hash ${report.hashA} over ${report.lines} lines\n`);
          } else {
            io.out(`NOT deterministic: hashes ${report.hashA} and ${report.hashB}; first divergence at line ${report.firstDivergence?.line}:\n  run 1: ${report.firstDivergence?.a}\n  run 2: ${report.firstDivergence?.b}\n`);
            exitCode = exitCodes.safety;
            return;
          }
        }
        // Validate everything before writing anything.
        scenario.compile(seed, overrides);
        if (out !== undefined) ensureDirectory(out);
        const checkpoints = new CheckpointSink(undefined, keepTrace ? new FileSink(join(out!, 'trace.jsonl')) : null);
        const run = runLoadedScenario(scenario, seed, { overrides, trace: new Trace({ sink: checkpoints }) });
        checkpoints.close();
        const json = toResultJson(run, checkpoints.checkpoints(), keepTrace ? 'trace.jsonl' : null);
        if (out !== undefined) writeFile(join(out, 'result.json'), JSON.stringify(json, null, 2) + '\n');
        const files = out === undefined ? [] : [join(out, 'result.json'), ...(keepTrace ? [join(out, 'trace.jsonl')] : [])];
        if (report) {
          // Drawn from the trace file just written, read back line by line: memory stays bounded by the report's model.
          const path = join(out!, 'report.svg');
          let rendered: RenderedReport;
          try {
            rendered = renderTraceFile(join(out!, 'trace.jsonl'), window);
          } catch (error) {
            if (!(error instanceof UsageError)) throw error;
            throw new UsageError(`${error.message.replace(/\.$/, '')}. The run's ${files.join(' and ')} were written; draw the report again with \`raftsim report ${join(out!, 'trace.jsonl')} -o ${path} --from ... --to ...\`.`);
          }
          writeReport(io, path, rendered, '--out');
          files.push(path);
        }
        io.out(args.json ? JSON.stringify(json, null, 2) + '\n' : runSummary(json, files));
        exitCode = run.exitCode;
      },
    )
    .command(
      'sweep <scenario>',
      'run many seeds in parallel and aggregate; lists failing seeds with their replay commands',
      (y) =>
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
      async (args) => {
        const ref = String(single(args.scenario, 'scenario'));
        const seedsText = String(single(args.seeds, '--seeds'));
        let seeds = parseSeeds(seedsText);
        const shard = args.shard === undefined ? null : parseShard(String(single(args.shard, '--shard')));
        if (shard !== null) seeds = shardSeeds(seeds, shard);
        const workersText = args.workers === undefined ? String(defaultWorkerCount()) : String(single(args.workers, '--workers'));
        const workers = /^\d+$/.test(workersText.trim()) ? Number(workersText) : Number.NaN;
        if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw new UsageError(`--workers ${workersText}: expected an integer from 1 to 256.`);
        const out = args.out === undefined ? undefined : String(single(args.out, '--out'));
        if (args.report === true && out === undefined) throw new UsageError('--report writes DIR/sweep.svg (next to DIR/sweep.json) and needs --out DIR.');
        const overrides = overridesFrom(args);
        const scenario = openScenario(ref);
        scenario.compile(seeds[0] ?? 1, overrides);
        if (out !== undefined) ensureDirectory(out);
        const started = performance.now();
        const bar = io.isTerminal ? new SingleBar({ format: 'sweep [{bar}] {value}/{total} seeds | {failing} failing | eta {eta}s', hideCursor: true, stream: process.stderr }) : null;
        bar?.start(seeds.length, 0, { failing: 0 });
        let failing = 0;
        let lastLineMs = started;
        let runs;
        try {
          runs = await runSweep({
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
        const elapsedMs = performance.now() - started;
        const file = sweepFileOf(scenario, overrides, seedsText, shard, runs, elapsedMs);
        if (out !== undefined) writeFile(join(out, 'sweep.json'), JSON.stringify(file, null, 2) + '\n');
        const reportPath = args.report === true ? join(out!, 'sweep.svg') : null;
        if (reportPath !== null) writeReport(io, reportPath, renderSweepFile(file), '--out');
        io.out(args.json ? JSON.stringify(file.summary, null, 2) + '\n' : sweepText(file.summary, elapsedMs) + (reportPath !== null ? `  report      ${reportPath}\n` : ''));
        exitCode = sweepExitCode(file.summary);
      },
    )
    .command(
      'merge <files..>',
      'merge the sweep.json files of a sharded sweep into the summary one sweep would give',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'sweep.json files (or directories holding one)' })
          .option('out', { type: 'string', describe: 'directory for the merged sweep.json' })
          .option('report', { type: 'boolean', default: false, describe: 'also write DIR/sweep.svg, the sweep report of the merged seeds (needs --out)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the merged summary as JSON' })
          .example('$0 merge out/*/sweep.json --out merged/', 'after `sweep --shard i/8 --out out/i` on 8 machines')
          .example('$0 merge out/*/sweep.json --out merged/ --report', 'and merged/sweep.svg'),
      (args) => {
        const paths = (args.files as string[]).map((path) => {
          try {
            return statSync(path).isDirectory() ? join(path, 'sweep.json') : path;
          } catch {
            return path;
          }
        });
        const out = args.out === undefined ? undefined : String(single(args.out, '--out'));
        if (args.report === true && out === undefined) throw new UsageError('--report writes DIR/sweep.svg (next to the merged DIR/sweep.json) and needs --out DIR.');
        const report = mergeSweepFiles(paths);
        let reportPath: string | null = null;
        if (out !== undefined) {
          ensureDirectory(out);
          writeFile(join(out, 'sweep.json'), JSON.stringify(report.file, null, 2) + '\n');
          if (args.report === true) {
            reportPath = join(out, 'sweep.svg');
            writeReport(io, reportPath, renderSweepFile(report.file), '--out');
          }
        }
        if (report.missingShards.length > 0) io.err(`raftsim merge: shards ${report.missingShards.join(', ')} are missing; the summary covers ${report.file.summary.seeds} seeds only.\n`);
        io.out(args.json ? JSON.stringify(report.file.summary, null, 2) + '\n' : sweepText(report.file.summary, null) + (reportPath !== null ? `  report      ${reportPath}\n` : ''));
        exitCode = sweepExitCode(report.file.summary);
      },
    )
    .command(
      'report <trace>',
      'draw the SVG run report of a recorded trace.jsonl',
      (y) =>
        y
          .positional('trace', { type: 'string', demandOption: true, describe: 'a trace.jsonl written by `raftsim run --out DIR --trace` (or --report), or its directory' })
          .option('o', { alias: 'output', type: 'string', describe: 'the SVG file to write (default: report.svg next to the trace)' })
          .option('from', { type: 'string', describe: 'start of the detail window, e.g. 12.5s' })
          .option('to', { type: 'string', describe: 'end of the detail window, e.g. 14s' })
          .option('title', { type: 'string', describe: 'heading (default: raftsim run report · SCENARIO · seed N)' })
          .example('$0 report out/trace.jsonl -o report.svg', 'the whole run; the detail panel picks its own window')
          .example('$0 report out/trace.jsonl -o zoom.svg --from 12.5s --to 14s', 'the detail panel shows 12.5 s to 14 s'),
      (args) => {
        let trace = String(single(args.trace, 'trace'));
        try {
          if (statSync(trace).isDirectory()) trace = join(trace, 'trace.jsonl');
        } catch {
          // reported when the trace is read
        }
        const output = optionalString(args.o, '-o') ?? join(dirname(trace), 'report.svg');
        checkOutputFile(output, '-o', 'report.svg');
        const window = parseWindowFlags(args.from, args.to);
        const title = optionalString(args.title, '--title');
        const report = renderTraceFile(trace, { ...window, ...(title !== undefined ? { title } : {}) });
        writeReport(io, output, report, '-o');
        io.out(`wrote ${output} (${kib(report.svg)}): ${report.description}\n`);
      },
    )
    .command(
      'compare <a> <b>',
      'draw two runs (two trace.jsonl files) or two sweeps (two sweep.json files) side by side on shared axes, as one SVG',
      (y) =>
        y
          .positional('a', { type: 'string', demandOption: true, describe: 'run or sweep A: a trace.jsonl or a sweep.json (or a directory holding one)' })
          .positional('b', { type: 'string', demandOption: true, describe: 'run or sweep B, of the same kind as A' })
          .option('o', { alias: 'output', type: 'string', default: 'compare.svg', describe: 'the SVG file to write' })
          .option('label-a', { type: 'string', describe: 'name of A in the report (default: scenario and seed(s))' })
          .option('label-b', { type: 'string', describe: 'name of B in the report (default: scenario and seed(s))' })
          .option('title', { type: 'string', describe: 'heading (default: raftsim comparison · A vs B)' })
          .example('$0 compare on/trace.jsonl off/trace.jsonl -o compare.svg --label-a "PreVote on" --label-b "PreVote off"', 'two runs on one time axis')
          .example('$0 compare fixed/sweep.json jittered/sweep.json -o sweeps.svg', 'two sweeps\' distributions on shared axes'),
      (args) => {
        const output = String(single(args.o, '-o'));
        checkOutputFile(output, '-o', 'compare.svg');
        const labelA = optionalString(args['label-a'], '--label-a');
        const labelB = optionalString(args['label-b'], '--label-b');
        const title = optionalString(args.title, '--title');
        const report = renderComparisonFiles(String(single(args.a, 'a')), String(single(args.b, 'b')), {
          ...(labelA !== undefined ? { labelA } : {}),
          ...(labelB !== undefined ? { labelB } : {}),
          ...(title !== undefined ? { title } : {}),
        });
        writeReport(io, output, report, '-o');
        io.out(`wrote ${output} (${kib(report.svg)}): ${report.description}\n`);
      },
    )
    .command(
      'replay <result>',
      'rerun a recorded run from its result.json and confirm the trace hash (or show the first divergence)',
      (y) =>
        y
          .positional('result', { type: 'string', demandOption: true, describe: 'a result.json written by `raftsim run --out DIR` (or its directory)' })
          .option('trace', { type: 'string', describe: 'the recorded trace.jsonl to compare line by line (default: the one next to result.json, if any)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the replay report as JSON' })
          .example('$0 replay out/result.json', 'exit code of the run when the hash matches; 1 when it does not'),
      (args) => {
        let file = String(single(args.result, 'result'));
        try {
          if (statSync(file).isDirectory()) file = join(file, 'result.json');
        } catch {
          // reported by replayResultFile
        }
        const report = replayResultFile(file, args.trace === undefined ? {} : { traceFile: String(single(args.trace, '--trace')) });
        if (args.json) {
          io.out(
            JSON.stringify(
              { file, reproduced: report.reproduced, recordedHash: report.recorded.traceHash, replayedHash: report.replayedHash, verdict: report.result.verdict, outcome: report.outcome, divergence: report.divergence, note: report.sourceNote },
              null,
              2,
            ) + '\n',
          );
        } else io.out(replayText(report));
        exitCode = report.exitCode;
      },
    )
    .command(
      'shrink <scenario>',
      'minimize a failing run (fewer and shorter faults, fewer nodes, lighter workload, shorter run) and write the minimal scenario',
      (y) =>
        addOverrideOptions(
          y
            .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name or scenario file' })
            .option('seed', { type: 'string', default: '1', describe: 'the failing seed' })
            .option('out', { type: 'string', describe: 'file for the minimal scenario (default: NAME.seedN.min.yaml in the current directory)' })
            .option('max-runs', { type: 'string', default: '400', describe: 'bound on candidate runs' })
            .option('budget', { type: 'string', default: '5min', describe: 'bound on wall time, e.g. 60s' })
            .example('$0 shrink my.yaml --seed 17', 'writes my.seed17.min.yaml, which `raftsim run` reproduces'),
        ),
      (args) => {
        const ref = String(single(args.scenario, 'scenario'));
        const seed = parseSeed(single(args.seed, '--seed'));
        const maxRunsText = String(single(args['max-runs'], '--max-runs'));
        const maxRuns = /^\d+$/.test(maxRunsText) ? Number(maxRunsText) : Number.NaN;
        if (!(maxRuns >= 1 && maxRuns <= 1_000_000)) throw new UsageError(`--max-runs ${maxRunsText}: expected a number of runs from 1 to 1000000.`);
        let budgetMs: number;
        try {
          budgetMs = parseDuration(single(args.budget, '--budget')) / 1000;
        } catch {
          throw new UsageError(`--budget ${String(args.budget)}: expected a duration such as 60s or 5min.`);
        }
        if (budgetMs <= 0) throw new UsageError(`--budget ${String(args.budget)}: expected a duration above 0 such as 60s.`);
        const overrides = overridesFrom(args);
        const scenario = openScenario(ref);
        scenario.compile(seed, overrides);
        const outFile = args.out === undefined ? `${scenario.name}.seed${seed}.min.yaml` : String(single(args.out, '--out'));
        if (args.out !== undefined) {
          try {
            if (statSync(outFile).isDirectory()) throw new UsageError(`--out ${outFile}: is a directory; expected a file name for the minimal scenario.`);
          } catch (error) {
            if (error instanceof UsageError) throw error;
          }
          ensureDirectory(dirname(outFile) === '' ? '.' : dirname(outFile));
        }
        const report = shrinkScenario(scenario, seed, {
          overrides,
          maxRuns,
          budgetMs,
          outFile,
          onProgress: io.isTerminal ? (message) => io.err(`shrink: ${message}\n`) : undefined,
        });
        if (report.failed) writeFile(outFile, report.yaml);
        io.out(shrinkText(report, ref, seed, report.failed ? outFile : null));
        exitCode = exitCodes.ok;
      },
    )
    .demandCommand(1, 'name a command: list, check, run, sweep, merge, report, compare, replay or shrink (see --help)')
    .recommendCommands()
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      if (error !== undefined && error !== null && !(error instanceof UsageError)) throw error;
      throw error ?? new UsageError(message ?? 'invalid command line');
    });
  try {
    checkBooleanValues(argv);
    let helpShown = false;
    await parser.parseAsync(argv, {}, (error, _argv, output) => {
      if ((error === null || error === undefined) && output !== '') {
        helpShown = true;
        io.out(output.endsWith('\n') ? output : `${output}\n`);
      }
    });
    if (helpShown) return exitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      const message = error.message.replace(/\s*\n\s*/g, ' ');
      const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
      const hint = error instanceof ScenarioError ? ' See docs/scenarios.md for the format.' : ` Run \`raftsim ${commandOf(argv)}--help\` for usage.`;
      io.err(`raftsim: ${sentence}${hint}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
  return exitCode;
}

function commandOf(argv: readonly string[]): string {
  const command = argv.find((arg) => !arg.startsWith('-'));
  return command !== undefined && ['list', 'check', 'run', 'sweep', 'merge', 'report', 'compare', 'replay', 'shrink'].includes(command) ? `${command} ` : '';
}


