// The Raft paper's Figure 16 (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm",
// section 9.3): the time to detect and replace a crashed leader, for ten election-timeout ranges. Five servers;
// two of the four survivors cannot win (their logs are behind); the heartbeat interval is half the minimum
// timeout; the leader is crashed uniformly at random within a heartbeat interval after a heartbeat broadcast.
// One trial is one seeded run; its sample is the time from the crash until a new leader is elected, or censored
// when none is elected within the bound. docs/fidelity.md records the numbers and explains the gaps.
import { runScenarioSpec } from '../api.js';
import type { RaftProfile } from '../scenario/profile-names.js';
import type { ScenarioInput } from '../scenario/input.js';
import { Trace, type TraceSink } from '../../sim/trace.js';

/** What the paper states about a range, in its own words, and how to compare ours. */
export interface PaperClaim {
  readonly text: string;
  /** Which of our statistics the claim is about ('above' : every trial's downtime exceeds `ms`). */
  readonly statistic: 'median' | 'mean' | 'max' | 'above';
  readonly ms: number;
}

export interface TimeoutRange {
  readonly minMs: number;
  readonly maxMs: number;
  /** The paper's trials: 1,000 per range, 100 for 150-150 ms. */
  readonly paperTrials: number;
  readonly claims: readonly PaperClaim[];
  /** Which graph of the figure: randomness varied (top) or the minimum timeout scaled (bottom). */
  readonly graph: 'randomness' | 'scale';
}

export const figure16Ranges: readonly TimeoutRange[] = [
  { minMs: 150, maxMs: 150, paperTrials: 100, graph: 'randomness', claims: [{ text: 'no randomness: leader election consistently took longer than 10 seconds', statistic: 'above', ms: 10_000 }] },
  { minMs: 150, maxMs: 151, paperTrials: 1_000, graph: 'randomness', claims: [] },
  { minMs: 150, maxMs: 155, paperTrials: 1_000, graph: 'randomness', claims: [{ text: '5 ms of randomness: median downtime 287 ms', statistic: 'median', ms: 287 }] },
  { minMs: 150, maxMs: 175, paperTrials: 1_000, graph: 'randomness', claims: [] },
  { minMs: 150, maxMs: 200, paperTrials: 1_000, graph: 'randomness', claims: [{ text: '50 ms of randomness: worst case 513 ms over 1,000 trials', statistic: 'max', ms: 513 }] },
  { minMs: 150, maxMs: 300, paperTrials: 1_000, graph: 'randomness', claims: [] },
  { minMs: 12, maxMs: 24, paperTrials: 1_000, graph: 'scale', claims: [{ text: '12-24 ms: 35 ms on average', statistic: 'mean', ms: 35 }, { text: '12-24 ms: the longest trial took 152 ms', statistic: 'max', ms: 152 }] },
  { minMs: 25, maxMs: 50, paperTrials: 1_000, graph: 'scale', claims: [] },
  { minMs: 50, maxMs: 100, paperTrials: 1_000, graph: 'scale', claims: [] },
  { minMs: 100, maxMs: 200, paperTrials: 1_000, graph: 'scale', claims: [] },
];

export const rangeLabel = (range: { minMs: number; maxMs: number }): string => `${range.minMs}-${range.maxMs}ms`;

/** The setup every trial shares (docs/fidelity.md explains the choice of latencies). */
export const figure16Setup = {
  nodes: 5,
  lagging: ['n4', 'n5'],
  networkLatency: '1500us..3ms',
  fsyncLatency: '200us..1ms',
  /** The crash follows the first heartbeat broadcast from this long after the start (the pinned leader is settled). */
  crashAfterMs: 500,
  /** A sample is censored when no leader is elected this long after the crash: 10 s (the paper's "longer than
   *  10 seconds"), 2 s for minimum timeouts below 150 ms (every paper trial there is far below it). */
  boundMs: (range: { minMs: number }): number => (range.minMs >= 150 ? 10_000 : 2_000),
} as const;

/** The scenario of one trial. */
export function figure16Scenario(range: TimeoutRange, profile: RaftProfile): ScenarioInput {
  const heartbeatUs = Math.floor((range.minMs * 1_000) / 2);
  const crashAfterUs = figure16Setup.crashAfterMs * 1_000;
  return {
    name: `figure-16-${range.minMs}-${range.maxMs}`,
    question: `How long does a 5-server cluster (${profile}) go without a leader after the leader crashes, with timeouts ${rangeLabel(range)}?`,
    cluster: { nodes: figure16Setup.nodes },
    // The paper's heartbeat, whatever the profile's: half the minimum timeout.
    raft: { profile, electionTimeout: `${range.minMs}ms..${range.maxMs}ms`, heartbeat: `${heartbeatUs}us` },
    network: { latency: figure16Setup.networkLatency },
    disk: { fsyncLatency: figure16Setup.fsyncLatency },
    workload: { clients: 0 },
    duration: `${crashAfterUs + heartbeatUs + figure16Setup.boundMs(range) * 1_000 + 1_000}us`,
    livenessBound: '100ms',
    checkInvariants: false,
    faults: [
      { at: 0, filter: { messages: 'append', action: 'drop', from: 'all', to: [...figure16Setup.lagging] } },
      { at: 0, campaign: 'n1' },
      { after: 'heartbeat-sent', from: `${crashAfterUs}us`, delay: `0..${heartbeatUs}us`, crash: 'event-node' },
    ],
  } as ScenarioInput;
}

export interface TrialResult {
  readonly seed: number;
  /** Crash to a new leader, in ms (µs precision); null: censored (no leader within the bound). */
  readonly ms: number | null;
}

/** Reads the crash and the first leader after it from the trace lines as they are written. */
class LeaderWatch implements TraceSink {
  crashUs: number | null = null;
  leaderUs: number | null = null;

  write(line: string): void {
    if (this.leaderUs !== null) return;
    if (this.crashUs === null) {
      if (line.includes('"type":"crash"')) this.crashUs = (JSON.parse(line) as { t: number }).t;
    } else if (line.includes('"type":"role"') && line.includes('"role":"leader"')) {
      this.leaderUs = (JSON.parse(line) as { t: number }).t;
    }
  }
}

export function runTrial(range: TimeoutRange, profile: RaftProfile, seed: number): TrialResult {
  const watch = new LeaderWatch();
  runScenarioSpec(figure16Scenario(range, profile), { seed, trace: new Trace({ sink: watch }) });
  if (watch.crashUs === null) throw new Error(`figure-16 ${rangeLabel(range)} seed ${seed}: the leader was never crashed`);
  const boundUs = figure16Setup.boundMs(range) * 1_000;
  const us = watch.leaderUs === null ? null : watch.leaderUs - watch.crashUs;
  return { seed, ms: us === null || us > boundUs ? null : us / 1_000 };
}
