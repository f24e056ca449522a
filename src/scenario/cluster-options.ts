// The simulator's ClusterOptions from a complete scenario: node ids, Raft settings, links and the datacenter
// latency matrix, clocks, disks, compaction and metrics. Also the configured settings of one link or clock,
// which the undo of a link or clock fault restores.
import { safeKnobs, type UnsafeKnobs } from '../../raft/config.js';
import { findBug, type CatalogueBug } from '../../sim/bugs.js';
import { safeHostBugs, type HostBugSwitches } from '../../sim/host-bugs.js';
import type { ClusterOptions } from '../../sim/cluster/cluster.js';
import type { Distribution } from '../../sim/random.js';
import type { FullSpec } from './fill.js';
import type { VersionOptions } from '../../sim/cluster/cluster.js';
import { newestVersion, safeVersionMistakes, type NodeVersion, type VersionMistakes } from '../../raft/versions.js';

/** Offsets spread evenly over [-skew, +skew]: the first node at -skew, the last at +skew. */
export function skewOffsetUs(skewUs: number, position: number, count: number): number {
  if (count <= 1 || skewUs === 0) return 0;
  return Math.round(-skewUs + (2 * skewUs * position) / (count - 1));
}

export function nodeIdsOf(full: FullSpec): string[] {
  const nodes = full.cluster.nodes;
  return typeof nodes === 'number' ? Array.from({ length: nodes }, (_, k) => `n${k + 1}`) : [...nodes];
}

/** cluster.initialMembers as ids (a count names the first nodes), or null when every node is one. */
export function initialMembersOf(full: FullSpec): string[] | null {
  const members = full.cluster.initialMembers;
  if (members === null) return null;
  return typeof members === 'number' ? nodeIdsOf(full).slice(0, members) : [...members];
}

/** A link's configured settings (the network's, with the datacenter latency matrix applied). */
export function baseLink(full: FullSpec, from: string, to: string): { dropChance: number; duplicateChance: number; reorderChance: number; latency: Distribution } {
  const n = full.network;
  let latency = n.latency;
  const own = linkLatencyOf(full)?.[`${from}->${to}`];
  if (own !== undefined) latency = own;
  else if (full.cluster.datacenters !== null) {
    const a = datacenterOf(full, from);
    const b = datacenterOf(full, to);
    if (a !== undefined && b !== undefined) {
      if (a === b) latency = full.cluster.latency.intra ?? n.latency;
      else {
        const inter = full.cluster.latency.inter;
        latency = inter[`${a}->${b}`] ?? inter[`${a}<->${b}`] ?? inter[`${b}<->${a}`] ?? inter[`${b}->${a}`] ?? n.latency;
      }
    }
  }
  return { dropChance: n.drop, duplicateChance: n.duplicate, reorderChance: n.reorder, latency };
}

/** The datacenter a node is placed in, if any. */
export function datacenterOf(full: FullSpec, id: string): string | undefined {
  const placement = full.cluster.datacenters;
  return placement === null ? undefined : Object.entries(placement).find(([, ids]) => ids.includes(id))?.[0];
}

/** A node's configured clock: its own offset and drift, else its datacenter's (cluster.clocks may name a
 *  datacenter; the node's own entry overrides it field by field), else its place in the skew spread and no drift. */
export function configuredClock(full: FullSpec, nodeIds: readonly string[], id: string): { offsetUs: number; driftPpm: number } {
  const dc = datacenterOf(full, id);
  const own = Object.hasOwn(full.cluster.clocks, id) ? full.cluster.clocks[id] : undefined;
  const ofDc = dc !== undefined && Object.hasOwn(full.cluster.clocks, dc) ? full.cluster.clocks[dc] : undefined;
  const given = { ...ofDc, ...own };
  return { offsetUs: given.offset ?? skewOffsetUs(full.cluster.skew, Math.max(0, nodeIds.indexOf(id)), nodeIds.length), driftPpm: given.drift ?? 0 };
}

/** With workload.placement: each client's home datacenter, c1 first (in the placement's order). */
export function clientHomes(full: FullSpec): string[] {
  const placement = full.workload.placement;
  if (placement === null) return [];
  return Object.entries(placement).flatMap(([dc, count]) => Array.from({ length: count }, () => dc));
}

/** network.links per directed link ("n1->n2"; a "n1<->n2" key gives both ways, a one-way key over it wins). */
function linkLatencyOf(full: FullSpec): Record<string, Distribution> | null {
  const entries = Object.entries(full.network.links);
  if (entries.length === 0) return null;
  const out: Record<string, Distribution> = {};
  for (const bothWays of [true, false]) {
    for (const [key, dist] of entries) {
      const match = /^(.+?)\s*(<->|->)\s*(.+)$/.exec(key);
      if (match === null || (match[2] === '<->') !== bothWays) continue;
      out[`${match[1]}->${match[3]}`] = dist;
      if (bothWays) out[`${match[3]}->${match[1]}`] = dist;
    }
  }
  return out;
}

function topologyOf(full: FullSpec): ClusterOptions['topology'] {
  const c = full.cluster;
  if (c.datacenters === null) return null;
  const datacenterOf: Record<string, string> = {};
  for (const [dc, ids] of Object.entries(c.datacenters)) for (const id of ids) datacenterOf[id] = dc;
  const interLatency: Record<string, Distribution> = {};
  for (const [key, dist] of Object.entries(c.latency.inter)) {
    const [a, arrow, b] = /^(.+?)\s*(<->|->)\s*(.+)$/.exec(key)!.slice(1) as [string, string, string];
    interLatency[`${a}->${b}`] = dist;
    if (arrow === '<->') interLatency[`${b}->${a}`] = dist;
  }
  return { datacenterOf, intraLatency: c.latency.intra ?? full.network.latency, interLatency };
}

function raftOptionsOf(full: FullSpec): ClusterOptions['raft'] {
  const r = full.raft;
  return {
    electionTimeoutMinUs: r.electionTimeout.minUs,
    electionTimeoutMaxUs: r.electionTimeout.maxUs,
    heartbeatIntervalUs: r.heartbeat,
    // Only when not the default, so that the meta record (and every golden hash) of a run without it is unchanged.
    ...(r.electionTimerRestart !== 'etcd' ? { electionTimerRestart: r.electionTimerRestart } : {}),
    ...(r.membershipActivation !== 'apply' ? { membershipActivation: r.membershipActivation } : {}),
    preVote: r.preVote,
    checkQuorum: r.checkQuorum,
    leaderStickiness: r.leaderStickiness,
    fastBackoff: r.fastBackoff,
    maxEntriesBytesPerMessage: r.flowControl.maxEntriesPerMessage,
    maxInflightMessages: r.flowControl.maxInflightMessages,
    maxInflightBytes: r.flowControl.maxInflightBytes,
    maxUncommittedBytes: r.flowControl.maxUncommittedBytes,
    maxPendingReads: r.maxPendingReads,
    leaseReads: r.leaseReads,
    leaseDriftBoundPpm: r.leaseDriftBound,
    snapshotChunkBytes: r.snapshotChunk,
    // raft.unsafe switches, and the raft/ bugs named in `bugs:`; noSnapshotFallback may also be written as
    // compaction.mistakes.noSnapshotFallback (the cluster honours either switch).
    unsafe: raftUnsafeKnobs(r.unsafe, full.bugs),
  };
}

export function clusterOptionsOf(full: FullSpec): ClusterOptions {
  const nodeIds = nodeIdsOf(full);
  const n = full.network;
  const clocks: Record<string, { offsetUs: number; driftPpm: number }> = {};
  for (const id of nodeIds) clocks[id] = configuredClock(full, nodeIds, id);
  const initialMembers = initialMembersOf(full);
  return {
    nodeIds,
    // Written only when set, so that the meta record (and every golden hash) of a run without spares is unchanged.
    ...(initialMembers !== null ? { initialMembers } : {}),
    raft: raftOptionsOf(full),
    link: { latency: n.latency, dropChance: n.drop, duplicateChance: n.duplicate, reorderChance: n.reorder, reorderDelay: n.reorderDelay },
    topology: topologyOf(full),
    // Written only when set, so that the meta record (and every golden hash) of a run without it is unchanged.
    ...(linkLatencyOf(full) !== null ? { linkLatency: linkLatencyOf(full)! } : {}),
    maxMessageBytes: n.maxMessageBytes,
    clientLatency: n.clientLatency,
    // Written only when set, so that the meta record (and every golden hash) of a run without it is unchanged.
    ...(full.workload.placement !== null && full.cluster.datacenters !== null ? { clientPlacement: Object.fromEntries(clientHomes(full).map((dc, k) => [`c${k + 1}`, dc])) } : {}),
    clocks,
    disk: { appendLatency: full.disk.appendLatency, fsyncLatency: full.disk.fsyncLatency },
    tearOnCrash: full.disk.tearOnCrash,
    maxPausedBacklog: 100_000,
    hostBugs: hostBugsOf(full.bugs),
    compaction: {
      snapshotCount: full.compaction.snapshotCount,
      snapshotIntervalUs: full.compaction.snapshotInterval,
      catchUpEntries: full.compaction.catchUpEntries,
      applyCostUs: full.compaction.applyCost,
      snapshotBytesPerSecond: full.compaction.snapshotBytesPerSecond,
      mistakes: { ...full.compaction.mistakes, ...(full.bugs.includes('trigger-on-apply-lag') ? { triggerOnApplyLag: true } : {}) },
      // Only when set, so that the meta record (and every golden hash) of a run without it is unchanged.
      ...(full.compaction.pauseWhileSendingSnapshot === true ? { pauseWhileSendingSnapshot: true } : {}),
    },
    metrics: { sampleIntervalUs: full.metrics.sampleInterval, stallBoundUs: full.metrics.stallBound, stallEntries: full.metrics.stallEntries },
    ...(full.buggify !== null ? { buggify: { sites: [...full.buggify.sites], chance: full.buggify.chance, maxDelayUs: full.buggify.maxDelay } } : {}),
    ...versionOptionsOf(full, nodeIds),
  };
}

/** cluster.versions as the simulator's VersionOptions (every node's boot version), with the negotiation mistakes
 *  named in `bugs:`; nothing for an unversioned run. */
function versionOptionsOf(full: FullSpec, nodeIds: readonly string[]): { versions?: VersionOptions } {
  const given = full.cluster.versions;
  if (given === null) return {};
  const initial: Record<string, NodeVersion> = {};
  for (const id of nodeIds) {
    const version = typeof given === 'number' ? given : Object.hasOwn(given, id) ? given[id]! : newestVersion;
    initial[id] = version as NodeVersion;
  }
  const mistakes: { -readonly [K in keyof VersionMistakes]: boolean } = { ...safeVersionMistakes };
  for (const bug of catalogued(full.bugs)) if (bug.switch.layer === 'versions') mistakes[bug.switch.key] = true;
  return { versions: { initial, mistakes } };
}

/** The raft/ switches of a filled raft.unsafe (raft/bugs.ts is their catalogue). */
function raftUnsafeKnobs(given: Readonly<Record<keyof UnsafeKnobs, boolean>>, bugs: readonly string[]): UnsafeKnobs {
  const knobs: { -readonly [K in keyof UnsafeKnobs]: boolean } = { ...safeKnobs };
  for (const name of Object.keys(safeKnobs) as (keyof UnsafeKnobs)[]) knobs[name] = given[name];
  for (const bug of catalogued(bugs)) if (bug.switch.layer === 'raft') knobs[bug.switch.key] = true;
  return knobs;
}

/** The host bugs named in `bugs:`. */
function hostBugsOf(bugs: readonly string[]): HostBugSwitches {
  const switches: { -readonly [K in keyof HostBugSwitches]: boolean } = { ...safeHostBugs };
  for (const bug of catalogued(bugs)) if (bug.switch.layer === 'host') switches[bug.switch.key] = true;
  return switches;
}

function catalogued(bugs: readonly string[]): CatalogueBug[] {
  return bugs.map((name) => {
    const bug = findBug(name);
    if (bug === undefined) throw new Error(`unknown bug ${name} (the schema admits catalogued names only)`);
    return bug;
  });
}
