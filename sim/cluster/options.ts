// The cluster's parameters, their defaults, and the Raft configuration each node is built with.
import { safeHostBugs, type HostBugSwitches } from '../host-bugs.js';
import { defaultRaftConfig, type RaftConfig } from '../../raft/config.js';
import { defaultCompactionOptions, defaultMetricsOptions, type CompactionOptions, type MetricsOptions } from '../compaction-options.js';
import type { BuggifyOptions } from '../buggify.js';
import type { DiskOptions } from '../disk.js';
import type { LinkConfig, NodeId, Topology } from '../network.js';
import type { Distribution } from '../random.js';
import { newestVersion, type NodeVersion, type VersionMistakes } from '../../raft/versions.js';

export interface ClockSetting {
  readonly offsetUs: number;
  readonly driftPpm: number;
}

export interface ClusterOptions {
  /** Every server of the run: the bootstrap voters and the spares. */
  readonly nodeIds: readonly NodeId[];
  /** The bootstrap configuration (RaftConfig.voters of every node), a subset of nodeIds; absent: all of them.
   *  The other nodes are spare servers: not running until a membership change adds them (sim/cluster/membership.ts),
   *  then they boot with an empty log and catch up by log or snapshot. */
  readonly initialMembers?: readonly NodeId[];
  readonly raft: Omit<RaftConfig, 'id' | 'voters'>;
  readonly link: LinkConfig;
  readonly topology: Topology | null;
  /** Per directed link ("n1->n2"), its latency over the topology's (network.links); absent: none. */
  readonly linkLatency?: Readonly<Record<NodeId, Distribution>>;
  readonly maxMessageBytes: number;
  readonly clientLatency: Distribution;
  /** A home datacenter per client id (with a topology): a client reaches the nodes of its own datacenter with
   *  the topology's intra latency and the others with the inter latency, instead of clientLatency. Absent: none. */
  readonly clientPlacement?: Readonly<Record<string, string>>;
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
  /** Mixed versions (raft/versions.ts, docs/versions.md): each node's version at boot (a node not listed runs the
   *  newest) and the negotiation mistakes switched on. Absent: every node unversioned, as before versions
   *  existed; written only when set, so the meta record (and every golden hash) of a run without it is unchanged. */
  readonly versions?: VersionOptions;
}

export interface VersionOptions {
  readonly initial: Readonly<Record<NodeId, NodeVersion>>;
  readonly mistakes: VersionMistakes;
}

export function defaultClusterOptions(nodeIds: readonly NodeId[]): ClusterOptions {
  const { id: _id, voters: _voters, ...raft } = defaultRaftConfig(nodeIds[0] ?? 'n1', nodeIds);
  const clocks: Record<NodeId, ClockSetting> = {};
  for (const id of nodeIds) clocks[id] = { offsetUs: 0, driftPpm: 0 };
  return {
    nodeIds,
    raft,
    link: {
      latency: { kind: 'uniform', minUs: 500, maxUs: 2_000 },
      dropChance: 0,
      duplicateChance: 0,
      reorderChance: 0,
      reorderDelay: { kind: 'uniform', minUs: 1_000, maxUs: 10_000 },
    },
    topology: null,
    maxMessageBytes: 4 * 1024 * 1024,
    clientLatency: { kind: 'uniform', minUs: 200, maxUs: 1_000 },
    clocks,
    disk: { appendLatency: { kind: 'uniform', minUs: 10, maxUs: 50 }, fsyncLatency: { kind: 'uniform', minUs: 200, maxUs: 1_500 } },
    tearOnCrash: true,
    maxPausedBacklog: 100_000,
    hostBugs: safeHostBugs,
    compaction: defaultCompactionOptions,
    metrics: defaultMetricsOptions,
  };
}

/** The Raft configuration of node `id`: the cluster's, with the compaction mistakes that live in raft/ folded in. */
export function raftConfigFor(options: ClusterOptions, id: NodeId, version: NodeVersion | null = null): RaftConfig {
  const raft = options.raft;
  const noSnapshotFallback = raft.unsafe.noSnapshotFallback || options.compaction.mistakes.noSnapshotFallback;
  const config = { ...raft, id, voters: bootstrapMembers(options), unsafe: { ...raft.unsafe, noSnapshotFallback } };
  const versions = options.versions;
  if (versions === undefined) return config;
  return { ...config, versioning: { version: version ?? initialVersion(options, id) ?? newestVersion, mistakes: versions.mistakes } };
}

/** A node's version at boot, or null for an unversioned run. */
export function initialVersion(options: ClusterOptions, id: NodeId): NodeVersion | null {
  const versions = options.versions;
  if (versions === undefined) return null;
  return Object.hasOwn(versions.initial, id) ? versions.initial[id]! : newestVersion;
}

/** The voters the cluster boots with (ClusterOptions.initialMembers, else every node). */
export function bootstrapMembers(options: ClusterOptions): readonly NodeId[] {
  return options.initialMembers ?? options.nodeIds;
}

/** Whether `id` is a spare: a server of the run outside the bootstrap configuration. */
export function isSpare(options: ClusterOptions, id: NodeId): boolean {
  return options.initialMembers !== undefined && !options.initialMembers.includes(id);
}
