import type { TraceLeaderLossReason } from '../contract/trace.js';
import type { NodeId } from '../raft/types.js';
import type { MetricsOptions } from './compaction-options.js';
import { type CompactionDrift, type CompactionRecord } from './compaction-drift.js';
import { type Distribution } from './distribution.js';
import type { Trace } from './trace.js';
export { distributionOf, percentile, type Distribution } from './distribution.js';
export type { CompactionDrift, CompactionRecord } from './compaction-drift.js';
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
    readonly electionLatency: Distribution;
    readonly elections: {
        readonly started: number;
        readonly preVoteRounds: number;
        readonly splitVotes: number;
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
        readonly perNode: Record<NodeId, {
            peakEntries: number;
            peakBytes: number;
            finalEntries: number;
        }>;
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
    readonly applyLag: {
        readonly max: number;
        readonly p50: number | null;
        readonly p99: number | null;
    };
    readonly commitLatency: Distribution;
    readonly clientLatency: {
        readonly write: Distribution;
        readonly read: Distribution;
    };
    readonly replicationLatency: {
        readonly byDatacenter: Record<string, Distribution>;
    };
    readonly messages: {
        readonly sent: number;
        readonly delivered: number;
        readonly dropped: number;
        readonly byType: Record<string, MessageCounts>;
        readonly droppedByReason: Record<string, number>;
    };
}
interface MessageCounts {
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
}
export declare class MetricsCollector {
    private readonly nodeIds;
    private readonly options;
    private readonly trace;
    private readonly electionLatencies;
    private established;
    private lostAtUs;
    private firstLeaderUs;
    private timeWithoutLeaderUs;
    /** Followers that accepted a leader's AppendEntries/Heartbeat, per "leader/term", since the last loss. */
    private contacts;
    private readonly candidateTerms;
    private readonly leaderTerms;
    private maxTerm;
    private readonly peak;
    /** The newest maxGrowthSamples (time, largest retained log) samples, for the growth rate: two typed columns used
     *  as a ring once full (one object per sample was most of this collector's heap in a day-long run). */
    private growthTimeUs;
    private growthEntries;
    /** Position of the oldest sample (0 until the ring is full), and the number kept. */
    private growthHead;
    private growthCount;
    readonly compactions: CompactionRecord[];
    private readonly snapshotCounts;
    private maxSnapshotLag;
    readonly stalls: Stall[];
    private readonly openStall;
    private readonly overThresholdSince;
    private readonly lastSnapshotUs;
    private maxApplyLag;
    private readonly applyLagSamples;
    private readonly commitLatencies;
    private readonly replication;
    constructor(nodeIds: readonly NodeId[], options: MetricsOptions, trace: Trace);
    private quorum;
    /** A follower accepted an AppendEntries or Heartbeat of `leader` in `term` (it recognizes it as leader). */
    onLeaderContact(nowUs: number, leader: NodeId, term: number, follower: NodeId): void;
    /** The established leader is gone for the cluster: crashed, paused, stepped down, or cut from a majority. */
    onLeaderLost(nowUs: number, node: NodeId, term: number, why: TraceLeaderLossReason): void;
    get establishedLeader(): {
        node: NodeId;
        term: number;
    } | null;
    onElectionStarted(term: number, preVote: boolean): void;
    onLeaderElected(term: number): void;
    onApplyLag(lag: number): void;
    onCommitLatency(latencyUs: number): void;
    onReplicationLatency(datacenter: string, latencyUs: number): void;
    /** A time window fired with nothing new to snapshot: it still counts in the round's spread. */
    onNoopRound(record: CompactionRecord): void;
    onCompaction(record: CompactionRecord, term: number, bytes: number): void;
    /** Periodic sample of every node's log and compaction state; also detects compaction stalls. */
    onSample(nowUs: number, samples: readonly NodeSample[], stallReason: (node: NodeId) => string): void;
    private addGrowthSample;
    private detectStall;
    result(input: RunTotals): RunMetrics;
    private logGrowth;
    /** Least-squares slope of the largest retained log over time, in entries per second. */
    private growthRate;
}
