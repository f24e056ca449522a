// The measurements raftsim exists for: election latency, log growth, compaction (snapshots, lag, drift,
// stalls), apply lag, commit and replication latency. Definitions: docs/metrics.md.
import { ElectionTerms, isCensored } from '../contract/election-terms.js';
import type { TraceLeaderLossReason } from '../contract/trace.js';
import { quorumSize } from '../raft/quorum.js';
import type { NodeId } from '../raft/types.js';
import type { MetricsOptions } from './compaction-options.js';
import { compactionDrift, type CompactionRecord } from './compaction-drift.js';
import { distributionOf, type Distribution } from './distribution.js';
import { ReplicationTimelineCollector } from './replication-timeline.js';
import { BoundedSamples } from './samples.js';
import type { Trace } from './trace.js';

export { distributionOf, percentile, type Distribution } from './distribution.js';
export type { CompactionDrift, CompactionRecord } from './compaction-drift.js';
export type { ElectionLatencySample, MessageCounts, NodeSample, RunMetrics, RunSamples, RunTotals, Stall } from './run-metrics.js';
import type { ElectionLatencySample, MessageCounts, NodeSample, RunMetrics, RunSamples, RunTotals, Stall } from './run-metrics.js';

const maxSamples = 200_000;
/** Election-latency samples a result lists one by one (the first ones; the rest are counted as dropped). */
export const maxElectionSamples = 1_000;

/** Growth-rate samples kept (the newest; one per metrics sample interval). */
const maxGrowthSamples = 20_000;

export class MetricsCollector {
  /** Uncensored latencies, for the distribution. */
  private readonly electionLatencies: number[] = [];
  private censoredLatencies = 0;
  private readonly electionSamples: ElectionLatencySample[] = [];
  private electionSamplesDropped = 0;
  private established: { node: NodeId; term: number } | null = null;
  private lostAtUs: number | null = null;
  private lostWhy: TraceLeaderLossReason = 'crash';
  /** When the liveness phase healed everything (null: not yet). */
  private healUs: number | null = null;
  private readonly electionTerms = new ElectionTerms();
  private firstLeaderUs: number | null = null;
  private timeWithoutLeaderUs = 0;
  /** Followers that accepted a leader's AppendEntries/Heartbeat, per "leader/term", since the last loss. */
  private contacts = new Map<string, Set<NodeId>>();
  private maxTerm = 0;

  private readonly peak = new Map<NodeId, { peakEntries: number; peakBytes: number; finalEntries: number }>();
  /** The newest maxGrowthSamples (time, largest retained log) samples, for the growth rate: two typed columns used
   *  as a ring once full (one object per sample was most of this collector's heap in a day-long run). */
  private growthTimeUs = new Float64Array(64);
  private growthEntries = new Float64Array(64);
  /** Position of the oldest sample (0 until the ring is full), and the number kept. */
  private growthHead = 0;
  private growthCount = 0;
  readonly compactions: CompactionRecord[] = [];
  private readonly snapshotCounts = new Map<NodeId, number>();
  private maxSnapshotLag = 0;
  readonly stalls: Stall[] = [];
  private readonly openStall = new Map<NodeId, Stall>();
  private readonly overThresholdSince = new Map<NodeId, number>();
  private readonly lastSnapshotUs = new Map<NodeId, number>();

  private maxApplyLag = 0;
  private readonly applyLagSamples = new BoundedSamples(maxSamples);
  private readonly commitLatencies = new BoundedSamples(maxSamples);
  private readonly replication = new Map<string, BoundedSamples>();
  private readonly replicationTimeline: ReplicationTimelineCollector;

  constructor(
    private readonly nodeIds: readonly NodeId[],
    private readonly options: MetricsOptions,
    private readonly trace: Trace,
  ) {
    this.voterCount = nodeIds.length;
    this.replicationTimeline = new ReplicationTimelineCollector(options.sampleIntervalUs);
    for (const id of nodeIds) {
      this.peak.set(id, { peakEntries: 0, peakBytes: 0, finalEntries: 0 });
      this.snapshotCounts.set(id, 0);
      this.lastSnapshotUs.set(id, 0);
    }
  }

  /** Voters of the configuration latest in force (the cluster sets it: bootstrap voters, then each change). */
  voterCount: number;

  /** The bootstrap voters, before the run: a lost term is classified against the candidate's configuration. */
  bootstrap(voters: readonly NodeId[]): void {
    this.voterCount = voters.length;
    this.electionTerms.bootstrap({ voters, outgoing: [] });
  }

  /** `node`'s configuration in force changed: its later candidacies count votes over it. */
  onConfiguration(node: NodeId, voters: readonly NodeId[], outgoing: readonly NodeId[]): void {
    this.electionTerms.configure(node, { voters, outgoing });
  }

  private quorum(): number {
    return quorumSize(this.voterCount);
  }

  // ------------------------------------------------------------------ elections

  /** A follower accepted an AppendEntries or Heartbeat of `leader` in `term` (it recognizes it as leader). */
  onLeaderContact(nowUs: number, leader: NodeId, term: number, follower: NodeId): void {
    if (this.established !== null && this.established.node === leader && this.established.term === term) return;
    const key = `${leader}/${term}`;
    let followers = this.contacts.get(key);
    if (followers === undefined) {
      followers = new Set();
      this.contacts.set(key, followers);
    }
    followers.add(follower);
    if (followers.size + 1 < this.quorum()) return;
    // Established: a majority (the leader counted) accepted its leadership.
    this.contacts.clear();
    this.established = { node: leader, term };
    if (this.firstLeaderUs === null) this.firstLeaderUs = nowUs;
    if (this.lostAtUs !== null) {
      const latencyUs = nowUs - this.lostAtUs;
      this.addElectionSample(this.lostAtUs, latencyUs, leader, term);
      this.timeWithoutLeaderUs += latencyUs;
      if (this.trace.enabled) this.trace.emit({ t: nowUs, type: 'election-latency', latencyUs, fromUs: this.lostAtUs, toUs: nowUs, leader, term });
      this.lostAtUs = null;
    }
  }

  /** The established leader is gone for the cluster: crashed, paused, stepped down, or cut from a majority. */
  onLeaderLost(nowUs: number, node: NodeId, term: number, why: TraceLeaderLossReason): void {
    if (this.established === null || this.established.node !== node || this.established.term > term) return;
    this.established = null;
    this.contacts.clear();
    this.lostAtUs = nowUs;
    this.lostWhy = why;
    if (this.trace.enabled) this.trace.emit({ t: nowUs, type: 'leader-lost', node, term, why });
  }

  private addElectionSample(startUs: number, latencyUs: number, leader: NodeId, term: number): void {
    const censored = isCensored(startUs, startUs + latencyUs, this.healUs);
    if (censored) this.censoredLatencies++;
    else this.electionLatencies.push(latencyUs);
    if (this.electionSamples.length < maxElectionSamples) this.electionSamples.push({ startUs, latencyUs, cause: this.lostWhy, leader, term, censored });
    else this.electionSamplesDropped++;
  }

  /** The liveness phase healed every fault (the `heal` record with `all`). */
  onLivenessHeal(nowUs: number): void {
    if (this.healUs === null) this.healUs = nowUs;
  }

  get establishedLeader(): { node: NodeId; term: number } | null {
    return this.established;
  }

  onElectionStarted(node: NodeId, term: number, preVote: boolean): void {
    if (!preVote) this.electionTerms.campaign(node, term);
    this.maxTerm = Math.max(this.maxTerm, term);
  }

  onLeaderElected(term: number): void {
    this.maxTerm = Math.max(this.maxTerm, term);
  }

  /** A node's role or term changed (as the `role` record shows it). */
  onRole(node: NodeId, role: string, term: number): void {
    this.electionTerms.role(node, role, term);
  }

  /** A RequestVoteResponse left `from` for `to` as message `id` (as the `send` record shows it). */
  onVoteReplySent(from: NodeId, to: NodeId, id: number): void {
    this.electionTerms.replySent(from, to, id);
  }

  /** The RequestVoteResponse `id` was delivered to `to` (as the `deliver` record shows it). */
  onVoteReply(from: NodeId, to: NodeId, id: number): void {
    this.electionTerms.voteReply(from, to, id);
  }

  // ------------------------------------------------------------------ latencies

  onApplyLag(lag: number): void {
    if (lag > this.maxApplyLag) this.maxApplyLag = lag;
  }

  onCommitLatency(latencyUs: number): void {
    this.commitLatencies.add(latencyUs);
  }

  onReplicationLatency(datacenter: string, latencyUs: number): void {
    let samples = this.replication.get(datacenter);
    if (samples === undefined) {
      samples = new BoundedSamples(maxSamples);
      this.replication.set(datacenter, samples);
    }
    samples.add(latencyUs);
  }

  /** The same acknowledgement, for the timeline of one follower (sim/replication-timeline.ts). */
  onReplicated(follower: NodeId, proposedUs: number, latencyUs: number): void {
    this.replicationTimeline.add(follower, proposedUs, latencyUs);
  }

  // ------------------------------------------------------------------ compaction

  /** A time window fired with nothing new to snapshot: it still counts in the round's spread. */
  onNoopRound(record: CompactionRecord): void {
    this.compactions.push(record);
    if (this.trace.enabled) this.trace.emit({ t: record.completedUs, type: 'snapshot-skip', node: record.node, index: record.index, round: record.round, ...(record.intendedUs !== null ? { intendedUs: record.intendedUs } : {}) });
  }

  onCompaction(record: CompactionRecord, term: number, bytes: number): void {
    this.compactions.push(record);
    this.snapshotCounts.set(record.node, (this.snapshotCounts.get(record.node) ?? 0) + 1);
    this.lastSnapshotUs.set(record.node, record.completedUs);
    const stall = this.openStall.get(record.node);
    if (stall !== undefined) {
      stall.endedAtUs = record.completedUs;
      this.openStall.delete(record.node);
    }
    if (this.trace.enabled) {
      this.trace.emit({
        t: record.completedUs,
        type: 'snapshot',
        node: record.node,
        index: record.index,
        term,
        trigger: record.trigger,
        round: record.round,
        bytes,
        startedUs: record.startedUs,
        ...(record.intendedUs !== null ? { intendedUs: record.intendedUs } : {}),
      });
    }
  }

  /** Periodic sample of every node's log and compaction state; also detects compaction stalls. */
  onSample(nowUs: number, samples: readonly NodeSample[], stallReason: (node: NodeId) => string): void {
    let maxEntries = 0;
    for (const sample of samples) {
      const peak = this.peak.get(sample.node)!;
      peak.peakEntries = Math.max(peak.peakEntries, sample.retainedEntries);
      peak.peakBytes = Math.max(peak.peakBytes, sample.diskBytes);
      peak.finalEntries = sample.retainedEntries;
      maxEntries = Math.max(maxEntries, sample.retainedEntries);
      const lag = sample.applied - sample.snapshotIndex;
      if (lag > this.maxSnapshotLag) this.maxSnapshotLag = lag;
      const applyLag = sample.commit - sample.applied;
      this.applyLagSamples.add(applyLag);
      this.onApplyLag(applyLag);
      if (this.trace.enabled) {
        this.trace.emit({
          t: nowUs,
          type: 'log',
          node: sample.node,
          entries: sample.retainedEntries,
          bytes: sample.diskBytes,
          firstIndex: sample.firstIndex,
          lastIndex: sample.lastIndex,
          snapshotIndex: sample.snapshotIndex,
          applied: sample.applied,
          commit: sample.commit,
        });
      }
      this.detectStall(nowUs, sample, stallReason);
    }
    this.addGrowthSample(nowUs, maxEntries);
  }

  private addGrowthSample(timeUs: number, entries: number): void {
    if (this.growthCount < maxGrowthSamples) {
      if (this.growthCount === this.growthTimeUs.length) {
        const capacity = Math.min(maxGrowthSamples, this.growthCount * 2);
        const times = new Float64Array(capacity);
        times.set(this.growthTimeUs);
        this.growthTimeUs = times;
        const counts = new Float64Array(capacity);
        counts.set(this.growthEntries);
        this.growthEntries = counts;
      }
      this.growthTimeUs[this.growthCount] = timeUs;
      this.growthEntries[this.growthCount] = entries;
      this.growthCount++;
      return;
    }
    // Full: the newest sample replaces the oldest.
    this.growthTimeUs[this.growthHead] = timeUs;
    this.growthEntries[this.growthHead] = entries;
    this.growthHead = this.growthHead + 1 === maxGrowthSamples ? 0 : this.growthHead + 1;
  }

  private detectStall(nowUs: number, sample: NodeSample, stallReason: (node: NodeId) => string): void {
    if (sample.retainedEntries <= this.options.stallEntries) {
      this.overThresholdSince.delete(sample.node);
      return;
    }
    if (!this.overThresholdSince.has(sample.node)) this.overThresholdSince.set(sample.node, nowUs);
    if (this.openStall.has(sample.node) || !sample.up) return;
    const lastSnapshotUs = this.lastSnapshotUs.get(sample.node)!;
    if (nowUs - lastSnapshotUs <= this.options.stallBoundUs) return;
    const stall: Stall = {
      node: sample.node,
      beganAtUs: Math.max(lastSnapshotUs, this.overThresholdSince.get(sample.node)!),
      detectedAtUs: nowUs,
      endedAtUs: null,
      reason: stallReason(sample.node),
    };
    this.stalls.push(stall);
    this.openStall.set(sample.node, stall);
    if (this.trace.enabled) this.trace.emit({ t: nowUs, type: 'stall', node: stall.node, beganAtUs: stall.beganAtUs, reason: stall.reason });
  }

  // ------------------------------------------------------------------ result

  result(input: RunTotals): RunMetrics {
    const terms = this.electionTerms.counts(this.voterCount);
    const timeWithoutLeaderUs = this.timeWithoutLeaderUs + (this.lostAtUs !== null ? input.endUs - this.lostAtUs : 0);
    const snapshotsPerNode: Record<NodeId, number> = {};
    let snapshots = 0;
    for (const [node, count] of this.snapshotCounts) {
      snapshotsPerNode[node] = count;
      snapshots += count;
    }
    const byDatacenter: Record<string, Distribution> = {};
    for (const [datacenter, samples] of [...this.replication].sort(([a], [b]) => a.localeCompare(b))) byDatacenter[datacenter] = distributionOf(samples.view);
    const applyLag = distributionOf(this.applyLagSamples.view);
    return {
      electionLatency: { ...distributionOf(this.electionLatencies), censored: this.censoredLatencies },
      catchUp: input.catchUp.catchUp,
      elections: {
        started: input.electionsStarted,
        preVoteRounds: input.preVoteRounds,
        termsWithoutLeader: terms.termsWithoutLeader,
        splitVotes: terms.splitVotes,
        lostToStaleLog: terms.lostToStaleLog,
        termsUsed: this.maxTerm,
        leaderChanges: input.leaderChanges,
        timeWithoutLeaderUs,
        firstLeaderUs: this.firstLeaderUs,
      },
      logGrowth: this.logGrowth(),
      compaction: {
        snapshots,
        snapshotsPerNode,
        snapshotsInstalled: input.snapshotsInstalled,
        maxSnapshotLag: this.maxSnapshotLag,
        drift: compactionDrift(this.compactions),
        stalls: this.stalls,
        stallCount: this.stalls.length,
      },
      applyLag: { max: this.maxApplyLag, p50: applyLag.p50, p99: applyLag.p99 },
      commitLatency: distributionOf(this.commitLatencies.view),
      clientLatency: { write: distributionOf(input.writeLatenciesUs), read: distributionOf(input.readLatenciesUs) },
      replicationLatency: { byDatacenter, timeline: this.replicationTimeline.result() },
      messages: messageTotals(input.messagesByType, input.droppedByReason),
      samples: { electionLatency: this.electionSamples, electionLatencyDropped: this.electionSamplesDropped, splitVoteTerms: terms.splitVoteTerms.slice(0, maxElectionSamples), lostToStaleLogTerms: terms.lostToStaleLogTerms.slice(0, maxElectionSamples), catchUp: input.catchUp.samples, catchUpDropped: input.catchUp.dropped },
    };
  }

  private logGrowth(): RunMetrics['logGrowth'] {
    const perNode: Record<NodeId, { peakEntries: number; peakBytes: number; finalEntries: number }> = {};
    let peakEntries = 0;
    let peakBytes = 0;
    let finalEntries = 0;
    for (const [node, peak] of this.peak) {
      perNode[node] = { ...peak };
      peakEntries = Math.max(peakEntries, peak.peakEntries);
      peakBytes = Math.max(peakBytes, peak.peakBytes);
      finalEntries = Math.max(finalEntries, peak.finalEntries);
    }
    return { peakEntries, peakBytes, finalEntries, growthEntriesPerSecond: this.growthRate(), perNode };
  }

  /** Least-squares slope of the largest retained log over time, in entries per second. */
  private growthRate(): number {
    const count = this.growthCount;
    if (count < 2) return 0;
    const times = this.growthTimeUs;
    const entries = this.growthEntries;
    // Oldest first, as the samples were taken.
    const at = (k: number): number => (this.growthHead + k) % count;
    let sumT = 0;
    let sumE = 0;
    for (let k = 0; k < count; k++) {
      sumT += times[at(k)]! / 1e6;
      sumE += entries[at(k)]!;
    }
    const meanT = sumT / count;
    const meanE = sumE / count;
    let numerator = 0;
    let denominator = 0;
    for (let k = 0; k < count; k++) {
      const dt = times[at(k)]! / 1e6 - meanT;
      numerator += dt * (entries[at(k)]! - meanE);
      denominator += dt * dt;
    }
    return denominator === 0 ? 0 : Math.round((numerator / denominator) * 100) / 100;
  }
}

function messageTotals(byType: Record<string, MessageCounts>, droppedByReason: Record<string, number>): RunMetrics['messages'] {
  let sent = 0;
  let delivered = 0;
  let dropped = 0;
  for (const counts of Object.values(byType)) {
    sent += counts.sent;
    delivered += counts.delivered;
    dropped += counts.dropped;
  }
  return { sent, delivered, dropped, byType, droppedByReason };
}
