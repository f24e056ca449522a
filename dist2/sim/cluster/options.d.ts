import { type HostBugSwitches } from '../host-bugs.js';
import { type RaftConfig } from '../../raft/config.js';
import { type CompactionOptions, type MetricsOptions } from '../compaction-options.js';
import type { BuggifyOptions } from '../buggify.js';
import type { DiskOptions } from '../disk.js';
import type { LinkConfig, NodeId, Topology } from '../network.js';
import type { Distribution } from '../random.js';
export interface ClockSetting {
    readonly offsetUs: number;
    readonly driftPpm: number;
}
export interface ClusterOptions {
    readonly nodeIds: readonly NodeId[];
    readonly raft: Omit<RaftConfig, 'id' | 'voters'>;
    readonly link: LinkConfig;
    readonly topology: Topology | null;
    readonly maxMessageBytes: number;
    readonly clientLatency: Distribution;
    readonly clocks: Readonly<Record<NodeId, ClockSetting>>;
    readonly disk: DiskOptions;
    /** On a crash, keep the first unsynced record as a torn write that recovery must discard. */
    readonly tearOnCrash: boolean;
    /** Bound on events queued for a paused node; beyond it, deliveries to it are dropped. */
    readonly maxPausedBacklog: number;
    /** Deliberately broken variants of the host around raft/ (sim/host-bugs.ts), all off by default. */
    readonly hostBugs: HostBugSwitches;
    readonly compaction: CompactionOptions;
    readonly metrics: MetricsOptions;
    /** Rare branches at the host's decision points (sim/buggify.ts); absent or null: none. */
    readonly buggify?: BuggifyOptions | null;
}
export declare function defaultClusterOptions(nodeIds: readonly NodeId[]): ClusterOptions;
/** The Raft configuration of node `id`: the cluster's, with the compaction mistakes that live in raft/ folded in. */
export declare function raftConfigFor(options: ClusterOptions, id: NodeId): RaftConfig;
