// `raftsim experiment NAME`: a runnable reproduction of a published result, printed beside the published
// numbers, with every sample written as JSON and the figure as SVG (docs/fidelity.md).
import { join } from 'node:path';
import { UsageError, exitCodes } from '../errors.js';
import { ensureDirectory, writeFileAtomic } from '../files.js';
import { figure16Ranges, rangeLabel } from '../experiments/figure-16.js';
import { figure16Result, figure16Svg, figure16Table } from '../experiments/figure-16-report.js';
import { runRange, trialsFor } from '../experiments/results.js';
import { raftProfiles, type RaftProfile } from '../scenario/profile-names.js';
import { defineCommand } from './command.js';
import { optionalString, single } from './flags.js';

export const experimentNames = ['figure-16'] as const;

function parseTrials(value: unknown): number {
  const text = String(single(value, '--trials')).trim();
  const trials = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(trials) || trials < 1 || trials > 100_000) throw new UsageError(`--trials ${text}: expected a number of trials per range from 1 to 100000, such as 1000.`);
  return trials;
}

function parseProfile(value: unknown): RaftProfile {
  const text = String(single(value, '--profile'));
  if (!(raftProfiles as readonly string[]).includes(text)) throw new UsageError(`--profile ${text}: expected an implementation profile: one of ${raftProfiles.join(', ')}.`);
  return text as RaftProfile;
}

function parseName(value: unknown): (typeof experimentNames)[number] {
  const text = String(single(value, 'the experiment name'));
  if (!(experimentNames as readonly string[]).includes(text)) throw new UsageError(`experiment ${text}: expected one of ${experimentNames.join(', ')}.`);
  return text as (typeof experimentNames)[number];
}

export const experimentCommand = defineCommand({
  command: 'experiment <name>',
  describe: "reproduce a published result (figure-16: the Raft paper's leader-election downtime) and print ours beside it",
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: `the experiment: ${experimentNames.join(', ')}` })
      .option('trials', { type: 'string', default: '1000', describe: 'trials per range (the paper: 1000; 150-150 ms runs a tenth of them, as the paper did)' })
      .option('profile', { type: 'string', default: 'logcabin', describe: `implementation profile: ${raftProfiles.join(', ')} (the paper's implementation is LogCabin)` })
      .option('out', { type: 'string', describe: 'directory for NAME.json (every sample) and NAME.svg (the figure); default out/NAME' })
      .example('$0 experiment figure-16', "all ten ranges, 1000 trials each, under LogCabin's rules")
      .example('$0 experiment figure-16 --trials 100 --profile etcd', "a quicker run under etcd's rules, to compare"),
  handler: (args, io) => {
    const name = parseName(args.name);
    const trials = parseTrials(args.trials);
    const profile = parseProfile(args.profile);
    const out = optionalString(args.out, '--out') ?? join('out', name);
    const started = process.hrtime.bigint();
    const ranges = figure16Ranges.map((range) => {
      const result = runRange(range, profile, trials);
      if (io.isTerminal || process.env.RAFTSIM_PROGRESS === '1') io.err(`raftsim: ${rangeLabel(range)}: ${trialsFor(range, trials)} trials done\n`);
      return result;
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const result = figure16Result(profile, trials, ranges, wallSeconds);
    ensureDirectory(out, '--out');
    writeFileAtomic(join(out, `${name}.json`), `${JSON.stringify(result, null, 1)}\n`, '--out');
    writeFileAtomic(join(out, `${name}.svg`), figure16Svg(result), '--out');
    io.out(figure16Table(result));
    io.out(`\nwrote ${join(out, `${name}.json`)} (every sample) and ${join(out, `${name}.svg`)} (the CDFs)\n`);
    return exitCodes.ok;
  },
});
