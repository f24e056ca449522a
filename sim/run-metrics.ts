// The shapes of a run's measurements (docs/metrics.md): what MetricsCollector (sim/metrics.ts) returns in
// result.json's `metrics`, and what the run hands it to fill them in.
import type { CompactionDrift } from './compaction-drift.js';
import type { Distribution } from './distribution.js';
import type { MembershipMetrics } from './membership-metrics.js';
import type { ReplicationTimeline } from './replication-timeline.js';
import type { VersionMetrics } from './version-metrics.js';
import type { TraceLeaderLossReason } from '../contract/trace.js';
import type { NodeId } from '../raft/types.js';

/** One election latency: from the established leader's loss to the next leader a majority accepted. */
export interface ElectionLatencySample {
  /** When the leader was lost (true time, µs). */
  readonly startUs: number;
  readonly latencyUs: number;
  /** How it was lost (the `leader-lost` record's `why`). */
  readonly cause: TraceLeaderLossReason;
  /** The new leader and its term. */
  readonly leader: NodeId;
  readonly term: number;
  /** Lost before the liveness phase's heal and replaced only at or after it (docs/metrics.md): not in the distribution. */
  readonly censored: boolean;
}

/** One catch-up (docs/metrics.md, "Catch-up"): a node back behind the cluster's commit index, until its durable log
 *  holds it. */
export interface CatchUpSample {
  readonly node: NodeId;
  /** What brought it back: a heal of the network, its restart, the end of its pause, or its boot as a new server. */
  readonly cause: 'heal' | 'restart' | 'resume' | 'added';
  readonly startUs: number;
  /** Null: not caught up before the run ended (censored). */
  readonly catchUpUs: number | null;
  /** How far behind the cluster's commit index its durable log was when it came back. */
  readonly behindEntries: number;
  /** It installed a snapshot from the leader on the way. */
  readonly bySnapshot: boolean;
  /** Began before the liveness phase's heal and ended at or after it, or never ended: not in the distribution. */
  readonly censored: boolean;
}

/** Of the uncensored catch-ups; `censored` counts the others, `abandoned` the episodes a crash ended. */
export type CatchUpMetrics = Distribution & { readonly censored: number; readonly abandoned: number };

/** The per-run measurements that are one or few per run, sample by sample (docs/results.md). */
export interface RunSamples {
  /** At most maxElectionSamples, the first ones, in time order. */
  readonly electionLatency: readonly ElectionLatencySample[];
  /** Election-latency samples not listed (beyond the bound). */
  readonly electionLatencyDropped: number;
  /** The terms split votes and stale logs lost (elections.splitVotes, elections.lostToStaleLog), ascending; at
   *  most maxElectionSamples each (the counts in `elections` are complete). */
  readonly splitVoteTerms: readonly number[];
  readonly lostToStaleLogTerms: readonly number[];
  /** Every catch-up, in the order they ended (those never ended last); at most maxCatchUpSamples. */
  readonly catchUp: readonly CatchUpSample[];
  readonly catchUpDropped: number;
}

export interface Stall {
  readonly node: NodeId;
  readonly beganAtUs: number;
  readonly detectedAtUs: number;
  endedAtUs: number | null;
  readonly reason: string;
}

export interface NodeSample {
  readonly node: NodeId;
  readonly retainedEntries: number;
  readonly diskBytes: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  readonly snapshotIndex: number;
  readonly applied: number;
  readonly commit: number;
  readonly up: boolean;
}

export interface RunMetrics {
  /** Runs that can change membership only (sim/membership-metrics.ts). */
  readonly membership?: MembershipMetrics;
  /** Mixed-version runs only (cluster.versions; sim/version-metrics.ts). */
  readonly versions?: VersionMetrics;
  /** Of the uncensored samples; `censored` counts the others. */
  readonly electionLatency: Distribution & { readonly censored: number };
  /** Catch-up times of nodes back behind the cluster (sim/cluster/catch-up.ts). */
  readonly catchUp: CatchUpMetrics;
  readonly elections: {
    readonly started: number;
    readonly preVoteRounds: number;
    /** Terms with a candidate and no leader (contract/election-terms.ts). */
    readonly termsWithoutLeader: number;
    /** Of those, terms two or more candidates split. */
    readonly splitVotes: number;
    /** Of those, terms a lone candidate lost because its log was behind a voter's. */
    readonly lostToStaleLog: number;
    readonly termsUsed: number;
    readonly leaderChanges: number;
    readonly timeWithoutLeaderUs: number;
    readonly firstLeaderUs: number | null;
  };
  readonly logGrowth: {
    readonly peakEntries: number;
    readonly peakBytes: number;
    readonly finalEntries: number;
    readonly growthEntriesPerSecond: number;
    readonly perNode: Record<NodeId, { peakEntries: number; peakBytes: number; finalEntries: number }>;
  };
  readonly compaction: {
    readonly snapshots: number;
    readonly snapshotsPerNode: Record<NodeId, number>;
    readonly snapshotsInstalled: number;
    readonly maxSnapshotLag: number;
    readonly drift: CompactionDrift;
    readonly stalls: readonly Stall[];
    readonly stallCount: number;
  };
  readonly applyLag: { readonly max: number; readonly p50: number | null; readonly p99: number | null };
  readonly commitLatency: Distribution;
  readonly clientLatency: { readonly write: Distribution; readonly read: Distribution };
  /** timeline: per follower, by proposal time (sim/replication-timeline.ts). */
  readonly replicationLatency: { readonly byDatacenter: Record<string, Distribution>; readonly timeline: ReplicationTimeline };
  readonly messages: {
    readonly sent: number;
    readonly delivered: number;
    readonly dropped: number;
    readonly byType: Record<string, MessageCounts>;
    readonly droppedByReason: Record<string, number>;
  };
  readonly samples: RunSamples;
}

export interface MessageCounts {
  sent: number;
  delivered: number;
  dropped: number;
}

/** What the run counted elsewhere (the cluster's counters, the workload's latencies) for the result. */
export interface RunTotals {
  readonly leaderChanges: number;
  readonly preVoteRounds: number;
  readonly electionsStarted: number;
  readonly snapshotsInstalled: number;
  readonly writeLatenciesUs: ArrayLike<number>;
  readonly readLatenciesUs: ArrayLike<number>;
  readonly messagesByType: Record<string, MessageCounts>;
  readonly droppedByReason: Record<string, number>;
  readonly endUs: number;
  readonly catchUp: { readonly catchUp: CatchUpMetrics; readonly samples: readonly CatchUpSample[]; readonly dropped: number };
}
