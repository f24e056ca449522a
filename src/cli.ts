// The raftsim command line. Exit codes: 0 passed, 1 safety violation, 2 bad input, 3 liveness failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import yargs, { type Argv } from 'yargs';
import { builtinScenarios } from '../scenarios/builtin.js';
import { checkDeterminism, FileSink, Trace } from '../sim/trace.js';
import { simulate } from '../sim/simulate.js';
import { exitCodes, UsageError } from './errors.js';
import { toResultJson, type ResultJson } from './result.js';
import { runScenario, scenarioOptions } from './run-scenario.js';
import { formatDurationUs } from './stats.js';
import { defaultWorkerCount, parseSeeds, parseShard, runSweep, shardSeeds, summarizeSweep, type SweepSummary } from './sweep.js';

interface Io {
  out(text: string): void;
  err(text: string): void;
  isTerminal: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: process.stderr.isTTY === true,
};

function exitCodeFor(verdict: ResultJson['verdict']): number {
  switch (verdict) {
    case 'ok':
      return exitCodes.ok;
    case 'safety':
      return exitCodes.safety;
    case 'liveness':
      return exitCodes.liveness;
    default: {
      const unreachable: never = verdict;
      throw new Error(`unknown verdict ${String(unreachable)}`);
    }
  }
}

function parseSeed(value: unknown): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed ${String(value)}: expected a non-negative integer.`);
  return seed;
}

function humanSummary(result: ResultJson): string {
  const lines: string[] = [];
  const verdictText = { ok: 'PASSED', safety: 'SAFETY VIOLATION', liveness: 'LIVENESS FAILURE' }[result.verdict];
  lines.push(`raftsim ${result.scenario} seed ${result.seed}: ${verdictText}`);
  if (result.violation !== null) {
    lines.push(`  invariant   ${result.violation.invariant}: ${result.violation.message}`);
    lines.push(`  at          t=${formatDurationUs(result.violation.timeUs)} during ${result.violation.event}`);
  }
  if (result.liveness !== null) {
    lines.push(
      result.liveness.convergedAfterUs === null
        ? `  liveness    did not converge within the bound after healing at ${formatDurationUs(result.liveness.healedAtUs)}: ${result.liveness.reason}`
        : `  liveness    converged ${formatDurationUs(result.liveness.convergedAfterUs)} after healing`,
    );
  }
  const cluster = result.cluster;
  lines.push(`  elections   ${cluster.elections} elections, ${cluster.preVoteRounds} pre-vote rounds, ${cluster.leaderChanges} leaders elected, ${cluster.checkQuorumStepDowns} check-quorum step-downs`);
  lines.push(`  faults      ${cluster.crashes} crashes, ${cluster.restarts} restarts, ${cluster.pauses} pauses, ${result.faults.length} scheduled faults`);
  lines.push(`  clients     ${result.workload.invoked} operations: ${result.workload.ok} ok, ${result.workload.timedOut} unknown (timed out), ${result.workload.retries} retries`);
  const dropped = Object.values(result.network.dropped).reduce((a, b) => a + b, 0);
  lines.push(`  messages    ${result.network.sent} sent, ${result.network.delivered} delivered, ${dropped} dropped`);
  const speed = result.wallMs > 0 ? `${Math.round(result.simulatedUs / 1000 / result.wallMs)}x real time` : '';
  lines.push(`  run         ${formatDurationUs(result.simulatedUs)} simulated in ${result.wallMs} ms (${speed}), ${result.events} events, ${result.invariantChecks} invariant checks`);
  lines.push(`  trace hash  ${result.traceHash ?? '-'}`);
  lines.push(`  replay      raftsim run ${result.scenario} --seed ${result.seed}`);
  return lines.join('\n') + '\n';
}

function sweepText(summary: SweepSummary): string {
  const lines: string[] = [];
  const m = summary.metrics;
  lines.push(`raftsim sweep ${summary.scenario}: ${summary.seeds} seeds: ${summary.verdicts.ok} passed, ${summary.verdicts.safety} safety violations, ${summary.verdicts.liveness} liveness failures`);
  lines.push(`  simulated   ${formatDurationUs(summary.simulatedUs)} in ${(summary.wallMs / 1000).toFixed(1)} s wall`);
  lines.push(`  leaders     per run p50 ${m.leaderChanges.p50 ?? '-'}, p99 ${m.leaderChanges.p99 ?? '-'}, max ${m.leaderChanges.max ?? '-'}`);
  lines.push(`  converged   after healing p50 ${formatDurationUs(m.livenessConvergenceUs.p50)}, p99 ${formatDurationUs(m.livenessConvergenceUs.p99)}, max ${formatDurationUs(m.livenessConvergenceUs.max)}`);
  lines.push(`  events      per run p50 ${m.eventsPerRun.p50 ?? '-'}, max ${m.eventsPerRun.max ?? '-'}`);
  for (const failing of summary.failing.slice(0, 50)) {
    lines.push(`  FAIL seed ${failing.seed}: ${failing.verdict} ${failing.invariant ?? ''} ${failing.message ?? ''}`.trimEnd());
    lines.push(`       replay: raftsim run ${summary.scenario} --seed ${failing.seed}`);
  }
  if (summary.failing.length > 50) lines.push(`  ... and ${summary.failing.length - 50} more failing seeds (see sweep.json)`);
  return lines.join('\n') + '\n';
}

function writeOut(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const parser: Argv = yargs(argv)
    .scriptName('raftsim')
    .usage('$0 <command> [options]\n\nDeterministic Raft simulation: seeded runs over a simulated network, clocks and disks, with Raft safety checked after every event.')
    .command('list', 'list the built-in scenarios, one line each', {}, () => {
      for (const scenario of builtinScenarios) io.out(`${scenario.name.padEnd(28)} ${scenario.question}\n`);
    })
    .command(
      'run [scenario]',
      'run one scenario for one seed and print a summary',
      (y) =>
        y
          .positional('scenario', { type: 'string', default: 'leader-crash', describe: 'built-in scenario name (see `raftsim list`)' })
          .option('seed', { type: 'string', default: '1', describe: 'the seed; the same seed replays bit for bit' })
          .option('out', { type: 'string', describe: 'directory for result.json (and trace.jsonl with --trace)' })
          .option('trace', { type: 'boolean', default: false, describe: 'write DIR/trace.jsonl (needs --out)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the result JSON to stdout instead of the summary' })
          .option('check-determinism', { type: 'boolean', default: false, describe: 'run twice and compare trace hashes' }),
      (args) => {
        const seed = parseSeed(args.seed);
        const scenario = String(args.scenario);
        if (args.trace && args.out === undefined) throw new UsageError('--trace writes DIR/trace.jsonl and needs --out DIR.');
        if (args['check-determinism']) {
          const options = scenarioOptions(scenario, seed);
          const report = checkDeterminism((s, trace) => void simulate({ ...options, seed: s }, trace), seed);
          if (report.identical) {
            io.out(`deterministic: two runs of ${scenario} seed ${seed} gave the same trace hash ${report.hashA} over ${report.lines} lines\n`);
          } else {
            io.out(`NOT deterministic: hashes ${report.hashA} and ${report.hashB}; first divergence at line ${report.firstDivergence?.line}:\n  run 1: ${report.firstDivergence?.a}\n  run 2: ${report.firstDivergence?.b}\n`);
            exitCode = exitCodes.safety;
            return;
          }
        }
        const sink = args.trace ? new FileSink(join(String(args.out), 'trace.jsonl')) : undefined;
        if (sink !== undefined) mkdirSync(String(args.out), { recursive: true });
        const { result, wallMs } = runScenario(scenario, seed, new Trace(sink !== undefined ? { sink } : {}));
        const json = toResultJson(result, wallMs);
        if (args.out !== undefined) writeOut(String(args.out), 'result.json', JSON.stringify(json, null, 2) + '\n');
        io.out(args.json ? JSON.stringify(json, null, 2) + '\n' : humanSummary(json));
        exitCode = exitCodeFor(json.verdict);
      },
    )
    .command(
      'sweep <scenario>',
      'run many seeds in parallel and aggregate; lists failing seeds with their replay commands',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'built-in scenario name' })
          .option('seeds', { type: 'string', default: '1..100', describe: 'seeds: FROM..TO, a list 1,5,9, or one seed' })
          .option('workers', { type: 'number', default: defaultWorkerCount(), describe: 'worker threads (default: all cores)' })
          .option('shard', { type: 'string', describe: 'run only slice i of n (e.g. 2/8), deterministically' })
          .option('out', { type: 'string', describe: 'directory for sweep.json' })
          .option('json', { type: 'boolean', default: false, describe: 'print the sweep summary as JSON' }),
      async (args) => {
        const scenario = String(args.scenario);
        scenarioOptions(scenario, 1);
        let seeds = parseSeeds(String(args.seeds));
        if (args.shard !== undefined) seeds = shardSeeds(seeds, parseShard(String(args.shard)));
        const workers = Number(args.workers);
        if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw new UsageError(`--workers ${String(args.workers)}: expected an integer from 1 to 256.`);
        const started = performance.now();
        const bar = io.isTerminal ? new SingleBar({ format: 'sweep [{bar}] {value}/{total} seeds | {failing} failing | eta {eta}s', hideCursor: true }) : null;
        bar?.start(seeds.length, 0, { failing: 0 });
        let failing = 0;
        let lastLineMs = started;
        const runs = await runSweep({
          scenario,
          seeds,
          workers,
          onResult: (summary, done, total) => {
            if (summary.verdict !== 'ok') failing++;
            if (bar !== null) bar.update(done, { failing });
            else if (performance.now() - lastLineMs > 5_000 || done === total) {
              lastLineMs = performance.now();
              io.err(`sweep ${scenario}: ${done}/${total} seeds, ${failing} failing\n`);
            }
          },
        });
        bar?.stop();
        const summary = summarizeSweep(scenario, runs, performance.now() - started);
        if (args.out !== undefined) writeOut(String(args.out), 'sweep.json', JSON.stringify({ summary, runs: [...runs].sort((a, b) => a.seed - b.seed) }, null, 2) + '\n');
        io.out(args.json ? JSON.stringify(summary, null, 2) + '\n' : sweepText(summary));
        exitCode = summary.verdicts.safety > 0 ? exitCodes.safety : summary.verdicts.liveness > 0 ? exitCodes.liveness : exitCodes.ok;
      },
    )
    .demandCommand(1, 'name a command: list, run or sweep (see --help)')
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      if (error !== undefined && !(error instanceof UsageError)) throw error;
      throw new UsageError(message ?? error?.message ?? 'invalid command line');
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
      io.err(`raftsim: ${sentence} Run \`raftsim --help\` for usage.\n`);
      return exitCodes.usage;
    }
    throw error;
  }
  return exitCode;
}

