// `raftsim experiment NAME`: a runnable reproduction of a published result, printed beside the published
// numbers, with every sample written as JSON and the figure as SVG (docs/fidelity.md).
import { join } from 'node:path';
import { UsageError, exitCodes } from '../errors.js';
import { ensureDirectory, writeFileAtomic } from '../files.js';
import { figure16Ranges, rangeLabel } from '../experiments/figure-16.js';
import { figure16Result, figure16Svg, figure16Table } from '../experiments/figure-16-report.js';
import { runRange, trialsFor } from '../experiments/results.js';
import { runSplitVotePoint, splitVotePoints, splitVoteSetup, splitVoteTable } from '../experiments/split-votes.js';
import { incidentResult, incidentSvg, incidentTable, runIncidentVariant } from '../experiments/two-dc-incident-report.js';
import { incidentVariants } from '../experiments/two-dc-incident.js';
import { driftCases, driftSetup, driftSvg, driftTable, runDriftCase } from '../experiments/compaction-drift.js';
import { raftProfiles, type RaftProfile } from '../scenario/profile-names.js';
import { defineCommand, type Io } from './command.js';
import { optionalString, single } from './flags.js';

export const experimentNames = ['figure-16', 'split-votes', 'two-dc-incident', 'compaction-drift'] as const;
type ExperimentName = (typeof experimentNames)[number];

/** Trials per range (figure-16) or per latency (split-votes) when --trials is not given. */
const defaultTrials: Readonly<Record<ExperimentName, number>> = { 'figure-16': 1_000, 'split-votes': 2_000, 'two-dc-incident': 3, 'compaction-drift': 10 };

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

function parseName(value: unknown): ExperimentName {
  const text = String(single(value, 'the experiment name'));
  if (!(experimentNames as readonly string[]).includes(text)) throw new UsageError(`experiment ${text}: expected one of ${experimentNames.join(', ')}.`);
  return text as ExperimentName;
}

function elapsedSeconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function progress(io: Io, text: string): void {
  if (io.isTerminal || process.env.RAFTSIM_PROGRESS === '1') io.err(`raftsim: ${text}\n`);
}

/** Writes OUT/NAME.json (every sample) and, when the experiment draws one, OUT/NAME.svg; returns the files. */
function writeExperiment(out: string, name: ExperimentName, json: unknown, svg: string | null): string[] {
  const files = [join(out, `${name}.json`), ...(svg !== null ? [join(out, `${name}.svg`)] : [])];
  writeFileAtomic(files[0]!, `${JSON.stringify(json, null, 1)}\n`, '--out');
  if (svg !== null) writeFileAtomic(files[1]!, svg, '--out');
  return files;
}

/** Runs figure-16; returns the files written. */
function figure16(io: Io, trials: number, profile: RaftProfile, out: string): string[] {
  const started = process.hrtime.bigint();
  const ranges = figure16Ranges.map((range) => {
    const result = runRange(range, profile, trials);
    progress(io, `${rangeLabel(range)}: ${trialsFor(range, trials)} trials done`);
    return result;
  });
  const result = figure16Result(profile, trials, ranges, elapsedSeconds(started));
  const files = writeExperiment(out, 'figure-16', result, figure16Svg(result));
  io.out(figure16Table(result));
  return files;
}

/** Runs split-votes; returns the file written. */
function splitVotes(io: Io, trials: number, profile: RaftProfile, out: string): string[] {
  const started = process.hrtime.bigint();
  const points = splitVotePoints.map((point) => {
    const result = runSplitVotePoint(point, profile, trials);
    progress(io, `latency ${point.fraction * 100}% of the range: ${trials} trials done`);
    return result;
  });
  const wallSeconds = elapsedSeconds(started);
  const setup = { ...splitVoteSetup, network: 'constant latency, disks take no time', sample: 'terms with a candidate after the crash; a split term is one nobody won' };
  const files = writeExperiment(out, 'split-votes', { experiment: 'split-votes', profile, trialsPerLatency: trials, setup, points, wallSeconds }, null);
  io.out(splitVoteTable(profile, points, wallSeconds));
  return files;
}

/** Runs two-dc-incident (the profile does not apply: the incident's cluster is raftsim's defaults); returns the files written. */
function twoDcIncident(io: Io, trials: number, out: string): string[] {
  const started = process.hrtime.bigint();
  const variants = incidentVariants.map((variant) => {
    const result = runIncidentVariant(variant, trials);
    progress(io, `${variant}: ${trials} trials done`);
    return result;
  });
  const result = incidentResult(trials, variants, elapsedSeconds(started));
  const files = writeExperiment(out, 'two-dc-incident', result, incidentSvg(result));
  io.out(incidentTable(result));
  return files;
}

/** Runs compaction-drift (the cluster is raftsim's defaults, the profile does not apply); returns the files written. */
function compactionDrift(io: Io, trials: number, out: string): string[] {
  const started = process.hrtime.bigint();
  const cases = driftCases.map((c) => {
    const result = runDriftCase(c, trials);
    progress(io, `${c.partitionS} s partition: ${trials} trials done`);
    return result;
  });
  const wallSeconds = elapsedSeconds(started);
  const files = writeExperiment(out, 'compaction-drift', { experiment: 'compaction-drift', trialsPerCase: trials, setup: driftSetup, cases, wallSeconds }, driftSvg(cases));
  io.out(driftTable(cases, trials, wallSeconds));
  return files;
}

function runExperiment(name: ExperimentName, io: Io, trials: number, profile: RaftProfile, out: string): string[] {
  switch (name) {
    case 'figure-16':
      return figure16(io, trials, profile, out);
    case 'split-votes':
      return splitVotes(io, trials, profile, out);
    case 'two-dc-incident':
      return twoDcIncident(io, trials, out);
    case 'compaction-drift':
      return compactionDrift(io, trials, out);
  }
}

export const experimentCommand = defineCommand({
  command: 'experiment <name>',
  describe:
    "reproduce a published result (figure-16: the Raft paper's leader-election downtime; split-votes: the dissertation's split-vote rates; two-dc-incident: sync latency once snapshots stop; compaction-drift: drift under clock skew) and print ours beside it",
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: `the experiment: ${experimentNames.join(', ')}` })
      .option('trials', {
        type: 'string',
        describe: 'trials per range (figure-16, default 1000; 150-150 ms runs a tenth, as the paper did), per latency (split-votes, default 2000), per variant (two-dc-incident, default 3) or per partition (compaction-drift, default 10)',
      })
      .option('profile', { type: 'string', describe: `implementation profile for figure-16 and split-votes: ${raftProfiles.join(', ')} (default logcabin, the paper's implementation)` })
      .option('out', { type: 'string', describe: 'directory for NAME.json (every sample) and NAME.svg (the figure; not for split-votes); default out/NAME' })
      .example('$0 experiment figure-16', "all ten ranges, 1000 trials each, under LogCabin's rules")
      .example('$0 experiment figure-16 --trials 100 --profile etcd', "a quicker run under etcd's rules, to compare")
      .example('$0 experiment split-votes', "the dissertation's split-vote rates at latency = 1%, 10%, 20% of the timeout range")
      .example('$0 experiment two-dc-incident', 'the incident: cross-DC sync latency with the correct snapshot trigger and with the one keyed on apply lag')
      .example('$0 experiment compaction-drift', 'time-triggered compaction under clock skew +80 ms / -50 ms around a 30 s and a 120 s partition'),
  handler: (args, io) => {
    const name = parseName(args.name);
    const trials = args.trials === undefined ? defaultTrials[name] : parseTrials(args.trials);
    const profile = args.profile === undefined ? 'logcabin' : parseProfile(args.profile);
    if (args.profile !== undefined && (name === 'two-dc-incident' || name === 'compaction-drift')) {
      throw new UsageError(`--profile ${String(args.profile)}: ${name} has no profile (its cluster is raftsim's defaults, docs/fidelity.md); --profile applies to figure-16 and split-votes.`);
    }
    const out = optionalString(args.out, '--out') ?? join('out', name);
    ensureDirectory(out, '--out');
    const files = runExperiment(name, io, trials, profile, out);
    io.out(`\nwrote ${files.join(' and ')}\n`);
    return exitCodes.ok;
  },
});
