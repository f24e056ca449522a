// Filling a scenario: every field the file leaves open gets the simulator's default, or in swarm mode a value
// drawn from the seed (TigerBeetle's VOPR "swarm testing": whole features switched off for some seeds). Each
// open field draws from its own child stream `swarm/<path>`, so giving one field in the file does not change
// what the others draw. The result is a complete spec in the file's own form: it can be written back out
// (drawn values pinned) and loads to the same run.
import { drawChurn, drawSnapshotCount } from './fill-churn.js';
import { drawClocks, showClocks, type Clocks } from './fill-clocks.js';
import { drawMixedVersions, showVersions } from './fill-versions.js';
import { defaultRaftConfig, safeKnobs, type UnsafeKnobs } from '../../raft/config.js';
import { defaultClusterOptions } from '../../sim/cluster/cluster.js';
import { defaultCompactionOptions, defaultMetricsOptions } from '../../sim/compaction-options.js';
import { allChaosKinds, classicChaosKinds, defaultChaosOptions, type ChaosKind } from '../../sim/nemesis.js';
import { Random, type Distribution } from '../../sim/random.js';
import { buggifySites } from '../../sim/buggify.js';
import { defaultSimulationOptions } from '../../sim/simulate.js';
import { defaultWorkloadOptions } from '../../sim/workload.js';
import type { Expectation } from './expectations.js';
import type { BuggifySpec, ChaosSpec, ClusterSpec, CompactionSpec, DiskSpec, FaultItemSpec, MetricsSpec, NetworkSpec, RaftSpec, ScenarioSpec, WorkloadSpec } from './spec.js';
import { applyProfile } from './profiles.js';
import type { RaftProfile } from './profile-names.js';
import { broadcastUs, derivedLivenessBoundUs, minimumElectionTimeoutUs } from './fill-timing.js';
import type { DurationRange } from './units.js';
import { formatDistribution, formatPpm, formatProbability, formatSize } from './units.js';
import { coin, Filler, same, showDistribution, showDuration, showOff, showProbability, showRange, showSize } from './filler.js';

type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export interface FullSpec {
  name: string;
  question: string;
  swarm: boolean;
  cluster: {
    nodes: number | string[];
    /** Null: every node is a bootstrap voter (never drawn). */
    initialMembers: number | string[] | null;
    datacenters: Record<string, string[]> | null;
    latency: { intra: Distribution | null; inter: Record<string, Distribution> };
    skew: number;
    /** As given: a missing offset comes from the skew spread, a missing drift is 0. */
    clocks: Record<string, { offset?: number; drift?: number }>;
    versions: number | Record<string, number> | null; // as given; null: unversioned (never drawn)
  };
  raft: Filled<Omit<RaftSpec, 'profile' | 'flowControl' | 'unsafe'>> & {
    /** The implementation profile the file named (its values are already filled in), or null. */
    profile: RaftProfile | null;
    flowControl: Filled<NonNullable<RaftSpec['flowControl']>>;
    unsafe: Filled<NonNullable<RaftSpec['unsafe']>>;
  };
  compaction: Omit<Filled<CompactionSpec>, 'snapshotCount' | 'snapshotInterval' | 'mistakes' | 'pauseWhileSendingSnapshot'> & { pauseWhileSendingSnapshot?: true;
    snapshotCount: number | null;
    snapshotInterval: number | null;
    mistakes: Filled<NonNullable<CompactionSpec['mistakes']>>;
  };
  metrics: Filled<MetricsSpec>;
  network: Filled<NetworkSpec>;
  disk: Filled<DiskSpec>;
  workload: Omit<Filled<WorkloadSpec>, 'mix' | 'placement'> & { mix: { put: number; get: number; cas: number }; placement: Record<string, number> | null };
  faults: FaultItemSpec[];
  chaos: Filled<ChaosSpec> | null;
  buggify: Filled<BuggifySpec> | null;
  duration: number;
  livenessBound: number;
  checkInvariants: boolean;
  maxEvents: number;
  expectations: Expectation[];
  /** Catalogued bugs switched on (never drawn). */
  bugs: string[];
}

export interface FillResult {
  readonly full: FullSpec;
  /** Values drawn in swarm mode: spec path -> the value in the file's own form (pinnable). */
  readonly drawn: ReadonlyMap<string, unknown>;
  /** The same values formatted for people and result.json ("150ms..300ms", "3%"). */
  readonly drawnText: Readonly<Record<string, unknown>>;
  /** Spec paths filled from the simulator's defaults. */
  readonly defaults: readonly string[];
}

const simDefaults = (() => {
  const cluster = defaultClusterOptions(['n1']);
  const raft = defaultRaftConfig('n1', ['n1']);
  const simulation = defaultSimulationOptions({ nodes: 1 });
  return { cluster, raft, simulation };
})();

export const defaultNodeCount = 5;

/** The default heartbeat: the simulator's 50 ms, or a third of the minimum election timeout when that is shorter. */
export function defaultHeartbeatUs(electionTimeoutMinUs: number): number {
  return Math.max(1, Math.min(simDefaults.raft.heartbeatIntervalUs, Math.floor(electionTimeoutMinUs / 3)));
}

/** Node ids named anywhere in the spec as n<k>: the cluster needs at least k nodes. */
export function highestNamedNode(spec: ScenarioSpec): number {
  const text = JSON.stringify({ c: spec.cluster?.clocks, d: spec.cluster?.datacenters, f: spec.faults });
  let highest = 0;
  for (const match of text.matchAll(/"n(\d+)"/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/** The message size limit the draws must respect: the file's, else the simulator's. */
function maxMessageBytesOf(spec: ScenarioSpec): number {
  return spec.network?.maxMessageBytes ?? simDefaults.cluster.maxMessageBytes;
}

// --- cluster

/** Some seeds place the nodes in 2 or 3 datacenters (round robin). */
function drawPlacement(nodeIds: readonly string[], random: Random): Record<string, string[]> | null {
  if (!random.chance(1, 4)) return null;
  const count = random.int(2, Math.min(3, nodeIds.length));
  const placement: Record<string, string[]> = {};
  nodeIds.forEach((id, k) => (placement[`dc${(k % count) + 1}`] ??= []).push(id));
  return placement;
}

/** A latency between every two datacenters of a drawn placement. */
function drawInterLatency(datacenters: Record<string, string[]>, random: Random): Record<string, Distribution> {
  const names = Object.keys(datacenters).sort();
  const matrix: Record<string, Distribution> = {};
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const base = random.int(5, 60) * 1_000;
      matrix[`${names[a]}<->${names[b]}`] = { kind: 'uniform', minUs: base, maxUs: base + random.int(1, 10) * 1_000 };
    }
  }
  return matrix;
}

const showInter = (value: Record<string, Distribution>): unknown => Object.fromEntries(Object.entries(value).map(([key, dist]) => [key, formatDistribution(dist)]));

function fillCluster(f: Filler, spec: ScenarioSpec, churn: boolean): FullSpec['cluster'] {
  const c: ClusterSpec = spec.cluster ?? {};
  const minimumNodes = Math.max(1, highestNamedNode(spec));
  // Even sizes too: a quorum of 4 or 6 is where off-by-one quorum arithmetic shows (ceil(n/2) is a majority only
  // for odd n).
  const nodeCounts = [3, 3, 4, 5, 5, 6, 7].filter((n) => n >= minimumNodes).concat(minimumNodes > 7 ? [minimumNodes] : []);
  const nodes = f.take<number | string[]>('cluster.nodes', c.nodes, () => defaultNodeCount, (random) => random.pick(nodeCounts), same);
  const nodeIds = typeof nodes === 'number' ? Array.from({ length: nodes }, (_, k) => `n${k + 1}`) : nodes;
  const datacenters = f.take<Record<string, string[]> | null>(
    'cluster.datacenters',
    c.datacenters,
    () => null,
    c.latency === undefined && nodeIds.length >= 3 ? (random) => drawPlacement(nodeIds, random) : null,
    (value) => (value === null ? 'none' : value),
  );
  const inter: Record<string, Distribution> =
    c.latency?.inter ??
    (datacenters !== null && f.drawn.has('cluster.datacenters')
      ? f.take<Record<string, Distribution>>('cluster.latency.inter', undefined, () => ({}), (random) => drawInterLatency(datacenters, random), showInter)
      : {});
  const intra = c.latency?.intra ?? null;
  const skew = f.take('cluster.skew', c.skew, () => 0, null, showDuration);
  const driftBoundPpm = spec.raft?.leaseDriftBound ?? simDefaults.raft.leaseDriftBoundPpm;
  const clocks = f.take<Clocks>('cluster.clocks', c.clocks, () => ({}), c.skew === undefined ? (random) => drawClocks(nodeIds, random, driftBoundPpm) : null, showClocks);
  // Churn seeds of five or more servers keep one or two spare, for the churn to add (fill-churn.ts).
  const spares = churn && c.nodes === undefined && nodeIds.length >= 5;
  const initialMembers = c.initialMembers ?? (spares ? f.take<number>('cluster.initialMembers', undefined, () => nodeIds.length, (random) => nodeIds.length - random.int(1, 2), same) : null);
  // A fifth of the swarm's seeds outside churn run two versions (issue #16), from their own stream; churn seeds do
  // not, since a server added once a version-2 feature is on must wait for a snapshot (docs/versions.md).
  const drawVersions = spec.swarm === true && c.versions === undefined && !churn;
  const versions = c.versions ?? (drawVersions ? f.take<Record<string, number> | null>('cluster.versions', undefined, () => null, (random) => drawMixedVersions(nodeIds, random), showVersions) : null);
  return { nodes, initialMembers, datacenters, latency: { intra, inter }, skew, clocks, versions };
}

// --- raft (draws respect what the file gives: a drawn timeout stays above a given heartbeat, drawn sizes fit in
// the message size limit)

/** Drawn for churn seeds only (half take hashicorp/LogCabin's append-time rule, half etcd's apply-time one):
 *  both must survive the same churn, and without changes the rule does nothing, so other seeds keep their draws. */
function drawActivation(random: Random): 'apply' | 'append' {
  return random.chance(1, 2) ? 'append' : 'apply';
}

/** `minimumElectionUs`: the smallest election timeout a draw may take (Raft's timing requirement, fill-timing.ts);
 *  `churn`: the seed draws membership churn. */
function fillRaft(f: Filler, spec: ScenarioSpec, minimumElectionUs: number, churn: boolean): FullSpec['raft'] {
  const sim = simDefaults;
  const r: RaftSpec = spec.raft ?? {};
  const maxMessageBytes = maxMessageBytesOf(spec);
  const fits = (bytes: number): boolean => bytes + 64 <= maxMessageBytes;
  const pickFitting = (random: Random, sizes: readonly number[], fallback: number): number => {
    const fitting = sizes.filter(fits);
    return fitting.length > 0 ? random.pick(fitting) : fallback;
  };
  const electionTimeout = f.take<DurationRange>(
    'raft.electionTimeout',
    r.electionTimeout,
    () => ({ minUs: sim.raft.electionTimeoutMinUs, maxUs: sim.raft.electionTimeoutMaxUs }),
    (random) => {
      const given = r.heartbeat;
      const floorUs = Math.max(minimumElectionUs, given === undefined ? 0 : given * 3);
      const choices = [100, 150, 150, 200, 300, 500].map((ms) => ms * 1_000).filter((us) => us >= floorUs);
      const minUs = choices.length > 0 ? random.pick(choices) : Math.max(floorUs, (given ?? 50_000) * random.pick([3, 5, 10]));
      // Always randomized: fixed timeouts bring the split-vote storms of paper 5.2 on every seed that draws them,
      // a configuration mistake rather than a bug; a scenario that wants them says so.
      return { minUs, maxUs: minUs * 2 };
    },
    showRange,
  );
  const heartbeat = f.take(
    'raft.heartbeat',
    r.heartbeat,
    () => defaultHeartbeatUs(electionTimeout.minUs),
    (random) => Math.max(1_000, Math.floor(electionTimeout.minUs / random.pick([3, 5, 10]) / 1_000) * 1_000),
    showDuration,
  );
  // Never drawn: the rule is a property of the implementation under study, not a knob to explore.
  const electionTimerRestart = f.take('raft.electionTimerRestart', r.electionTimerRestart, () => sim.raft.electionTimerRestart ?? 'etcd', null, same);
  const membershipActivation = f.take<'apply' | 'append'>('raft.membershipActivation', r.membershipActivation, () => sim.raft.membershipActivation ?? 'apply', churn ? drawActivation : null, same);
  const preVote = f.take('raft.preVote', r.preVote, () => sim.raft.preVote, coin, same);
  // Churn seeds guard against removed and lagging servers as etcd does (dissertation 4.2.3): PreVote or
  // CheckQuorum, and leader stickiness exactly with CheckQuorum. Without both, a removed server's vote requests
  // raise the term of a voter whose configuration still lists it, and that term deposes the leader again and
  // again (seed 2158); stickiness without CheckQuorum, a combination etcd does not have, lets a demoted voter
  // that still sees itself as one campaign forever in a term nobody hears (its requests ignored by followers in
  // lease, and it ignores the leader's lower-term heartbeats: seed 125).
  const checkQuorum = f.take('raft.checkQuorum', r.checkQuorum, () => sim.raft.checkQuorum, churn && !preVote ? () => true : coin, same);
  // Leader stickiness follows CheckQuorum unless given (etcd ties them together: a node that has heard from a
  // live leader within the election timeout ignores vote requests only when CheckQuorum is on); drawn apart from
  // it except in churn seeds.
  const leaderStickiness = f.take('raft.leaderStickiness', r.leaderStickiness, () => checkQuorum && sim.raft.leaderStickiness, churn ? () => checkQuorum : coin, same);
  const fastBackoff = f.take('raft.fastBackoff', r.fastBackoff, () => sim.raft.fastBackoff, coin, same);
  const fc = r.flowControl ?? {};
  // Message sizes lean small (one entry per message — a 1-byte limit, etcd's MaxSizePerMsg 0 — in one draw of six,
  // 256B in two): one entry per message acknowledges an earlier-term entry apart from the new leader's own
  // (Figure 8's window).
  const flowControl = {
    maxEntriesPerMessage: f.take('raft.flowControl.maxEntriesPerMessage', fc.maxEntriesPerMessage, () => sim.raft.maxEntriesBytesPerMessage, (random) => pickFitting(random, [1, 256, 256, 4_096, 65_536, 1_048_576], 1), showSize),
    maxInflightMessages: f.take('raft.flowControl.maxInflightMessages', fc.maxInflightMessages, () => sim.raft.maxInflightMessages, (random) => random.pick([1, 4, 64, 256]), same),
    maxInflightBytes: f.take('raft.flowControl.maxInflightBytes', fc.maxInflightBytes, () => sim.raft.maxInflightBytes, (random) => random.pick([262_144, 1_048_576, 16_777_216]), showSize),
    maxUncommittedBytes: f.take('raft.flowControl.maxUncommittedBytes', fc.maxUncommittedBytes, () => sim.raft.maxUncommittedBytes, null, showSize),
  };
  const maxPendingReads = f.take('raft.maxPendingReads', r.maxPendingReads, () => sim.raft.maxPendingReads, null, same);
  // Lease reads (on for half of the seeds with CheckQuorum, which they need): their mistakes show only under
  // drift, late acknowledgements and a deposed leader still asked, so they need many seeds to meet those.
  const leaseReads = f.take('raft.leaseReads', r.leaseReads, () => sim.raft.leaseReads, checkQuorum ? coin : null, same);
  const leaseDriftBound = f.take('raft.leaseDriftBound', r.leaseDriftBound, () => sim.raft.leaseDriftBoundPpm, null, formatPpm);
  const snapshotChunk = f.take('raft.snapshotChunk', r.snapshotChunk, () => sim.raft.snapshotChunkBytes, (random) => pickFitting(random, [65_536, 262_144, 1_048_576], Math.max(1, maxMessageBytes - 64)), showSize);
  const u = r.unsafe ?? {};
  // Broken variants are never drawn: a swarm run that fails must point at Raft or the simulator, not at a knob.
  const raftUnsafe = {} as Record<keyof UnsafeKnobs, boolean>;
  for (const name of Object.keys(safeKnobs) as (keyof UnsafeKnobs)[]) raftUnsafe[name] = f.take(`raft.unsafe.${name}`, u[name], () => false, null, same);
  const unsafe = raftUnsafe;
  return { profile: r.profile ?? null, electionTimerRestart, membershipActivation, electionTimeout, heartbeat, preVote, checkQuorum, leaderStickiness, fastBackoff, flowControl, maxPendingReads, leaseReads, leaseDriftBound, snapshotChunk, unsafe };
}

// --- compaction, metrics, network, disk, workload

function fillCompaction(f: Filler, spec: ScenarioSpec, churn: boolean): FullSpec['compaction'] {
  const k: CompactionSpec = spec.compaction ?? {};
  const dc = defaultCompactionOptions;
  return {
    // Tiny counts too: snapshots every few entries, so installs meet partitions, leader changes and lagging logs.
    snapshotCount: f.take<number | null>('compaction.snapshotCount', k.snapshotCount, () => dc.snapshotCount, (random) => drawSnapshotCount(random, churn), (v) => showOff(v, same)),
    snapshotInterval: f.take<number | null>('compaction.snapshotInterval', k.snapshotInterval, () => dc.snapshotIntervalUs, (random) => (random.chance(2, 3) ? null : random.pick([2, 5, 10, 30]) * 1_000_000), (v) => showOff(v, showDuration)),
    // No entries kept behind a snapshot in a third of the seeds: a compaction that keeps nothing sends snapshots
    // to any follower a moment behind (where the install-vs-log-suffix mistakes live).
    catchUpEntries: f.take('compaction.catchUpEntries', k.catchUpEntries, () => dc.catchUpEntries, (random) => random.pick([0, 0, 10, 50, 500, 5_000]), same),
    applyCost: f.take('compaction.applyCost', k.applyCost, () => dc.applyCostUs, (random) => (random.chance(1, 2) ? 0 : random.pick([20, 100, 500])), showDuration),
    snapshotBytesPerSecond: f.take('compaction.snapshotBytesPerSecond', k.snapshotBytesPerSecond, () => dc.snapshotBytesPerSecond, (random) => random.pick([20 * 1_048_576, 200 * 1_048_576]), (v) => `${formatSize(v)}/s`),
    mistakes: {
      triggerOnApplyLag: f.take('compaction.mistakes.triggerOnApplyLag', k.mistakes?.triggerOnApplyLag, () => dc.mistakes.triggerOnApplyLag, null, same),
      applyLagTolerance: f.take('compaction.mistakes.applyLagTolerance', k.mistakes?.applyLagTolerance, () => dc.mistakes.applyLagTolerance, null, same),
      noSnapshotFallback: f.take('compaction.mistakes.noSnapshotFallback', k.mistakes?.noSnapshotFallback, () => dc.mistakes.noSnapshotFallback, null, same),
    },
    ...(k.pauseWhileSendingSnapshot === true ? { pauseWhileSendingSnapshot: true as const } : {}), // only when on: other complete specs unchanged
  };
}

function fillMetrics(f: Filler, spec: ScenarioSpec): FullSpec['metrics'] {
  const m: MetricsSpec = spec.metrics ?? {};
  return {
    sampleInterval: f.take('metrics.sampleInterval', m.sampleInterval, () => defaultMetricsOptions.sampleIntervalUs, null, showDuration),
    stallBound: f.take('metrics.stallBound', m.stallBound, () => defaultMetricsOptions.stallBoundUs, null, showDuration),
    stallEntries: f.take('metrics.stallEntries', m.stallEntries, () => defaultMetricsOptions.stallEntries, null, same),
  };
}

function fillNetwork(f: Filler, spec: ScenarioSpec): FullSpec['network'] {
  const n: NetworkSpec = spec.network ?? {};
  const sim = simDefaults;
  const link = sim.cluster.link;
  return {
    latency: f.take<Distribution>('network.latency', n.latency, () => link.latency, (random) => {
      const minUs = random.int(100, 2_000);
      return { kind: 'uniform', minUs, maxUs: minUs + random.int(0, 10_000) };
    }, showDistribution),
    drop: f.take('network.drop', n.drop, () => link.dropChance, (random) => (random.chance(1, 2) ? 0 : random.int(1, 100) / 1_000), showProbability),
    duplicate: f.take('network.duplicate', n.duplicate, () => link.duplicateChance, (random) => (random.chance(1, 2) ? 0 : random.int(1, 50) / 1_000), showProbability),
    reorder: f.take('network.reorder', n.reorder, () => link.reorderChance, (random) => (random.chance(1, 2) ? 0 : random.int(1, 100) / 1_000), showProbability),
    reorderDelay: f.take('network.reorderDelay', n.reorderDelay, () => link.reorderDelay, null, showDistribution),
    maxMessageBytes: f.take('network.maxMessageBytes', n.maxMessageBytes, () => sim.cluster.maxMessageBytes, null, showSize),
    clientLatency: f.take('network.clientLatency', n.clientLatency, () => sim.cluster.clientLatency, null, showDistribution),
    // Never drawn: a link of its own is a scenario's statement about one link.
    links: n.links ?? {},
  };
}

function fillDisk(f: Filler, spec: ScenarioSpec): FullSpec['disk'] {
  const d: DiskSpec = spec.disk ?? {};
  const disk = simDefaults.cluster.disk;
  return {
    appendLatency: f.take('disk.appendLatency', d.appendLatency, () => disk.appendLatency, null, showDistribution),
    fsyncLatency: f.take<Distribution>('disk.fsyncLatency', d.fsyncLatency, () => disk.fsyncLatency, (random) =>
      random.pick<Distribution>([
        { kind: 'uniform', minUs: 50, maxUs: 200 },
        disk.fsyncLatency,
        { kind: 'uniform', minUs: 2_000, maxUs: 20_000 },
      ]), showDistribution),
    tearOnCrash: f.take('disk.tearOnCrash', d.tearOnCrash, () => simDefaults.cluster.tearOnCrash, coin, same),
  };
}

function fillWorkload(f: Filler, spec: ScenarioSpec, maxUncommittedBytes: number): FullSpec['workload'] {
  const w: WorkloadSpec = spec.workload ?? {};
  const dw = defaultWorkloadOptions;
  const placed = w.placement === undefined ? undefined : Object.values(w.placement).reduce((a, b) => a + b, 0);
  const clients = f.take('workload.clients', w.clients ?? placed, () => dw.clients, (random) => random.int(1, 8), same);
  return {
    clients,
    placement: w.placement ?? null,
    rate: f.take('workload.rate', w.rate, () => dw.ratePerSecond, (random) => random.pick([20, 100, 200, 500]), (v) => `${v}/s`),
    keys: f.take('workload.keys', w.keys, () => dw.keys, (random) => random.pick([1, 4, 16, 256]), same),
    mix: f.take(
      'workload.mix',
      w.mix === undefined ? undefined : { put: w.mix.put ?? 0, get: w.mix.get ?? 0, cas: w.mix.cas ?? 0 },
      () => ({ ...dw.mix }),
      (random) => {
        const mix = { put: random.int(0, 10), get: random.int(0, 10), cas: random.int(0, 5) };
        if (mix.put + mix.get + mix.cas === 0) mix.put = 1;
        return mix;
      },
      same,
    ),
    valueBytes: f.take('workload.valueBytes', w.valueBytes, () => dw.valueBytes, (random) => {
      const limit = Math.min(maxMessageBytesOf(spec), maxUncommittedBytes) - 256;
      const sizes = [16, 256, 4_096].filter((bytes) => bytes <= limit);
      return sizes.length > 0 ? random.pick(sizes) : 0;
    }, showSize),
    timeout: f.take('workload.timeout', w.timeout, () => dw.requestTimeoutUs, (random) => random.pick([200_000, 500_000, 2_000_000]), showDuration),
    backoff: f.take('workload.backoff', w.backoff, () => ({ minUs: dw.backoffBaseUs, maxUs: dw.backoffMaxUs }), null, showRange),
    maxAttempts: f.take('workload.maxAttempts', w.maxAttempts, () => dw.maxAttempts, null, same),
    pinnedReaders: f.take('workload.pinnedReaders', w.pinnedReaders, () => 0, (random) => (clients < 2 || random.chance(1, 2) ? 0 : random.int(1, clients - 1)), same),
    recentKeyReads: f.take('workload.recentKeyReads', w.recentKeyReads, () => 0, (random) => (random.chance(1, 2) ? 0 : random.pick([0.25, 0.5, 0.9])), showProbability),
  };
}

// --- chaos: off unless given; in swarm mode on, with whole kinds switched off per seed

function fillChaos(f: Filler, spec: ScenarioSpec, swarmOn: boolean, churn = false, versionsDrawn = false): FullSpec['chaos'] {
  if (spec.chaos === undefined && !swarmOn) f.defaults.push('chaos');
  if (spec.chaos === null || (spec.chaos === undefined && !swarmOn)) return null;
  const given: ChaosSpec = spec.chaos ?? {};
  const dch = defaultChaosOptions;
  const kinds = f.take<ChaosKind[]>('chaos.kinds', given.kinds, () => [...classicChaosKinds], (random) => {
    const drawn = allChaosKinds.filter(() => random.chance(1, 2));
    return drawn.length > 0 ? drawn : [random.pick(allChaosKinds)];
  }, (v) => v.join(', '));
  // A quarter of the swarm's seeds also stall state machines (drawn from its own stream, so the other seeds keep
  // every draw): committed entries wait unapplied while leaders come and go, and with activation on apply a
  // committed configuration entry is not yet in force where it is stalled.
  const applyStalls = swarmOn && given.kinds === undefined && f.take<boolean>('chaos.applyStalls', undefined, () => false, (random) => random.chance(1, 4), same);
  return {
    kinds: [...kinds, ...(churn ? (['membership'] as const) : []), ...(applyStalls ? (['apply-stall'] as const) : []), ...(versionsDrawn ? (['upgrade'] as const) : [])],
    // Swarm testing leaves kinds out; a focus leans on one, so that some seeds are storms of a single kind.
    focus: f.take<ChaosKind | null>('chaos.focus', given.focus, () => null, (random) => (random.chance(1, 2) ? null : random.pick(kinds)), (v) => v ?? 'none'),
    // Dense faults find the mistakes that need several faults in a row (the detecting seeds of the bug catalogue
    // drew the densest schedule far more often than chance), so two of the six choices are denser than 300ms.
    meanGap: f.take('chaos.meanGap', given.meanGap, () => dch.meanGapUs, (random) => random.pick([100_000, 200_000, 300_000, 700_000, 1_500_000, 3_000_000]), showDuration),
    maxFaultDuration: f.take('chaos.maxFaultDuration', given.maxFaultDuration, () => dch.maxFaultDurationUs, (random) => random.pick([500_000, 1_500_000, 3_000_000, 6_000_000]), showDuration),
    maxClockOffset: f.take('chaos.maxClockOffset', given.maxClockOffset, () => dch.maxClockOffsetUs, null, showDuration),
    maxDrift: f.take('chaos.maxDrift', given.maxDrift, () => dch.maxDriftPpm, null, formatPpm),
    maxClockStep: f.take('chaos.maxClockStep', given.maxClockStep, () => dch.maxClockStepUs, null, showDuration),
  };
}

// --- buggify: off unless given; in swarm mode on for three seeds in four, with a drawn subset of sites

function fillBuggify(f: Filler, spec: ScenarioSpec, swarmOn: boolean, electionTimeoutMaxUs: number): FullSpec['buggify'] {
  const given = spec.buggify;
  if (given === null) return null;
  // A stalled fsync or a late message matters when it outlasts an election: up to two election timeouts.
  const maxDelay = (value: BuggifySpec): number => value.maxDelay ?? 2 * electionTimeoutMaxUs;
  if (given === undefined && !swarmOn) {
    f.defaults.push('buggify');
    return null;
  }
  if (given !== undefined) {
    return { sites: given.sites ?? [...buggifySites], chance: given.chance ?? 0.01, maxDelay: maxDelay(given) };
  }
  const drawn = f.take<BuggifySpec | null>('buggify', undefined, () => null, (random) => {
    if (random.chance(1, 4)) return null;
    const sites = buggifySites.filter(() => random.chance(1, 2));
    return { sites: sites.length > 0 ? sites : [random.pick(buggifySites)], chance: random.pick([0.001, 0.01, 0.05]) };
  }, (value) => (value === null ? 'off' : `${value.sites!.join(', ')} at ${formatProbability(value.chance!)}`));
  return drawn === null ? null : { sites: drawn.sites!, chance: drawn.chance!, maxDelay: maxDelay(drawn) };
}

// --- the run: long enough for every scripted fault, and the liveness phase after it

function fillDuration(f: Filler, spec: ScenarioSpec): number {
  const lastScripted = Math.max(
    0,
    ...(spec.faults ?? []).map((item) => (item.when.kind === 'at' ? item.when.atUs : item.when.kind === 'between' ? item.when.toUs : item.when.kind === 'every' ? (item.when.fromUs ?? 0) : 0)),
  );
  return f.take(
    'duration',
    spec.duration,
    () => Math.max(simDefaults.simulation.durationUs, lastScripted + 1_000_000),
    (random) => Math.max(random.int(10, 30) * 1_000_000, Math.ceil((lastScripted + 1_000_000) / 1_000_000) * 1_000_000),
    showDuration,
  );
}

/** A swarm run's liveness bound: what its drawn configuration needs to converge (fill-timing.ts). */
function derivedBound(raft: FullSpec['raft'], workload: FullSpec['workload'], durationUs: number, broadcast: number): number {
  return derivedLivenessBoundUs({
    electionTimeoutMaxUs: raft.electionTimeout.maxUs,
    roundTripUs: broadcast,
    entries: Math.ceil((workload.rate * durationUs) / 1_000_000),
    entryBytes: workload.valueBytes + 64,
    maxEntriesBytesPerMessage: raft.flowControl.maxEntriesPerMessage,
    maxInflightMessages: raft.flowControl.maxInflightMessages,
    fastBackoff: raft.fastBackoff,
  });
}

export function fillSpec(given: ScenarioSpec, seed: number, name: string): FillResult {
  // A profile's values count as written in the file (never drawn), wherever the file leaves them open.
  const spec = applyProfile(given);
  const swarmOn = spec.swarm === true;
  const f = new Filler(swarmOn ? Random.fromSeed(seed).child('swarm') : null);
  // In this order: `defaults` lists the paths in the order they are filled.
  const churn = drawChurn(spec, swarmOn, (draw) => f.take<boolean>('chaos.membership', undefined, () => false, draw, same));
  const cluster = fillCluster(f, spec, churn);
  const network = fillNetwork(f, spec);
  const disk = fillDisk(f, spec);
  // Every field draws from its own stream, so drawing the network before Raft changes no value; it lets the
  // timeout draw respect the links it will run over.
  const broadcast = broadcastUs([network.latency, ...(cluster.latency.intra !== null ? [cluster.latency.intra] : []), ...Object.values(cluster.latency.inter), ...Object.values(network.links)], disk.fsyncLatency);
  const raft = fillRaft(f, spec, swarmOn ? minimumElectionTimeoutUs(broadcast) : 0, churn);
  const compaction = fillCompaction(f, spec, churn);
  const metrics = fillMetrics(f, spec);
  const workload = fillWorkload(f, spec, raft.flowControl.maxUncommittedBytes);
  const chaos = fillChaos(f, spec, swarmOn, churn, spec.cluster?.versions === undefined && cluster.versions !== null);
  const buggify = fillBuggify(f, spec, swarmOn, raft.electionTimeout.maxUs);
  const duration = fillDuration(f, spec);
  const sim = simDefaults.simulation;
  const full: FullSpec = {
    name,
    question: spec.question,
    swarm: swarmOn,
    cluster,
    raft,
    compaction,
    metrics,
    network,
    disk,
    workload,
    faults: spec.faults ?? [],
    chaos,
    buggify,
    duration,
    livenessBound: f.take('livenessBound', spec.livenessBound, () => (swarmOn ? derivedBound(raft, workload, duration, broadcast) : sim.livenessBoundUs), null, showDuration),
    checkInvariants: f.take('checkInvariants', spec.checkInvariants, () => true, null, same),
    maxEvents: f.take('maxEvents', spec.maxEvents, () => sim.maxEvents, null, same),
    expectations: spec.expectations ?? [],
    // Broken variants are never drawn: a swarm run that fails must point at Raft or the simulator.
    bugs: spec.bugs ?? [],
  };
  if (spec.faults === undefined) f.defaults.push('faults');
  return { full, drawn: f.drawn, drawnText: f.drawnText, defaults: f.defaults };
}

