// The split-vote rates of Ongaro's dissertation (chapter 9, leader election): five servers, one of them crashed
// (the leader), all logs equal, a constant network latency that is 1%, 10% or 20% of the election-timeout range.
// One trial is one seeded run: after the leader crashes, every term in which a survivor became a candidate and
// nobody won is a split vote (with equal logs no term is lost to a stale log); the rate is split terms / terms.
import { runScenarioSpec } from '../api.js';
import type { RaftProfile } from '../scenario/profile-names.js';
import type { ScenarioInput } from '../scenario/input.js';
import { Trace, type TraceSink } from '../../sim/trace.js';

export interface SplitVotePoint {
  /** Latency as a fraction of the timeout range (max - min). */
  readonly fraction: number;
  /** The dissertation's split-vote rate at this latency, in percent. */
  readonly paperPercent: number;
}

export const splitVotePoints: readonly SplitVotePoint[] = [
  { fraction: 0.01, paperPercent: 0.06 },
  { fraction: 0.1, paperPercent: 5.2 },
  { fraction: 0.2, paperPercent: 18.1 },
];

export const splitVoteSetup = {
  nodes: 5,
  electionTimeout: { minMs: 150, maxMs: 300 },
  crashAfterMs: 500,
  durationMs: 3_000,
} as const;

export function latencyUsOf(point: SplitVotePoint): number {
  const { minMs, maxMs } = splitVoteSetup.electionTimeout;
  return Math.round(point.fraction * (maxMs - minMs) * 1_000);
}

export function splitVoteScenario(point: SplitVotePoint, profile: RaftProfile): ScenarioInput {
  const { minMs, maxMs } = splitVoteSetup.electionTimeout;
  const heartbeatUs = (minMs * 1_000) / 2;
  return {
    name: `split-votes-${point.fraction}`,
    question: `How often do votes split among the 4 survivors when the latency is ${point.fraction * 100}% of the timeout range?`,
    cluster: { nodes: splitVoteSetup.nodes },
    raft: { profile, electionTimeout: `${minMs}ms..${maxMs}ms`, heartbeat: `${heartbeatUs}us` },
    // The dissertation's model has a network latency and nothing else: constant, and disks that take no time.
    network: { latency: `${latencyUsOf(point)}us` },
    disk: { appendLatency: '0', fsyncLatency: '0' },
    workload: { clients: 0 },
    duration: `${splitVoteSetup.durationMs}ms`,
    livenessBound: '100ms',
    checkInvariants: false,
    faults: [
      { at: 0, campaign: 'n1' },
      { after: 'heartbeat-sent', from: `${splitVoteSetup.crashAfterMs}ms`, delay: `0..${heartbeatUs}us`, crash: 'event-node' },
    ],
  } as ScenarioInput;
}

/** The candidate terms after the crash, and the term of the first leader after it. */
class TermWatch implements TraceSink {
  crashed = false;
  leaderTerm: number | null = null;
  readonly candidateTerms = new Set<number>();

  write(line: string): void {
    if (this.leaderTerm !== null) return;
    if (!this.crashed) {
      this.crashed = line.includes('"type":"crash"');
      return;
    }
    if (!line.includes('"type":"role"')) return;
    const record = JSON.parse(line) as { role: string; term: number };
    if (record.role === 'candidate') this.candidateTerms.add(record.term);
    else if (record.role === 'leader') this.leaderTerm = record.term;
  }
}

export interface SplitVoteTrial {
  readonly seed: number;
  /** Terms with a candidate after the crash, the winning one included; null: no leader before the run ended. */
  readonly terms: number | null;
  readonly splitTerms: number | null;
}

export function runSplitVoteTrial(point: SplitVotePoint, profile: RaftProfile, seed: number): SplitVoteTrial {
  const watch = new TermWatch();
  runScenarioSpec(splitVoteScenario(point, profile), { seed, trace: new Trace({ sink: watch }) });
  if (!watch.crashed) throw new Error(`split-votes ${point.fraction} seed ${seed}: the leader was never crashed`);
  const leaderTerm = watch.leaderTerm;
  if (leaderTerm === null) return { seed, terms: null, splitTerms: null };
  const split = [...watch.candidateTerms].filter((term) => term < leaderTerm).length;
  return { seed, terms: split + 1, splitTerms: split };
}

/** Wilson's 95% interval for a proportion, in percent. */
export function wilson95(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 100];
  const z = 1.96;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  const round = (value: number): number => Math.round(value * 100_000) / 1_000;
  return [round(Math.max(0, centre - half)), round(Math.min(1, centre + half))];
}

export interface SplitVoteResult {
  readonly fraction: number;
  readonly latencyMs: number;
  readonly trials: number;
  /** Trials with no leader before the run ended (left out of the rate). */
  readonly censored: number;
  readonly terms: number;
  readonly splitTerms: number;
  readonly percent: number;
  readonly ci95Percent: readonly [number, number];
  readonly paperPercent: number;
  /** The dissertation's rate lies inside our 95% interval. */
  readonly withinSamplingError: boolean;
  readonly samples: readonly SplitVoteTrial[];
}

export function runSplitVotePoint(point: SplitVotePoint, profile: RaftProfile, trials: number): SplitVoteResult {
  const samples: SplitVoteTrial[] = [];
  for (let seed = 1; seed <= trials; seed++) samples.push(runSplitVoteTrial(point, profile, seed));
  let terms = 0;
  let splitTerms = 0;
  for (const sample of samples) {
    terms += sample.terms ?? 0;
    splitTerms += sample.splitTerms ?? 0;
  }
  const ci = wilson95(splitTerms, terms);
  return {
    fraction: point.fraction,
    latencyMs: latencyUsOf(point) / 1_000,
    trials,
    censored: samples.filter((sample) => sample.terms === null).length,
    terms,
    splitTerms,
    percent: terms === 0 ? 0 : Math.round((splitTerms / terms) * 100_000) / 1_000,
    ci95Percent: ci,
    paperPercent: point.paperPercent,
    withinSamplingError: point.paperPercent >= ci[0] && point.paperPercent <= ci[1],
    samples,
  };
}

export function splitVoteTable(profile: RaftProfile, results: readonly SplitVoteResult[], wallSeconds: number): string {
  const head = ['latency / range', 'latency', 'trials', 'terms', 'split', 'ours', '95% interval', 'dissertation', 'ratio', 'within error'];
  const rows = results.map((r) => [
    `${r.fraction * 100}%`,
    `${r.latencyMs} ms`,
    `${r.trials}${r.censored > 0 ? ` (${r.censored} censored)` : ''}`,
    String(r.terms),
    String(r.splitTerms),
    `${r.percent.toFixed(2)}%`,
    `${r.ci95Percent[0].toFixed(2)}..${r.ci95Percent[1].toFixed(2)}%`,
    `${r.paperPercent}%`,
    `${(r.percent / r.paperPercent).toFixed(2)}x`,
    r.withinSamplingError ? 'yes' : 'no',
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, k) => cell.padEnd(widths[k]!)).join('  ').trimEnd();
  const title = `Split votes, 5 servers with the leader crashed, timeouts ${splitVoteSetup.electionTimeout.minMs}-${splitVoteSetup.electionTimeout.maxMs} ms, ${profile} profile (${wallSeconds.toFixed(0)} s)`;
  const setup = `setup: ${splitVoteSetup.nodes} nodes, equal logs, constant latency, disks that take no time; the leader crashes within a heartbeat interval after a heartbeat from ${splitVoteSetup.crashAfterMs} ms on; every term with a candidate after the crash counts`;
  return `${[title, setup, '', line(head), ...rows.map(line)].join('\n')}\n`;
}
